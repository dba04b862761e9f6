import { pipeline, Readable } from 'node:stream';

import { AuditService } from '@crosswalk/api/audit';
import {
  type AuthenticatedUser,
  CurrentUser,
  Roles,
} from '@crosswalk/api/auth';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { stringify } from 'csv-stringify';

import { ImportsService, type UploadedImportFile } from './imports.service';
import { UploadErrorFilter } from './upload-error.filter';

const REJECT_COLUMNS = [
  { key: 'row_number', header: 'row_number' },
  { key: 'column_name', header: 'column' },
  { key: 'reason', header: 'reason' },
  { key: 'detail', header: 'detail' },
  { key: 'raw_line', header: 'raw_line' },
];

@Controller('api/imports')
@Roles('data_steward', 'admin')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Multipart form with `profile` (a profile name) and `file`. Answers 202
   * with the batch id once the import has started; follow it with the
   * `importBatch` query.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseFilters(UploadErrorFilter)
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<{ batchId: string }> {
    const profile =
      typeof body?.['profile'] === 'string' ? body['profile'] : undefined;
    return { batchId: await this.imports.start(user, profile, file) };
  }

  /** The batch's rejected rows as CSV, in file order. */
  @Get(':id/rejects.csv')
  async rejectsCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const batch = await this.imports.batchOr404(user, id);
    await this.audit.record({
      event: 'export',
      outcome: 'success',
      userId: user.id,
      target: `import_batch:${batch.id}`,
      details: { export: 'rejects_csv', rows: batch.rejected },
    });
    const csv = pipeline(
      Readable.from(this.imports.rejectRows(batch)),
      stringify({ header: true, bom: true, columns: REJECT_COLUMNS }),
      // A failure mid-stream ends the download; StreamableFile logs it.
      () => undefined,
    );
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${batch.id}-rejects.csv"`,
    });
  }
}
