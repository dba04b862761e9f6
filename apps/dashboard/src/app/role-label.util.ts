import type { Role } from '@crosswalk/domain';

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  program_manager: 'Program manager',
  planner: 'Staffing planner',
  grant_writer: 'Grant writer',
  data_steward: 'Data steward',
  viewer: 'Viewer',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}
