import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { REFERRAL_FIELDS } from '@crosswalk/domain';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

import {
  type FieldValue,
  ImportFileError,
  type MappedEncounter,
  REFERRAL_VALUE_FIELDS,
} from '../mapping/compile-row-mapper';
import type { LoadedImportProfile } from '../profile/load-import-profile';
import { finishTuples, PersonKeys, TupleFinisher } from './finish-tuples';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { Batch, BatchRow, BatchSink } from './row-batches';
import {
  COPY_BINARY_HEADER,
  COPY_BINARY_TRAILER,
  CopyFields,
  copyText,
  recordIdOf,
  rowHash,
  type StagedRow,
  stageEncounter,
  STAGING_COLUMNS,
  STAGING_TABLE_SQL,
  tupleStart,
} from './staging-row';

export interface ImportCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows the profile's filter or exclude conditions left out. */
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
  /** For each reject reason, the first row rejected for it: its line in the file and the reject's detail. */
  firstRejects: Record<string, { line: number; detail: string }>;
  /** The whole import, the refresh of the metric rollups included. */
  seconds: number;
  /** The part of `seconds` spent refreshing the metric rollups afterwards. */
  rollupSeconds: number;
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
  /** Refreshes the metric rollups of the months the import wrote. */
  rollups?: {
    refreshImported(dataSource: DataSource, agencyId: string): Promise<void>;
  };
  onStart?: (batchId: string | null, bytesTotal: number) => void;
  onProgress?: (progress: ImportProgress) => void;
}

const DEFAULT_BATCH_SIZE = 10_000;
const UNIQUE_VIOLATION = '23505';
/** Advisory lock class for running imports: a batch still 'running' whose lock is free was killed. */
const LOCK_CLASS = 7_251;
const SOURCE_LOCK_CLASS = 7_252;

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
  let finisher: TupleFinisher | undefined;
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
    // One import per source at a time: new-row detection must not race.
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [
      SOURCE_LOCK_CLASS,
      `${agencyId}/${profile.sourceSystem}`,
    ]);
    request.onStart?.(dryRun ? null : batchId, bytesTotal);
    await client.query('DROP TABLE IF EXISTS import_staging, import_seen');
    await client.query(STAGING_TABLE_SQL);
    await client.query(SEEN_TABLE_SQL);

    const areas = new AreaResolver(client, agencyId);
    const {
      rows: [{ empty }],
    } = await client.query(
      'SELECT NOT EXISTS (SELECT 1 FROM encounters WHERE agency_id = $1 AND source_system = $2) AS empty',
      [agencyId, profile.sourceSystem],
    );
    const context: WriteContext = {
      agencyId,
      batchId,
      sourceSystem: profile.sourceSystem,
      recordIdColumn: profile.recordId.columns[0],
      areas,
      dryRun,
      newSource: empty,
      referrals: profile.fields.referrals !== undefined,
      start: tupleStart(agencyId, profile.sourceSystem, batchId),
      keys:
        request.personKeySecret === undefined
          ? undefined
          : new PersonKeys(request.personKeySecret),
    };
    finisher = await TupleFinisher.start(request.personKeySecret);
    const running = finisher;
    const sink: BatchSink = {
      size: request.batchSize ?? DEFAULT_BATCH_SIZE,
      stage: (encounter, row, raw, batch) => {
        const areaId = encounter.areaPath?.length
          ? areas.cached(encounter.areaPath)
          : null;
        return areaId === undefined
          ? { kind: 'pending', encounter: held(encounter), row, raw }
          : stageEncounter(encounter, areaId, row, raw, batch, context.start);
      },
      finish: async ({ fields, marks }) => {
        if (marks.length)
          await running.finish(fields.memory, marks.memory, 0, marks.length);
      },
      write: async (batch) => {
        await keepStatistics(client, context);
        const counts = await writeBatch(client, batch, context);
        for (const key of Object.keys(totals) as (keyof ImportCounts)[])
          totals[key] += counts[key];
        request.onProgress?.({
          ...totals,
          bytesRead: batch.bytesRead,
          bytesTotal,
        });
      },
    };
    const read = profile.file.format === 'xlsx' ? readXlsx : readCsv;
    await read(request, sink);

    const { rows: byReason } = await client.query(
      `SELECT DISTINCT ON (reason) reason, count(*) OVER (PARTITION BY reason)::int AS n, row_number AS line, detail
         FROM import_rejects WHERE agency_id = $1 AND batch_id = $2 ORDER BY reason, row_number`,
      [agencyId, batchId],
    );
    const rejectsByReason = Object.fromEntries(
      byReason.map((r) => [r.reason, r.n]),
    );
    const firstRejects = Object.fromEntries(
      byReason.map((r) => [
        r.reason,
        { line: Number(r.line), detail: r.detail },
      ]),
    );
    if (dryRun) {
      await client.query('ROLLBACK');
    } else {
      await client.query(
        "UPDATE import_batches SET status = 'completed', finished_at = now() WHERE agency_id = $1 AND id = $2",
        [agencyId, batchId],
      );
      // The rollup refresh next plans its joins with fresh statistics.
      await client.query(
        `ANALYZE ${Object.keys(writtenTables(context)).join(', ')}`,
      );
    }
    const loaded = performance.now();
    if (!dryRun) await request.rollups?.refreshImported(dataSource, agencyId);
    const finished = performance.now();
    return {
      batchId: dryRun ? null : batchId,
      ...totals,
      rejectsByReason,
      firstRejects,
      seconds: (finished - started) / 1000,
      rollupSeconds: (finished - loaded) / 1000,
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
    await finisher?.close();
    await client
      .query('DROP TABLE IF EXISTS import_staging, import_seen')
      .catch(() => (broken = true));
    await client
      .query('SELECT pg_advisory_unlock_all()')
      .catch(() => (broken = true));
    client.release(broken);
  }
}

/**
 * A copy of an encounter that waits for the database, made here. V8 makes
 * objects in the old generation from the start where most of those made at
 * one place in the code have lived long; the mapper's objects must not be
 * among them, as all but these few die young.
 */
function held(encounter: MappedEncounter): MappedEncounter {
  return {
    ...encounter,
    values: encounter.values.slice(),
    areaPath:
      encounter.areaPath?.map(({ code, level }) => ({ code, level })) ?? null,
    referrals: encounter.referrals?.map((values) => values.slice()) ?? null,
  };
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

/**
 * Area ids by code path, creating areas (and their parents) on first sight;
 * an area is its level and its code (beat 5 and district 5 are two areas).
 * An area that has no parent gets the one a later row gives it; one that
 * has a parent keeps it (an import never moves a beat to another sector),
 * and no area becomes its own ancestor (two profiles that nest the same two
 * levels the other way round).
 */
class AreaResolver {
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly client: PoolClient,
    private readonly agencyId: string,
  ) {}

  /**
   * The id when this path was seen before (no database round trip). One
   * profile reads the file, so the codes of a path say its levels too.
   */
  cached(path: { code: string }[]): string | undefined {
    return this.ids.get(
      path.length === 1 ? path[0].code : path.map((p) => p.code).join('\u001f'),
    );
  }

  async resolve(path: { code: string; level: string }[]): Promise<string> {
    const key =
      path.length === 1 ? path[0].code : path.map((p) => p.code).join('\u001f');
    const known = this.ids.get(key);
    if (known) return known;
    let parentId: string | null = null;
    for (let i = path.length - 1; i >= 0; i--) {
      const { code, level } = path[i];
      const { rows }: { rows: { id: string }[] } = await this.client.query(
        `WITH created AS (
           INSERT INTO areas (agency_id, code, name, level, parent_id) VALUES ($1, $2, $2, $3, $4)
           ON CONFLICT (agency_id, level, code) DO NOTHING RETURNING id)
         SELECT id FROM created UNION ALL SELECT id FROM areas WHERE agency_id = $1 AND level = $3 AND code = $2`,
        [this.agencyId, code, level, parentId],
      );
      if (parentId !== null)
        await this.client.query(FILL_PARENT_SQL, [
          this.agencyId,
          rows[0].id,
          parentId,
        ]);
      parentId = rows[0].id;
    }
    this.ids.set(key, parentId as string);
    return parentId as string;
  }
}

/** Gives area $2 the parent $3 if it has none and is not an ancestor of $3 (or $3 itself). */
const FILL_PARENT_SQL = `
  UPDATE areas a SET parent_id = $3
   WHERE a.agency_id = $1 AND a.id = $2 AND a.parent_id IS NULL
     AND NOT EXISTS (
       WITH RECURSIVE up (id, parent_id) AS (
         SELECT id, parent_id FROM areas WHERE agency_id = $1 AND id = $3
         UNION ALL SELECT p.id, p.parent_id FROM areas p JOIN up ON p.agency_id = $1 AND p.id = up.parent_id)
       SELECT 1 FROM up WHERE up.id = a.id)`;

interface WriteContext {
  agencyId: string;
  batchId: string;
  sourceSystem: string;
  recordIdColumn: string;
  areas: AreaResolver;
  dryRun: boolean;
  /**
   * The source had no encounters when this import began and no row has yet
   * repeated the record id of an earlier batch: a first load, whose rows
   * need no look-up, as they are all new.
   */
  newSource: boolean;
  /** The profile maps referrals: an updated encounter's are replaced by its row's. */
  referrals: boolean;
  /** How each tuple starts (tupleStart). */
  start: Buffer;
  /** Person keys for rows staged on writing (those with a new area). */
  keys: PersonKeys | undefined;
}

/**
 * The tables an import writes its rows to, each with the columns its
 * look-ups by record id filter on.
 */
function writtenTables(context: WriteContext): Record<string, string[]> {
  const encounters = ['agency_id', 'source_system', 'source_record_id'];
  return context.referrals
    ? { encounters, referrals: ['agency_id', 'encounter_id'] }
    : { encounters };
}

/**
 * Those of the tables $1 whose live rows have outgrown the planner's
 * statistics: more than twice its count and a batch ($2) more. A table
 * never analysed is left out: the planner then goes by its size on disk.
 */
const OUTGROWN_STATISTICS_SQL = `
  SELECT c.relname AS table FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
   WHERE c.relname = ANY($1::text[]) AND c.relnamespace = to_regnamespace(current_schema())
     AND c.reltuples >= 0 AND s.n_live_tup > 2 * c.reltuples + $2`;

/**
 * Analyses the look-up columns of the tables the import writes once they
 * have outgrown their statistics. Planned with those of a much smaller
 * table, a look-up by record id reads every encounter of the agency for
 * each row it looks up (an index on (agency, time) then looks as good as
 * the unique one), and an import of the table's size and more never ends.
 */
async function keepStatistics(client: PoolClient, context: WriteContext) {
  const tables = writtenTables(context);
  const { rows } = await client.query<{ table: string }>(
    OUTGROWN_STATISTICS_SQL,
    [Object.keys(tables), DEFAULT_BATCH_SIZE],
  );
  for (const [table, columns] of Object.entries(tables))
    if (rows.some((row) => row.table === table))
      await client.query(`ANALYZE ${table} (${columns.join(', ')})`);
}

/** The record ids this import has read, with the row each was first on. */
const SEEN_TABLE_SQL =
  'CREATE TEMP TABLE import_seen (source_record_id text PRIMARY KEY, row_number bigint NOT NULL)';

/** Adds record ids to import_seen, returning those an earlier batch already had. */
const SEEN_SQL = `
  WITH added AS (
    INSERT INTO import_seen SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT DO NOTHING)
  SELECT source_record_id AS id, row_number::int AS first
  FROM import_seen WHERE source_record_id = ANY($1::text[])`;

const UPDATE_SQL = `
  UPDATE encounters e SET import_batch_id = $3,
    ${STAGING_COLUMNS.slice(STAGING_COLUMNS.indexOf('source_record_id') + 1)
      .map((c) => `${c} = s.${c}`)
      .join(', ')}
  FROM import_staging s
  WHERE e.agency_id = $1 AND e.source_system = $2 AND e.source_record_id = s.source_record_id`;

/** Removes the referrals of the encounters with record ids $3 (their rows give them anew). */
const DELETE_REFERRALS_SQL = `
  DELETE FROM referrals r USING encounters e
  WHERE e.agency_id = $1 AND e.source_system = $2 AND e.source_record_id = ANY($3::text[])
    AND r.agency_id = $1 AND r.encounter_id = e.id`;

/**
 * Adds referrals, each to the encounter with record id $3, from arrays of
 * their values (REFERRAL_VALUE_FIELDS). Each encounter is looked up by
 * itself, a probe of the unique index (with the statistics keepStatistics
 * keeps current), and one that is not there fails the batch (encounter_id
 * is NOT NULL) rather than leaving its referrals out.
 */
const INSERT_REFERRALS_SQL = `
  INSERT INTO referrals (agency_id, encounter_id, ${REFERRAL_VALUE_FIELDS.join(', ')})
  SELECT $1,
         (SELECT e.id FROM encounters e
           WHERE e.agency_id = $1 AND e.source_system = $2 AND e.source_record_id = r.source_record_id),
         ${REFERRAL_VALUE_FIELDS.map((f) => `r.${f}`).join(', ')}
  FROM unnest($3::text[], ${REFERRAL_VALUE_FIELDS.map(
    (f, i) =>
      `$${i + 4}::${REFERRAL_FIELDS[f].kind === 'boolean' ? 'boolean' : 'text'}[]`,
  ).join(', ')})
    WITH ORDINALITY AS r (source_record_id, ${REFERRAL_VALUE_FIELDS.join(', ')}, n)
  ORDER BY r.n`;

/**
 * One transaction: set aside rows whose record id an earlier row of the
 * batch had (the first row of a record id is the one imported; the others
 * are rejected as duplicate_record_id); write the rest (writeRows); then
 * rejects and the batch counters. Imports of one source are serialised
 * (runImport's source lock), so the look-ups cannot race another import.
 */
async function writeBatch(
  client: PoolClient,
  batch: Batch,
  context: WriteContext,
): Promise<ImportCounts> {
  const rows = new Map<string, StagedRow>();
  const rejects = batch.rejects;
  /** A row repeating the record id of an earlier row (`first`, when known). */
  const duplicate = (row: BatchRow, first: number | null) =>
    rejects.push({
      row: row.row,
      column: context.recordIdColumn,
      reason: 'duplicate_record_id',
      detail: `line ${row.row} has the record id of ${first === null ? 'an earlier line' : `line ${first}`}, which is the one imported`,
      raw: batch.redactLine(
        row.kind === 'staged' ? batch.raws.textAt(row.rawAt) : row.raw,
      ),
    });
  // Rows staged here are finished here, on the main thread.
  const marked = batch.marks.length;
  for (const row of batch.rows) {
    const recordId =
      row.kind === 'staged'
        ? recordIdOf(batch.fields, row)
        : row.encounter.recordId;
    const first = rows.get(recordId);
    if (first) {
      duplicate(row, first.row);
      continue;
    }
    rows.set(
      recordId,
      row.kind === 'staged'
        ? row
        : stageEncounter(
            row.encounter,
            await context.areas.resolve(
              row.encounter.areaPath as { code: string; level: string }[],
            ),
            row.row,
            row.raw,
            batch,
            context.start,
          ),
    );
  }

  finishTuples(
    batch.fields.view(0, batch.fields.length),
    batch.marks.view(0, batch.marks.length),
    marked,
    batch.marks.length,
    context.keys,
  );

  if (!context.dryRun) await client.query('BEGIN');
  const written = await writeRows(
    client,
    rows,
    batch.fields,
    duplicate,
    context,
  );
  if (rejects.length) {
    const copy = client.query(
      copyFrom(
        'COPY import_rejects (agency_id, batch_id, row_number, column_name, reason, detail, raw_line) FROM STDIN',
      ),
    );
    const lines = rejects.map(
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
    await pipeline(chunked(lines), copy);
  }
  const counts: ImportCounts = {
    rowsRead: batch.rowsRead,
    inserted: written.inserted,
    updated: written.updated,
    unchanged: written.unchanged,
    rejected: rejects.length,
    filtered: batch.filtered,
  };
  // COMMIT is queued behind the UPDATE: the connection sends it as soon as
  // the UPDATE is done, not when the reader next lets this code run. After
  // a failed UPDATE it rolls back, and the UPDATE's error is thrown.
  const counted = client.query(
    `UPDATE import_batches SET rows_read = rows_read + $3, inserted = inserted + $4, updated = updated + $5,
       unchanged = unchanged + $6, rejected = rejected + $7, filtered = filtered + $8, bytes_read = $9,
       occurred_from = least(occurred_from, $10), occurred_to = greatest(occurred_to, $11)
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
      Number.isFinite(written.occurredFrom)
        ? new Date(written.occurredFrom)
        : null,
      Number.isFinite(written.occurredTo) ? new Date(written.occurredTo) : null,
    ],
  );
  await Promise.all([counted, !context.dryRun && client.query('COMMIT')]);
  return counts;
}

/**
 * A batch's distinct rows, in its transaction: look up which record ids
 * exist; COPY new encounters straight into the table; COPY changed ones into
 * staging and update from there; leave identical ones alone. Referrals are
 * added for new encounters and, when the profile maps them, replaced for
 * changed ones. Rows repeating a record id an earlier batch read are
 * rejected with `duplicate`. The rows' fields are in the batch's `fields`.
 */
async function writeRows(
  client: PoolClient,
  rows: Map<string, StagedRow>,
  fields: CopyFields,
  duplicate: (row: BatchRow, first: number | null) => void,
  context: WriteContext,
): Promise<{
  inserted: number;
  updated: number;
  unchanged: number;
  occurredFrom: number;
  occurredTo: number;
}> {
  const existing = new Map<string, string | null>();
  if (rows.size && !context.newSource) {
    const found = await client.query(
      'SELECT source_record_id AS id, row_hash AS hash, import_batch_id = $4 AS written FROM encounters WHERE agency_id = $1 AND source_system = $2 AND source_record_id = ANY($3::text[])',
      [
        context.agencyId,
        context.sourceSystem,
        [...rows.keys()],
        context.batchId,
      ],
    );
    // Written by an earlier transaction of this import: a repeat.
    for (const { id, hash, written } of found.rows) {
      if (!written) existing.set(id, hash);
      else {
        duplicate(rows.get(id) as StagedRow, null);
        rows.delete(id);
      }
    }
  }
  // Encounters this import leaves as they were are not marked with it; the
  // record ids of those it has read are kept in import_seen. A new file adds
  // nothing there, as its rows are all written.
  if (existing.size) {
    const ids = [...existing.keys()];
    const seen = await client.query(SEEN_SQL, [
      ids,
      ids.map((id) => (rows.get(id) as StagedRow).row),
    ]);
    for (const { id, first } of seen.rows) {
      duplicate(rows.get(id) as StagedRow, first);
      rows.delete(id);
      existing.delete(id);
    }
  }
  const fresh: StagedRow[] = [];
  const changed: StagedRow[] = [];
  let unchanged = 0;
  // The span of what was written, so the metric rollups of those months are refreshed.
  let occurredFrom = Infinity;
  let occurredTo = -Infinity;
  for (const [id, row] of rows) {
    if (existing.size && existing.get(id) === rowHash(fields, row)) {
      unchanged++;
      continue;
    }
    (existing.has(id) ? changed : fresh).push(row);
    occurredFrom = Math.min(occurredFrom, row.occurred);
    occurredTo = Math.max(occurredTo, row.occurred);
  }
  if (fresh.length) {
    const copy = () =>
      pipeline(
        copyTuples(fresh, fields),
        client.query(
          copyFrom(
            `COPY encounters (${STAGING_COLUMNS.join(', ')}) FROM STDIN (FORMAT binary)`,
          ),
        ),
      );
    if (!context.newSource) await copy();
    else {
      // A first load writes without looking up; a record id an earlier
      // batch wrote breaks the unique key, and the batch is written again
      // with look-ups, as are the batches after it.
      await client.query('SAVEPOINT new_source');
      try {
        await copy();
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        await client.query('ROLLBACK TO SAVEPOINT new_source');
        context.newSource = false;
        return writeRows(client, rows, fields, duplicate, context);
      }
    }
  }
  if (changed.length) {
    await client.query('TRUNCATE import_staging');
    await pipeline(
      copyTuples(changed, fields),
      client.query(
        copyFrom(
          `COPY import_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN (FORMAT binary)`,
        ),
      ),
    );
    await client.query(UPDATE_SQL, [
      context.agencyId,
      context.sourceSystem,
      context.batchId,
    ]);
  }
  if (context.referrals)
    await writeReferrals(client, fields, fresh, changed, context);
  return {
    inserted: fresh.length,
    updated: changed.length,
    unchanged,
    occurredFrom,
    occurredTo,
  };
}

/** The referrals of new and changed encounters; a changed encounter's earlier ones are removed. */
async function writeReferrals(
  client: PoolClient,
  fields: CopyFields,
  fresh: StagedRow[],
  changed: StagedRow[],
  context: WriteContext,
) {
  const { agencyId, sourceSystem } = context;
  if (changed.length)
    await client.query(DELETE_REFERRALS_SQL, [
      agencyId,
      sourceSystem,
      changed.map((row) => recordIdOf(fields, row)),
    ]);
  const columns: FieldValue[][] = [[], ...REFERRAL_VALUE_FIELDS.map(() => [])];
  for (const row of [...fresh, ...changed]) {
    if (!row.referrals) continue;
    const recordId = recordIdOf(fields, row);
    for (const referral of row.referrals) {
      columns[0].push(recordId);
      referral.forEach((value, i) => columns[i + 1].push(value));
    }
  }
  if (columns[0].length)
    await client.query(INSERT_REFERRALS_SQL, [
      agencyId,
      sourceSystem,
      ...columns,
    ]);
}

/**
 * Staged rows as binary COPY input: a run of rows that follow one another
 * in `fields` as a view of it (up to about 1 MB, no copy), shorter runs
 * copied together into chunks of about that size.
 */
function* copyTuples(rows: StagedRow[], fields: CopyFields): Generator<Buffer> {
  const CHUNK = 1_000_000;
  const out = new CopyFields();
  out.bytes(COPY_BINARY_HEADER);
  for (let i = 0; i < rows.length;) {
    const from = rows[i].tuple;
    let to = rows[i].end;
    while (++i < rows.length && rows[i].tuple === to && to - from < CHUNK)
      to = rows[i].end;
    if (to - from < CHUNK / 16) {
      out.append(fields, from, to);
      if (out.length >= CHUNK) yield out.take();
    } else {
      if (out.length) yield out.take();
      yield fields.view(from, to);
    }
  }
  out.bytes(COPY_BINARY_TRAILER);
  yield out.take();
}

/**
 * COPY input in chunks of about 1 MB, each joined in one go: appending
 * line by line would build a chain of thousands of pieces to flatten.
 */
function* chunked(lines: string[]): Generator<string> {
  let from = 0;
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    length += lines[i].length;
    if (length > 1_000_000) {
      yield lines.slice(from, i + 1).join('');
      from = i + 1;
      length = 0;
    }
  }
  if (from < lines.length) yield lines.slice(from).join('');
}
