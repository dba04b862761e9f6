import type { MigrationInterface, QueryRunner } from 'typeorm';

// Distinct-person metrics (repeat encounters, frequent utilizers) rolled up
// per agency, metric and local month: each counted encounter under k (1, or
// the metric's minimum of encounters; 0 for encounters without a person key)
// and the months of its (k-1)-th and k-th previous encounters of the same
// person. Persons with k or more encounters in any run of whole months
// follow by summing. Beside them, agency-wide sums of the rollups and minute
// histograms for whole-agency views (the Overview), and the patrol shift in
// the minute histograms (response times by shift). Rollups built before are
// rebuilt.
export class PersonRollups1764300000000 implements MigrationInterface {
  name = 'PersonRollups1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE metric_person_rollups (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        metric_id text NOT NULL,
        month date NOT NULL,
        k integer NOT NULL,
        reach date,
        before date,
        n bigint NOT NULL
      );
      CREATE INDEX metric_person_rollups_idx ON metric_person_rollups (agency_id, metric_id, month);
      CREATE TABLE metric_histogram_totals (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        metric_id text NOT NULL,
        month date NOT NULL,
        minute integer,
        n bigint NOT NULL
      );
      CREATE INDEX metric_histogram_totals_idx ON metric_histogram_totals (agency_id, metric_id, month);
      CREATE TABLE metric_rollup_totals (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        metric_id text NOT NULL,
        month date NOT NULL,
        numerator bigint,
        denominator bigint,
        excluded bigint,
        total double precision
      );
      CREATE INDEX metric_rollup_totals_idx ON metric_rollup_totals (agency_id, metric_id, month);
      ALTER TABLE metric_histogram_rollups ADD COLUMN shift text;
      DELETE FROM rollup_state;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE metric_person_rollups, metric_histogram_totals, metric_rollup_totals;
      ALTER TABLE metric_histogram_rollups DROP COLUMN shift;
    `);
  }
}
