import type { AuthenticatedUser } from '@crosswalk/api/auth';
import {
  AgencyEntity,
  AreaEntity,
  ProgramAreaEntity,
  ProgramEntity,
} from '@crosswalk/api/database';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type FindOptionsWhere, In } from 'typeorm';

import type {
  AgencyObject,
  AreaObject,
  EncounterFilterInput,
  ProgramObject,
} from './encounters.objects';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkIds(name: string, ids: readonly string[] | undefined) {
  ids?.forEach((id, i) => {
    if (!UUID.test(id))
      throw new BadRequestException(
        `${name}[${i}] is not a valid id: ${JSON.stringify(id)}`,
      );
  });
}

/** Areas given by `seedSql` together with every area below them in the hierarchy. */
const areaTree = (seedSql: string) =>
  `WITH RECURSIVE tree (agency_id, id) AS (${seedSql}
     UNION SELECT a.agency_id, a.id FROM areas a JOIN tree t ON a.agency_id = t.agency_id AND a.parent_id = t.id)
   SELECT id FROM tree`;

@Injectable()
export class EncountersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The agencies the user may see: their own, or all for a collaborative-wide user. */
  private visibleAgencies(
    user: AuthenticatedUser,
  ): FindOptionsWhere<{ agencyId: string }> {
    return user.agencyId ? { agencyId: user.agencyId } : {};
  }

  async agencies(user: AuthenticatedUser): Promise<AgencyObject[]> {
    return this.dataSource.getRepository(AgencyEntity).find({
      where: user.agencyId ? { id: user.agencyId } : {},
      order: { name: 'ASC' },
    });
  }

  async areas(
    user: AuthenticatedUser,
    agencyId?: string,
  ): Promise<AreaObject[]> {
    checkIds('agencyId', agencyId ? [agencyId] : undefined);
    return this.dataSource.getRepository(AreaEntity).find({
      where: {
        ...this.visibleAgencies(user),
        ...(agencyId && !user.agencyId ? { agencyId } : {}),
      },
      order: { level: 'ASC', code: 'ASC' },
    });
  }

  async programs(
    user: AuthenticatedUser,
    agencyId?: string,
  ): Promise<ProgramObject[]> {
    checkIds('agencyId', agencyId ? [agencyId] : undefined);
    const programs = await this.dataSource.getRepository(ProgramEntity).find({
      where: {
        ...this.visibleAgencies(user),
        ...(agencyId && !user.agencyId ? { agencyId } : {}),
      },
      order: { startDate: 'ASC', name: 'ASC' },
    });
    const served = await this.dataSource
      .getRepository(ProgramAreaEntity)
      .find({ where: { programId: In(programs.map((p) => p.id)) } });
    return programs.map((program) => ({
      ...program,
      areaIds: served
        .filter((s) => s.programId === program.id)
        .map((s) => s.areaId),
    }));
  }

  /** Number of encounters matching the filter, within the agencies the user may see. */
  async count(
    user: AuthenticatedUser,
    filter: EncounterFilterInput = {},
  ): Promise<number> {
    checkIds('agencyId', filter.agencyId ? [filter.agencyId] : undefined);
    checkIds('areaIds', filter.areaIds);
    checkIds('programId', filter.programId ? [filter.programId] : undefined);
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw new BadRequestException('"from" must be before "to".');
    }
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (user.agencyId) where.push(`e.agency_id = ${param(user.agencyId)}`);
    if (filter.agencyId) where.push(`e.agency_id = ${param(filter.agencyId)}`);
    if (filter.from) where.push(`e.occurred_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`e.occurred_at < ${param(filter.to)}`);
    if (filter.responseModels?.length)
      where.push(
        `e.response_model = ANY(${param(filter.responseModels)}::text[])`,
      );
    if (filter.areaIds?.length) {
      where.push(
        `e.area_id IN (${areaTree(`SELECT agency_id, id FROM areas WHERE id = ANY(${param(filter.areaIds)}::uuid[])`)})`,
      );
    }
    if (filter.programId) {
      where.push(
        `e.area_id IN (${areaTree(`SELECT agency_id, area_id FROM program_areas WHERE program_id = ${param(filter.programId)}::uuid`)})`,
      );
    }
    const sql = `SELECT count(*)::int AS count FROM encounters e${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const [{ count }] = await this.dataSource.query(sql, params);
    return count;
  }
}
