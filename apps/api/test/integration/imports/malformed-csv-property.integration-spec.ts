import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  type LoadedImportProfile,
  loadImportProfile,
  runImport,
} from '@crosswalk/import-engine';
import fc from 'fast-check';

import { importScratch } from '../../support/import-scratch';

// Whatever bytes follow a good header, an import finishes without crashing,
// every row read is accounted for exactly once, and what the summary says
// is what the database holds.

const PROFILE = `
title: Malformed CSV property
agency: { code: malformed-csv-property, name: Malformed CSV property, timeZone: America/Denver }
sourceSystem: malformed-csv-property
recordId: { columns: [id] }
filter:
  - { column: type, matches: ['^(crisis|suicide)$', '^$'] }
fields:
  occurred_at: { column: occurred, format: 'MM/dd/yyyy h:mm a' }
  arrived_at: { column: arrived, format: iso }
  area: { column: beat, unknown: ['-', X, OOJ] }
  final_call_type: { column: type }
  bh_category: { column: type, map: { crisis: mental_health, suicide: suicide } }
  arrest: { column: arrest }
  latitude: { column: lat }
  person_key: { columns: [name] }
`;
const HEADER = 'id,occurred,arrived,beat,type,arrest,lat,name';

const goodCell = [
  fc.constantFrom('1', '2', '3', 'a-17', ''),
  fc.constantFrom('03/01/2023 6:08 PM', '12/31/2022 12:00 AM', 'nope', ''),
  fc.constantFrom('2023-03-02T01:00:00', '2023-03-01', '2023-02-30', ''),
  fc.constantFrom('B1', '-', 'x', 'OOJ', ''),
  fc.constantFrom('crisis', 'suicide', 'theft', ''),
  fc.constantFrom('yes', 'N', 'maybe', ''),
  fc.constantFrom('39.7', '-104.9', 'north', ''),
  fc.constantFrom('Ann Lee', ' ann  LEE ', ''),
];
const garbage = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
  fc.constantFrom(
    '"',
    '""',
    '","',
    ',',
    '\n',
    '\r\n',
    '\r',
    '"a\nb"',
    '\uFEFF',
    '\u0000',
  ),
  fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', ' ') }),
);
/** One row: good cells with random garbage in some, and fields sometimes missing or extra. */
const row = fc
  .tuple(
    fc.tuple(...goodCell),
    fc.array(fc.tuple(fc.nat(7), garbage), { maxLength: 3 }),
    fc.integer({ min: -2, max: 2 }),
  )
  .map(([cells, dirt, lengthChange]) => {
    const out: string[] = [...cells];
    for (const [index, text] of dirt) out[index] = text;
    if (lengthChange < 0) out.length = out.length + lengthChange;
    else for (let i = 0; i < lengthChange; i++) out.push('extra');
    return out.join(',');
  });
/** Invalid UTF-8 byte sequences spliced into the file. */
const badBytes = fc.constantFrom(
  Buffer.from([0xff]),
  Buffer.from([0xc3]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xed, 0xa0, 0x80]),
);
const file = fc
  .tuple(
    fc.array(row, { maxLength: 25 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
    fc.array(fc.tuple(fc.nat(), badBytes), { maxLength: 2 }),
  )
  .map(([rows, newline, finalNewline, splices]) => {
    let body = Buffer.from(
      [HEADER, ...rows].join(newline) + (finalNewline ? newline : ''),
    );
    for (const [at, bytes] of splices) {
      // After the header, so the header itself stays readable.
      const headerEnd = HEADER.length + newline.length;
      if (body.length <= headerEnd) break;
      const cut = headerEnd + (at % (body.length - headerEnd));
      body = Buffer.concat([body.subarray(0, cut), bytes, body.subarray(cut)]);
    }
    return body;
  });

describe('importing random malformed CSV', () => {
  const scratch = importScratch('property');
  let profile: LoadedImportProfile;

  beforeAll(async () => {
    writeFileSync(join(scratch.dir, 'property.yaml'), PROFILE);
    profile = loadImportProfile(
      join(scratch.dir, 'property.yaml'),
      scratch.dir,
    );
  });

  it('never crashes and accounts for every row read', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(file, async (content) => {
        run++;
        const sourceSystem = `property-${run}`;
        const path = join(scratch.dir, `${run}.csv`);
        writeFileSync(path, content);
        const summary = await runImport(scratch.dataSource, {
          profile: {
            ...profile,
            profile: { ...profile.profile, sourceSystem },
          },
          file: path,
          personKeySecret: 'test-secret',
        });
        const { rowsRead, inserted, updated, unchanged, rejected, filtered } =
          summary;
        expect(rowsRead).toBe(
          inserted + updated + unchanged + rejected + filtered,
        );
        const [stored] = await scratch.dataSource.query(
          `SELECT b.rows_read, b.inserted, b.updated, b.unchanged, b.rejected, b.filtered, b.status,
                  (SELECT count(*)::int FROM import_rejects r WHERE r.batch_id = b.id) AS rejects,
                  (SELECT count(*)::int FROM encounters e WHERE e.source_system = $2) AS encounters
             FROM import_batches b WHERE b.id = $1`,
          [summary.batchId, sourceSystem],
        );
        expect(stored).toEqual({
          rows_read: rowsRead,
          inserted,
          updated,
          unchanged,
          rejected,
          filtered,
          status: 'completed',
          rejects: rejected,
          encounters: inserted,
        });
      }),
      { numRuns: 40 },
    );
  });
});
