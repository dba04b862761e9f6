import type { AreaLevel } from '@crosswalk/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('areas')
export class AreaEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) level!: AreaLevel;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!:
    string | null;
  @Column({ type: 'integer', nullable: true }) population!: number | null;
  @Column({ type: 'jsonb', nullable: true }) geojson!: object | null;
}
