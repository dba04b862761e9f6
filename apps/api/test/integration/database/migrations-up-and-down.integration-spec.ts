import {
  dataSourceOptions,
  ensureDatabase,
  MIGRATIONS,
} from '@crosswalk/api/database';
import { DataSource } from 'typeorm';

describe('migrations', () => {
  it('apply to an empty database, revert all the way and apply again', async () => {
    const base = new URL(process.env['CROSSWALK_TEST_DATABASE_URL'] ?? '');
    const url = new URL(base);
    url.pathname = `${base.pathname}_migrations`;
    await ensureDatabase(base.toString(), url.pathname.slice(1));
    const dataSource = new DataSource({
      ...dataSourceOptions(url.toString()),
      migrationsRun: false,
    });
    await dataSource.initialize();
    try {
      const tables = async () =>
        (
          await dataSource.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
          )
        ).map((r: { tablename: string }) => r.tablename);
      await dataSource.runMigrations();
      expect(await tables()).toEqual([
        'agencies',
        'areas',
        'audit_log',
        'encounters',
        'import_batches',
        'import_rejects',
        'metric_histogram_rollups',
        'metric_histogram_totals',
        'metric_hour_rollups',
        'metric_person_rollups',
        'metric_rollup_totals',
        'metric_rollups',
        'migrations',
        'program_areas',
        'programs',
        'referrals',
        'rollup_state',
        'sessions',
        'unit_costs',
        'users',
      ]);
      // Every fact table carries the agency, first in its primary key (Citus distribution column).
      const keys = await dataSource.query(`
        SELECT c.conrelid::regclass::text AS t, a.attname AS first
          FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'p' AND c.conrelid::regclass::text IN ('encounters', 'referrals', 'import_batches', 'import_rejects', 'unit_costs', 'areas', 'programs', 'program_areas')`);
      expect(
        keys.every((k: { first: string }) => k.first === 'agency_id'),
      ).toBe(true);
      expect(keys).toHaveLength(8);

      for (let left = MIGRATIONS.length; left > 0; left--)
        await dataSource.undoLastMigration();
      expect(await tables()).toEqual(['migrations']);
      await dataSource.runMigrations();
      expect(await tables()).toHaveLength(20);
    } finally {
      await dataSource.destroy();
    }
  });
});
