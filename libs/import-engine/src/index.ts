export * from './mapping/compile-row-mapper';
export * from './pipeline/run-import';
export * from './profile/import-profile.schema';
export * from './profile/load-import-profile';
