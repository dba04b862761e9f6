import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';

import { AuditService } from '@crosswalk/api/audit';
import type { AuthenticatedUser } from '@crosswalk/api/auth';
import {
  AgencyEntity,
  ImportBatchEntity,
  ImportRejectEntity,
  personKeySecret,
  workspaceRoot,
} from '@crosswalk/api/database';
import {
  ImportFileError,
  ImportProfileError,
  type LoadedImportProfile,
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';
import { MetricRollups } from '@crosswalk/metrics/rollups';
import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type {
  ImportBatchObject,
  ImportRejectObject,
  RejectCountObject,
} from './import-batch.object';
import type { ImportProfileObject } from './import-profile.object';
import { importProgress } from './import-progress.util';
import { IMPORTS_OPTIONS, type ImportsOptions } from './imports.options';
import { UploadDirectory } from './upload-directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A shipped profile's name; never a path, so an upload cannot name any file on the server. */
const PROFILE_NAME = /^[a-z0-9][a-z0-9_-]*$/i;
const REJECTS_PAGE = 5_000;

/** What the upload handler got from multer's disk storage. */
export interface UploadedImportFile {
  /** Where multer stored it, in the upload directory. */
  path: string;
  originalname: string;
  size: number;
}

/** One row of the rejects download, as stored. */
export interface RejectRow {
  id: string;
  row_number: number;
  column_name: string | null;
  reason: string;
  detail: string | null;
  raw_line: string;
}

@Injectable()
export class ImportsService implements OnModuleDestroy {
  private readonly logger = new Logger('ImportsService');
  private readonly profilesDir: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly uploads: UploadDirectory,
    private readonly rollups: MetricRollups,
    @Inject(IMPORTS_OPTIONS) options: ImportsOptions,
  ) {
    this.profilesDir =
      options.profilesDir ?? shippedProfilesDir(workspaceRoot());
  }

  onModuleDestroy() {
    this.uploads.remove();
  }

  /** The usable profiles; for a user bound to an agency, those importing into it. */
  async profiles(user: AuthenticatedUser): Promise<ImportProfileObject[]> {
    const agencyCode = await this.agencyCodeOf(user);
    return this.loadProfiles()
      .filter(
        ({ profile }) => !agencyCode || profile.agency.code === agencyCode,
      )
      .map(({ name, profile }) => ({
        name,
        title: profile.title,
        description: profile.description ?? null,
        sourceSystem: profile.sourceSystem,
        agencyCode: profile.agency.code,
        agencyName: profile.agency.name,
        timeZone: profile.timeZone ?? profile.agency.timeZone,
      }));
  }

  /**
   * Checks the request, starts the import in the background and resolves
   * with the batch id as soon as the batch exists. The uploaded file is
   * removed when the import ends, however it ends.
   */
  async start(
    user: AuthenticatedUser,
    profileName: string | undefined,
    file: UploadedImportFile | undefined,
  ): Promise<string> {
    let profile: LoadedImportProfile;
    try {
      if (!file)
        throw new BadRequestException(
          'Choose a file to import: send it in the form field "file".',
        );
      profile = this.profile(profileName);
      if (file.size === 0)
        throw new BadRequestException(
          'The file is empty: there is nothing to import.',
        );
      await this.checkAgency(user, profile);
    } catch (error) {
      if (file) await rm(file.path, { force: true });
      throw error;
    }

    const upload = file;
    const secret = await personKeySecret();
    return new Promise<string>((resolve, reject) => {
      let batchId: string | null = null;
      runImport(this.dataSource, {
        profile,
        file: upload.path,
        fileName: upload.originalname || 'upload.csv',
        personKeySecret: secret,
        rollups: this.rollups,
        onStart: (id) => {
          batchId = id;
          if (id) resolve(id);
        },
      })
        .then(
          () => undefined,
          (error: unknown) => {
            if (!batchId) {
              reject(
                error instanceof ImportFileError
                  ? new BadRequestException(error.message)
                  : error,
              );
              return;
            }
            // runImport has recorded the failure, message and all, on the
            // batch, where the Data page shows it; the log gets its kind only.
            this.logger.warn(
              `Import ${batchId} (profile ${profile.name}) failed: ${describeFailure(error)}`,
            );
          },
        )
        .finally(() => rm(upload.path, { force: true }).catch(() => undefined));
    }).then(async (batchId) => {
      await this.audit.record({
        event: 'record_created',
        outcome: 'success',
        userId: user.id,
        target: `import_batch:${batchId}`,
        details: { profile: profile.name },
      });
      return batchId;
    });
  }

  async batches(
    user: AuthenticatedUser,
    limit: number,
  ): Promise<ImportBatchObject[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new BadRequestException('limit must be between 1 and 500.');
    const batches = await this.dataSource
      .getRepository(ImportBatchEntity)
      .find({
        where: user.agencyId ? { agencyId: user.agencyId } : {},
        order: { startedAt: 'DESC', id: 'ASC' },
        take: limit,
      });
    return batches.map(toBatchObject);
  }

  /** The batch, or null when there is none the user may see. */
  async batch(
    user: AuthenticatedUser,
    id: string,
  ): Promise<ImportBatchObject | null> {
    if (!UUID.test(id))
      throw new BadRequestException(
        `id is not a valid import id: ${JSON.stringify(id)}`,
      );
    const batch = await this.dataSource
      .getRepository(ImportBatchEntity)
      .findOneBy({ id, ...(user.agencyId ? { agencyId: user.agencyId } : {}) });
    return batch ? toBatchObject(batch) : null;
  }

  /** Like batch(), but a missing batch is a 404 (for the REST routes). */
  async batchOr404(
    user: AuthenticatedUser,
    id: string,
  ): Promise<ImportBatchObject> {
    const batch = await this.batch(user, id);
    if (!batch) throw new NotFoundException('There is no such import.');
    return batch;
  }

  async rejectsByReason(
    batch: Pick<ImportBatchObject, 'agencyId' | 'id'>,
  ): Promise<RejectCountObject[]> {
    return this.dataSource.query(
      `SELECT reason, count(*)::int AS count FROM import_rejects
        WHERE agency_id = $1 AND batch_id = $2
        GROUP BY reason ORDER BY count DESC, reason`,
      [batch.agencyId, batch.id],
    );
  }

  async rejects(
    batch: Pick<ImportBatchObject, 'agencyId' | 'id'>,
    limit: number,
    offset: number,
  ): Promise<ImportRejectObject[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new BadRequestException('limit must be between 1 and 1000.');
    if (!Number.isInteger(offset) || offset < 0)
      throw new BadRequestException('offset must be 0 or more.');
    const rejects = await this.dataSource
      .getRepository(ImportRejectEntity)
      .find({
        where: { agencyId: batch.agencyId, batchId: batch.id },
        order: { rowNumber: 'ASC', id: 'ASC' },
        take: limit,
        skip: offset,
      });
    return rejects.map((r) => ({
      rowNumber: r.rowNumber,
      column: r.columnName,
      reason: r.reason,
      detail: r.detail,
      rawLine: r.rawLine,
    }));
  }

  /** Every reject of the batch in file order, read a page at a time. */
  async *rejectRows(
    batch: Pick<ImportBatchObject, 'agencyId' | 'id'>,
  ): AsyncGenerator<RejectRow> {
    let after = { rowNumber: -1, id: '0' };
    for (;;) {
      const rows: RejectRow[] = await this.dataSource.query(
        `SELECT id, row_number, column_name, reason, detail, raw_line FROM import_rejects
          WHERE agency_id = $1 AND batch_id = $2 AND (row_number, id) > ($3::int, $4::bigint)
          ORDER BY row_number, id LIMIT $5`,
        [batch.agencyId, batch.id, after.rowNumber, after.id, REJECTS_PAGE],
      );
      yield* rows;
      if (rows.length < REJECTS_PAGE) return;
      const last = rows[rows.length - 1];
      after = { rowNumber: last.row_number, id: last.id };
    }
  }

  /** The named profile; a clear 400 for a missing, unknown or broken one. */
  private profile(name: string | undefined): LoadedImportProfile {
    const available = () =>
      this.profileNames().join(', ') || 'none are installed';
    if (!name?.trim())
      throw new BadRequestException(
        `Choose an import profile: send its name in the form field "profile". Available profiles: ${available()}.`,
      );
    if (!PROFILE_NAME.test(name.trim()))
      throw new BadRequestException(
        `Unknown import profile ${JSON.stringify(name)}. Available profiles: ${available()}.`,
      );
    try {
      return loadImportProfile(name.trim(), this.profilesDir);
    } catch (error) {
      if (error instanceof ImportProfileError)
        throw new BadRequestException(error.message);
      throw error;
    }
  }

  private profileNames(): string[] {
    return readdirSync(this.profilesDir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => file.slice(0, -'.yaml'.length))
      .sort();
  }

  /** Every valid profile; a broken one is logged and left out, not fatal to the list. */
  private loadProfiles(): LoadedImportProfile[] {
    return this.profileNames().flatMap((name) => {
      try {
        return [loadImportProfile(name, this.profilesDir)];
      } catch (error) {
        if (!(error instanceof ImportProfileError)) throw error;
        this.logger.warn(
          `Import profile ${name} is not usable: ${error.message}`,
        );
        return [];
      }
    });
  }

  private async agencyCodeOf(
    user: AuthenticatedUser,
  ): Promise<string | undefined> {
    if (!user.agencyId) return undefined;
    const agency = await this.dataSource
      .getRepository(AgencyEntity)
      .findOneBy({ id: user.agencyId });
    // An agency-bound user whose agency is gone may import into nothing.
    return agency?.code ?? '\u0000';
  }

  /** A user bound to an agency imports only into that agency. */
  private async checkAgency(
    user: AuthenticatedUser,
    { profile }: LoadedImportProfile,
  ) {
    const code = await this.agencyCodeOf(user);
    if (code && code !== profile.agency.code) {
      await this.audit.record({
        event: 'access_denied',
        outcome: 'failure',
        userId: user.id,
        target: 'POST /api/imports',
        details: { reason: 'other_agency' },
      });
      throw new ForbiddenException(
        'This profile imports into another agency; you may import only into your own.',
      );
    }
  }
}

function toBatchObject(batch: ImportBatchEntity): ImportBatchObject {
  const bytesRead = Number(batch.bytesRead);
  const bytesTotal =
    batch.bytesTotal === null ? null : Number(batch.bytesTotal);
  return {
    id: batch.id,
    agencyId: batch.agencyId,
    profile: batch.profile,
    sourceSystem: batch.sourceSystem,
    fileName: batch.fileName,
    status: batch.status,
    rowsRead: batch.rowsRead,
    inserted: batch.inserted,
    updated: batch.updated,
    unchanged: batch.unchanged,
    rejected: batch.rejected,
    filtered: batch.filtered,
    bytesRead,
    bytesTotal,
    progress: importProgress({ status: batch.status, bytesRead, bytesTotal }),
    startedAt: batch.startedAt,
    finishedAt: batch.finishedAt,
    error: batch.error,
  };
}

/**
 * The kind of a failure, without its message: messages can quote the file
 * (a header that was really a data row, a value in a database error).
 */
function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const name = error instanceof Error ? error.constructor.name : typeof error;
  return typeof code === 'string' ? `${name} (code ${code})` : name;
}
