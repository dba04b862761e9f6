import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openDataSource } from '@crosswalk/api/database';
import { demoEncountersCsv } from '@crosswalk/seeds';
import type { DataSource } from 'typeorm';

const root = join(__dirname, '../../../../..');
const ROWS = 100_000;

/** The import CLI as a user runs it, against the test database. */
function importCli(file: string) {
  return spawn(
    process.execPath,
    [
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
      cwd: root,
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        DATABASE_URL: process.env['CROSSWALK_TEST_DATABASE_URL'],
        CROSSWALK_PERSON_KEY_SECRET: 'recovery-test-secret',
      },
    },
  );
}

describe('an import killed with SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-kill-'));
  const file = join(dir, 'encounters.csv');
  let dataSource: DataSource;
  beforeAll(async () => {
    writeFileSync(file, demoEncountersCsv({ encounters: ROWS, seed: 21 }));
    dataSource = await openDataSource(
      process.env['CROSSWALK_TEST_DATABASE_URL'] as string,
    );
    await dataSource.query(
      "DELETE FROM encounters WHERE source_system = 'crosswalk-demo'",
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves whole batches behind, and running it again completes it with no duplicates', async () => {
    const first = importCli(file);
    const exited = new Promise((done) => first.once('exit', done));
    // Kill as soon as at least one batch has committed but the import is still running.
    let committed = 0;
    for (let waited = 0; waited < 120_000 && committed === 0; waited += 25) {
      await new Promise((done) => setTimeout(done, 25));
      const [batch] = await dataSource.query(
        "SELECT rows_read FROM import_batches WHERE status = 'running' AND profile = 'crosswalk-demo' ORDER BY started_at DESC LIMIT 1",
      );
      committed = batch?.rows_read ?? 0;
    }
    first.kill('SIGKILL');
    await exited;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(ROWS);

    // Consistent: exactly the committed batches' rows are there (perhaps one more batch committed before the kill landed).
    const [{ stored, distinct }] = await dataSource.query(
      "SELECT count(*)::int AS stored, count(DISTINCT source_record_id)::int AS distinct FROM encounters WHERE source_system = 'crosswalk-demo'",
    );
    const [{ rows_read: recorded }] = await dataSource.query(
      "SELECT rows_read FROM import_batches WHERE profile = 'crosswalk-demo' ORDER BY started_at DESC LIMIT 1",
    );
    expect(stored).toBe(recorded);
    expect(distinct).toBe(stored);
    expect(stored).toBeLessThan(ROWS);

    const second = importCli(file);
    let output = '';
    second.stdout.on('data', (chunk) => (output += chunk));
    const status = await new Promise((done) => second.once('exit', done));
    expect(status).toBe(0);
    const summary = JSON.parse(output);
    expect(summary).toMatchObject({
      rowsRead: ROWS,
      inserted: ROWS - stored,
      unchanged: stored,
      updated: 0,
      rejected: 0,
      filtered: 0,
    });

    const [after] = await dataSource.query(
      "SELECT count(*)::int AS stored, count(DISTINCT source_record_id)::int AS distinct FROM encounters WHERE source_system = 'crosswalk-demo'",
    );
    expect(after).toEqual({ stored: ROWS, distinct: ROWS });
    const statuses = await dataSource.query(
      "SELECT status FROM import_batches WHERE profile = 'crosswalk-demo' ORDER BY started_at DESC LIMIT 2",
    );
    expect(statuses.map((s: { status: string }) => s.status)).toEqual([
      'completed',
      'interrupted',
    ]);
  }, 300_000);
});
