import type { MigrationInterface, QueryRunner } from 'typeorm';

// Person keys are keyed hashes: each encounter's lands at a random place in
// a B-tree ordered by them, and keeping that tree was a third of
// PostgreSQL's work in a bulk import. The lookups it served are all by one
// person (their earlier encounters), which a hash index answers at about
// half the cost to keep; the few encounters of a person are then put in
// time order.
export class PersonHashIndex1764700000000 implements MigrationInterface {
  name = 'PersonHashIndex1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX encounters_person_time_idx;
      CREATE INDEX encounters_person_idx ON encounters USING hash (person_key);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX encounters_person_idx;
      CREATE INDEX encounters_person_time_idx ON encounters (agency_id, person_key, occurred_at) WHERE person_key IS NOT NULL;
    `);
  }
}
