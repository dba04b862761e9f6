import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openDataSource, workspaceRoot } from '@crosswalk/api/database';
import {
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';
import {
  compileMetricQuery,
  compileRollupQuery,
  type MetricQuery,
  type MetricRow,
  rollupFor,
  rollupShape,
  type RollupTable,
} from '@crosswalk/metrics/compiler';
import { MetricRollups } from '@crosswalk/metrics/rollups';
import {
  loadMetricDefinitions,
  type MetricDefinition,
} from '@crosswalk/metrics/spec';
import { demoEncountersCsv, seedDemoData } from '@crosswalk/seeds';
import type { DataSource } from 'typeorm';

// Month-aligned in the demo city's zone (America/Chicago).
const from = new Date('2023-01-01T06:00:00Z');
const to = new Date('2026-01-01T06:00:00Z');

describe('metric rollups', () => {
  const definitions = loadMetricDefinitions(
    join(workspaceRoot(), 'metrics-definitions'),
  );
  const rollups = new MetricRollups(definitions);
  let dataSource: DataSource;
  let agencyId: string;
  let programId: string;

  beforeAll(async () => {
    dataSource = await openDataSource(
      process.env['CROSSWALK_TEST_DATABASE_URL'] as string,
    );
    ({ agencyId } = await seedDemoData(dataSource, {
      encounters: 4_000,
      seed: 5,
    }));
    // Referrals (with known and unknown follow-up) for connected_to_care_rate.
    await dataSource.query(
      `INSERT INTO referrals (agency_id, encounter_id, provider, connected_within_30d)
       SELECT agency_id, id, 'clinic', CASE id % 3 WHEN 0 THEN true WHEN 1 THEN false END
         FROM encounters WHERE agency_id = $1 AND referral_made`,
      [agencyId],
    );
    // Some encounters known only to the hour, the day or the month: views
    // by hour of week and shift leave the last two out.
    await dataSource.query(
      `UPDATE encounters SET time_precision = (ARRAY['hour', 'day', 'month'])[id % 12 + 1]
        WHERE agency_id = $1 AND id % 12 < 3`,
      [agencyId],
    );
    [{ id: programId }] = await dataSource.query(
      'SELECT id FROM programs WHERE agency_id = $1',
      [agencyId],
    );
  });
  afterAll(() => dataSource.destroy());

  const queries = (): MetricQuery[] => [
    { grain: 'month', from, to, filters: { agencyIds: [agencyId] } },
    {
      grain: 'year',
      from,
      to,
      filters: { agencyIds: [agencyId] },
      groupBy: ['area'],
    },
    {
      grain: 'total',
      from,
      to,
      filters: {
        agencyIds: [agencyId],
        responseModels: ['police_only', 'co_responder'],
      },
      groupBy: ['district', 'response_model'],
    },
    {
      grain: 'quarter',
      from,
      to,
      filters: { agencyIds: [agencyId] },
      groupBy: ['program_area'],
      program: programId,
    },
    {
      grain: 'hour_of_week',
      from,
      to,
      filters: { agencyIds: [agencyId], programId },
    },
    // Response times by shift, from the minute histograms.
    {
      grain: 'year',
      from,
      to,
      filters: { agencyIds: [agencyId] },
      groupBy: ['shift'],
    },
    // Periods cut by the range: the first quarter starts in March.
    {
      grain: 'quarter',
      from: new Date('2023-03-01T06:00:00Z'),
      to,
      filters: { agencyIds: [agencyId] },
    },
    {
      grain: 'year',
      from,
      to,
      filters: { agencyIds: [agencyId] },
    },
    {
      grain: 'total',
      from: new Date('2024-07-01T05:00:00Z'),
      to: new Date('2025-07-01T05:00:00Z'),
      filters: { agencyIds: [agencyId] },
    },
  ];

  /**
   * Every rollup-answerable query gives exactly the raw table's answer, with
   * the metrics of one table and shape answered together, as the API does.
   */
  async function expectRollupsEqualRaw() {
    let compared = 0;
    for (const query of queries()) {
      const together = new Map<
        string,
        { table: RollupTable; group: MetricDefinition[] }
      >();
      for (const definition of definitions as MetricDefinition[]) {
        const table = rollupFor(definition, query);
        if (!table) continue;
        const key = `${table} ${rollupShape(definition)}`;
        const { group } = together.get(key) ?? { group: [] };
        together.set(key, { table, group: [...group, definition] });
      }
      for (const { table, group } of together.values()) {
        const rolled = compileRollupQuery(group, query, table);
        const answered: ({ metric: string } & MetricRow)[] =
          await dataSource.query(rolled.sql, rolled.params);
        for (const definition of group) {
          const raw = compileMetricQuery(definition, query);
          const expected: MetricRow[] = await dataSource.query(
            raw.sql,
            raw.params,
          );
          const actual = answered
            .filter((r) => r.metric === definition.id)
            .map(({ metric: _, ...row }) => row);
          const six = (x: number) => Math.round(x * 1e6) / 1e6;
          const round = (rows: MetricRow[]) =>
            rows.map((r) => ({
              ...r,
              total: r.total === null ? null : six(r.total),
              percentiles: r.percentiles?.map(six) ?? null,
            }));
          expect({
            metric: definition.id,
            grain: query.grain,
            rows: round(actual),
          }).toEqual({
            metric: definition.id,
            grain: query.grain,
            rows: round(expected),
          });
          compared++;
        }
      }
    }
    return compared;
  }

  it('answer every metric they hold exactly as the raw encounters do', async () => {
    await rollups.refresh(dataSource, { agencyId });
    // Seven month-aligned queries per count, ratio and sum metric, plus the hour-of-week grid of counts.
    const additive = definitions.filter((d) =>
      ['count', 'ratio', 'sum'].includes(d.kind),
    );
    const counts = additive.filter(
      (d) => d.kind === 'count' && d.from === 'encounters',
    );
    expect(additive.length).toBeGreaterThanOrEqual(13);
    // Percentiles come from the minute histograms (not by hour of week).
    const percentiles = definitions.filter((d) => d.kind === 'percentile');
    // Distinct persons: agency-wide, by month, quarter, year and in total.
    const persons = definitions.filter((d) => d.kind === 'distinct_persons');
    expect(persons.map((d) => d.minEncounters)).toEqual(
      expect.arrayContaining([2, 4]),
    );
    expect(await expectRollupsEqualRaw()).toBe(
      additive.length * 7 +
        counts.length +
        percentiles.length * 8 +
        persons.length * 4,
    );
  });

  it('are refreshed by an import for the months it wrote, and a killed import is caught up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-rollup-'));
    try {
      // New record ids from another seed: 300 encounters spread over the 36 months.
      const importMore = (edit: (csv: string) => string = (csv) => csv) => {
        const file = join(dir, 'more.csv');
        writeFileSync(
          file,
          edit(
            demoEncountersCsv({ encounters: 300, seed: 77 }).replace(
              /DEMO-0/g,
              'MORE-0',
            ),
          ),
        );
        return runImport(dataSource, {
          profile: loadImportProfile(
            'crosswalk-demo',
            shippedProfilesDir(workspaceRoot()),
          ),
          file,
          personKeySecret: 'rollup-test',
          rollups,
        });
      };
      // A batch left as a killed import leaves it: written, not rolled up.
      // Its encounters are earlier ones of people seen later, so their later
      // encounters count differently (repeat encounters, frequent utilizers).
      await insertBatch('interrupted', '2023-02-10', 'EARLIER-');
      const recomputed = await recomputedAt();
      const summary = await importMore();
      expect(summary.inserted).toBe(300);
      const [{ pending }] = await dataSource.query(
        'SELECT count(*)::int AS pending FROM import_batches WHERE agency_id = $1 AND NOT rolled_up',
        [agencyId],
      );
      expect(pending).toBe(0);
      // Both only inserted encounters: added, not recomputed, and merged
      // into the cells they add to.
      expect(await recomputedAt()).toEqual(recomputed);
      await expectRollupsEqualRaw();
      expect(await cellsWithSeveralRows()).toEqual([]);

      // An import still running when another is added is left out of it,
      // and added once it has finished.
      const running = await insertBatch('running', '2024-05-03', 'RUNNING-');
      await insertBatch('completed', '2024-05-20', 'LATER-');
      await rollups.refreshImported(dataSource, agencyId);
      await dataSource.query(
        "UPDATE import_batches SET status = 'completed' WHERE id = $1",
        [running],
      );
      await rollups.refreshImported(dataSource, agencyId);
      expect(await recomputedAt()).toEqual(recomputed);
      await expectRollupsEqualRaw();
      expect(await cellsWithSeveralRows()).toEqual([]);

      // Importing the file again with changes updates encounters: their
      // months are recomputed.
      const again = await importMore((csv) =>
        csv.replace(/,police_only,/g, ',co_responder,'),
      );
      expect(again.updated).toBeGreaterThan(0);
      expect(await recomputedAt()).not.toEqual(recomputed);
      await expectRollupsEqualRaw();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Rollup cells held in more than one row, by table. */
  async function cellsWithSeveralRows(): Promise<string[]> {
    const cells: Record<string, string> = {
      metric_rollups: 'metric_id, month, area_id, response_model',
      metric_hour_rollups:
        'metric_id, month, hour_of_week, area_id, response_model',
      metric_histogram_rollups:
        'metric_id, month, area_id, response_model, shift, minute',
      metric_person_rollups: 'metric_id, month, k, reach, before',
    };
    const found: string[] = [];
    for (const [table, keys] of Object.entries(cells)) {
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} WHERE agency_id = $1 GROUP BY ${keys} HAVING count(*) > 1) c`,
        [agencyId],
      );
      if (n) found.push(`${table}: ${n}`);
    }
    return found;
  }

  const recomputedAt = async (): Promise<Date> =>
    (
      await dataSource.query(
        'SELECT recomputed_at FROM rollup_state WHERE agency_id = $1',
        [agencyId],
      )
    )[0].recomputed_at;

  /**
   * A batch written as an import leaves it (`status`), not rolled up: copies
   * of 400 later encounters of people with a key, on one day (half an hour
   * later for some, so that ties and order both occur).
   */
  async function insertBatch(
    status: string,
    day: string,
    prefix: string,
  ): Promise<string> {
    const [{ id }] = await dataSource.query(
      `INSERT INTO import_batches (agency_id, profile, source_system, file_name, status, occurred_from, occurred_to)
       VALUES ($1, 'x', 'x', 'x', $2, $3::date, $3::date + 1) RETURNING id`,
      [agencyId, status, day],
    );
    await dataSource.query(
      `INSERT INTO encounters (agency_id, source_system, source_record_id, import_batch_id, occurred_at, time_precision, person_key, area_id, response_model)
       SELECT agency_id, source_system, $4 || source_record_id, $2, $3::date + interval '12 hours' + (id::text < '8')::int * interval '30 minutes',
              time_precision, person_key, area_id, response_model
         FROM encounters WHERE agency_id = $1 AND person_key IS NOT NULL AND occurred_at >= '2024-01-01' AND source_record_id LIKE 'DEMO-%' LIMIT 400`,
      [agencyId, id, day, prefix],
    );
    return id;
  }

  it('are rebuilt when the definitions change', async () => {
    await dataSource.query(
      'UPDATE rollup_state SET fingerprint = $2 WHERE agency_id = $1',
      [agencyId, 'old'],
    );
    expect(await rollups.ensureCurrent(dataSource)).toContain(agencyId);
    expect(await rollups.ensureCurrent(dataSource)).toEqual([]);
  });
});
