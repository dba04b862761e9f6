export * from './lib/staffing-page';
