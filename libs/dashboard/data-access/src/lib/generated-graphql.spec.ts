// The committed schema and generated GraphQL code must match the API and the
// dashboard's operations; `npm run codegen` brings them up to date.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../../..');
const { config } = await loadCodegenConfig({ configFilePath: root });
const schemaFile = String(config.schema);
const read = (file: string) => {
  try {
    return readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8');
  } catch {
    return null;
  }
};

describe('generated GraphQL code', () => {
  it(`${schemaFile} is the schema the API serves`, () => {
    const served = execFileSync(
      process.execPath,
      ['--require', '@swc-node/register', 'apps/api/src/print-schema.cli.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      },
    );
    expect(
      read(schemaFile) === served,
      `${schemaFile} is stale: run npm run codegen`,
    ).toBe(true);
  }, 60_000);

  it('the generated types match the schema and the operations', async () => {
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);
    const stale = outputs
      .filter((output) => read(output.filename) !== output.content)
      .map((output) => output.filename);
    expect(stale, 'stale generated files: run npm run codegen').toEqual([]);
  }, 60_000);
});
