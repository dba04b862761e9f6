import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

function validate(...args: string[]) {
  return spawnSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'libs/metrics/spec/src/validate.cli.ts',
      ...args,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    },
  );
}

describe('npm run metrics:validate', () => {
  it('validates the shipped definitions', () => {
    const run = validate();
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('20 metric definitions are valid\n');
    expect(run.status).toBe(0);
  });

  it('prints one line per problem and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'metric-definitions-'));
    try {
      const source = join(root, 'metrics-definitions', 'injury_rate.yaml');
      const text = readFileSync(source, 'utf8');
      writeFileSync(
        join(dir, 'injury_rate.yaml'),
        text.replace(
          'known: [subject_injured, officer_injured]',
          'known: [subject_injured]',
        ),
      );
      copyFileSync(
        join(root, 'metrics-definitions', 'arrest_rate.yaml'),
        join(dir, 'arrest_rate.yaml'),
      );
      const run = validate(dir);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `${dir}/injury_rate.yaml line 20: known-covers-numerator: known: must include "officer_injured", used by the numerator (unknown is not false)\n`,
      );
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
