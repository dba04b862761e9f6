import { createHash, randomBytes } from 'node:crypto';

import { SessionEntity } from '@crosswalk/api/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { AuthenticatedUser } from './request-context';

export const SESSION_COOKIE = 'crosswalk_session';
// OWASP ASVS 4.0.3 V3.3.2 (level 2): 30 minutes idle, 12 hours absolute.
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

const hashToken = (token: string) =>
  createHash('sha256').update(token).digest();

@Injectable()
export class SessionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts a session and returns the token for the cookie; only its hash is stored. */
  async create(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(SessionEntity).insert({
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3_600_000),
    });
    return token;
  }

  /**
   * The user behind a live session, sliding its idle timer; undefined when the
   * token is unknown, idle too long, past its absolute limit, older than the
   * user's last password change, or the user is disabled.
   */
  async authenticate(
    token: string | undefined,
  ): Promise<AuthenticatedUser | undefined> {
    if (!token) return undefined;
    const [rows] = await this.dataSource.query(
      `UPDATE sessions s SET last_seen_at = now()
         FROM users u
        WHERE s.token_hash = $1 AND u.id = s.user_id AND NOT u.disabled
          AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2)
          AND s.created_at >= u.password_changed_at
      RETURNING u.id, u.email, u.display_name, u.role, u.agency_id`,
      [hashToken(token), SESSION_IDLE_MINUTES],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          role: row.role,
          agencyId: row.agency_id,
        }
      : undefined;
  }

  async revoke(token: string | undefined): Promise<void> {
    if (token)
      await this.dataSource
        .getRepository(SessionEntity)
        .delete({ tokenHash: hashToken(token) });
  }
}
