import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** CJIS 5.4.1.1 audit events: time, user, event, target and outcome. */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!:
    string | null;
  @Column({ type: 'text' }) event!: string;
  @Column({ type: 'text', nullable: true }) target!: string | null;
  @Column({ type: 'text' }) outcome!: 'success' | 'failure';
  @Column({ type: 'jsonb', nullable: true }) details!: object | null;
}
