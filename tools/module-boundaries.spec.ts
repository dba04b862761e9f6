import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Runs the ESLint CLI (ESLint loads its config by dynamic import, which Jest cannot). */
async function lint(file: string, code: string): Promise<string[]> {
  const run = spawnSync(
    join(root, 'node_modules/.bin/eslint'),
    ['--format', 'json', '--stdin', '--stdin-filename', file],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as {
    messages: { ruleId: string; message: string }[];
  }[];
  return result.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message);
}

// The boundaries of CONVENTIONS.md, checked through the real ESLint config.
describe('module boundaries', () => {
  // The rule reads Nx's cached project graph and is silently skipped without one.
  beforeAll(() => {
    const nx = spawnSync(
      join(root, 'node_modules/.bin/nx'),
      ['show', 'projects'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(nx.status).toBe(0);
  });

  it.each([
    [
      'libs/dashboard/data-access/src/probe.ts',
      "import { DataSource } from 'typeorm';",
    ],
    [
      'libs/dashboard/auth/src/probe.ts',
      "import { Injectable } from '@nestjs/common';",
    ],
    [
      'apps/dashboard/src/probe.ts',
      "import { ResponsiveLine } from '@nivo/line';",
    ],
    ['libs/api/encounters/src/probe.ts', "import { useState } from 'react';"],
    ['libs/domain/src/probe.ts', "import { Repository } from 'typeorm';"],
    [
      'libs/dashboard/data-access/src/probe.ts',
      "import { AuditService } from '@crosswalk/api/audit';",
    ],
  ])('rejects %s doing %s', async (file, code) => {
    expect(await lint(file, `${code}\nexport const probe = 1;\n`)).not.toEqual(
      [],
    );
  });

  it('accepts allowed imports', async () => {
    expect(
      await lint(
        'libs/dashboard/data-access/src/probe.ts',
        "import { ROLES } from '@crosswalk/domain';\nexport const probe = ROLES;\n",
      ),
    ).toEqual([]);
  });
});
