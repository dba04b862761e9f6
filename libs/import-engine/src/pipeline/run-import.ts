import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { parse } from 'csv-parse';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

import {
  compileRowMapper,
  ImportFileError,
  type MappedEncounter,
  type MappedRow,
  type RejectReason,
} from '../mapping/compile-row-mapper';
import type { LoadedImportProfile } from '../profile/load-import-profile';
import {
  copyText,
  STAGING_COLUMNS,
  STAGING_TABLE_SQL,
  stagingLine,
} from './staging-row';

export interface ImportCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows the profile's row filter left out. */
  filtered: number;
}

export interface ImportProgress extends ImportCounts {
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportSummary extends ImportCounts {
  /** Null for a dry run, which writes nothing. */
  batchId: string | null;
  rejectsByReason: Record<string, number>;
  seconds: number;
}

export interface ImportRequest {
  profile: LoadedImportProfile;
  file: string;
  /** Shown in the batch list; defaults to the file's name. */
  fileName?: string;
  dryRun?: boolean;
  /** Deployment secret for person keys (HMAC-SHA256); needed when the profile maps person_key. */
  personKeySecret?: string;
  /** Rows per transaction. */
  batchSize?: number;
  onStart?: (batchId: string | null, bytesTotal: number) => void;
  onProgress?: (progress: ImportProgress) => void;
}

interface PendingReject {
  row: number;
  column: string | null;
  reason: RejectReason;
  detail: string;
  raw: string;
}

interface Batch {
  encounters: MappedEncounter[];
  rejects: PendingReject[];
  rowsRead: number;
  filtered: number;
  bytesRead: number;
}

const DEFAULT_BATCH_SIZE = 20_000;
const MAX_RAW_LINE = 10_000;
/** Advisory lock class for running imports: a batch still 'running' whose lock is free was killed. */
const LOCK_CLASS = 7_251;

const newBatch = (): Batch => ({
  encounters: [],
  rejects: [],
  rowsRead: 0,
  filtered: 0,
  bytesRead: 0,
});

/**
 * Imports one file with a profile. The file is streamed and parsed once; rows
 * reach PostgreSQL through COPY into a staging table and are upserted on
 * (agency, source system, record id) one transaction per batch, so an import
 * killed at any moment leaves whole batches and a re-run completes it. While
 * PostgreSQL works on one batch the next is parsed.
 */
export async function runImport(
  dataSource: DataSource,
  request: ImportRequest,
): Promise<ImportSummary> {
  const started = performance.now();
  const { profile } = request.profile;
  const bytesTotal = await stat(request.file).then(
    (s) => s.size,
    (error: NodeJS.ErrnoException) => {
      throw new ImportFileError(
        `Cannot read ${request.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      );
    },
  );
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const client = await pool.connect();
  const dryRun = request.dryRun ?? false;
  const totals: ImportCounts = {
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    filtered: 0,
  };
  let batchId = '';
  let agencyId = '';
  let broken = false;
  try {
    if (dryRun) await client.query('BEGIN');
    agencyId = await ensureAgency(client, request.profile);
    await markInterrupted(client);
    batchId = (
      await client.query(
        `INSERT INTO import_batches (agency_id, profile, source_system, file_name, status, bytes_total, dry_run)
         VALUES ($1, $2, $3, $4, 'running', $5, $6) RETURNING id`,
        [
          agencyId,
          request.profile.name,
          profile.sourceSystem,
          request.fileName ?? basename(request.file),
          bytesTotal,
          dryRun,
        ],
      )
    ).rows[0].id;
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [
      LOCK_CLASS,
      batchId,
    ]);
    request.onStart?.(dryRun ? null : batchId, bytesTotal);
    await client.query('DROP TABLE IF EXISTS import_staging');
    await client.query(STAGING_TABLE_SQL);

    const areas = new AreaResolver(client, agencyId);
    const write = async (batch: Batch) => {
      const counts = await writeBatch(client, batch, {
        agencyId,
        batchId,
        sourceSystem: profile.sourceSystem,
        timePrecision: profile.timePrecision,
        areas,
        dryRun,
      });
      for (const key of Object.keys(totals) as (keyof ImportCounts)[])
        totals[key] += counts[key];
      request.onProgress?.({
        ...totals,
        bytesRead: batch.bytesRead,
        bytesTotal,
      });
    };
    await readBatches(request, request.batchSize ?? DEFAULT_BATCH_SIZE, write);

    const rejectsByReason = Object.fromEntries(
      (
        await client.query(
          'SELECT reason, count(*)::int AS n FROM import_rejects WHERE agency_id = $1 AND batch_id = $2 GROUP BY reason ORDER BY reason',
          [agencyId, batchId],
        )
      ).rows.map((r) => [r.reason, r.n]),
    );
    if (dryRun) {
      await client.query('ROLLBACK');
    } else {
      await client.query(
        "UPDATE import_batches SET status = 'completed', finished_at = now() WHERE agency_id = $1 AND id = $2",
        [agencyId, batchId],
      );
      await client.query('ANALYZE encounters');
    }
    return {
      batchId: dryRun ? null : batchId,
      ...totals,
      rejectsByReason,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    if (batchId && !dryRun) {
      await client
        .query(
          "UPDATE import_batches SET status = 'failed', error = $3, finished_at = now() WHERE agency_id = $1 AND id = $2",
          [agencyId, batchId, (error as Error).message],
        )
        .catch(() => (broken = true));
    }
    throw error;
  } finally {
    await client
      .query('DROP TABLE IF EXISTS import_staging')
      .catch(() => (broken = true));
    if (batchId)
      await client
        .query('SELECT pg_advisory_unlock($1, hashtext($2))', [
          LOCK_CLASS,
          batchId,
        ])
        .catch(() => (broken = true));
    client.release(broken);
  }
}

async function ensureAgency(
  client: PoolClient,
  { profile }: LoadedImportProfile,
): Promise<string> {
  const { code, name, timeZone } = profile.agency;
  await client.query(
    'INSERT INTO agencies (code, name, time_zone) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
    [code, name, timeZone],
  );
  return (await client.query('SELECT id FROM agencies WHERE code = $1', [code]))
    .rows[0].id;
}

/** Batches left 'running' by a process that died (its advisory lock is free) become 'interrupted'. */
async function markInterrupted(client: PoolClient) {
  const { rows } = await client.query(
    "SELECT agency_id, id FROM import_batches WHERE status = 'running'",
  );
  for (const { agency_id, id } of rows) {
    const {
      rows: [{ free }],
    } = await client.query(
      'SELECT pg_try_advisory_lock($1, hashtext($2)) AS free',
      [LOCK_CLASS, id],
    );
    if (!free) continue;
    await client.query(
      "UPDATE import_batches SET status = 'interrupted', error = 'the import stopped before it finished; run it again to complete it', finished_at = now() WHERE agency_id = $1 AND id = $2",
      [agency_id, id],
    );
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
      LOCK_CLASS,
      id,
    ]);
  }
}

/** Area ids by code path, creating areas (and their parents) on first sight. */
class AreaResolver {
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly client: PoolClient,
    private readonly agencyId: string,
  ) {}

  async resolve(path: { code: string; level: string }[]): Promise<string> {
    const key = path.map((p) => p.code).join('\u001f');
    const known = this.ids.get(key);
    if (known) return known;
    let parentId: string | null = null;
    for (let i = path.length - 1; i >= 0; i--) {
      const { code, level } = path[i];
      const { rows }: { rows: { id: string }[] } = await this.client.query(
        `WITH created AS (
           INSERT INTO areas (agency_id, code, name, level, parent_id) VALUES ($1, $2, $2, $3, $4)
           ON CONFLICT (agency_id, code) DO NOTHING RETURNING id)
         SELECT id FROM created UNION ALL SELECT id FROM areas WHERE agency_id = $1 AND code = $2`,
        [this.agencyId, code, level, parentId],
      );
      parentId = rows[0].id;
    }
    this.ids.set(key, parentId as string);
    return parentId as string;
  }
}

/**
 * Streams the file through the CSV parser and the profile's row mapper,
 * handing full batches to `write`. Each write is awaited only when the next
 * batch is full, so parsing overlaps the database work.
 */
async function readBatches(
  request: ImportRequest,
  batchSize: number,
  write: (batch: Batch) => Promise<void>,
) {
  const { profile } = request.profile;
  const source = createReadStream(request.file);
  let bytesRead = 0;
  source.on('data', (chunk) => (bytesRead += chunk.length));
  const parser = parse({
    delimiter: profile.file.delimiter,
    quote: profile.file.quote,
    encoding:
      profile.file.encoding === 'utf-8'
        ? 'utf8'
        : profile.file.encoding === 'latin1'
          ? 'latin1'
          : 'utf16le',
    bom: true,
    from_line: profile.file.headerRow,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    info: true,
  });
  let header: string[] | undefined;
  let mapRow: ((row: string[]) => MappedRow) | undefined;
  let batch = newBatch();
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const full = batch;
    batch = newBatch();
    full.bytesRead = bytesRead;
    await writing;
    writing = write(full);
  };
  const reject = (
    row: number,
    column: string | null,
    reason: RejectReason,
    detail: string,
    raw: string,
  ) =>
    batch.rejects.push({
      row,
      column,
      reason,
      detail,
      raw: raw.replace(/\r?\n$/, '').slice(0, MAX_RAW_LINE),
    });

  parser.on('skip', (error: Error & { lines: number; raw?: string }) => {
    batch.rowsRead++;
    reject(error.lines, null, 'malformed_csv', error.message, error.raw ?? '');
  });
  const reading = pipeline(source, parser).catch(
    (error: NodeJS.ErrnoException) => {
      throw new ImportFileError(
        `Cannot read ${request.file}: ${error.message}`,
      );
    },
  );

  for await (const { record, raw, info } of parser as AsyncIterable<{
    record: string[];
    raw: string;
    info: { lines: number };
  }>) {
    const row = info.lines - (raw.match(/\n(?!$)/g)?.length ?? 0);
    if (!header) {
      header = record;
      mapRow = compileRowMapper(profile, header, request.personKeySecret);
      continue;
    }
    batch.rowsRead++;
    if (raw.includes('\uFFFD')) {
      reject(
        row,
        null,
        'invalid_utf8',
        `row ${row} has bytes that are not valid ${profile.file.encoding}`,
        raw,
      );
    } else if (record.length !== header.length) {
      reject(
        row,
        null,
        'ragged_row',
        `row ${row} has ${record.length} fields; the header has ${header.length}`,
        raw,
      );
    } else {
      const mapped = (mapRow as (row: string[]) => MappedRow)(record);
      if (mapped.kind === 'encounter') batch.encounters.push(mapped);
      else if (mapped.kind === 'filtered') batch.filtered++;
      else reject(row, mapped.column, mapped.reason, mapped.detail, raw);
    }
    if (batch.encounters.length + batch.rejects.length >= batchSize)
      await flush();
  }
  await reading;
  if (!header)
    throw new ImportFileError(
      `${request.file} is empty: there is no header row.`,
    );
  await flush();
  await writing;
}

interface WriteContext {
  agencyId: string;
  batchId: string;
  sourceSystem: string;
  timePrecision: string;
  areas: AreaResolver;
  dryRun: boolean;
}

const UPDATABLE = STAGING_COLUMNS.filter((c) => c !== 'source_record_id');

const UPSERT_SQL = `
  WITH upserted AS (
    INSERT INTO encounters AS e (agency_id, source_system, import_batch_id, time_precision, ${STAGING_COLUMNS.join(', ')})
    SELECT $1, $2, $3, $4, ${STAGING_COLUMNS.join(', ')} FROM import_staging
    ON CONFLICT (agency_id, source_system, source_record_id) DO UPDATE
      SET import_batch_id = EXCLUDED.import_batch_id, time_precision = EXCLUDED.time_precision,
          ${UPDATABLE.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
      WHERE e.row_hash IS DISTINCT FROM EXCLUDED.row_hash OR e.time_precision IS DISTINCT FROM EXCLUDED.time_precision
    RETURNING (xmax = 0) AS inserted)
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM upserted`;

/** One transaction: COPY into staging, upsert, rejects, batch counters. */
async function writeBatch(
  client: PoolClient,
  batch: Batch,
  context: WriteContext,
): Promise<ImportCounts> {
  // A record id repeated within the batch: the last row wins; the earlier
  // ones count as updated (or unchanged when identical).
  const lines = new Map<string, string>();
  let repeatedChanged = 0;
  let repeatedSame = 0;
  for (const encounter of batch.encounters) {
    const areaId = encounter.areaPath?.length
      ? await context.areas.resolve(encounter.areaPath)
      : null;
    const { line } = stagingLine(encounter, areaId);
    const earlier = lines.get(encounter.recordId);
    if (earlier !== undefined) {
      if (earlier === line) repeatedSame++;
      else repeatedChanged++;
    }
    lines.set(encounter.recordId, line);
  }

  // A dry run is one outer transaction, rolled back at the end.
  if (!context.dryRun) await client.query('BEGIN');
  await client.query('TRUNCATE import_staging');
  let inserted = 0;
  let updated = 0;
  if (lines.size) {
    const copy = client.query(
      copyFrom(
        `COPY import_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`,
      ),
    );
    await pipeline(chunked([...lines.values()]), copy);
    ({ inserted, updated } = (
      await client.query(UPSERT_SQL, [
        context.agencyId,
        context.sourceSystem,
        context.batchId,
        context.timePrecision,
      ])
    ).rows[0]);
  }
  if (batch.rejects.length) {
    const copy = client.query(
      copyFrom(
        'COPY import_rejects (agency_id, batch_id, row_number, column_name, reason, detail, raw_line) FROM STDIN',
      ),
    );
    const rows = batch.rejects.map(
      (r) =>
        [
          context.agencyId,
          context.batchId,
          String(r.row),
          r.column === null ? '\\N' : copyText(r.column),
          r.reason,
          copyText(r.detail),
          copyText(r.raw),
        ].join('\t') + '\n',
    );
    await pipeline(chunked(rows), copy);
  }
  const counts: ImportCounts = {
    rowsRead: batch.rowsRead,
    inserted,
    updated: updated + repeatedChanged,
    unchanged: lines.size - inserted - updated + repeatedSame,
    rejected: batch.rejects.length,
    filtered: batch.filtered,
  };
  await client.query(
    `UPDATE import_batches SET rows_read = rows_read + $3, inserted = inserted + $4, updated = updated + $5,
       unchanged = unchanged + $6, rejected = rejected + $7, filtered = filtered + $8, bytes_read = $9
     WHERE agency_id = $1 AND id = $2`,
    [
      context.agencyId,
      context.batchId,
      counts.rowsRead,
      counts.inserted,
      counts.updated,
      counts.unchanged,
      counts.rejected,
      counts.filtered,
      batch.bytesRead,
    ],
  );
  if (!context.dryRun) await client.query('COMMIT');
  return counts;
}

/** COPY input in chunks of about 1 MB. */
function* chunked(lines: string[]): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1_000_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
