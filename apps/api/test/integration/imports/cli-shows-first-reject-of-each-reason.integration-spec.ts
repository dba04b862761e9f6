import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { workspaceRoot } from '@crosswalk/api/database';

// The import CLI as a data steward runs it: its text summary shows, for each
// reject reason, the first rejected line and why, so a wrong date format is
// seen at once, also in a dry run; wrong options give JSON too under --json.

/** The CLI's status and output for these arguments, against the test database. */
function importCli(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'libs/import-engine/src/import.cli.ts',
      ...args,
    ],
    {
      cwd: workspaceRoot(),
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: 'tsconfig.base.json',
        DATABASE_URL: process.env['CROSSWALK_TEST_DATABASE_URL'],
      },
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the import command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the first rejected line of each reason in its summary', () => {
    const file = join(dir, 'seattle-bad.csv');
    writeFileSync(
      file,
      [
        'CAD Event Number,Event Clearance Description,Call Type,Priority,Initial Call Type,Final Call Type,Original Time Queued,Arrived Time,Precinct,Sector,Beat,Blurred_Longitude,Blurred_Latitude',
        '1,REPORT WRITTEN,911,2,SUICIDE - SUICIDAL PERSON AND ATTEMPTS,--CRISIS COMPLAINT - GENERAL,11/04/2023 6:08:26 PM,11/04/2023 6:51:06 PM,EAST,CHARLIE,C3,-122.28,47.61',
        '2,REPORT WRITTEN,911,2,SUICIDE - SUICIDAL PERSON AND ATTEMPTS,--CRISIS COMPLAINT - GENERAL,2023-11-04 18:08,,EAST,CHARLIE,C3,-122.28,47.61',
        '3,REPORT WRITTEN,911,2,SUICIDE - SUICIDAL PERSON AND ATTEMPTS,--CRISIS COMPLAINT - GENERAL,31/12/2023 6:08:26 PM,,EAST,CHARLIE,C3,-122.28,47.61',
        '4,REPORT WRITTEN,911,2,SUICIDE - SUICIDAL PERSON AND ATTEMPTS,--CRISIS COMPLAINT - GENERAL,11/04/2023 6:08:26 PM,11/04/2023 5:51:06 PM,EAST,CHARLIE,C3,-122.28,47.61',
        '5,REPORT WRITTEN,911,2,BURN - RECKLESS BURNING,--SUSPICIOUS CIRCUM. - SUSPICIOUS PERSON,11/04/2023 6:08:26 PM,,EAST,CHARLIE,C3,-122.28,47.61',
      ].join('\n'),
    );
    const { status, stdout } = importCli(
      '--profile',
      'seattle-cad',
      '--file',
      file,
      '--dry-run',
    );
    expect(status).toBe(0);
    expect(stdout).toContain(
      '5 rows read: 1 inserted, 0 updated, 0 unchanged, 3 rejected, 1 filtered out',
    );
    expect(stdout).toContain(
      'rejected for invalid_date: 2 (the first, line 3: "2023-11-04 18:08" in "Original Time Queued" does not match the date format MM/dd/yyyy h:mm:ss a)',
    );
    expect(stdout).toMatch(
      /rejected for time_order: 1 \(the first, line 5: arrived_at .+\)/,
    );
  });

  it('prints the error as JSON under --json when the options are wrong', () => {
    const { status, stdout, stderr } = importCli('--json', '--profile', 'x');
    expect(status).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: 'Both --profile and --file are required.',
    });
    expect(stderr).toContain('Usage: npm run import');
  });
});
