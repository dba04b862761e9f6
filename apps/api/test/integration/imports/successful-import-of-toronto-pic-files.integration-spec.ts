import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openDataSource, workspaceRoot } from '@crosswalk/api/database';
import {
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';
import type { DataSource } from 'typeorm';

// The shipped toronto-pic profile on the real Toronto Police persons-in-crisis
// extracts: every row becomes one encounter, and the counts by event type and
// by month equal the file's, counted here without the import engine.

const DATASETS = join(
  workspaceRoot(),
  '..',
  'shared',
  'datasets',
  'toronto-police-persons-in-crisis',
);

/** Counts from the raw file: the files have no quoting, so a split is exact. */
function countFile(name: string) {
  const text = readFileSync(join(DATASETS, name), 'utf8');
  expect(text).not.toContain('"');
  const [header, ...lines] = text.split('\n').filter((line) => line !== '');
  expect(header).toBe('objectid,event_year,event_month,event_dow,event_type');
  const byType: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  for (const line of lines) {
    const [, , month, , type] = line.split(',');
    byType[type] = (byType[type] ?? 0) + 1;
    byMonth[month] = (byMonth[month] ?? 0) + 1;
  }
  return { rows: lines.length, byType, byMonth };
}

const CATEGORY: Record<string, string> = {
  'Person in Crisis': 'mental_health',
  'Suicide-related': 'suicide',
  Overdose: 'substance_use',
};

describe('the toronto-pic profile', () => {
  let dataSource: DataSource;
  const profile = loadImportProfile(
    'toronto-pic',
    shippedProfilesDir(workspaceRoot()),
  );

  beforeAll(async () => {
    dataSource = await openDataSource(
      process.env['CROSSWALK_TEST_DATABASE_URL'] as string,
    );
  });
  afterAll(() => dataSource.destroy());

  const grouped = async (sql: string, batchId: string | null) =>
    Object.fromEntries(
      (await dataSource.query(sql, [batchId])).map(
        (r: { key: string; n: number }) => [r.key, r.n],
      ),
    );

  it.each([
    [
      'pic_2014_analysis_data.csv',
      2014,
      { 'Person in Crisis': 13_967, 'Suicide-related': 6_608, Overdose: 1_654 },
    ],
    [
      'pic_2023_analysis_data.csv',
      2023,
      {
        'Person in Crisis': 16_378,
        'Suicide-related': 10_639,
        Overdose: 4_555,
      },
    ],
  ])(
    'imports every row of %s with the file’s counts by event type and month',
    async (name, year, published) => {
      const file = countFile(name);
      // The counts published with the data (SOURCE.md) agree with the file.
      expect(file.byType).toEqual(published);

      const summary = await runImport(dataSource, {
        profile,
        file: join(DATASETS, name),
        personKeySecret: 'test-secret',
      });
      expect(summary).toMatchObject({
        rowsRead: file.rows,
        inserted: file.rows,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        filtered: 0,
      });

      expect(
        await grouped(
          'SELECT final_call_type AS key, count(*)::int AS n FROM encounters WHERE import_batch_id = $1 GROUP BY 1',
          summary.batchId,
        ),
      ).toEqual(file.byType);
      expect(
        await grouped(
          'SELECT bh_category AS key, count(*)::int AS n FROM encounters WHERE import_batch_id = $1 GROUP BY 1',
          summary.batchId,
        ),
      ).toEqual(
        Object.fromEntries(
          Object.entries(file.byType).map(([type, n]) => [CATEGORY[type], n]),
        ),
      );
      // Month buckets in Toronto time, not UTC: January 1st 00:00 EST is
      // 05:00 UTC, and every encounter sits on the 1st of its month.
      expect(
        await grouped(
          `SELECT to_char(occurred_at AT TIME ZONE 'America/Toronto', 'FMMonth') AS key, count(*)::int AS n
             FROM encounters WHERE import_batch_id = $1 GROUP BY 1`,
          summary.batchId,
        ),
      ).toEqual(file.byMonth);
      const [shape] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE time_precision <> 'month')::int AS finer,
                count(*) FILTER (WHERE (occurred_at AT TIME ZONE 'America/Toronto')::time <> '00:00'
                                    OR extract(day FROM occurred_at AT TIME ZONE 'America/Toronto') <> 1
                                    OR extract(year FROM occurred_at AT TIME ZONE 'America/Toronto') <> $2)::int AS off,
                count(*) FILTER (WHERE call_origin IS NOT NULL OR area_id IS NOT NULL OR person_key IS NOT NULL)::int AS guessed,
                min(occurred_at) AS first
           FROM encounters WHERE import_batch_id = $1`,
        [summary.batchId, year],
      );
      expect(shape).toEqual({
        finer: 0,
        off: 0,
        guessed: 0,
        first: new Date(`${year}-01-01T05:00:00Z`),
      });
    },
  );

  it('holds both years side by side under one agency', async () => {
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM encounters e JOIN agencies a ON a.id = e.agency_id
        WHERE a.code = 'toronto-police' AND e.source_system = $1`,
      [profile.profile.sourceSystem],
    );
    expect(n).toBe(22_229 + 31_572);
  });
});
