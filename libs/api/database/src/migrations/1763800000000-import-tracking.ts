import type { MigrationInterface, QueryRunner } from 'typeorm';

// What re-import and progress need: a content hash per encounter (identical
// rows are "unchanged" without comparing every column), byte progress per
// batch, and a human-readable detail beside each reject's reason code.
export class ImportTracking1763800000000 implements MigrationInterface {
  name = 'ImportTracking1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE encounters ADD COLUMN row_hash text;
      ALTER TABLE import_batches
        ADD COLUMN bytes_read bigint NOT NULL DEFAULT 0,
        ADD COLUMN bytes_total bigint,
        ADD COLUMN dry_run boolean NOT NULL DEFAULT false;
      ALTER TABLE import_batches DROP CONSTRAINT import_batches_status_check;
      ALTER TABLE import_batches ADD CONSTRAINT import_batches_status_check
        CHECK (status IN ('running', 'completed', 'failed', 'interrupted'));
      ALTER TABLE import_rejects ADD COLUMN detail text;
      CREATE INDEX import_batches_started_idx ON import_batches (agency_id, started_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX import_batches_started_idx;
      ALTER TABLE import_rejects DROP COLUMN detail;
      DELETE FROM import_batches WHERE status = 'interrupted';
      ALTER TABLE import_batches DROP CONSTRAINT import_batches_status_check;
      ALTER TABLE import_batches ADD CONSTRAINT import_batches_status_check
        CHECK (status IN ('running', 'completed', 'failed'));
      ALTER TABLE import_batches DROP COLUMN dry_run, DROP COLUMN bytes_total, DROP COLUMN bytes_read;
      ALTER TABLE encounters DROP COLUMN row_hash;
    `);
  }
}
