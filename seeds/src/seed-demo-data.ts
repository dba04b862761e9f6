import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';

import { openDataSource } from '@crosswalk/api/database';
import { Client, type ClientBase, type Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

import {
  beatBox,
  boxPolygon,
  DEMO_AGENCY,
  DEMO_BEATS,
  DEMO_DISTRICTS,
  DEMO_PROGRAM,
  DEMO_SOURCE_SYSTEM,
  DEMO_UNIT_COSTS,
  districtBox,
} from './demo-city';
import {
  ENCOUNTER_COPY_COLUMNS,
  EncounterCsvFormatter,
  REFERRAL_COPY_COLUMNS,
} from './encounter-csv';
import { generateEncounters } from './generate-encounters';

export interface SeedDemoDataOptions {
  /** Encounters to generate across the 36-month window. */
  encounters: number;
  /** Seed of the pseudo-random sequence. */
  seed: number;
  /** Also write the encounters as CSV to this file (area as code). */
  csvFile?: string;
  /** Progress messages; silent when omitted. */
  log?: (message: string) => void;
}

export interface SeedDemoDataResult {
  agencyId: string;
  encounters: number;
  /** Wall-clock seconds spent generating and loading. */
  seconds: number;
}

/**
 * Rows per write (about 50 kB). Small chunks keep the concatenated lines
 * young: larger ones survive garbage collections and double the run time.
 */
const CHUNK_ROWS = 100;
/** Chunks between turns of the event loop (to drain the socket). */
const CHUNKS_PER_TURN = 20;
/**
 * From this many encounters on, the encounters table's foreign keys and
 * non-unique indexes are dropped before the COPY and recreated after it from
 * their catalog definitions, in the same transaction: one validating join
 * and one sort per index beat a million per-row trigger checks and inserts.
 */
const SUSPEND_CONSTRAINTS_FROM = 100_000;
/** Serialises seeders (the API on first start, the CLI) on one database. */
const SEED_LOCK_KEY = 'crosswalk-seed-demo-data';

type SeedTarget = DataSource | string;

/**
 * Writes the demo city (agency, districts, beats, program, unit costs) and
 * `encounters` generated encounters into PostgreSQL with COPY, in one
 * transaction. When the demo agency exists, its data is replaced; the agency
 * row itself is kept so users linked to it stay valid.
 */
export async function seedDemoData(
  target: SeedTarget,
  options: SeedDemoDataOptions,
): Promise<SeedDemoDataResult> {
  if (typeof target === 'string') {
    const dataSource = await openDataSource(target);
    try {
      return await seedDemoData(dataSource, options);
    } finally {
      await dataSource.destroy();
    }
  }
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const client = await poolOf(target).connect();
  let agencyId: string;
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      await client.query("SET LOCAL maintenance_work_mem = '256MB'");
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        SEED_LOCK_KEY,
      ]);
      agencyId = await replaceCity(client, log);
      const areaIds = await insertCity(client, agencyId);
      await loadEncounters(client, agencyId, areaIds, options, log, started);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    }
    await client.query('ANALYZE encounters, referrals');
  } finally {
    client.release(broken);
  }
  const seconds = (performance.now() - started) / 1000;
  log(
    `Seeded ${options.encounters} encounters for agency '${DEMO_AGENCY.code}' in ${seconds.toFixed(1)} s`,
  );
  return { agencyId, encounters: options.encounters, seconds };
}

/**
 * True when no agency exists yet (a fresh database the API may seed),
 * including before the migrations have created the agencies table.
 */
export async function isDatabaseEmpty(target: SeedTarget): Promise<boolean> {
  const run = async (client: ClientBase) => {
    const table = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('agencies') IS NOT NULL AS exists",
    );
    if (!table.rows[0].exists) return true;
    const { rows } = await client.query<{ empty: boolean }>(
      'SELECT NOT EXISTS (SELECT 1 FROM agencies) AS empty',
    );
    return rows[0].empty;
  };
  if (typeof target !== 'string') {
    const client = await poolOf(target).connect();
    try {
      return await run(client);
    } finally {
      client.release();
    }
  }
  const client = new Client({ connectionString: target });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function poolOf(dataSource: DataSource): Pool {
  if (dataSource.options.type !== 'postgres') {
    throw new Error(
      `seedDemoData needs PostgreSQL, not ${dataSource.options.type}`,
    );
  }
  // TypeORM's postgres driver keeps its pg.Pool as `master` (typed any).
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** The demo agency's id, its previous data (if any) deleted. */
async function replaceCity(
  client: PoolClient,
  log: (message: string) => void,
): Promise<string> {
  const existing = await client.query<{ id: string }>(
    'SELECT id FROM agencies WHERE code = $1',
    [DEMO_AGENCY.code],
  );
  if (existing.rowCount === 0) {
    const created = await client.query<{ id: string }>(
      'INSERT INTO agencies (code, name, time_zone) VALUES ($1, $2, $3) RETURNING id',
      [DEMO_AGENCY.code, DEMO_AGENCY.name, DEMO_AGENCY.timeZone],
    );
    return created.rows[0].id;
  }
  const agencyId = existing.rows[0].id;
  log(`Replacing the data of agency '${DEMO_AGENCY.code}'`);
  await client.query(
    'UPDATE agencies SET name = $2, time_zone = $3 WHERE id = $1',
    [agencyId, DEMO_AGENCY.name, DEMO_AGENCY.timeZone],
  );
  const { rows } = await client.query<{ shared: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM encounters WHERE agency_id <> $1)
         OR EXISTS (SELECT 1 FROM referrals WHERE agency_id <> $1) AS shared`,
    [agencyId],
  );
  if (rows[0].shared) {
    await client.query('DELETE FROM referrals WHERE agency_id = $1', [
      agencyId,
    ]);
    await client.query('DELETE FROM encounters WHERE agency_id = $1', [
      agencyId,
    ]);
  } else {
    // Only the demo agency has encounters: emptying the tables is far
    // quicker than deleting a million rows one by one.
    await client.query('TRUNCATE referrals, encounters');
  }
  for (const table of [
    // The rollups were built from the replaced data; without a rollup_state
    // row the next MetricRollups.ensureCurrent rebuilds them.
    'rollup_state',
    'metric_rollups',
    'metric_hour_rollups',
    'import_rejects',
    'import_batches',
    'program_areas',
    'programs',
    'unit_costs',
    'areas',
  ]) {
    await client.query(`DELETE FROM ${table} WHERE agency_id = $1`, [agencyId]);
  }
  return agencyId;
}

/** Inserts districts, beats, the program and unit costs; returns area ids by code. */
async function insertCity(
  client: PoolClient,
  agencyId: string,
): Promise<Map<string, string>> {
  const areaIds = new Map<string, string>();
  const insertArea = async (
    code: string,
    name: string,
    level: 'district' | 'beat',
    parentId: string | null,
    population: number,
    geojson: object,
  ) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO areas (agency_id, code, name, level, parent_id, population, geojson)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        agencyId,
        code,
        name,
        level,
        parentId,
        population,
        JSON.stringify(geojson),
      ],
    );
    areaIds.set(code, rows[0].id);
  };
  for (const district of DEMO_DISTRICTS) {
    const beats = DEMO_BEATS.filter(
      (beat) => beat.districtCode === district.code,
    );
    await insertArea(
      district.code,
      district.name,
      'district',
      null,
      beats.reduce((sum, beat) => sum + beat.population, 0),
      boxPolygon(districtBox(district.code)),
    );
  }
  for (const beat of DEMO_BEATS) {
    await insertArea(
      beat.code,
      beat.name,
      'beat',
      areaIds.get(beat.districtCode) ?? null,
      beat.population,
      boxPolygon(beatBox(beat)),
    );
  }

  const program = await client.query<{ id: string }>(
    `INSERT INTO programs (agency_id, name, model, start_date, description)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      agencyId,
      DEMO_PROGRAM.name,
      DEMO_PROGRAM.model,
      DEMO_PROGRAM.startDate,
      DEMO_PROGRAM.description,
    ],
  );
  await client.query(
    `INSERT INTO program_areas (agency_id, program_id, area_id)
     SELECT $1, $2, unnest($3::uuid[])`,
    [
      agencyId,
      program.rows[0].id,
      DEMO_PROGRAM.beatCodes.map((code) => areaIds.get(code)),
    ],
  );

  for (const cost of DEMO_UNIT_COSTS) {
    await client.query(
      `INSERT INTO unit_costs (agency_id, key, label, unit, value, low, high, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        agencyId,
        cost.key,
        cost.label,
        cost.unit,
        cost.value,
        cost.low,
        cost.high,
        cost.source,
      ],
    );
  }
  return areaIds;
}

async function loadEncounters(
  client: PoolClient,
  agencyId: string,
  areaIds: Map<string, string>,
  options: SeedDemoDataOptions,
  log: (message: string) => void,
  started: number,
): Promise<void> {
  const total = options.encounters;
  const restore =
    total >= SUSPEND_CONSTRAINTS_FROM ? await suspendConstraints(client) : [];

  const copy = client.query(
    copyFrom(
      `COPY encounters (${ENCOUNTER_COPY_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    ),
  );
  const file = options.csvFile ? createWriteStream(options.csvFile) : undefined;
  const outputs = file ? [copy, file] : [copy];
  const watches = outputs.map((stream) => watch(stream));

  const formatter = new EncounterCsvFormatter();
  let copyChunk = '';
  let fileChunk = file ? formatter.header() : '';
  // The referrals' COPY lines, a chunk of encounters' in each string, for
  // a second COPY once the encounters are in.
  const referralChunks: string[] = [];
  let referralChunk = '';
  let written = 0;
  const reportEvery = Math.max(
    CHUNK_ROWS,
    Math.ceil(total / 10 / CHUNK_ROWS) * CHUNK_ROWS,
  );
  let nextReport = reportEvery;
  let chunks = 0;
  const flush = async () => {
    await write(copy, copyChunk, watches[0]);
    if (file) await write(file, fileChunk, watches[1]);
    copyChunk = '';
    fileChunk = '';
    if (referralChunk) referralChunks.push(referralChunk);
    referralChunk = '';
    if (++chunks % CHUNKS_PER_TURN === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  try {
    for (const encounter of generateEncounters(options)) {
      const areaId = areaIds.get(encounter.areaCode);
      if (areaId === undefined)
        throw new Error(`No area ${encounter.areaCode}`);
      copyChunk += formatter.copyLine(encounter, agencyId, areaId);
      referralChunk += formatter.referralCopyLines(encounter);
      if (file) fileChunk += formatter.fileLine(encounter);
      written++;
      if (written % CHUNK_ROWS === 0) {
        await flush();
        if (written >= nextReport) {
          log(`  ${written} / ${total} encounters (${elapsed(started)} s)`);
          nextReport += reportEvery;
        }
      }
    }
    await flush();
    for (const stream of outputs) stream.end();
    await Promise.all(outputs.map((stream) => finished(stream)));
  } catch (error) {
    // Abandons the COPY (CopyFail) so the transaction can be rolled back.
    for (const stream of outputs) stream.destroy(error as Error);
    throw error;
  }
  log(`Loaded ${written} encounters (${elapsed(started)} s)`);
  const referrals = await loadReferrals(client, agencyId, referralChunks);
  log(`Loaded ${referrals} referrals (${elapsed(started)} s)`);

  for (const statement of restore) {
    await client.query(statement);
  }
  if (restore.length > 0) {
    log(
      `Restored ${restore.length} encounter foreign keys and indexes (${elapsed(started)} s)`,
    );
  }
}

/**
 * COPYs the referrals' lines (REFERRAL_COPY_COLUMNS) into a temporary
 * table and adds them to their encounters, found by record id.
 */
async function loadReferrals(
  client: PoolClient,
  agencyId: string,
  chunks: string[],
): Promise<number> {
  await client.query(
    'CREATE TEMP TABLE demo_referrals (source_record_id text, provider text, referral_type text, connected_within_30d boolean) ON COMMIT DROP',
  );
  await pipeline(
    Readable.from(chunks),
    client.query(
      copyFrom(
        `COPY demo_referrals (${REFERRAL_COPY_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
      ),
    ),
  );
  const { rowCount } = await client.query(
    `INSERT INTO referrals (agency_id, encounter_id, provider, referral_type, connected_within_30d)
     SELECT $1, e.id, r.provider, r.referral_type, r.connected_within_30d
       FROM demo_referrals r
       JOIN encounters e ON e.agency_id = $1 AND e.source_system = $2 AND e.source_record_id = r.source_record_id`,
    [agencyId, DEMO_SOURCE_SYSTEM],
  );
  return rowCount ?? 0;
}

/**
 * Drops the encounters table's foreign keys and the indexes that back no
 * constraint; returns the statements that recreate them exactly.
 */
async function suspendConstraints(client: PoolClient): Promise<string[]> {
  const foreignKeys = await client.query<{ name: string; definition: string }>(
    `SELECT format('%I', conname) AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint
      WHERE conrelid = 'encounters'::regclass AND contype = 'f'
      ORDER BY conname`,
  );
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name,
            pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = 'encounters'::regclass
        AND NOT i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
  );
  for (const key of foreignKeys.rows) {
    await client.query(`ALTER TABLE encounters DROP CONSTRAINT ${key.name}`);
  }
  for (const index of indexes.rows) {
    await client.query(`DROP INDEX ${index.name}`);
  }
  return [
    ...foreignKeys.rows.map(
      (key) =>
        `ALTER TABLE encounters ADD CONSTRAINT ${key.name} ${key.definition}`,
    ),
    ...indexes.rows.map((index) => index.definition),
  ];
}

interface StreamWatch {
  /** Rejects when the stream fails (always handled, so never unhandled). */
  failure: Promise<never>;
  error: Error | undefined;
}

function watch(stream: Writable): StreamWatch {
  const watched: StreamWatch = {
    error: undefined,
    failure: new Promise<never>((_, reject) => {
      stream.once('error', (error: Error) => {
        watched.error = error;
        reject(error);
      });
    }),
  };
  watched.failure.catch(() => undefined);
  return watched;
}

/** Writes a chunk, waiting for 'drain' when the stream pushes back. */
async function write(stream: Writable, chunk: string, watched: StreamWatch) {
  if (watched.error) throw watched.error;
  if (chunk.length > 0 && !stream.write(chunk)) {
    await Promise.race([once(stream, 'drain'), watched.failure]);
  }
}

function elapsed(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}
