import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { workspaceRoot } from '@crosswalk/api/database';
import {
  type LoadedImportProfile,
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';

import { importScratch } from '../../support/import-scratch';

// Importing the same file again changes nothing and says so; a changed row
// is updated in place, a new one inserted, and a row missing from the new
// file is kept. A dry run reports the same counts and writes nothing.

const DATASETS = join(workspaceRoot(), '..', 'shared', 'datasets');
const TORONTO_2014 = join(
  DATASETS,
  'toronto-police-persons-in-crisis',
  'pic_2014_analysis_data.csv',
);
const SEATTLE = join(
  DATASETS,
  'seattle-spd-call-data-subset',
  'db_call_data_2018-2023.csv',
);

/** A shipped profile under an agency of this spec's own. */
function shipped(name: string, agencyCode: string): LoadedImportProfile {
  const loaded = loadImportProfile(name, shippedProfilesDir(workspaceRoot()));
  return {
    ...loaded,
    profile: {
      ...loaded.profile,
      agency: { ...loaded.profile.agency, code: agencyCode },
    },
  };
}

describe('importing a file again', () => {
  const scratch = importScratch('reimport');

  const encounters = async (agencyCode: string) =>
    (
      await scratch.dataSource.query(
        'SELECT count(*)::int AS n FROM encounters e JOIN agencies a ON a.id = e.agency_id WHERE a.code = $1',
        [agencyCode],
      )
    )[0].n;

  it('reports all 22,229 Toronto rows unchanged, and a dry run writes nothing', async () => {
    const profile = shipped('toronto-pic', 'reimport-toronto');
    const run = (dryRun = false) =>
      runImport(scratch.dataSource, {
        profile,
        file: TORONTO_2014,
        dryRun,
        personKeySecret: 'test-secret',
      });
    const counts = {
      rowsRead: 22_229,
      updated: 0,
      rejected: 0,
      filtered: 0,
    };

    const dry = await run(true);
    expect(dry).toMatchObject({ ...counts, batchId: null, inserted: 22_229 });
    expect(await encounters('reimport-toronto')).toBe(0);

    expect(await run()).toMatchObject({
      ...counts,
      inserted: 22_229,
      unchanged: 0,
    });
    const again = await run();
    expect(again).toMatchObject({ ...counts, inserted: 0, unchanged: 22_229 });
    expect(await encounters('reimport-toronto')).toBe(22_229);
    const [batch] = await scratch.dataSource.query(
      'SELECT status, rows_read, inserted, unchanged FROM import_batches WHERE id = $1',
      [again.batchId],
    );
    expect(batch).toEqual({
      status: 'completed',
      rows_read: 22_229,
      inserted: 0,
      unchanged: 22_229,
    });
  });

  it('updates a changed row, inserts a new one and keeps one the new file lacks', async () => {
    const profile = shipped('seattle-cad', 'reimport-seattle');
    const run = (file: string) =>
      runImport(scratch.dataSource, {
        profile,
        file,
        personKeySecret: 'test-secret',
      });
    expect(await run(SEATTLE)).toMatchObject({ inserted: 15, filtered: 207 });
    expect(await run(SEATTLE)).toMatchObject({
      rowsRead: 222,
      inserted: 0,
      updated: 0,
      unchanged: 15,
      rejected: 0,
      filtered: 207,
    });

    const lines = readFileSync(SEATTLE, 'utf8').split('\r\n');
    const edited = lines
      // The call that arrived at 12:56:45 PM is corrected to 12:50:00 PM.
      .map((line) =>
        line.startsWith('2021000291990,')
          ? line.replace('11/03/2021 12:56:45 PM', '11/03/2021 12:50:00 PM')
          : line,
      )
      // One behavioral-health call is missing from the new export ...
      .filter((line) => !line.startsWith('2022000175386,'));
    // ... and a new one arrived.
    edited.push(
      '2023000999999,ASSISTANCE RENDERED,911,2,PERSON IN BEHAVIORAL/EMOTIONAL CRISIS,--CRISIS COMPLAINT - GENERAL,12/01/2023 9:15:00 AM,12/01/2023 9:31:10 AM,EAST,CHARLIE,C3,-122.2846815,47.61780948',
    );
    const file = join(scratch.dir, 'seattle-edited.csv');
    writeFileSync(file, edited.join('\r\n'));

    const summary = await run(file);
    expect(summary).toMatchObject({
      rowsRead: 222,
      inserted: 1,
      updated: 1,
      unchanged: 13,
      rejected: 0,
      filtered: 207,
    });
    expect(await encounters('reimport-seattle')).toBe(16);
    const [changed] = await scratch.dataSource.query(
      `SELECT e.arrived_at, e.import_batch_id FROM encounters e WHERE e.source_record_id = '2021000291990'
          AND e.agency_id = (SELECT id FROM agencies WHERE code = 'reimport-seattle')`,
    );
    expect(changed).toEqual({
      arrived_at: new Date('2021-11-03T19:50:00Z'),
      import_batch_id: summary.batchId,
    });
  });

  it('imports the first row of a record id and rejects the rows that repeat it, in any transaction, on every run', async () => {
    const profile = shipped('seattle-cad', 'reimport-repeated');
    const [header, first] = readFileSync(SEATTLE, 'utf8')
      .split('\r\n')
      .filter((line, i) => i === 0 || line.startsWith('2021000291990,'));
    const file = join(scratch.dir, 'seattle-repeated.csv');
    // Calls the filter leaves out, enough to put each repeat in another
    // chunk of the file, so that with one row per transaction the repeats
    // are in other transactions.
    const others = (from: number) =>
      Array.from({ length: 500 }, (_, i) =>
        first
          .replace('2021000291990', `F${from + i}`)
          .replace('SUICIDE - SUICIDAL PERSON AND ATTEMPTS', 'TRAFFIC')
          .replace('--CRISIS COMPLAINT - GENERAL', '--TRAFFIC'),
      );
    const lines = [
      header,
      first,
      ...others(0),
      first,
      ...others(500),
      first.replace('REPORT WRITTEN (NO ARREST)', 'PHYSICAL ARREST MADE'),
    ];
    writeFileSync(file, lines.join('\n'));
    for (const [batchSize, imported] of [
      [20_000, { inserted: 1, unchanged: 0 }],
      [1, { inserted: 0, unchanged: 1 }],
    ] as const) {
      const summary = await runImport(scratch.dataSource, {
        profile,
        file,
        personKeySecret: 'test-secret',
        batchSize,
      });
      expect(summary).toMatchObject({
        rowsRead: 1003,
        filtered: 1000,
        ...imported,
        updated: 0,
        rejected: 2,
        rejectsByReason: { duplicate_record_id: 2 },
      });
      const rejects = await scratch.dataSource.query(
        'SELECT row_number, column_name, detail, raw_line FROM import_rejects WHERE batch_id = $1 ORDER BY row_number',
        [summary.batchId],
      );
      expect(rejects).toEqual(
        [503, 1004].map((row) => ({
          row_number: row,
          column_name: 'CAD Event Number',
          detail: `line ${row} has the record id of line 2, which is the one imported`,
          // The line as it is in the file, kept while its row waited to be written.
          raw_line: lines[row - 1],
        })),
      );
    }
    const rows = await scratch.dataSource.query(
      `SELECT arrest FROM encounters WHERE agency_id = (SELECT id FROM agencies WHERE code = 'reimport-repeated')`,
    );
    expect(rows).toEqual([{ arrest: false }]);

    // A first import, one row per transaction: the repeats are found by the
    // encounter the import wrote, whose row is not kept.
    const fresh = await runImport(scratch.dataSource, {
      profile: shipped('seattle-cad', 'reimport-repeated-fresh'),
      file,
      personKeySecret: 'test-secret',
      batchSize: 1,
    });
    expect(fresh).toMatchObject({ inserted: 1, rejected: 2 });
    const details = await scratch.dataSource.query(
      'SELECT detail FROM import_rejects WHERE batch_id = $1 ORDER BY row_number',
      [fresh.batchId],
    );
    expect(details.map((r: { detail: string }) => r.detail)).toEqual([
      'line 503 has the record id of an earlier line, which is the one imported',
      'line 1004 has the record id of an earlier line, which is the one imported',
    ]);
  });
});
