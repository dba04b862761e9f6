// Builds Crosswalk and starts it as `npm start` does (embedded PostgreSQL in
// a scratch folder, demo data, a known admin), for the browser tests and
// the browser benchmarks.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const workspaceDir = join(__dirname, '..');

export interface CrosswalkServer {
  /** Where the dashboard is served, e.g. http://localhost:43127. */
  url: string;
  admin: { email: string; password: string };
  /** How long the start took, demo data included. */
  startMs: number;
  /** Stops it with SIGTERM and removes its data; its exit status (0: clean). */
  stop(): Promise<number | null>;
}

/** Builds the API and the dashboard for production. */
export function buildCrosswalk(): void {
  execFileSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dashboard'],
    { cwd: workspaceDir, stdio: 'inherit' },
  );
}

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

/**
 * Starts the built Crosswalk in production mode on a free port, with a new
 * embedded database in a temporary folder holding `demoEncounters` demo
 * encounters. Its log lines are echoed with a `[crosswalk]` prefix.
 */
export async function startCrosswalk(options: {
  demoEncounters: number;
  startTimeoutMs: number;
}): Promise<CrosswalkServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crosswalk-e2e-data-'));
  // Run as root, the embedded server drops to the postgres user, who must reach the folder.
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const admin = {
    email: 'e2e-admin@example.org',
    password: randomBytes(18).toString('base64url'),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    CROSSWALK_DATA_DIR: dataDir,
    CROSSWALK_ADMIN_EMAIL: admin.email,
    CROSSWALK_ADMIN_PASSWORD: admin.password,
    CROSSWALK_DEMO_ENCOUNTERS: String(options.demoEncounters),
    LOG_LEVEL: 'warn',
  };
  delete env['DATABASE_URL']; // always the embedded default

  const server = spawn(
    process.execPath,
    ['--enable-source-maps', 'dist/api/apps/api/src/main.js'],
    { cwd: workspaceDir, env },
  );
  server.stderr.pipe(process.stderr);
  const exited = new Promise<number | null>((done) =>
    server.once('exit', done),
  );
  const stop = async () => {
    server.kill('SIGTERM');
    const code = await exited;
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };

  const started = Date.now();
  try {
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error('Crosswalk did not start in time')),
        options.startTimeoutMs,
      );
      void exited.then((code) =>
        fail(new Error(`Crosswalk exited during start (status ${code})`)),
      );
      createInterface({ input: server.stdout }).on('line', (line) => {
        process.stdout.write(`[crosswalk] ${line}\n`);
        const match = line.match(/Crosswalk is running at (\S+)/);
        if (match) {
          clearTimeout(timer);
          done(match[1].replace(/\/+$/, ''));
        }
      });
    });
    return { url, admin, startMs: Date.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
