export * from './lib/describe-comparison.util';
export * from './lib/overview-page';
