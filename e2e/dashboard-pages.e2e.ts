// Visits every dashboard page as the admin: real numbers render, they equal
// what the API answers for the same question, a filter changes them, Back
// and a copied link restore the view, nothing serious for axe, no console
// errors. Screenshots go to test-results/<page>.png. Needs the environment
// run-e2e.ts provides (see login.e2e.ts).
//
// The demo city's data runs from January 2023 to December 2025 in
// America/Chicago; the periods below are whole months of 2025, which
// data-import.e2e.ts (running alongside, moving 20 records to March 2024)
// does not touch.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

import {
  type BrowserSession,
  openBrowserSession,
  signIn,
} from './browser-session.util';
import { readE2eEnv } from './e2e-env.util';

const env = readE2eEnv();
const YEAR_2025 = {
  from: '2025-01-01T06:00:00.000Z',
  to: '2026-01-01T06:00:00.000Z',
};
const H1_2025 = {
  from: '2025-01-01T06:00:00.000Z',
  to: '2025-07-01T05:00:00.000Z',
};

const countFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 0,
});
const percentFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const asPercent = (fraction: number) =>
  `${percentFormat.format(fraction * 100)}%`;

let session: BrowserSession;
let page: Page;
let consoleErrors: string[];

before(async () => {
  session = await openBrowserSession(env, { height: 900 });
  ({ page, consoleErrors } = session);
  await mkdir('test-results', { recursive: true });

  await page.goto(`${env.url}/login`);
  await signIn(page, env);
  await page.waitForURL((url) => url.pathname === '/');
});

after(() => session?.close());

/** The same GraphQL call the page makes, from inside the page (its cookie). */
async function api<T>(query: string, variables: object): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables },
  );
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}

async function comparisonValue(
  metric: string,
  span: { from: string; to: string },
  filters: object = {},
): Promise<number> {
  const data = await api<{ comparison: { value: number }[] }>(
    `query($input: ComparisonInput!) { comparison(input: $input) { value } }`,
    { input: { metrics: [metric], ...span, filters } },
  );
  return data.comparison[0].value;
}

async function textOf(testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor();
  return ((await locator.textContent()) ?? '').trim();
}

/** Serious and critical axe violations of the page as it is now. */
async function axeViolations(): Promise<string[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

test('the Overview shows key measures that match the API and follow the filters', async () => {
  await page.goto(`${env.url}/`);
  const kpi = page.getByTestId('kpi-bh_call_volume');
  await kpi.waitFor();
  assert.equal(
    await textOf('encounter-count'),
    countFormat.format(env.expectedCount),
  );
  assert.match(
    await textOf('period-label'),
    /Last 12 months \(Jan – Dec 2025\)/,
  );

  const allCalls = (await kpi.getByTestId('kpi-value').textContent())?.trim();
  assert.equal(
    allCalls,
    countFormat.format(await comparisonValue('bh_call_volume', YEAR_2025)),
    'the call volume card shows what the API answers',
  );
  const share = page
    .getByTestId('kpi-specialized_response_share')
    .getByTestId('kpi-value');
  assert.equal(
    (await share.textContent())?.trim(),
    asPercent(await comparisonValue('specialized_response_share', YEAR_2025)),
  );
  assert.equal(await page.locator('.kpi-card').count(), 8);
  assert.match(
    (await kpi.getByTestId('kpi-significance').textContent()) ?? '',
    /^(Significant|Not significant)$/,
  );
  await shoot('dashboard-overview');
  assert.deepEqual(await axeViolations(), [], 'axe: Overview');

  // A filter narrows the numbers and lands in the address.
  await page.getByLabel('Response model').selectOption('co_responder');
  await page.waitForURL(
    (url) => url.searchParams.get('model') === 'co_responder',
  );
  const filtered = kpi.getByTestId('kpi-value');
  await page.waitForFunction(
    (before) =>
      document
        .querySelector(
          '[data-testid="kpi-bh_call_volume"] [data-testid="kpi-value"]',
        )
        ?.textContent?.trim() !== before,
    allCalls,
  );
  const coResponderCalls = (await filtered.textContent())?.trim();
  assert.equal(
    coResponderCalls,
    countFormat.format(
      await comparisonValue('bh_call_volume', YEAR_2025, {
        responseModels: ['co_responder'],
      }),
    ),
    'the filtered number is what the API answers for the same filter',
  );

  // Back restores the unfiltered view.
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('model'));
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector(
          '[data-testid="kpi-bh_call_volume"] [data-testid="kpi-value"]',
        )
        ?.textContent?.trim() === expected,
    allCalls,
  );

  // A link to the filtered view reproduces it.
  await page.goto(`${env.url}/?model=co_responder`);
  assert.equal(
    await page.getByLabel('Response model').inputValue(),
    'co_responder',
  );
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector(
          '[data-testid="kpi-bh_call_volume"] [data-testid="kpi-value"]',
        )
        ?.textContent?.trim() === expected,
    coResponderCalls,
  );
});

test('Staffing shows the hour-of-week calls the API counts, by area', async () => {
  await page.goto(`${env.url}/staffing`);
  const total = page.getByTestId('staffing-total');
  await total.waitFor();
  await page.getByTestId('heatmap-volume').locator('svg').first().waitFor();

  const cells = async (filters: object) => {
    const data = await api<{ hourOfWeek: { value: number }[] }>(
      `query($input: HourOfWeekInput!) { hourOfWeek(input: $input) { value } }`,
      { input: { metric: 'bh_call_volume', ...YEAR_2025, filters } },
    );
    assert.equal(data.hourOfWeek.length, 168);
    return data.hourOfWeek.reduce((sum, c) => sum + c.value, 0);
  };
  const everywhere = countFormat.format(await cells({}));
  assert.match(
    (await total.textContent()) ?? '',
    new RegExp(`^${everywhere} `),
  );
  await shoot('staffing');
  assert.deepEqual(await axeViolations(), [], 'axe: Staffing');

  const area = page.getByLabel('Area');
  const north = await area
    .locator('option', { hasText: 'All of North District' })
    .getAttribute('value');
  assert.ok(north);
  await area.selectOption(north);
  await page.waitForURL((url) => url.searchParams.get('area') === north);
  const inNorth = countFormat.format(await cells({ areaIds: [north] }));
  await page
    .getByTestId('staffing-total')
    .filter({ hasText: new RegExp(`^${inNorth} `) })
    .waitFor();
  assert.notEqual(inNorth, everywhere);
});

test('the explorer shows a metric over time and broken down, with tables and CSV', async () => {
  await page.goto(
    `${env.url}/explore/arrest_rate?period=custom&from=2025-01&to=2025-06&by=age_band`,
  );
  const value = await textOf('explore-value');
  assert.equal(value, asPercent(await comparisonValue('arrest_rate', H1_2025)));
  await page.getByTestId('explore-line').locator('svg').first().waitFor();
  await page.getByTestId('explore-bars').locator('svg').first().waitFor();

  const line = page.getByTestId('explore-line');
  await line.getByRole('button', { name: 'Show table' }).click();
  const rows = line.locator('table tbody tr');
  assert.ok((await rows.count()) >= 12, 'the line has a month per row');
  await line.getByRole('button', { name: 'Show chart' }).click();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('region', { name: 'By age band', exact: true })
      .getByRole('button', { name: 'Download CSV' })
      .click(),
  ]);
  const csv = await readFile((await download.path()) as string, 'utf8');
  assert.match(
    csv,
    /^\uFEFF?group,metric,unit,value,numerator,denominator,excluded\r\n<18,arrest_rate,percent,0\.\d+,\d+,\d+,\d+\r\n/,
  );
  await shoot('explore');
  assert.deepEqual(await axeViolations(), [], 'axe: Explore');
});

test('Areas lists each area with the counts the API gives', async () => {
  await page.goto(`${env.url}/areas`);
  await page.getByTestId('areas-map').locator('svg').first().waitFor();
  const data = await api<{
    metricBreakdown: { group: string; value: number }[];
  }>(
    `query($input: MetricBreakdownInput!) { metricBreakdown(input: $input) { group value } }`,
    {
      input: {
        metric: 'bh_call_volume',
        dimension: 'area',
        ...YEAR_2025,
      },
    },
  );
  const c3 = data.metricBreakdown.find((p) => p.group === 'C3');
  assert.ok(c3);
  const row = page
    .getByRole('region', { name: 'Areas', exact: true })
    .locator('tbody tr', { hasText: 'C3 Depot Square' });
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[2], countFormat.format(c3.value), 'C3 encounters');
  await shoot('areas');
  assert.deepEqual(await axeViolations(), [], 'axe: Areas');
});

test('the browser console stayed free of errors on every page', () => {
  assert.deepEqual(consoleErrors, []);
});
