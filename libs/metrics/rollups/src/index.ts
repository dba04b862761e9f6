export * from './metric-rollups';
