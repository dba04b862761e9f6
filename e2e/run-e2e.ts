// `npm run test:e2e`: builds Crosswalk, starts it as `npm start` does (embedded
// PostgreSQL in a scratch folder, demo data, a known admin), runs the browser
// tests against it, then stops it and checks it shut down cleanly.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(__dirname, '..');
const DEMO_ENCOUNTERS = 50_000;
const START_TIMEOUT_MS = 180_000;

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

async function main() {
  execFileSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dashboard'],
    { cwd: root, stdio: 'inherit' },
  );

  const dataDir = mkdtempSync(join(tmpdir(), 'crosswalk-e2e-data-'));
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
    CROSSWALK_DEMO_ENCOUNTERS: String(DEMO_ENCOUNTERS),
    LOG_LEVEL: 'warn',
  };
  delete env['DATABASE_URL']; // the browser tests cover the embedded default

  const server = spawn(
    process.execPath,
    ['--enable-source-maps', 'dist/api/apps/api/src/main.js'],
    { cwd: root, env },
  );
  server.stderr.pipe(process.stderr);
  const exited = new Promise<number | null>((done) =>
    server.once('exit', done),
  );
  let status = 1;
  try {
    const started = Date.now();
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error('Crosswalk did not start in time')),
        START_TIMEOUT_MS,
      );
      void exited.then((code) =>
        fail(new Error(`Crosswalk exited during start (status ${code})`)),
      );
      createInterface({ input: server.stdout }).on('line', (line) => {
        process.stdout.write(`[crosswalk] ${line}\n`);
        const match = line.match(/Crosswalk is running at (\S+)/);
        if (match) {
          clearTimeout(timer);
          done(match[1]);
        }
      });
    });
    process.stdout.write(
      `Crosswalk started in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const tests = readdirSync(join(root, 'e2e'))
      .filter((f) => f.endsWith('.e2e.ts'))
      .map((f) => join('e2e', f));
    status =
      spawnSync(
        process.execPath,
        ['--require', '@swc-node/register', '--test', ...tests],
        {
          cwd: root,
          stdio: 'inherit',
          env: {
            ...process.env,
            CROSSWALK_E2E_URL: url,
            CROSSWALK_ADMIN_EMAIL: admin.email,
            CROSSWALK_ADMIN_PASSWORD: admin.password,
            CROSSWALK_E2E_EXPECTED_COUNT: String(DEMO_ENCOUNTERS),
          },
        },
      ).status ?? 1;
  } finally {
    server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) {
      process.stderr.write(
        `Crosswalk did not stop cleanly on SIGTERM (status ${code})\n`,
      );
      status = status || 1;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(status);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
