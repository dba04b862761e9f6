import { DataSource, type DataSourceOptions } from 'typeorm';

import { AgencyEntity } from './entities/agency.entity';
import { AreaEntity } from './entities/area.entity';
import { AuditLogEntity } from './entities/audit-log.entity';
import { EncounterEntity, ReferralEntity } from './entities/encounter.entity';
import {
  ImportBatchEntity,
  ImportRejectEntity,
} from './entities/import-batch.entity';
import { ProgramAreaEntity, ProgramEntity } from './entities/program.entity';
import { UnitCostEntity } from './entities/unit-cost.entity';
import { SessionEntity, UserEntity } from './entities/user.entity';
import { InitialSchema1763700000000 } from './migrations/1763700000000-initial-schema';
import { ImportTracking1763800000000 } from './migrations/1763800000000-import-tracking';
import { MetricRollups1763900000000 } from './migrations/1763900000000-metric-rollups';
import { HistogramRollups1764000000000 } from './migrations/1764000000000-histogram-rollups';
import { RollupAreaIndexes1764100000000 } from './migrations/1764100000000-rollup-area-indexes';
import { EncounterLoadPath1764200000000 } from './migrations/1764200000000-encounter-load-path';
import { PersonRollups1764300000000 } from './migrations/1764300000000-person-rollups';
import { RollupRecomputedAt1764400000000 } from './migrations/1764400000000-rollup-recomputed-at';
import { TimePrecisionInRollups1764500000000 } from './migrations/1764500000000-time-precision-in-rollups';
import { AreaCodesPerLevel1764600000000 } from './migrations/1764600000000-area-codes-per-level';
import { PersonHashIndex1764700000000 } from './migrations/1764700000000-person-hash-index';

export const ENTITIES = [
  AgencyEntity,
  AreaEntity,
  ProgramEntity,
  ProgramAreaEntity,
  EncounterEntity,
  ReferralEntity,
  ImportBatchEntity,
  ImportRejectEntity,
  UnitCostEntity,
  UserEntity,
  SessionEntity,
  AuditLogEntity,
];

export const MIGRATIONS = [
  InitialSchema1763700000000,
  ImportTracking1763800000000,
  MetricRollups1763900000000,
  HistogramRollups1764000000000,
  RollupAreaIndexes1764100000000,
  EncounterLoadPath1764200000000,
  PersonRollups1764300000000,
  RollupRecomputedAt1764400000000,
  TimePrecisionInRollups1764500000000,
  AreaCodesPerLevel1764600000000,
  PersonHashIndex1764700000000,
];

/** TypeORM options for Crosswalk: committed migrations, never synchronize. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  };
}

/** An initialised data source with migrations applied (for CLIs, seeds and tests). */
export async function openDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
