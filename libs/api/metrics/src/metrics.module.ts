import { MetricRollups } from '@crosswalk/metrics/rollups';
import { type DynamicModule, Module } from '@nestjs/common';

import { MetricCatalogue } from './metric-catalogue';
import { MetricsResolver } from './metrics.resolver';
import { MetricsService } from './metrics.service';

@Module({})
export class MetricsModule {
  /** @param catalogue the definitions, loaded and validated before the API starts */
  static register(catalogue: MetricCatalogue): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      exports: [MetricRollups],
      providers: [
        {
          provide: MetricRollups,
          useValue: new MetricRollups(catalogue.definitions),
        },
        { provide: MetricCatalogue, useValue: catalogue },
        MetricsService,
        MetricsResolver,
      ],
    };
  }
}
