// Dashboard query latency with rollups against plain SQL over raw encounters.
//   npm run bench:metrics [-- --encounters N --runs R --raw-runs R]
// Loads N (default 10,000,000) demo encounters, builds the rollups, then
// times the dashboard queries the way the API answers them (MetricsService,
// rollups where they apply) and the same queries compiled against the raw
// encounter table, printing p50/p95 and the speed-up; then imports 100,000
// new encounters and times the rollup upkeep. The queries are timed on a
// vacuumed and analyzed database, the state autovacuum keeps one in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type { AuthenticatedUser } from '@crosswalk/api/auth';
import { openDataSource, workspaceRoot } from '@crosswalk/api/database';
import { MetricCatalogue, MetricsService } from '@crosswalk/api/metrics';
import {
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';
import {
  compileMetricQuery,
  type MetricQuery,
} from '@crosswalk/metrics/compiler';
import { MetricRollups } from '@crosswalk/metrics/rollups';
import {
  EncounterCsvFormatter,
  generateEncounters,
  seedDemoData,
} from '@crosswalk/seeds';
import type { DataSource } from 'typeorm';

import { withScratchDatabase } from './scratch-database';

const { values } = parseArgs({
  options: {
    encounters: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '20' },
    'raw-runs': { type: 'string', default: '3' },
  },
});
const encounters = Number(values.encounters);
const runs = Number(values.runs);
const rawRuns = Number(values['raw-runs']);

const admin: AuthenticatedUser = {
  id: 'bench',
  email: 'bench@example.org',
  displayName: 'bench',
  role: 'admin',
  agencyId: null,
};

async function time(
  run: () => Promise<unknown>,
  count = runs,
): Promise<{ p50: number; p95: number }> {
  await run(); // warm the caches, as a dashboard that is in use is
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { p50: at(0.5), p95: at(0.95) };
}

async function main() {
  await withScratchDatabase('metrics', async ({ url, dir }) => {
    let dataSource: DataSource | undefined;
    try {
      dataSource = await openDataSource(url);
      const catalogue = MetricCatalogue.load(
        join(workspaceRoot(), 'metrics-definitions'),
      );
      const rollups = new MetricRollups(catalogue.definitions);
      let started = performance.now();
      const { agencyId } = await seedDemoData(dataSource, {
        encounters,
        seed: 3,
      });
      console.log(
        `Loaded ${encounters.toLocaleString('en-US')} encounters in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      started = performance.now();
      await rollups.ensureCurrent(dataSource);
      const [{ rows }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM metric_rollups) + (SELECT count(*) FROM metric_hour_rollups)
              + (SELECT count(*) FROM metric_histogram_rollups) + (SELECT count(*) FROM metric_person_rollups) AS rows`,
      );
      console.log(
        `Built rollups (${Number(rows).toLocaleString('en-US')} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );

      // A database in use has been vacuumed and analyzed by autovacuum long
      // since; just loaded, autovacuum would be at it while the queries are timed.
      started = performance.now();
      await dataSource.query('VACUUM ANALYZE');
      console.log(
        `Vacuumed and analyzed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );

      const service = new MetricsService(dataSource, catalogue, rollups);
      const [{ id: beat }] = await dataSource.query(
        "SELECT id FROM areas WHERE agency_id = $1 AND level = 'beat' ORDER BY code LIMIT 1",
        [agencyId],
      );
      // The last 24 whole months of the demo city (America/Chicago), and the 12 before them as baseline.
      const from = new Date('2024-01-01T06:00:00Z');
      const to = new Date('2026-01-01T06:00:00Z');
      // Every metric but cost savings, which the Overview computes from the others.
      const kpis = catalogue.definitions.filter((d) => d.kind !== 'cost');

      const dashboard: [
        string,
        () => Promise<unknown>,
        () => Promise<unknown>,
      ][] = [
        [
          `Overview: ${kpis.length} KPIs x 24 months + comparison to baseline`,
          () =>
            Promise.all([
              ...kpis.map((d) =>
                service.series(admin, {
                  metric: d.id,
                  grain: 'month',
                  from,
                  to,
                }),
              ),
              service.comparison(admin, {
                metrics: kpis.map((d) => d.id),
                from,
                to,
              }),
            ]),
          () =>
            Promise.all(
              kpis.flatMap((d) => [
                raw(d.id, { grain: 'month', from, to }),
                raw(d.id, { grain: 'total', from, to }),
                raw(d.id, {
                  grain: 'total',
                  from: new Date('2022-01-01T06:00:00Z'),
                  to: from,
                }),
              ]),
            ),
        ],
        [
          'Hour-of-week grid, one area (calls, 24 months)',
          () =>
            service.hourOfWeek(admin, {
              metric: 'bh_call_volume',
              from,
              to,
              filters: { areaIds: [beat] },
            }),
          () =>
            raw('bh_call_volume', {
              grain: 'hour_of_week',
              from,
              to,
              filters: { areaIds: [beat] },
            }),
        ],
        [
          'Breakdown area x response model (arrest rate, 24 months)',
          () =>
            service.series(admin, {
              metric: 'arrest_rate',
              grain: 'month',
              from,
              to,
              groupBy: ['area', 'response_model'],
            }),
          () =>
            raw('arrest_rate', {
              grain: 'month',
              from,
              to,
              groupBy: ['area', 'response_model'],
            }),
        ],
        [
          '12-month repeat-encounter rate',
          () =>
            service.series(admin, {
              metric: 'repeat_encounter_rate',
              grain: 'year',
              from: new Date('2025-01-01T06:00:00Z'),
              to,
            }),
          () =>
            raw('repeat_encounter_rate', {
              grain: 'year',
              from: new Date('2025-01-01T06:00:00Z'),
              to,
            }),
        ],
      ];
      async function raw(id: string, query: MetricQuery) {
        const definition = catalogue.find(id);
        if (!definition) throw new Error(id);
        const { sql, params } = compileMetricQuery(definition, query);
        return (dataSource as DataSource).query(sql, params);
      }

      console.log(
        `\n${'query'.padEnd(62)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}   raw p50 ms   raw p95 ms   speed-up (p95)`,
      );
      for (const [label, api, reference] of dashboard) {
        const fast = await time(api);
        // The raw-table reference takes seconds a run at 10M; fewer runs.
        const slow = await time(reference, rawRuns);
        console.log(
          `${label.padEnd(62)} ${fast.p50.toFixed(1).padStart(8)} ${fast.p95.toFixed(1).padStart(8)}   ${slow.p50.toFixed(1).padStart(10)}   ${slow.p95.toFixed(1).padStart(10)}   ${(slow.p95 / fast.p95).toFixed(1).padStart(6)}x` +
            `   (targets: p95 < 100 ms, >= 20x)`,
        );
      }

      // Upkeep: import 100,000 new encounters of the last quarter (a month's
      // or quarter's export, as agencies send them), then refresh the
      // rollups of the months they touch. Rollups are recomputed per month, so
      // a span of n months costs about n/36 of the full build above.
      const file = join(dir, 'new.csv');
      const formatter = new EncounterCsvFormatter();
      const lastQuarter: string[] = [];
      for (const encounter of generateEncounters({
        encounters: 2_000_000,
        seed: 99,
      })) {
        const line = formatter.fileLine(encounter);
        if (/^[^,]*,[^,]*,2025-1[0-2]-/.test(line))
          lastQuarter.push(line.replace('DEMO-0', 'NEW-00'));
        if (lastQuarter.length === 100_000) break;
      }
      writeFileSync(file, formatter.header() + lastQuarter.join(''));
      started = performance.now();
      await runImport(dataSource, {
        profile: loadImportProfile(
          'crosswalk-demo',
          shippedProfilesDir(workspaceRoot()),
        ),
        file,
        personKeySecret: 'bench',
      });
      const importSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      await rollups.refreshImported(dataSource, agencyId);
      console.log(
        `\nImported ${lastQuarter.length.toLocaleString('en-US')} new encounters (Oct-Dec 2025) in ${importSeconds.toFixed(1)} s; rollup upkeep ${((performance.now() - started) / 1000).toFixed(1)} s (target < 10 s)`,
      );
    } finally {
      await dataSource?.destroy();
    }
  });
}

void main();
