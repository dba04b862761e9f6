import { join, resolve } from 'node:path';

import {
  openDataSource,
  startDatabase,
  workspaceRoot,
} from '@crosswalk/api/database';
import { MetricRollups } from '@crosswalk/metrics/rollups';
import { loadMetricDefinitions } from '@crosswalk/metrics/spec';

import { parseSeedArgs, SEED_USAGE, UsageError } from './seed-args';
import { seedDemoData } from './seed-demo-data';

// npm run seed -- --encounters N --seed S [--csv FILE]
async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseSeedArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`seed: ${error.message}\n\n${SEED_USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(SEED_USAGE);
    return 0;
  }

  const started = performance.now();
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const database = await startDatabase({ log });
  try {
    const dataSource = await openDataSource(database.url);
    try {
      const csvFile = args.csvFile && resolve(args.csvFile);
      log(
        `Seeding ${args.encounters} demo encounters (seed ${args.seed})` +
          (csvFile ? `, CSV to ${csvFile}` : ''),
      );
      const result = await seedDemoData(dataSource, {
        encounters: args.encounters,
        seed: args.seed,
        csvFile,
        log,
      });
      const rolling = performance.now();
      const rollups = new MetricRollups(
        loadMetricDefinitions(join(workspaceRoot(), 'metrics-definitions')),
      );
      await rollups.ensureCurrent(dataSource);
      log(
        `Metric rollups refreshed in ${((performance.now() - rolling) / 1000).toFixed(1)} s`,
      );
      const total = (performance.now() - started) / 1000;
      log(
        `Done: ${result.encounters} encounters in ${result.seconds.toFixed(1)} s ` +
          `(${total.toFixed(1)} s with database start-up)`,
      );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
