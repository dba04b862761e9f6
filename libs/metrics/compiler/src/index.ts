export * from './compile-metric-query';
export * from './compile-rollups';
export * from './metric-query';
