import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('import_batches')
export class ImportBatchEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;
  @Column({ type: 'text' }) profile!: string;
  @Column({ name: 'source_system', type: 'text' }) sourceSystem!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'file_sha256', type: 'text', nullable: true }) fileSha256!:
    string | null;
  @Column({ type: 'text' }) status!:
    'running' | 'completed' | 'failed' | 'interrupted';
  @Column({ name: 'dry_run', type: 'boolean', default: false })
  dryRun!: boolean;
  @Column({ name: 'rows_read', type: 'integer', default: 0 }) rowsRead!: number;
  @Column({ type: 'integer', default: 0 }) inserted!: number;
  @Column({ type: 'integer', default: 0 }) updated!: number;
  @Column({ type: 'integer', default: 0 }) unchanged!: number;
  @Column({ type: 'integer', default: 0 }) rejected!: number;
  @Column({ type: 'integer', default: 0 }) filtered!: number;
  @Column({ name: 'bytes_read', type: 'bigint', default: 0 })
  bytesRead!: string;
  @Column({ name: 'bytes_total', type: 'bigint', nullable: true }) bytesTotal!:
    string | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

@Entity('import_rejects')
export class ImportRejectEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'bigint', generated: 'identity' }) id!: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId!: string;
  @Column({ name: 'row_number', type: 'integer' }) rowNumber!: number;
  @Column({ name: 'column_name', type: 'text', nullable: true }) columnName!:
    string | null;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ name: 'raw_line', type: 'text' }) rawLine!: string;
}
