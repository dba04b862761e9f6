export * from './metric-catalogue';
export * from './metrics.module';
export * from './metrics.service';
