// A separate process holding a database handle, as `npm start` or the import
// CLI would: prints {url, startedHere} as one JSON line, stops on "stop".
import { createInterface } from 'node:readline';

import { startDatabase } from '@crosswalk/api/database';

void (async () => {
  const handle = await startDatabase();
  process.stdout.write(
    `${JSON.stringify({ url: handle.url, startedHere: handle.startedHere })}\n`,
  );
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'stop') break;
  }
  await handle.stop();
  process.stdout.write('stopped\n');
  process.exit(0);
})();
