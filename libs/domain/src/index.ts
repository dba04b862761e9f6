export * from './encounter.enums';
export * from './encounter-fields';
export * from './metric-dimensions';
export * from './roles';
