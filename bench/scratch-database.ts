import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureDatabase, startDatabase } from '@crosswalk/api/database';
import { Client } from 'pg';

/**
 * Runs a benchmark against a fresh database of its own: on the server at
 * DATABASE_URL when set, else on an embedded PostgreSQL in a scratch folder.
 * The database, the server it started and the folder are removed after.
 */
export async function withScratchDatabase<T>(
  name: string,
  run: (scratch: { url: string; dir: string }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `crosswalk-bench-${name}-`));
  // Run as root, the embedded server drops to the postgres user, who must reach the folder.
  chmodSync(dir, 0o755);
  const env = process.env['DATABASE_URL']
    ? process.env
    : { ...process.env, CROSSWALK_DATA_DIR: join(dir, 'data') };
  const server = await startDatabase({ env });
  const url = new URL(server.url);
  url.pathname = `/crosswalk_bench_${name}_${process.pid}`;
  await ensureDatabase(server.url, url.pathname.slice(1));
  try {
    return await run({ url: url.toString(), dir });
  } finally {
    const client = new Client({ connectionString: server.url });
    await client.connect();
    await client.query(
      `DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`,
    );
    await client.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
