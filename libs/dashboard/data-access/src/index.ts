export * from './lib/graphql-request';
export * from './lib/operations';
export * from './lib/session-mutations';
export * from './lib/upload-import';
export * from './lib/use-encounter-count';
export * from './lib/use-graphql-query';
export * from './lib/use-imports';
export * from './lib/use-me';
