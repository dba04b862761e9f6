export * from './lib/dashboard-filters.util';
export * from './lib/dashboard-page';
export * from './lib/filter-bar';
export * from './lib/use-dashboard-view';
