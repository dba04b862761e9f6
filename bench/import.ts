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
// It also counts the CPU time the whole machine spent in the import's load
// and in the reference COPY (from /proc/stat): the ratio cannot pass
// cores x COPY seconds / import CPU-seconds, however the work is spread.
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
import { availableParallelism } from 'node:os';
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

/** CPU-seconds the whole machine has been busy (all cores, kernel included), from /proc/stat. */
function machineBusySeconds(): number {
  // cpu  user nice system idle iowait irq softirq steal ...
  const ticks = readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ
}

/**
 * The machine's busy CPU-seconds sampled over time, so that the CPU spent
 * in a stretch known only afterwards (the import's load, which a child
 * process reports when it ends) can be read off.
 */
class BusyTimeline {
  private readonly samples: [number, number][] = [];
  private readonly timer = setInterval(() => this.sample(), 50);

  constructor() {
    this.sample();
  }

  private sample() {
    this.samples.push([performance.now(), machineBusySeconds()]);
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
  }

  /** Busy CPU-seconds between two moments (performance.now() ms), interpolated between samples. */
  between(from: number, to: number): number {
    return this.at(to) - this.at(from);
  }

  private at(time: number): number {
    const s = this.samples;
    const i = s.findIndex(([t]) => t >= time);
    if (i <= 0) return s[i < 0 ? s.length - 1 : 0][1];
    const [t0, b0] = s[i - 1];
    const [t1, b1] = s[i];
    return b0 + ((b1 - b0) * (time - t0)) / (t1 - t0);
  }
}

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
): Promise<{ seconds: number; cpu: number }> {
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
    const busy = machineBusySeconds();
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom('COPY bench_plain_copy FROM STDIN (FORMAT csv, HEADER true)'),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = machineBusySeconds() - busy;
    await client.query('DROP TABLE bench_plain_copy');
    // The import starts as this COPY did, with no dirty pages to write.
    await client.query('CHECKPOINT');
    return { seconds, cpu };
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

/**
 * Runs the import CLI with the flags of `npm run import`, sampling its peak
 * RSS (VmHWM), and counts the machine's busy CPU-seconds during its load
 * (the import without the start-up before it and the rollup refresh after).
 */
async function importWithCli(
  databaseUrl: string,
  file: string,
): Promise<{ summary: ImportSummary; peakRss: number; loadCpu: number }> {
  const busy = new BusyTimeline();
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
  const exited = performance.now();
  clearInterval(sampler);
  busy.stop();
  if (status !== 0) throw new Error(`the import exited with status ${status}`);
  const summary = JSON.parse(output) as ImportSummary;
  // The summary is printed as the import ends, just before the exit.
  const loadEnd = exited - summary.rollupSeconds * 1000;
  return {
    summary,
    peakRss: peakKb * 1024,
    loadCpu: busy.between(
      loadEnd - (summary.seconds - summary.rollupSeconds) * 1000,
      loadEnd,
    ),
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
        `plain COPY into a bare table, before the import: ${copyBefore.seconds.toFixed(1)} s`,
      );

      // The import runs as `npm run import` runs it (same flags), in its own
      // process, so its peak RSS is the kernel's high-water mark for that process.
      const { summary, peakRss, loadCpu } = await importWithCli(url, file);
      const copyAfter = await plainCopy(url, file, header);
      const copy =
        copyBefore.seconds <= copyAfter.seconds ? copyBefore : copyAfter;
      const copySeconds = copy.seconds;
      const copyRate = rows / copySeconds;
      console.log(
        `plain COPY into a bare table, after the import: ${copyAfter.seconds.toFixed(1)} s; ` +
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
      const cores = availableParallelism();
      console.log(
        `CPU work (the whole machine's busy CPU-seconds): the import's load ${loadCpu.toFixed(1)} CPU-s ` +
          `(${(loadCpu / loadSeconds).toFixed(2)} of ${cores} cores busy on average), the reference COPY ${copy.cpu.toFixed(1)} CPU-s: ` +
          `${(loadCpu / copy.cpu).toFixed(1)} times its work; with all ${cores} cores busy the whole load, ` +
          `the ratio could reach ${((cores * copySeconds) / loadCpu).toFixed(2)} at most`,
      );
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
