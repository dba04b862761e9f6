export * from './encounter.enums';
export * from './encounter-fields';
export * from './roles';
