// Roles of DOMAIN.md section 1. Order carries no meaning; permissions are
// granted per operation with @Roles(...).
export const ROLES = [
  'admin',
  'program_manager',
  'planner',
  'grant_writer',
  'data_steward',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];
