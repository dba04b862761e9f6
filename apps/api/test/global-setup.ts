import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureDatabase, startDatabase } from '@crosswalk/api/database';

import { testState } from './test-state';

/**
 * One PostgreSQL for the run: the server at DATABASE_URL, or an embedded one in
 * a scratch folder. Either way the run gets a fresh database of its own, which
 * global-teardown drops, so runs never see each other's rows.
 */
export default async function globalSetup() {
  const external = process.env['DATABASE_URL'];
  const dataDir = external
    ? undefined
    : mkdtempSync(join(tmpdir(), 'crosswalk-it-'));
  // Run as root, the embedded server drops to the postgres user, who must reach the folder.
  if (dataDir) chmodSync(dataDir, 0o755);
  const server = await startDatabase({
    env: external
      ? { DATABASE_URL: external }
      : { CROSSWALK_DATA_DIR: dataDir },
  });
  const name = `crosswalk_it_${process.pid}_${Date.now()}`;
  const url = new URL(server.url);
  await ensureDatabase(server.url, name);
  url.pathname = `/${name}`;
  process.env['CROSSWALK_TEST_DATABASE_URL'] = url.toString();
  testState.set({ server, adminUrl: server.url, name, dataDir });
}
