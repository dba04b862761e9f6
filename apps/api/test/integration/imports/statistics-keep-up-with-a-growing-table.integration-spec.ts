import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadImportProfile, runImport } from '@crosswalk/import-engine';

import { importScratch } from '../../support/import-scratch';

// An import looks encounters up by record id (existing rows, the encounters
// of referrals). Planned with the statistics of a much smaller table, such
// a look-up reads every encounter of the agency for each row, and a large
// import never ends. So an import analyses the encounters before a batch
// once they have outgrown their statistics.

const PROFILE = `
title: Statistics test
agency: { code: statistics-test, name: Statistics test, timeZone: UTC }
sourceSystem: statistics-test
recordId: { columns: [id] }
fields:
  occurred_at: { column: occurred, format: iso }
  referrals:
    - provider: { column: referred_to }
`;

describe('the statistics of a table an import writes', () => {
  const scratch = importScratch('statistics');

  const importRows = (rows: string[], onFirstBatch?: () => void) => {
    const file = join(scratch.dir, 'calls.csv');
    writeFileSync(file, ['id,occurred,referred_to', ...rows].join('\n'));
    writeFileSync(join(scratch.dir, 'statistics.yaml'), PROFILE);
    let batches = 0;
    return runImport(scratch.dataSource, {
      profile: loadImportProfile(
        join(scratch.dir, 'statistics.yaml'),
        scratch.dir,
      ),
      file,
      onProgress: () => {
        if (batches++ === 0) onFirstBatch?.();
      },
    });
  };
  const plannerRows = async () =>
    Number(
      (
        await scratch.dataSource.query(
          "SELECT reltuples FROM pg_class WHERE oid = 'encounters'::regclass",
        )
      )[0].reltuples,
    );

  it('are brought up to date before a batch when the table has outgrown them', async () => {
    await scratch.dataSource.query(
      'ALTER TABLE encounters SET (autovacuum_enabled = false)',
    );
    try {
      // An import analyses the table as it ends: its statistics count a few rows.
      await importRows(['s1,2024-01-01T10:00:00,Harbor Clinic']);
      const before = await plannerRows();
      // Rows written since (by another program), unknown to the statistics:
      // the table grows to more than twice their count and a batch (10,000).
      const added = before + 30_000;
      await scratch.dataSource.query(
        `INSERT INTO encounters (agency_id, source_system, source_record_id, occurred_at, time_precision)
         SELECT a.id, 'statistics-bulk', 'b' || n, timestamptz '2024-01-01' + n * interval '1 minute', 'minute'
           FROM agencies a CROSS JOIN generate_series(1, $1) AS n WHERE a.code = 'statistics-test'`,
        [added],
      );
      // The live row count is published within a second or so.
      for (let waited = 0; waited < 10_000; waited += 100) {
        const [{ live }] = await scratch.dataSource.query(
          "SELECT n_live_tup AS live FROM pg_stat_user_tables WHERE relid = 'encounters'::regclass",
        );
        if (Number(live) >= before + added) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      expect(await plannerRows()).toBeLessThan(before + added / 2);

      let afterFirstBatch: Promise<number> | undefined;
      const summary = await importRows(
        [
          's2,2024-01-02T10:00:00,Harbor Clinic',
          's3,2024-01-02T11:00:00,Eastside Detox',
        ],
        () => (afterFirstBatch = plannerRows()),
      );
      expect(summary).toMatchObject({ inserted: 2, rejected: 0 });
      // Analysed before the batch was written, not only as the import ended
      // (ANALYZE estimates from a sample of a large table, hence the 0.9).
      expect(await afterFirstBatch).toBeGreaterThan(0.9 * (before + added));
    } finally {
      await scratch.dataSource.query(
        'ALTER TABLE encounters RESET (autovacuum_enabled)',
      );
    }
  });
});
