import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { Client } from 'pg';

const root = join(__dirname, '../../../../..');

/** Starts support/database-process.ts in its own Node process, as another Crosswalk process would. */
function databaseProcess(dataDir: string) {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      join(__dirname, '../../support/database-process.ts'),
    ],
    {
      cwd: root,
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: join(root, 'tsconfig.base.json'),
        CROSSWALK_DATA_DIR: dataDir,
      },
    },
  );
  const lines = createInterface({ input: child.stdout })[
    Symbol.asyncIterator
  ]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('database process ended early');
    return value as string;
  };
  return {
    child,
    started: async () =>
      JSON.parse(await next()) as { url: string; startedHere: boolean },
    stop: async () => {
      child.stdin.write('stop\n');
      expect(await next()).toBe('stopped');
      await new Promise((done) =>
        (child as ChildProcessWithoutNullStreams).once('exit', done),
      );
    },
  };
}

const portOf = (url: string) => Number(new URL(url).port);

const accepts = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

async function query(url: string, sql: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// Always exercises the embedded path, also when the suite runs against DATABASE_URL.
describe('the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crosswalk-embedded-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on a free port other than 5432, is shared by a second process, and stops cleanly', async () => {
    const first = databaseProcess(dataDir);
    const a = await first.started();
    expect(a.startedHere).toBe(true);
    expect(portOf(a.url)).not.toBe(5432);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    expect(await query(a.url, 'SELECT current_database() AS db')).toEqual([
      { db: 'crosswalk' },
    ]);

    const second = databaseProcess(dataDir);
    const b = await second.started();
    expect(b).toEqual({ url: a.url, startedHere: false });
    await second.stop(); // not its server: it must stay up
    expect(await accepts(portOf(a.url))).toBe(true);

    await first.stop();
    expect(await accepts(portOf(a.url))).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    // The folder is kept: a new process starts the same cluster again.
    const third = databaseProcess(dataDir);
    const c = await third.started();
    expect(c.startedHere).toBe(true);
    expect(await query(c.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await third.stop();
  });
});
