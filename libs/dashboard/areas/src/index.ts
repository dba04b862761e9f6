export * from './lib/areas-page';
