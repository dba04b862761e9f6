import type { ProgramModel } from '@crosswalk/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('programs')
export class ProgramEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) model!: ProgramModel;
  /** ISO date (yyyy-MM-dd) in the agency's time zone. */
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!:
    string | null;
  @Column({ type: 'text', nullable: true }) description!: string | null;
}

/** The areas a program serves; the agency's other areas are its comparison areas. */
@Entity('program_areas')
export class ProgramAreaEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ name: 'program_id', type: 'uuid' }) programId!: string;
  @PrimaryColumn({ name: 'area_id', type: 'uuid' }) areaId!: string;
}
