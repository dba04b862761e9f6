import type { MigrationInterface, QueryRunner } from 'typeorm';

// Dashboards filter rollups by area (a beat's heatmap, a district's trend):
// lead with the area after the metric so those reads skip other areas' rows.
export class RollupAreaIndexes1764100000000 implements MigrationInterface {
  name = 'RollupAreaIndexes1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX metric_rollups_area_idx ON metric_rollups (agency_id, metric_id, area_id, month);
      CREATE INDEX metric_hour_rollups_area_idx ON metric_hour_rollups (agency_id, metric_id, area_id, month);
      CREATE INDEX metric_histogram_rollups_area_idx ON metric_histogram_rollups (agency_id, metric_id, area_id, month);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX metric_histogram_rollups_area_idx, metric_hour_rollups_area_idx, metric_rollups_area_idx;
    `);
  }
}
