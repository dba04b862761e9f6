import type { MigrationInterface, QueryRunner } from 'typeorm';

// Imports that only inserted encounters are added to the rollups instead of
// recomputing their months. That is exact only for batches whose rows no
// recomputation has already counted: recomputed_at is when the agency's
// rollups were last recomputed from the encounters (a full build or a range
// of months); a batch that started before it is recomputed again.
export class RollupRecomputedAt1764400000000 implements MigrationInterface {
  name = 'RollupRecomputedAt1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE rollup_state ADD COLUMN recomputed_at timestamptz',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE rollup_state DROP COLUMN recomputed_at',
    );
  }
}
