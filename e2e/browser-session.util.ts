import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium, type Page } from 'playwright-core';

import type { E2eEnv } from './e2e-env.util';

/** Debian's Chromium with a fresh profile, and the console errors of its page. */
export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, for "no console errors" checks. */
  consoleErrors: string[];
  /** A scratch folder of the session's own (the profile lives in it). */
  workDir: string;
  close(): Promise<void>;
}

export async function openBrowserSession(
  env: E2eEnv,
  options: { height?: number } = {},
): Promise<BrowserSession> {
  const workDir = await mkdtemp(join(tmpdir(), 'crosswalk-e2e-'));
  const context = await chromium.launchPersistentContext(
    join(workDir, 'profile'),
    {
      executablePath: env.chromiumPath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
      viewport: { width: 1280, height: options.height ?? 800 },
      acceptDownloads: true,
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error')
      consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    context,
    page,
    consoleErrors,
    workDir,
    close: async () => {
      await context.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Fills in and submits the login page the browser is on. */
export async function signIn(page: Page, env: E2eEnv): Promise<void> {
  await page.getByLabel('Email').fill(env.adminEmail);
  await page.getByLabel('Password').fill(env.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
