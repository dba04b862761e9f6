export * from './lib/download-csv';
export * from './lib/page-header';
export * from './lib/query-states';
