import type { MigrationInterface, QueryRunner } from 'typeorm';

// Encounters whose source gives only their day or month have no hour of the
// week: the hour-of-week rollups hold them with a null hour (answered as
// 'unknown'), and the minute histograms with the shift 'unknown', instead of
// at midnight. Rollups built before are rebuilt.
export class TimePrecisionInRollups1764500000000 implements MigrationInterface {
  name = 'TimePrecisionInRollups1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE metric_hour_rollups ALTER COLUMN hour_of_week DROP NOT NULL;
      DELETE FROM rollup_state;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM metric_hour_rollups WHERE hour_of_week IS NULL;
      ALTER TABLE metric_hour_rollups ALTER COLUMN hour_of_week SET NOT NULL;
      DELETE FROM rollup_state;
    `);
  }
}
