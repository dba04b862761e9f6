import { AuditService } from '@crosswalk/api/audit';
import type { Role } from '@crosswalk/domain';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';

import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { httpOf } from './request-context';
import { SESSION_COOKIE, SessionService } from './session.service';

/**
 * The global guard: every GraphQL operation and HTTP route is denied unless it
 * is marked @Public() or the caller's role is listed in its @Roles(...).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets))
      return true;

    const { req } = httpOf(context);
    const user = await this.sessions.authenticate(
      req.cookies?.[SESSION_COOKIE],
    );
    if (!user) throw new UnauthorizedException('Sign in to continue.');
    req.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(
      ROLES_KEY,
      targets,
    );
    if (roles?.includes(user.role)) return true;
    await this.audit.record({
      event: 'access_denied',
      outcome: 'failure',
      userId: user.id,
      target: operationName(context),
    });
    throw new ForbiddenException('Your role does not allow this.');
  }
}

function operationName(context: ExecutionContext): string {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  const { req } = httpOf(context);
  return `${req.method} ${req.route?.path ?? req.path}`;
}
