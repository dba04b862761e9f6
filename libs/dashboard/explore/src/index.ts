export * from './lib/explore-page';
