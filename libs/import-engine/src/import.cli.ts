// npm run import -- --profile <name|path> --file <path> [--json] [--dry-run]
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import {
  openDataSource,
  personKeySecret,
  startDatabase,
  workspaceRoot,
} from '@crosswalk/api/database';
import { MetricRollups } from '@crosswalk/metrics/rollups';
import { loadMetricDefinitions } from '@crosswalk/metrics/spec';
import { SingleBar } from 'cli-progress';

import { ImportFileError } from './mapping/compile-row-mapper';
import { type ImportSummary, runImport } from './pipeline/run-import';
import {
  ImportProfileError,
  loadImportProfile,
  shippedProfilesDir,
} from './profile/load-import-profile';

const USAGE =
  'Usage: npm run import -- --profile <name|path> --file <path> [--json] [--dry-run]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        profile: { type: 'string' },
        file: { type: 'string' },
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return wrongOptions((error as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.profile || !args.file)
    return wrongOptions('Both --profile and --file are required.');
  // npm runs the script in the repository; paths are read from where the
  // command was typed.
  const cwd = process.env['INIT_CWD'] ?? process.cwd();
  const profile = loadImportProfile(
    args.profile,
    shippedProfilesDir(workspaceRoot()),
    cwd,
  );
  const quiet = args.json || !process.stderr.isTTY;
  const say = (line: string) => quiet || process.stderr.write(`${line}\n`);

  const database = await startDatabase({ log: say });
  const dataSource = await openDataSource(database.url);
  const bar = new SingleBar({
    format:
      'Importing |{bar}| {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
    stream: process.stderr,
    hideCursor: true,
  });
  const started = performance.now();
  try {
    const summary = await runImport(dataSource, {
      profile,
      file: resolve(cwd, args.file),
      dryRun: args['dry-run'],
      personKeySecret: await personKeySecret(),
      rollups: new MetricRollups(
        loadMetricDefinitions(join(workspaceRoot(), 'metrics-definitions')),
      ),
      onStart: (_, bytesTotal) =>
        quiet || bar.start(bytesTotal, 0, { rows: 0, rate: 0 }),
      onProgress: (p) => {
        const seconds = (performance.now() - started) / 1000;
        if (!quiet)
          bar.update(p.bytesRead, {
            rows: p.rowsRead.toLocaleString('en-US'),
            rate: Math.round(p.rowsRead / seconds).toLocaleString('en-US'),
          });
      },
    });
    if (!quiet) bar.stop();
    const {
      batchId,
      rowsRead,
      inserted,
      updated,
      unchanged,
      rejected,
      filtered,
      rejectsByReason,
      seconds,
      rollupSeconds,
    } = summary;
    if (args.json) {
      process.stdout.write(
        `${JSON.stringify({ batchId, rowsRead, inserted, updated, unchanged, rejected, filtered, rejectsByReason, seconds: toMs(seconds), rollupSeconds: toMs(rollupSeconds) })}\n`,
      );
    } else {
      process.stdout.write(describe(summary, profile.name, args['dry-run']));
    }
    return 0;
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

/** Exit status 2, with the usage; a script reading --json gets JSON on stdout either way. */
function wrongOptions(message: string): number {
  process.stderr.write(`${message}\n${USAGE}\n`);
  printJsonError(message);
  return 2;
}

function printJsonError(message: string) {
  if (process.argv.includes('--json'))
    process.stdout.write(`${JSON.stringify({ error: message })}\n`);
}

/** Seconds rounded to the millisecond. */
const toMs = (seconds: number) => Math.round(seconds * 1000) / 1000;

function describe(s: ImportSummary, profile: string, dryRun: boolean): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const lines = [
    dryRun
      ? `Dry run (nothing written) with profile ${profile}, ${s.seconds.toFixed(1)} s:`
      : `Import ${s.batchId} with profile ${profile}, ${s.seconds.toFixed(1)} s (${s.rollupSeconds.toFixed(1)} s of it refreshing the metric rollups):`,
    `  ${n(s.rowsRead)} rows read: ${n(s.inserted)} inserted, ${n(s.updated)} updated, ${n(s.unchanged)} unchanged, ${n(s.rejected)} rejected, ${n(s.filtered)} filtered out`,
    ...Object.entries(s.rejectsByReason).map(([reason, count]) => {
      const { line, detail } = s.firstRejects[reason];
      return `  rejected for ${reason}: ${n(count)} (the first, line ${line}: ${detail})`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    const expected =
      error instanceof ImportProfileError || error instanceof ImportFileError;
    const message = (error as Error).message ?? String(error);
    process.stderr.write(
      `${expected ? message : ((error as Error).stack ?? message)}\n`,
    );
    printJsonError(message);
    process.exit(1);
  },
);
