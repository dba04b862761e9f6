import { AuditService } from '@crosswalk/api/audit';
import { ROLES } from '@crosswalk/domain';
import { Inject, UnauthorizedException } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Response } from 'express';

import { CurrentUser, Public, Roles } from './auth.decorators';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { MeObject } from './me.object';
import { PasswordService } from './password.service';
import type { AuthenticatedUser, CrosswalkRequest } from './request-context';
import {
  SESSION_ABSOLUTE_HOURS,
  SESSION_COOKIE,
  SessionService,
} from './session.service';
import { UsersService } from './users.service';

@Resolver(() => MeObject)
export class AuthResolver {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  @Query(() => MeObject, { description: 'The signed-in user.' })
  @Roles(...ROLES)
  me(@CurrentUser() user: AuthenticatedUser): MeObject {
    return user;
  }

  @Mutation(() => MeObject, {
    description: 'Signs in and sets the session cookie.',
  })
  @Public()
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('res') res: Response,
  ): Promise<MeObject> {
    const user = await this.users.findByEmail(email);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok || user.disabled) {
      await this.audit.record({
        event: 'logon',
        outcome: 'failure',
        userId: user?.id ?? null,
        details: {
          reason: !user
            ? 'unknown_user'
            : user.disabled
              ? 'disabled'
              : 'wrong_password',
        },
      });
      throw new UnauthorizedException('Wrong email or password.');
    }
    const token = await this.sessions.create(user.id);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.options.cookieSecure,
      path: '/',
      maxAge: SESSION_ABSOLUTE_HOURS * 3_600_000,
    });
    await this.audit.record({
      event: 'logon',
      outcome: 'success',
      userId: user.id,
    });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      agencyId: user.agencyId,
    };
  }

  @Mutation(() => Boolean, {
    description: 'Ends the session and clears its cookie.',
  })
  @Roles(...ROLES)
  async logout(
    @CurrentUser() user: AuthenticatedUser,
    @Context('req') req: CrosswalkRequest,
    @Context('res') res: Response,
  ): Promise<boolean> {
    await this.sessions.revoke(req.cookies?.[SESSION_COOKIE]);
    res.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.options.cookieSecure,
      path: '/',
    });
    await this.audit.record({
      event: 'logoff',
      outcome: 'success',
      userId: user.id,
    });
    return true;
  }
}
