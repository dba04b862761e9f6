// Import throughput and memory against plain COPY, on 1,000,000 demo rows.
//   npm run bench:import [-- --rows N]
// Generates the demo CSV, imports it with the crosswalk-demo profile into a
// fresh database, and loads it with plain COPY into a bare table before and
// after the import (the faster is the reference); prints rows/s for both,
// their ratio and the import's peak RSS.
// Last, it COPYs the rows the import wrote straight back into encounters:
// PostgreSQL's own share of the import (types and the table's indexes, no
// parsing or mapping), which bounds the ratio an import through binary COPY
// into this table can reach on this server.
import { spawn } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  openSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

import { workspaceRoot } from '@crosswalk/api/database';
import type { ImportSummary } from '@crosswalk/import-engine';
import { EncounterCsvFormatter, generateEncounters } from '@crosswalk/seeds';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

import { withScratchDatabase } from './scratch-database';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' } },
});
const rows = Number(values.rows);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function writeCsv(file: string) {
  const formatter = new EncounterCsvFormatter();
  const out = createWriteStream(file);
  out.write(formatter.header());
  let chunk = '';
  for (const encounter of generateEncounters({ encounters: rows, seed: 11 })) {
    chunk += formatter.fileLine(encounter);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk))
        await new Promise<void>((done) => out.once('drain', () => done()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((done) => out.once('finish', () => done()));
  // On disk before the first COPY reads it, so that no write-back of it
  // competes with that COPY.
  const fd = openSync(file, 'r');
  fsyncSync(fd);
  closeSync(fd);
}

async function plainCopy(
  url: string,
  file: string,
  columns: string[],
): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_plain_copy');
    await client.query(
      `CREATE TABLE bench_plain_copy (${columns.map((c) => `"${c}" text`).join(', ')})`,
    );
    // Each COPY starts with no dirty pages to write and, after the import,
    // no autovacuum of its rows to compete with.
    await client.query('VACUUM');
    await client.query('CHECKPOINT');
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom('COPY bench_plain_copy FROM STDIN (FORMAT csv, HEADER true)'),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    await client.query('DROP TABLE bench_plain_copy');
    // The import starts as this COPY did, with no dirty pages to write.
    await client.query('CHECKPOINT');
    return seconds;
  } finally {
    await client.end();
  }
}

/** Seconds to COPY the encounters the import wrote (in binary, as the import does) back into the emptied table. */
async function encountersCopy(url: string, dir: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [{ columns }],
    } = await client.query(
      `SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) AS columns
         FROM information_schema.columns WHERE table_name = 'encounters' AND column_name <> 'id'`,
    );
    const file = join(dir, 'encounters.copy');
    await pipeline(
      client.query(
        copyTo(
          `COPY (SELECT ${columns} FROM encounters) TO STDOUT (FORMAT binary)`,
        ),
      ),
      createWriteStream(file),
    );
    await client.query('TRUNCATE encounters CASCADE');
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom(`COPY encounters (${columns}) FROM STDIN (FORMAT binary)`),
      ),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/** Runs the import CLI with the flags of `npm run import`, sampling its peak RSS (VmHWM). */
async function importWithCli(
  databaseUrl: string,
  file: string,
): Promise<{ summary: ImportSummary; peakRss: number }> {
  const script = (
    JSON.parse(readFileSync(join(workspaceRoot(), 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts['import'];
  const nodeArgs = script.split(' ').filter((part) => part.startsWith('--'));
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '-r',
      '@swc-node/register',
      'libs/import-engine/src/import.cli.ts',
      '--profile',
      'crosswalk-demo',
      '--file',
      file,
      '--json',
    ],
    {
      cwd: workspaceRoot(),
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        DATABASE_URL: databaseUrl,
        CROSSWALK_PERSON_KEY_SECRET: 'bench-secret',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let peakKb = 0;
  const sampler = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(
        readFileSync(`/proc/${child.pid}/status`, 'utf8'),
      );
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // the process has just exited
    }
  }, 50);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const status = await new Promise((done) => child.once('exit', done));
  clearInterval(sampler);
  if (status !== 0) throw new Error(`the import exited with status ${status}`);
  return {
    summary: JSON.parse(output) as ImportSummary,
    peakRss: peakKb * 1024,
  };
}

async function main() {
  await withScratchDatabase('import', async ({ url, dir }) => {
    const file = join(dir, 'encounters.csv');
    {
      const started = performance.now();
      await writeCsv(file);
      console.log(
        `Generated ${rows.toLocaleString('en-US')} demo rows (${mb(statSync(file).size)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );

      const header = readFileSync(file, 'utf8')
        .slice(0, 4096)
        .split('\n')[0]
        .split(',');
      // The reference is taken before and after the import, and the faster
      // used: the first is often the slower (on a new server it also creates
      // the WAL files), and this machine's speed drifts over minutes.
      const copyBefore = await plainCopy(url, file, header);
      console.log(
        `plain COPY into a bare table, before the import: ${copyBefore.toFixed(1)} s`,
      );

      // The import runs as `npm run import` runs it (same flags), in its own
      // process, so its peak RSS is the kernel's high-water mark for that process.
      const { summary, peakRss } = await importWithCli(url, file);
      const copyAfter = await plainCopy(url, file, header);
      const copySeconds = Math.min(copyBefore, copyAfter);
      const copyRate = rows / copySeconds;
      console.log(
        `plain COPY into a bare table, after the import: ${copyAfter.toFixed(1)} s; ` +
          `the faster, ${copySeconds.toFixed(1)} s, ${Math.round(copyRate).toLocaleString('en-US')} rows/s, is the reference`,
      );
      const loadSeconds = summary.seconds - summary.rollupSeconds;
      const rate = (seconds: number) => rows / seconds;
      const perSecond = (seconds: number) =>
        `${Math.round(rate(seconds)).toLocaleString('en-US')} rows/s`;
      console.log(
        `crosswalk import: ${loadSeconds.toFixed(1)} s, ${perSecond(loadSeconds)} ` +
          `(inserted ${summary.inserted.toLocaleString('en-US')}, rejected ${summary.rejected}); ` +
          `then the metric rollup refresh: ${summary.rollupSeconds.toFixed(1)} s`,
      );
      console.log(
        `ratio import/COPY: ${(rate(loadSeconds) / copyRate).toFixed(2)} (target >= 0.40); ` +
          `with the rollup refresh: ${perSecond(summary.seconds)}, ratio ${(rate(summary.seconds) / copyRate).toFixed(2)}`,
      );
      console.log(`import peak RSS: ${mb(peakRss)} (target < 500 MB)`);
      if (summary.inserted !== rows)
        throw new Error(`expected ${rows} inserted, got ${summary.inserted}`);

      const floorSeconds = await encountersCopy(url, dir);
      console.log(
        `the imported rows COPYed straight into encounters (PostgreSQL's share: types and indexes, no parsing or mapping): ` +
          `${floorSeconds.toFixed(1)} s, ${perSecond(floorSeconds)}; an import writing this table through binary COPY cannot pass ratio ${(rate(floorSeconds) / copyRate).toFixed(2)} here`,
      );
    }
  });
}

void main();
