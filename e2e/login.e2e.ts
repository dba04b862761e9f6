// Signs in to the dashboard and checks the Overview shows the real count.
// Needs a running API serving the dashboard, and these variables:
//   CROSSWALK_E2E_URL             e.g. http://localhost:3000
//   CROSSWALK_ADMIN_EMAIL         a seeded user's email
//   CROSSWALK_ADMIN_PASSWORD      that user's password
//   CROSSWALK_E2E_EXPECTED_COUNT  total encounters in the seeded data
//   CROSSWALK_CHROMIUM_PATH       optional, default /usr/bin/chromium
// Run: node --require @swc-node/register --test e2e/*.e2e.ts
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { type BrowserContext, chromium, type Page } from 'playwright-core';

import { readE2eEnv } from './e2e-env.util';

const env = readE2eEnv();
const countFormat = new Intl.NumberFormat('en-US');

let userDataDir: string;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

before(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'crosswalk-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: env.chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
    viewport: { width: 1280, height: 800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(`${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

after(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('an admin signs in and sees the total encounter count', async () => {
  await page.goto(env.url);

  // A fresh profile has no session, so the shell sends us to the login page.
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('Email').fill(env.adminEmail);
  await page.getByLabel('Password').fill(env.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

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
