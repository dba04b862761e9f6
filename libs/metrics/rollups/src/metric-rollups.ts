import { createHash } from 'node:crypto';

import {
  compileRollupRefresh,
  type RollupScope,
  type RollupTable,
} from '@crosswalk/metrics/compiler';
import type { MetricDefinition } from '@crosswalk/metrics/spec';
import type { DataSource, EntityManager } from 'typeorm';

/** Advisory lock class: one refresh of an agency's rollups at a time (adding a batch twice would count it twice). */
const REFRESH_LOCK = 7_253;

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
   * to], or all of them.
   */
  async refresh(
    dataSource: DataSource,
    range: { agencyId: string; from?: Date; to?: Date },
  ): Promise<void> {
    await withAgencyLock(dataSource, range.agencyId, () =>
      this.recompute(dataSource, range),
    );
  }

  /**
   * Brings the rollups up to date with the agency's imports not yet rolled
   * up (a killed import's committed rows included). Imports that only
   * inserted encounters, none of which a recomputation has counted yet, are
   * added to the rollups, with the batches marked rolled up in the same
   * transaction; otherwise their months are recomputed.
   */
  async refreshImported(
    dataSource: DataSource,
    agencyId: string,
  ): Promise<void> {
    await withAgencyLock(dataSource, agencyId, async () => {
      const [pending] = await dataSource.query(
        `SELECT min(b.occurred_from) AS "from", max(b.occurred_to) AS "to", array_agg(b.id) AS ids,
                coalesce(bool_and(b.updated = 0 AND b.started_at > s.recomputed_at), false) AS addable,
                (SELECT coalesce(array_agg(u.id), '{}') FROM import_batches u
                  WHERE u.agency_id = $1 AND NOT u.rolled_up AND u.status = 'running') AS running
           FROM import_batches b LEFT JOIN rollup_state s ON s.agency_id = b.agency_id
          WHERE b.agency_id = $1 AND NOT b.rolled_up AND NOT b.dry_run AND b.status <> 'running'`,
        [agencyId],
      );
      if (!pending?.ids) return;
      const rolledUp = (manager: EntityManager) =>
        manager.query(
          'UPDATE import_batches SET rolled_up = true WHERE agency_id = $1 AND id = ANY($2::uuid[])',
          [agencyId, pending.ids],
        );
      const range = { agencyId, from: pending.from, to: pending.to };
      if (!pending.from) {
        await rolledUp(dataSource.manager);
      } else if (pending.addable) {
        await dataSource.transaction(async (manager) => {
          await this.run(manager, CHAINS.flat(), {
            ...range,
            added: { batchIds: pending.ids, unrolledBatchIds: pending.running },
          });
          await rolledUp(manager);
        });
      } else {
        await this.recompute(dataSource, range);
        await rolledUp(dataSource.manager);
      }
    });
  }

  /**
   * Each chain of tables is one transaction. Dashboards read the rollups
   * only once every import is rolled up and the state matches these
   * definitions (marked after all chains commit), so a chain that fails
   * leaves the raw table answering until a refresh succeeds.
   */
  private async recompute(
    dataSource: DataSource,
    range: { agencyId: string; from?: Date; to?: Date },
  ): Promise<void> {
    const chains = await Promise.allSettled(
      CHAINS.map((tables) =>
        dataSource.transaction((manager) => this.run(manager, tables, range)),
      ),
    );
    const failed = chains.find((c) => c.status === 'rejected');
    if (failed) throw failed.reason;
    if (!range.from && !range.to) {
      // Rebuilt tables need fresh statistics for the dashboards' plans.
      await dataSource.query(`ANALYZE ${CHAINS.flat().join(', ')}`);
      await dataSource.query(
        `INSERT INTO rollup_state (agency_id, fingerprint, recomputed_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (agency_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, refreshed_at = now(), recomputed_at = EXCLUDED.recomputed_at`,
        [range.agencyId, this.fingerprint],
      );
    } else {
      await dataSource.query(
        'UPDATE rollup_state SET recomputed_at = clock_timestamp() WHERE agency_id = $1',
        [range.agencyId],
      );
    }
  }

  /** The refresh statements of `tables`, in one transaction. */
  private async run(
    manager: EntityManager,
    tables: RollupTable[],
    scope: RollupScope,
  ) {
    // Each statement is one big scan and aggregate: compiling it (JIT) costs
    // more than it saves, and its sorts (a person refresh sorts millions of rows) fit in memory.
    await manager.query("SET LOCAL jit = off; SET LOCAL work_mem = '256MB'");
    for (const table of tables)
      for (const { sql, params } of compileRollupRefresh(
        this.definitions,
        table,
        scope,
      ))
        await manager.query(sql, params);
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

/** Runs `work` holding the agency's refresh lock (a session lock on a connection of its own). */
async function withAgencyLock(
  dataSource: DataSource,
  agencyId: string,
  work: () => Promise<void>,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [
      REFRESH_LOCK,
      agencyId,
    ]);
    try {
      await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
        REFRESH_LOCK,
        agencyId,
      ]);
    }
  } finally {
    await runner.release();
  }
}
