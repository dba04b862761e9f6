import { parseArgs } from 'node:util';

import { MAX_SEED } from './generate-encounters';

export const DEFAULT_ENCOUNTERS = 50_000;
export const DEFAULT_SEED = 1;
const MAX_ENCOUNTERS = 50_000_000;

export const SEED_USAGE = `Usage: npm run seed -- [--encounters N] [--seed S] [--csv FILE]

Generates the deterministic demo city (agency 'demo') and its encounters and
loads them into DATABASE_URL or the embedded PostgreSQL (CROSSWALK_DATA_DIR),
replacing the demo agency's previous data.

Options:
  --encounters N  encounters to generate, 0-${MAX_ENCOUNTERS} (default ${DEFAULT_ENCOUNTERS})
  --seed S        seed of the pseudo-random sequence, 0-${MAX_SEED} (default ${DEFAULT_SEED})
  --csv FILE      also write the encounters as CSV to FILE
  -h, --help      show this help
`;

export interface SeedArgs {
  encounters: number;
  seed: number;
  csvFile: string | undefined;
  help: boolean;
}

/** A command-line mistake: the CLI prints the message and the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function integer(
  option: string,
  text: string | undefined,
  fallback: number,
  max: number,
) {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) {
    throw new UsageError(`--${option} must be a whole number, got '${text}'`);
  }
  const value = Number(text);
  if (value > max) {
    throw new UsageError(`--${option} must be at most ${max}, got ${text}`);
  }
  return value;
}

/** Parses the seed CLI's arguments (process.argv.slice(2)). */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        encounters: { type: 'string' },
        seed: { type: 'string' },
        csv: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.csv === '') throw new UsageError('--csv needs a file name');
  return {
    encounters: integer(
      'encounters',
      values.encounters,
      DEFAULT_ENCOUNTERS,
      MAX_ENCOUNTERS,
    ),
    seed: integer('seed', values.seed, DEFAULT_SEED, MAX_SEED),
    csvFile: values.csv,
    help: values.help ?? false,
  };
}
