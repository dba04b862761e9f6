import type { MigrationInterface, QueryRunner } from 'typeorm';

// Imports write encounters by the million; every index and foreign key on the
// table is paid for on each row. The dashboards read rollups now, so the
// area- and model-leading indexes earn nothing: raw queries go through the
// time index. The foreign keys to agencies and areas cost a lookup per row
// (a third of the load time): the importer is the only writer, and it
// creates the agency and the areas in the same transaction as the rows that
// use them; neither is ever deleted.
export class EncounterLoadPath1764200000000 implements MigrationInterface {
  name = 'EncounterLoadPath1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX encounters_area_time_idx, encounters_model_time_idx;
      ALTER TABLE encounters
        DROP CONSTRAINT encounters_agency_id_area_id_fkey,
        DROP CONSTRAINT encounters_agency_id_fkey;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE encounters
        ADD FOREIGN KEY (agency_id) REFERENCES agencies (id),
        ADD FOREIGN KEY (agency_id, area_id) REFERENCES areas (agency_id, id);
      CREATE INDEX encounters_area_time_idx ON encounters (agency_id, area_id, occurred_at);
      CREATE INDEX encounters_model_time_idx ON encounters (agency_id, response_model, occurred_at);
    `);
  }
}
