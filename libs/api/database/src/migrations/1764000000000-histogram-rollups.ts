import type { MigrationInterface, QueryRunner } from 'typeorm';

// Percentile metrics (response time, time on scene) rolled up as whole-minute
// histograms per agency, metric, local month, area and response model: the
// percentiles of any month range and grouping follow from summed histograms,
// exactly as from the raw intervals. A row with minute NULL counts the
// records left out because a timestamp is unknown.
export class HistogramRollups1764000000000 implements MigrationInterface {
  name = 'HistogramRollups1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE metric_histogram_rollups (
        agency_id uuid NOT NULL REFERENCES agencies (id),
        metric_id text NOT NULL,
        month date NOT NULL,
        area_id uuid,
        response_model text,
        minute integer,
        n bigint NOT NULL
      );
      CREATE INDEX metric_histogram_rollups_idx ON metric_histogram_rollups (agency_id, metric_id, month);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE metric_histogram_rollups');
  }
}
