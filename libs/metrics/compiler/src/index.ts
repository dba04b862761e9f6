export * from './compile-metric-query';
export * from './metric-query';
