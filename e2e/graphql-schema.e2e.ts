// The schema the dashboard's generated types are built from
// (libs/dashboard/data-access/schema.graphql, printed without a server by
// apps/api/src/print-schema.cli.ts) is the one the running API serves.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  buildClientSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';

import { readE2eEnv } from './e2e-env.util';

const env = readE2eEnv();

test('the committed GraphQL schema is the one the API serves', async () => {
  const login = await fetch(`${env.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
      variables: { email: env.adminEmail, password: env.adminPassword },
    }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  assert.ok(cookie, 'signing in sets the session cookie');

  const response = await fetch(`${env.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data: IntrospectionQuery };
  const served = printSchema(
    lexicographicSortSchema(buildClientSchema(body.data)),
  );
  const committed = await readFile(
    join(__dirname, '../libs/dashboard/data-access/schema.graphql'),
    'utf8',
  );
  assert.equal(committed, `${served}\n`);
});
