export * from './encounter.enums';
export * from './roles';
