import type { Role } from '@crosswalk/domain';
import {
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';

import { type AuthenticatedUser, httpOf } from './request-context';

export const PUBLIC_KEY = 'crosswalk:public';
export const ROLES_KEY = 'crosswalk:roles';

/** Open to anonymous callers. Everything not marked so needs a role. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed to call an operation; an operation without it is denied to all. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = httpOf(context).req.user;
    if (!user)
      throw new Error(
        'CurrentUser used on an operation without an authenticated caller',
      );
    return user;
  },
);
