export * from './demo-city';
export * from './demo-rates';
export * from './encounter-csv';
export * from './generate-encounters';
export * from './seed-demo-data';
export * from './zone-clock';
