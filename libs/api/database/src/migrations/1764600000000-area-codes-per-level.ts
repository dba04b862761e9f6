import type { MigrationInterface, QueryRunner } from 'typeorm';

// Area codes are unique per level, not across levels: many agencies number
// beats and districts alike (beat 5 of district 5), and the two are
// different areas. Areas made before stay as they are.
export class AreaCodesPerLevel1764600000000 implements MigrationInterface {
  name = 'AreaCodesPerLevel1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE areas
        DROP CONSTRAINT areas_agency_id_code_key,
        ADD CONSTRAINT areas_agency_id_level_code_key UNIQUE (agency_id, level, code);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE areas
        DROP CONSTRAINT areas_agency_id_level_code_key,
        ADD CONSTRAINT areas_agency_id_code_key UNIQUE (agency_id, code);
    `);
  }
}
