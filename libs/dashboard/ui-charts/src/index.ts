export * from './lib/area-choropleth';
export * from './lib/bar-breakdown';
export * from './lib/chart-figure';
export * from './lib/chart-theme';
export * from './lib/hour-of-week-heatmap';
export * from './lib/metric-line-chart';
export * from './lib/sparkline';
