import type { MigrationInterface, QueryRunner } from 'typeorm';

// Rollups so dashboard queries never scan raw encounters: per agency, metric,
// local month, area and response model, the additive parts of each count,
// ratio and sum metric; and per hour of week for count metrics. They are
// derived data, rebuilt from the metric definitions (rollup_state keeps the
// definitions' fingerprint) and refreshed for the months an import touched.
export class MetricRollups1763900000000 implements MigrationInterface {
  name = 'MetricRollups1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE metric_rollups (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        metric_id text NOT NULL,
        month date NOT NULL,
        area_id uuid,
        response_model text,
        numerator bigint,
        denominator bigint,
        excluded bigint NOT NULL,
        total double precision
      );
      CREATE INDEX metric_rollups_idx ON metric_rollups (agency_id, metric_id, month);

      CREATE TABLE metric_hour_rollups (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        metric_id text NOT NULL,
        month date NOT NULL,
        hour_of_week smallint NOT NULL CHECK (hour_of_week BETWEEN 0 AND 167),
        area_id uuid,
        response_model text,
        numerator bigint,
        denominator bigint,
        excluded bigint NOT NULL,
        total double precision
      );
      CREATE INDEX metric_hour_rollups_idx ON metric_hour_rollups (agency_id, metric_id, month);

      CREATE TABLE rollup_state (
        agency_id uuid PRIMARY KEY REFERENCES agencies (id),
        fingerprint text NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      );

      ALTER TABLE import_batches
        ADD COLUMN occurred_from timestamptz,
        ADD COLUMN occurred_to timestamptz,
        ADD COLUMN rolled_up boolean NOT NULL DEFAULT false;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE import_batches DROP COLUMN rolled_up, DROP COLUMN occurred_to, DROP COLUMN occurred_from;
      DROP TABLE rollup_state, metric_hour_rollups, metric_rollups;
    `);
  }
}
