import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  ImportFileError,
  type ImportSummary,
  type LoadedImportProfile,
  loadImportProfile,
  runImport,
} from '@crosswalk/import-engine';

import { importScratch } from '../../support/import-scratch';

// Every kind of bad input ends in an import with exact counts and each bad
// row in import_rejects (row number, column, reason, raw line), or in a
// clear error for the file as a whole; never in a crash.

const PROFILE = `
title: Malformed CSV test
agency: { code: malformed-csv-test, name: Malformed CSV test, timeZone: America/Chicago }
sourceSystem: malformed-csv-test
recordId: { columns: [id] }
fields:
  occurred_at: { column: occurred, format: 'yyyy-MM-dd HH:mm' }
  dispatched_at: { column: dispatched, format: 'yyyy-MM-dd HH:mm' }
  arrived_at: { column: arrived, format: 'yyyy-MM-dd HH:mm' }
  final_call_type: { column: type }
  bh_category:
    column: type
    map: { crisis: mental_health, suicide: suicide }
    default: other
`;
const HEADER = 'id,occurred,dispatched,arrived,type';

describe('importing malformed CSV', () => {
  const scratch = importScratch('malformed');
  let base: LoadedImportProfile;

  beforeAll(async () => {
    writeFileSync(join(scratch.dir, 'malformed.yaml'), PROFILE);
    base = loadImportProfile(join(scratch.dir, 'malformed.yaml'), scratch.dir);
  });

  /** Imports `content` as a source system of its own, so cases never share record ids. */
  const importText = (
    name: string,
    content: string | Buffer,
    profile = base,
  ): Promise<ImportSummary> => {
    const file = join(scratch.dir, `${name}.csv`);
    writeFileSync(file, content);
    return runImport(scratch.dataSource, {
      profile: {
        ...profile,
        profile: { ...profile.profile, sourceSystem: `malformed-${name}` },
      },
      file,
      personKeySecret: 'test-secret',
    });
  };
  const rejects = async (summary: ImportSummary) =>
    scratch.dataSource.query(
      `SELECT row_number AS row, column_name AS column, reason, raw_line AS raw
         FROM import_rejects WHERE batch_id = $1 ORDER BY row_number`,
      [summary.batchId],
    );
  const counts = (summary: ImportSummary) => {
    const { rowsRead, inserted, updated, unchanged, rejected, filtered } =
      summary;
    expect(rowsRead).toBe(inserted + updated + unchanged + rejected + filtered);
    return { rowsRead, inserted, updated, unchanged, rejected, filtered };
  };
  const latestBatch = async (name: string) =>
    (
      await scratch.dataSource.query(
        `SELECT status, error FROM import_batches WHERE source_system = $1 ORDER BY started_at DESC LIMIT 1`,
        [`malformed-${name}`],
      )
    )[0];
  const none = { updated: 0, unchanged: 0, filtered: 0 };
  /** The final call type stored for a record of a case. */
  const callType = async (name: string, recordId: string) =>
    (
      await scratch.dataSource.query(
        'SELECT final_call_type FROM encounters WHERE source_system = $1 AND source_record_id = $2',
        [`malformed-${name}`, recordId],
      )
    )[0].final_call_type;

  it('rejects an empty file with a clear error and marks the batch failed', async () => {
    await expect(importText('empty', '')).rejects.toThrow(ImportFileError);
    await expect(importText('empty', '')).rejects.toThrow(
      /empty: there is no header row/,
    );
    expect(await latestBatch('empty')).toEqual({
      status: 'failed',
      error: expect.stringMatching(/empty/),
    });
  });

  it('imports nothing from a file with only a header, with or without a final newline', async () => {
    for (const [name, text] of [
      ['header-only', `${HEADER}\n`],
      ['header-only-no-newline', HEADER],
    ]) {
      const summary = await importText(name, text);
      expect(counts(summary)).toEqual({
        rowsRead: 0,
        inserted: 0,
        rejected: 0,
        ...none,
      });
      expect(await latestBatch(name)).toEqual({
        status: 'completed',
        error: null,
      });
    }
  });

  it('reads a header that starts with a byte-order mark', async () => {
    const summary = await importText(
      'bom',
      `\uFEFF${HEADER}\nb1,2023-03-01 10:00,,,crisis\nb2,2023-03-01 11:00,,,suicide\n`,
    );
    expect(counts(summary)).toEqual({
      rowsRead: 2,
      inserted: 2,
      rejected: 0,
      ...none,
    });
  });

  it('reads CRLF line ends and keeps them out of values and raw lines', async () => {
    const summary = await importText(
      'crlf',
      [
        HEADER,
        'c1,2023-03-01 10:00,,,crisis',
        'c2,not a date,,,crisis',
        'c3,2023-03-01 12:00,,,suicide',
      ].join('\r\n') + '\r\n',
    );
    expect(counts(summary)).toEqual({
      rowsRead: 3,
      inserted: 2,
      rejected: 1,
      ...none,
    });
    expect(await rejects(summary)).toEqual([
      {
        row: 3,
        column: 'occurred',
        reason: 'invalid_date',
        raw: 'c2,not a date,,,crisis',
      },
    ]);
    const types = await scratch.dataSource.query(
      `SELECT final_call_type FROM encounters WHERE source_system = 'malformed-crlf' ORDER BY source_record_id`,
    );
    expect(types).toEqual([
      { final_call_type: 'crisis' },
      { final_call_type: 'suicide' },
    ]);
  });

  it('keeps a quoted newline inside its value and numbers later rows by the line they start on', async () => {
    const summary = await importText(
      'quoted-newlines',
      [
        HEADER,
        'q1,2023-03-01 10:00,,,"crisis,\nsecond line"',
        'q2,2023-03-01 11:00,,,crisis',
        'q3,2023-13-01 11:00,,,crisis',
      ].join('\n') + '\n',
    );
    expect(counts(summary)).toEqual({
      rowsRead: 3,
      inserted: 2,
      rejected: 1,
      ...none,
    });
    expect(await callType('quoted-newlines', 'q1')).toBe(
      'crisis,\nsecond line',
    );
    expect(await rejects(summary)).toEqual([
      {
        row: 5,
        column: 'occurred',
        reason: 'invalid_date',
        raw: 'q3,2023-13-01 11:00,,,crisis',
      },
    ]);
  });

  it('skips blank lines and lines above the header row, numbering rows by their line in the file', async () => {
    const summary = await importText(
      'blank-lines',
      [
        'Calls for service export',
        'Generated 2023-03-02',
        HEADER,
        'k1,2023-03-01 10:00,,,crisis',
        '',
        '',
        'k2,2023-03-01 99:00,,,crisis',
        'k3,2023-03-01 11:00,,,crisis',
        '',
      ].join('\n'),
      {
        ...base,
        profile: {
          ...base.profile,
          file: { ...base.profile.file, headerRow: 3 },
        },
      },
    );
    expect(counts(summary)).toEqual({
      rowsRead: 3,
      inserted: 2,
      rejected: 1,
      ...none,
    });
    expect(await rejects(summary)).toEqual([
      {
        row: 7,
        column: 'occurred',
        reason: 'invalid_date',
        raw: 'k2,2023-03-01 99:00,,,crisis',
      },
    ]);
  });

  it('rejects rows with too few or too many fields and imports the rest', async () => {
    const summary = await importText(
      'ragged',
      [
        HEADER,
        'r1,2023-03-01 10:00,,,crisis',
        'r2,2023-03-01 10:00,,',
        'r3,2023-03-01 10:00,,,crisis,extra',
        'r4,2023-03-01 10:00,,,crisis',
        // Only empty fields past the header's columns: nothing is lost.
        'r5,2023-03-01 10:00,,,crisis,, ',
      ].join('\n'),
    );
    expect(counts(summary)).toEqual({
      rowsRead: 5,
      inserted: 3,
      rejected: 2,
      ...none,
    });
    expect(await rejects(summary)).toEqual([
      {
        row: 3,
        column: null,
        reason: 'ragged_row',
        raw: 'r2,2023-03-01 10:00,,',
      },
      {
        row: 4,
        column: null,
        reason: 'ragged_row',
        raw: 'r3,2023-03-01 10:00,,,crisis,extra',
      },
    ]);
  });

  it('rejects a row with bytes that are not UTF-8', async () => {
    const summary = await importText(
      'invalid-utf8',
      Buffer.concat([
        Buffer.from(
          `${HEADER}\nu1,2023-03-01 10:00,,,crisis\nu2,2023-03-01 10:00,,,cri`,
        ),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('sis\nu3,2023-03-01 10:00,,,caf\u00e9\n'),
      ]),
    );
    expect(counts(summary)).toEqual({
      rowsRead: 3,
      inserted: 2,
      rejected: 1,
      ...none,
    });
    const [reject] = await rejects(summary);
    expect(reject).toMatchObject({
      row: 3,
      column: null,
      reason: 'invalid_utf8',
    });
    expect(reject.raw).toMatch(/^u2,2023-03-01 10:00,,,cri\uFFFD+sis$/);
    expect(await callType('invalid-utf8', 'u3')).toBe('caf\u00e9');
  });

  it('reads a latin1 file as Windows-1252, the punctuation of Windows exports included', async () => {
    const latin1 = {
      ...base,
      profile: {
        ...base.profile,
        file: { ...base.profile.file, encoding: 'latin1' as const },
      },
    };
    const summary = await importText(
      'windows-1252',
      Buffer.concat([
        Buffer.from(`${HEADER}\nw1,2023-03-01 10:00,,,`),
        // Person’s welfare – “caf\u00e9” € (0x92, 0x96, 0x93, 0xe9, 0x94, 0x80)
        Buffer.from([
          0x50, 0x65, 0x72, 0x73, 0x6f, 0x6e, 0x92, 0x73, 0x20, 0x77, 0x65,
          0x6c, 0x66, 0x61, 0x72, 0x65, 0x20, 0x96, 0x20, 0x93, 0x63, 0x61,
          0x66, 0xe9, 0x94, 0x20, 0x80,
        ]),
        Buffer.from('\n'),
      ]),
      latin1,
    );
    expect(counts(summary)).toEqual({
      rowsRead: 1,
      inserted: 1,
      rejected: 0,
      ...none,
    });
    expect(await callType('windows-1252', 'w1')).toBe(
      'Person\u2019s welfare \u2013 \u201ccaf\u00e9\u201d \u20ac',
    );
  });

  it('rejects a row with a NUL byte, which PostgreSQL text cannot hold', async () => {
    const summary = await importText(
      'nul-byte',
      `${HEADER}\nz1,2023-03-01 10:00,,,crisis\nz2,2023-03-01 10:00,,,cri\u0000sis\nz3,2023-03-01 10:00,,,crisis\n`,
    );
    expect(counts(summary)).toEqual({
      rowsRead: 3,
      inserted: 2,
      rejected: 1,
      ...none,
    });
    expect(await rejects(summary)).toEqual([
      {
        row: 3,
        column: null,
        reason: 'invalid_utf8',
        raw: 'z2,2023-03-01 10:00,,,cri\uFFFDsis',
      },
    ]);
  });

  it('keeps a quote inside a field as text and loses no row after a malformed quoted field', async () => {
    const summary = await importText(
      'malformed-quotes',
      [
        HEADER,
        'm1,2023-03-01 10:00,,,crisis',
        'm2,2023-03-01 10:00,,,"crisis"x',
        'm3,2023-03-01 10:00,,,cri"sis',
        'm4,2023-03-01 10:00,,,"crisis"',
      ].join('\n') + '\n',
    );
    const { rowsRead, inserted, rejected } = counts(summary);
    expect(rowsRead).toBe(4);
    const types = Object.fromEntries(
      (
        await scratch.dataSource.query(
          `SELECT source_record_id AS id, final_call_type AS type FROM encounters WHERE source_system = 'malformed-malformed-quotes'`,
        )
      ).map((r: { id: string; type: string }) => [r.id, r.type]),
    );
    // A quote inside an unquoted field is text; the rows around a malformed
    // quoted field are read as they are, not swallowed into it.
    expect(types).toMatchObject({ m1: 'crisis', m3: 'cri"sis', m4: 'crisis' });
    // The malformed field itself is kept as written or rejected on its own.
    if ('m2' in types) {
      expect(types['m2']).toBe('"crisis"x');
      expect({ inserted, rejected }).toEqual({ inserted: 4, rejected: 0 });
    } else {
      expect({ inserted, rejected }).toEqual({ inserted: 3, rejected: 1 });
      expect(await rejects(summary)).toEqual([
        {
          row: 3,
          column: null,
          reason: 'malformed_csv',
          raw: 'm2,2023-03-01 10:00,,,"crisis"x',
        },
      ]);
    }
  });

  it('rejects the line with an unclosed quote alone and keeps the rows after it', async () => {
    const summary = await importText(
      'unclosed-quote',
      `${HEADER}\nn1,2023-03-01 10:00,,,crisis\nn2,2023-03-01 10:00,,,"crisis\nn3,2023-03-01 10:00,,,crisis\n`,
    );
    expect(counts(summary)).toEqual({
      rowsRead: 3,
      inserted: 2,
      rejected: 1,
      ...none,
    });
    // The quote would run to the end of the file; its lines are read again
    // one by one, so only line 3 is rejected and n3 still imports.
    expect(await rejects(summary)).toEqual([
      {
        row: 3,
        column: null,
        reason: 'malformed_csv',
        raw: 'n2,2023-03-01 10:00,,,"crisis',
      },
    ]);
  });

  it('refuses a file whose header lacks a mapped column, naming the column', async () => {
    const attempt = importText(
      'missing-column',
      'id,occurred,dispatched,type\nx1,2023-03-01 10:00,,crisis\n',
    );
    await expect(attempt).rejects.toThrow(ImportFileError);
    await expect(attempt).rejects.toThrow(
      /Column "arrived" \(used by fields\.arrived_at\) is not in the file's header/,
    );
    expect(await latestBatch('missing-column')).toMatchObject({
      status: 'failed',
    });
    const [{ n }] = await scratch.dataSource.query(
      `SELECT count(*)::int AS n FROM encounters WHERE source_system = 'malformed-missing-column'`,
    );
    expect(n).toBe(0);
  });

  it('rejects future dates, times out of order and rows without id or occurred_at', async () => {
    const summary = await importText(
      'row-rules',
      [
        HEADER,
        'v1,2023-03-01 10:00,2023-03-01 10:05,2023-03-01 10:20,crisis',
        'v2,2999-03-01 10:00,,,crisis',
        'v3,2023-03-01 10:00,2023-03-01 10:05,2023-03-01 10:01,crisis',
        ',2023-03-01 10:00,,,crisis',
        'v5,,,,crisis',
        'v6,2023-03-01 10:00,2999-03-01 10:05,,crisis',
      ].join('\n'),
    );
    expect(counts(summary)).toEqual({
      rowsRead: 6,
      inserted: 1,
      rejected: 5,
      ...none,
    });
    expect(summary.rejectsByReason).toEqual({
      future_date: 2,
      missing_record_id: 1,
      missing_required: 1,
      time_order: 1,
    });
    expect(await rejects(summary)).toEqual([
      {
        row: 3,
        column: 'occurred',
        reason: 'future_date',
        raw: 'v2,2999-03-01 10:00,,,crisis',
      },
      {
        row: 4,
        column: 'arrived',
        reason: 'time_order',
        raw: 'v3,2023-03-01 10:00,2023-03-01 10:05,2023-03-01 10:01,crisis',
      },
      {
        row: 5,
        column: 'id',
        reason: 'missing_record_id',
        raw: ',2023-03-01 10:00,,,crisis',
      },
      {
        row: 6,
        column: 'occurred',
        reason: 'missing_required',
        raw: 'v5,,,,crisis',
      },
      {
        row: 7,
        column: 'dispatched',
        reason: 'future_date',
        raw: 'v6,2023-03-01 10:00,2999-03-01 10:05,,crisis',
      },
    ]);
  });
});
