import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openDataSource, workspaceRoot } from '@crosswalk/api/database';
import {
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';

// The shipped seattle-cad profile on the real SPD Call Data extract: the
// behavioral-health calls are imported and classified, the others filtered.
// The expected figures were counted from the raw file with Python's csv
// module; the row and filter counts are also recounted here.

const FILE = join(
  workspaceRoot(),
  '..',
  'shared',
  'datasets',
  'seattle-spd-call-data-subset',
  'db_call_data_2018-2023.csv',
);
/** The profile's filter pattern, written out again. */
const BEHAVIORAL =
  /CRISIS|SUICID|WELFARE|BEHAVIO|EMOTIONAL|MENTAL|OVERDOSE|\bOD\b/i;

describe('the seattle-cad profile', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openDataSource(
      process.env['CROSSWALK_TEST_DATABASE_URL'] as string,
    );
  });
  afterAll(() => dataSource.destroy());

  it('imports the crisis, suicide, welfare and overdose calls of the file, classified', async () => {
    const rows: Record<string, string>[] = parse(readFileSync(FILE), {
      columns: true,
    });
    // SOURCE.md says 221 data rows; there are 222 (CRLF line ends, no
    // quoted newlines, and no line end after the last row).
    expect(rows).toHaveLength(222);
    const behavioral = rows.filter(
      (r) =>
        BEHAVIORAL.test(r['Initial Call Type']) ||
        BEHAVIORAL.test(r['Final Call Type']),
    );
    expect(behavioral).toHaveLength(15);

    const summary = await runImport(dataSource, {
      profile: loadImportProfile(
        'seattle-cad',
        shippedProfilesDir(workspaceRoot()),
      ),
      file: FILE,
      personKeySecret: 'test-secret',
    });
    expect(summary).toMatchObject({
      rowsRead: rows.length,
      inserted: behavioral.length,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      filtered: rows.length - behavioral.length,
    });

    const count = async (column: string) =>
      Object.fromEntries(
        (
          await dataSource.query(
            `SELECT ${column}::text AS key, count(*)::int AS n FROM encounters WHERE import_batch_id = $1 GROUP BY 1`,
            [summary.batchId],
          )
        ).map((r: { key: string | null; n: number }) => [String(r.key), r.n]),
      );
    const ids = await dataSource.query(
      'SELECT source_record_id AS id FROM encounters WHERE import_batch_id = $1 ORDER BY 1',
      [summary.batchId],
    );
    expect(ids.map((r: { id: string }) => r.id)).toEqual(
      behavioral.map((r) => r['CAD Event Number']).sort(),
    );
    expect(await count('bh_category')).toEqual({
      mental_health: 8,
      substance_use: 4,
      welfare_check: 3,
    });
    expect(await count('initial_call_bh')).toEqual({ true: 10, false: 5 });
    expect(await count('call_origin')).toEqual({ '911': 11, other: 4 });
    expect(await count('arrest')).toEqual({ false: 15 });
    expect(await count('citation')).toEqual({ false: 15 });
    expect(await count('arrived_at IS NULL')).toEqual({ true: 1, false: 14 });

    // One call in full: 12-hour clock, naive Pacific time (PDT in November
    // 2021, before the change back on the 7th), raw call types, area path.
    const [call] = await dataSource.query(
      `SELECT e.occurred_at, e.received_at, e.arrived_at, e.time_precision, e.initial_call_type, e.final_call_type,
              e.bh_category, e.call_origin, e.latitude, e.longitude,
              beat.code AS beat, beat.level AS beat_level, sector.code AS sector, sector.level AS sector_level,
              precinct.code AS precinct, precinct.level AS precinct_level, precinct.parent_id AS above_precinct
         FROM encounters e
         JOIN areas beat ON beat.id = e.area_id
         JOIN areas sector ON sector.id = beat.parent_id
         JOIN areas precinct ON precinct.id = sector.parent_id
        WHERE e.import_batch_id = $1 AND e.source_record_id = '2021000291990'`,
      [summary.batchId],
    );
    expect(call).toEqual({
      occurred_at: new Date('2021-11-03T18:56:59Z'),
      received_at: new Date('2021-11-03T18:56:59Z'),
      arrived_at: new Date('2021-11-03T19:56:45Z'),
      time_precision: 'minute',
      initial_call_type: 'SUICIDE - SUICIDAL PERSON AND ATTEMPTS',
      final_call_type: '--CRISIS COMPLAINT - GENERAL',
      bh_category: 'mental_health',
      call_origin: 'other',
      latitude: 47.61703719,
      longitude: -122.2845855,
      beat: 'C3',
      beat_level: 'beat',
      sector: 'CHARLIE',
      sector_level: 'sector',
      precinct: 'EAST',
      precinct_level: 'precinct',
      above_precinct: null,
    });
    // Winter time: PST, UTC-8.
    const [winter] = await dataSource.query(
      `SELECT occurred_at, arrived_at FROM encounters WHERE import_batch_id = $1 AND source_record_id = '2018000484641'`,
      [summary.batchId],
    );
    expect(winter).toEqual({
      occurred_at: new Date('2018-12-30T00:38:34Z'),
      arrived_at: new Date('2018-12-30T00:49:39Z'),
    });
  });
});
