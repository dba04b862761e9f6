import { AuditLogEntity } from '@crosswalk/api/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

/** CJIS Security Policy 5.4.1.1 event kinds recorded by Crosswalk. */
export type AuditEvent =
  | 'logon'
  | 'logoff'
  | 'access_denied'
  | 'user_created'
  | 'password_changed'
  | 'record_created'
  | 'record_changed'
  | 'record_deleted'
  | 'export'
  | 'privileged_action';

export interface AuditEntry {
  event: AuditEvent;
  outcome: 'success' | 'failure';
  userId?: string | null;
  /** What was acted on (an operation name, a table and id); never a person identifier. */
  target?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntity)
    private readonly auditLog: Repository<AuditLogEntity>,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.auditLog.insert({
      event: entry.event,
      outcome: entry.outcome,
      userId: entry.userId ?? null,
      target: entry.target ?? null,
      details: entry.details ?? null,
    });
  }
}
