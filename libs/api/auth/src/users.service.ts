import { randomBytes } from 'node:crypto';

import { AuditService } from '@crosswalk/api/audit';
import { UserEntity } from '@crosswalk/api/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { PasswordService } from './password.service';

export const DEFAULT_ADMIN_EMAIL = 'admin@crosswalk.local';

export interface InitialAdmin {
  email: string;
  /** Set only when the password was generated; shown once, stored nowhere. */
  generatedPassword?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  /**
   * On first start (no admin yet) creates the admin from the configured
   * credentials or, when none are configured, with a generated password.
   */
  async ensureInitialAdmin(configured?: {
    email: string;
    password: string;
  }): Promise<InitialAdmin | undefined> {
    if (await this.users.existsBy({ role: 'admin' })) return undefined;
    const email = configured?.email ?? DEFAULT_ADMIN_EMAIL;
    const generatedPassword = configured
      ? undefined
      : randomBytes(15).toString('base64url');
    const user = await this.users.save(
      this.users.create({
        email,
        displayName: 'Administrator',
        role: 'admin',
        agencyId: null,
        passwordHash: await this.passwords.hash(
          configured?.password ?? generatedPassword ?? '',
        ),
      }),
    );
    await this.audit.record({
      event: 'user_created',
      outcome: 'success',
      target: `user:${user.id}`,
      details: { role: 'admin', initial: true },
    });
    return { email, generatedPassword };
  }
}
