import { createHash } from 'node:crypto';

import {
  compileRollupRefresh,
  type RollupTable,
} from '@crosswalk/metrics/compiler';
import type { MetricDefinition } from '@crosswalk/metrics/spec';
import type { DataSource } from 'typeorm';

/**
 * The rollup tables in two independent chains, refreshed side by side (one
 * core each); within a chain, totals follow the tables they sum.
 */
const CHAINS: RollupTable[][] = [
  ['metric_person_rollups'],
  [
    'metric_rollups',
    'metric_rollup_totals',
    'metric_hour_rollups',
    'metric_histogram_rollups',
    'metric_histogram_totals',
  ],
];

/**
 * Keeps the metric rollups in step with the encounters: rebuilt for an agency
 * when the metric definitions change (their fingerprint is kept in
 * rollup_state), refreshed for the months an import touched.
 */
export class MetricRollups {
  /** SHA-256 of the definitions: rollups built from other definitions are stale. */
  readonly fingerprint: string;

  constructor(private readonly definitions: readonly MetricDefinition[]) {
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify(definitions))
      .digest('hex');
  }

  /**
   * Recomputes an agency's rollups for the local months overlapping [from,
   * to], or all of them. Each chain of tables is one transaction. Dashboards
   * read the rollups only once every import is rolled up and the state
   * matches these definitions (marked after all chains commit), so a chain
   * that fails leaves the raw table answering until a refresh succeeds.
   */
  async refresh(
    dataSource: DataSource,
    range: { agencyId: string; from?: Date; to?: Date },
  ): Promise<void> {
    const chains = await Promise.allSettled(
      CHAINS.map((tables) =>
        dataSource.transaction(async (manager) => {
          // Each statement is one big scan and aggregate: compiling it (JIT) costs
          // more than it saves, and its sorts (a person refresh sorts millions of rows) fit in memory.
          await manager.query(
            "SET LOCAL jit = off; SET LOCAL work_mem = '256MB'",
          );
          for (const table of tables) {
            for (const { sql, params } of compileRollupRefresh(
              this.definitions,
              table,
              range,
            ))
              await manager.query(sql, params);
          }
        }),
      ),
    );
    const failed = chains.find((c) => c.status === 'rejected');
    if (failed) throw failed.reason;
    if (!range.from && !range.to) {
      // Rebuilt tables need fresh statistics for the dashboards' plans.
      await dataSource.query(`ANALYZE ${CHAINS.flat().join(', ')}`);
      await dataSource.query(
        `INSERT INTO rollup_state (agency_id, fingerprint) VALUES ($1, $2)
         ON CONFLICT (agency_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, refreshed_at = now()`,
        [range.agencyId, this.fingerprint],
      );
    }
  }

  /** Refreshes the months of the agency's imports not yet rolled up (a killed import's committed rows included). */
  async refreshImported(
    dataSource: DataSource,
    agencyId: string,
  ): Promise<void> {
    const [pending] = await dataSource.query(
      `SELECT min(occurred_from) AS "from", max(occurred_to) AS "to", array_agg(id) AS ids
         FROM import_batches WHERE agency_id = $1 AND NOT rolled_up AND NOT dry_run AND status <> 'running'`,
      [agencyId],
    );
    if (!pending?.ids) return;
    if (pending.from)
      await this.refresh(dataSource, {
        agencyId,
        from: pending.from,
        to: pending.to,
      });
    await dataSource.query(
      'UPDATE import_batches SET rolled_up = true WHERE agency_id = $1 AND id = ANY($2::uuid[])',
      [agencyId, pending.ids],
    );
  }

  /** Rebuilds every agency whose rollups were built from other definitions (or never); returns their ids. */
  async ensureCurrent(dataSource: DataSource): Promise<string[]> {
    const stale: { id: string }[] = await dataSource.query(
      `SELECT a.id FROM agencies a LEFT JOIN rollup_state s ON s.agency_id = a.id
        WHERE s.fingerprint IS DISTINCT FROM $1 ORDER BY a.code`,
      [this.fingerprint],
    );
    for (const { id } of stale)
      await this.refresh(dataSource, { agencyId: id });
    return stale.map((s) => s.id);
  }
}
