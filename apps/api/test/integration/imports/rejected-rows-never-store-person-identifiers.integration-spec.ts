import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadImportProfile, runImport } from '@crosswalk/import-engine';

import { importScratch } from '../../support/import-scratch';

// DOMAIN.md section 6: raw names, dates of birth and record numbers that
// identify a person are never stored. The person key is their keyed hash;
// a rejected row's raw line must not bring them back in import_rejects.

const PROFILE = `
title: Identifier redaction test
agency: { code: identifier-redaction-test, name: Identifier redaction test, timeZone: UTC }
sourceSystem: identifier-redaction-test
recordId: { columns: [id] }
fields:
  occurred_at: { column: occurred, format: iso }
  final_call_type: { column: type }
  person_key: { columns: [name, dob] }
`;

describe('rejected rows of a profile with person identifiers', () => {
  const scratch = importScratch('identifiers');

  it('keep the rest of the line for the data steward but not the name or date of birth', async () => {
    writeFileSync(join(scratch.dir, 'identifiers.yaml'), PROFILE);
    const file = join(scratch.dir, 'identifiers.csv');
    writeFileSync(
      file,
      [
        'id,occurred,type,name,dob',
        'p1,2023-03-01T10:00:00,crisis,Ann Lee,1980-02-03',
        'p2,not a date,crisis,Ann Lee,1980-02-03',
        'p3,2023-03-01T10:00:00,crisis,Ann Lee',
        'p4,2023-03-01T10:00:00,crisis,Ann Lee,1980-02-03,extra',
        'p5,2023-03-01T10:00:00,"crisis,Ann Lee,1980-02-03',
        'p1,2023-03-02T11:00:00,"crisis, again",Ann Lee,1980-02-03',
      ].join('\n'),
    );
    const summary = await runImport(scratch.dataSource, {
      profile: loadImportProfile(
        join(scratch.dir, 'identifiers.yaml'),
        scratch.dir,
      ),
      file,
      personKeySecret: 'test-secret',
    });
    expect(summary).toMatchObject({ rowsRead: 6, inserted: 1, rejected: 5 });

    const stored = await scratch.dataSource.query(
      'SELECT row_number AS row, reason, raw_line AS raw FROM import_rejects WHERE batch_id = $1 ORDER BY row_number',
      [summary.batchId],
    );
    expect(stored.map((r: { reason: string }) => r.reason)).toEqual([
      'invalid_date',
      'ragged_row',
      'ragged_row',
      'malformed_csv',
      'duplicate_record_id',
    ]);
    for (const { raw } of stored) {
      expect(raw).not.toMatch(/Ann Lee|1980-02-03/);
    }
    // What the steward needs to fix the row is still there.
    expect(stored[0].raw).toContain('not a date');
    expect(stored[4].raw).toBe('p1,2023-03-02T11:00:00,"crisis, again",,');
  });

  it('treat a date of birth read for the age band as an identifier too', async () => {
    writeFileSync(
      join(scratch.dir, 'born.yaml'),
      `
title: Date of birth test
agency: { code: identifier-redaction-test, name: Identifier redaction test, timeZone: UTC }
sourceSystem: date-of-birth-test
recordId: { columns: [id] }
fields:
  occurred_at: { column: occurred, format: iso }
  age_band: { column: born, format: 'MM/dd/yyyy' }
`,
    );
    const file = join(scratch.dir, 'born.csv');
    writeFileSync(
      file,
      [
        'id,occurred,born',
        'b1,2023-03-01T10:00:00,03/02/1999',
        'b2,2023-03-01T10:00:00,1999-03-02',
        'b3,not a date,03/02/1999',
        'b4,2023-03-01T10:00:00,03/02/2024',
      ].join('\n'),
    );
    const summary = await runImport(scratch.dataSource, {
      profile: loadImportProfile(join(scratch.dir, 'born.yaml'), scratch.dir),
      file,
    });
    expect(summary).toMatchObject({ rowsRead: 4, inserted: 1, rejected: 3 });
    // Born 2 March 1999: 23 on 1 March 2023, a day before turning 24.
    const [{ age_band }] = await scratch.dataSource.query(
      "SELECT age_band FROM encounters WHERE source_system = 'date-of-birth-test'",
    );
    expect(age_band).toBe('18-24');
    const stored = await scratch.dataSource.query(
      'SELECT column_name AS column, detail, raw_line AS raw FROM import_rejects WHERE batch_id = $1 ORDER BY row_number',
      [summary.batchId],
    );
    expect(stored).toEqual([
      {
        column: 'born',
        detail:
          'the date of birth in "born" does not match the date format MM/dd/yyyy',
        raw: 'b2,2023-03-01T10:00:00,',
      },
      expect.objectContaining({ raw: 'b3,not a date,' }),
      {
        column: 'born',
        detail: 'the date of birth in "born" is after occurred_at',
        raw: 'b4,2023-03-01T10:00:00,',
      },
    ]);
  });

  it('blank the columns the profile redacts, and refuse a file without them', async () => {
    const profile = (redact: string) => `
title: Redacted notes test
agency: { code: identifier-redaction-test, name: Identifier redaction test, timeZone: UTC }
sourceSystem: redacted-notes-test
recordId: { columns: [id] }
redact: [${redact}]
fields:
  occurred_at: { column: occurred, format: iso }
`;
    const file = join(scratch.dir, 'notes.csv');
    writeFileSync(
      file,
      [
        'id,occurred,notes',
        'n1,2023-03-01T10:00:00,Ann Lee called again',
        'n2,not a date,"Ann Lee, at her sister\'s"',
        'n3,2023-03-01T10:00:00,Ann Lee,extra',
      ].join('\n'),
    );
    const run = (redact: string) => {
      writeFileSync(join(scratch.dir, 'notes.yaml'), profile(redact));
      return runImport(scratch.dataSource, {
        profile: loadImportProfile(
          join(scratch.dir, 'notes.yaml'),
          scratch.dir,
        ),
        file,
      });
    };
    const summary = await run("'notes'");
    expect(summary).toMatchObject({ rowsRead: 3, inserted: 1, rejected: 2 });
    const stored = await scratch.dataSource.query(
      'SELECT reason, raw_line AS raw FROM import_rejects WHERE batch_id = $1 ORDER BY row_number',
      [summary.batchId],
    );
    // A ragged row's cells cannot be told apart: its line is left out.
    expect(stored).toEqual([
      { reason: 'invalid_date', raw: 'n2,not a date,' },
      { reason: 'ragged_row', raw: '' },
    ]);
    // A misspelt column would leave the real one's text in the rejects.
    await expect(run('note')).rejects.toThrow(
      'Column "note" (used by redact) is not in the file\'s header. Did you mean "notes"? The header has: "id", "occurred", "notes"',
    );
  });
});
