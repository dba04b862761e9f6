import { rmSync } from 'node:fs';

import { Client } from 'pg';

import { testState } from './test-state';

export default async function globalTeardown() {
  const { server, adminUrl, name, dataDir } = testState.get();
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
  await server.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
