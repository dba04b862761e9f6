import { Column, Entity, PrimaryColumn } from 'typeorm';

const money = { type: 'numeric' as const, precision: 12, scale: 2 };

/** A unit cost of the cost model (DOMAIN.md section 5): data, with its source and range. */
@Entity('unit_costs')
export class UnitCostEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) label!: string;
  @Column({ type: 'text' }) unit!: string;
  @Column(money) value!: string;
  @Column(money) low!: string;
  @Column(money) high!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
