// Signs in to the dashboard and checks the Overview shows the real count.
// Needs a running API serving the dashboard, and these variables:
//   CROSSWALK_E2E_URL             e.g. http://localhost:3000
//   CROSSWALK_ADMIN_EMAIL         a seeded user's email
//   CROSSWALK_ADMIN_PASSWORD      that user's password
//   CROSSWALK_E2E_EXPECTED_COUNT  total encounters in the seeded data
//   CROSSWALK_CHROMIUM_PATH       optional, default /usr/bin/chromium
// Run: node --require @swc-node/register --test e2e/*.e2e.ts
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

import {
  type BrowserSession,
  openBrowserSession,
  signIn,
} from './browser-session.util';
import { readE2eEnv } from './e2e-env.util';

const env = readE2eEnv();
const countFormat = new Intl.NumberFormat('en-US');

let session: BrowserSession;
let page: Page;
let consoleErrors: string[];

before(async () => {
  session = await openBrowserSession(env);
  ({ page, consoleErrors } = session);
});

after(() => session?.close());

test('an admin signs in and sees the total encounter count', async () => {
  await page.goto(env.url);

  // A fresh profile has no session, so the shell sends us to the login page.
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, env);

  await page.waitForURL((url) => url.pathname === '/');
  const count = page.getByTestId('encounter-count');
  await count.waitFor();
  assert.equal(
    (await count.textContent())?.trim(),
    countFormat.format(env.expectedCount),
  );
  assert.ok(
    await page.getByRole('heading', { name: 'Encounters' }).isVisible(),
    'the count is labelled "Encounters"',
  );
  assert.ok(
    await page.getByRole('banner').getByText(env.adminEmail).isVisible(),
    'the header shows who is signed in',
  );

  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');

  assert.deepEqual(consoleErrors, [], 'the browser console has no errors');
});
