// `npm run test:e2e`: builds Crosswalk, starts it as `npm start` does (embedded
// PostgreSQL in a scratch folder, demo data, a known admin), runs the browser
// tests against it, then stops it and checks it shut down cleanly.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildCrosswalk,
  startCrosswalk,
  workspaceDir,
} from './crosswalk-server.util';

const DEMO_ENCOUNTERS = 50_000;

async function main() {
  buildCrosswalk();
  const server = await startCrosswalk({
    demoEncounters: DEMO_ENCOUNTERS,
    startTimeoutMs: 180_000,
  });
  process.stdout.write(
    `Crosswalk started in ${(server.startMs / 1000).toFixed(1)} s\n`,
  );

  let status = 1;
  try {
    const tests = readdirSync(join(workspaceDir, 'e2e'))
      .filter((f) => f.endsWith('.e2e.ts'))
      .map((f) => join('e2e', f));
    status =
      spawnSync(
        process.execPath,
        ['--require', '@swc-node/register', '--test', ...tests],
        {
          cwd: workspaceDir,
          stdio: 'inherit',
          env: {
            ...process.env,
            CROSSWALK_E2E_URL: server.url,
            CROSSWALK_ADMIN_EMAIL: server.admin.email,
            CROSSWALK_ADMIN_PASSWORD: server.admin.password,
            CROSSWALK_E2E_EXPECTED_COUNT: String(DEMO_ENCOUNTERS),
          },
        },
      ).status ?? 1;
  } finally {
    const code = await server.stop();
    if (code !== 0) {
      process.stderr.write(
        `Crosswalk did not stop cleanly on SIGTERM (status ${code})\n`,
      );
      status = status || 1;
    }
  }
  process.exit(status);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
