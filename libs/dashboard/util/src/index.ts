export * from './lib/dimension-labels.util';
export * from './lib/format-metric.util';
export * from './lib/month-key.util';
export * from './lib/to-csv.util';
