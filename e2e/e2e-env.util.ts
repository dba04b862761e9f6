/** What the browser tests need from the environment that started the API. */
export interface E2eEnv {
  /** Where the dashboard is served, e.g. http://localhost:3000. */
  url: string;
  adminEmail: string;
  adminPassword: string;
  /** Total encounters the API should report for the seeded data. */
  expectedCount: number;
  /** Debian's Chromium unless CROSSWALK_CHROMIUM_PATH says otherwise. */
  chromiumPath: string;
}

export function readE2eEnv(env: NodeJS.ProcessEnv = process.env): E2eEnv {
  const required = [
    'CROSSWALK_E2E_URL',
    'CROSSWALK_ADMIN_EMAIL',
    'CROSSWALK_ADMIN_PASSWORD',
    'CROSSWALK_E2E_EXPECTED_COUNT',
  ] as const;
  const missing = required.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error(
      `Browser tests need these variables: ${missing.join(', ')}`,
    );
  }

  const expectedCount = Number(env['CROSSWALK_E2E_EXPECTED_COUNT']);
  if (!Number.isInteger(expectedCount) || expectedCount < 0) {
    throw new Error(
      `CROSSWALK_E2E_EXPECTED_COUNT must be a whole number, got "${env['CROSSWALK_E2E_EXPECTED_COUNT']}".`,
    );
  }

  return {
    url: String(env['CROSSWALK_E2E_URL']).replace(/\/+$/, ''),
    adminEmail: String(env['CROSSWALK_ADMIN_EMAIL']),
    adminPassword: String(env['CROSSWALK_ADMIN_PASSWORD']),
    expectedCount,
    chromiumPath: chromiumPath(env),
  };
}

/** Debian's Chromium unless CROSSWALK_CHROMIUM_PATH says otherwise. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['CROSSWALK_CHROMIUM_PATH'] || '/usr/bin/chromium';
}
