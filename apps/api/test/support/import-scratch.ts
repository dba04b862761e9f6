import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openDataSource } from '@crosswalk/api/database';
import type { DataSource } from 'typeorm';

export interface ImportScratch {
  /** The integration tests' database. */
  readonly dataSource: DataSource;
  /** A folder of its own for the files a test writes. */
  readonly dir: string;
}

/**
 * For the tests of one describe block: the test database opened and a
 * scratch folder made before them, closed and removed after them.
 */
export function importScratch(name: string): ImportScratch {
  const scratch = {} as { dataSource: DataSource; dir: string };
  beforeAll(async () => {
    scratch.dataSource = await openDataSource(
      process.env['CROSSWALK_TEST_DATABASE_URL'] as string,
    );
    scratch.dir = mkdtempSync(join(tmpdir(), `crosswalk-${name}-`));
  });
  afterAll(async () => {
    await scratch.dataSource?.destroy();
    if (scratch.dir) rmSync(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
