// Uploads a small CSV on the Data page as the admin and follows the import to
// the end: counts, the rejected row, the rejects download. Needs the same
// environment as login.e2e.ts (run-e2e.ts provides it).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import type { Page } from 'playwright-core';

import {
  type BrowserSession,
  openBrowserSession,
  signIn,
} from './browser-session.util';
import { readE2eEnv } from './e2e-env.util';

const env = readE2eEnv();
const GOOD_ROWS = 20;
/** Line of the bad row in the file (the header is line 1). */
const BAD_LINE = 12;

let session: BrowserSession;
let workDir: string;
let page: Page;
let consoleErrors: string[];

/**
 * The crosswalk-demo profile's columns, one encounter per line. The record
 * ids are those of the first seeded demo encounters, so the import updates
 * them rather than adding encounters: login.e2e.ts, running alongside,
 * checks the total count.
 */
function encountersCsv(): string {
  const header =
    'source_system,source_record_id,occurred_at,time_precision,received_at,dispatched_at,arrived_at,cleared_at,area_code,latitude,longitude,call_origin,initial_call_type,final_call_type,initial_call_bh,bh_category,response_model,cit_officer_dispatched,cit_officer_arrived,peer_specialist_involved,police_backup_requested,arrest,citation,jail_booking,emergency_detention,ed_transport,voluntary_treatment,referral_made,resolved_on_scene,force_level,subject_injured,officer_injured,person_key,age_band,gender,race,ethnicity,officer_minutes,clinician_minutes,referral_1_provider,referral_1_type,referral_1_connected_within_30d,referral_2_provider,referral_2_type,referral_2_connected_within_30d';
  const lines = [header];
  for (let i = 1; i <= GOOD_ROWS + 1; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const at = (time: string) => `2024-03-${day}T${time}:00-05:00`;
    const occurred = lines.length + 1 === BAD_LINE ? 'not a date' : at('14:02');
    lines.push(
      [
        'crosswalk-demo',
        `DEMO-${String(i).padStart(9, '0')}`,
        occurred,
        'minute',
        at('14:02'),
        at('14:06'),
        at('14:15'),
        at('14:50'),
        'S2',
        '40.7',
        '-97.6',
        '911',
        'PERSON IN CRISIS',
        'PERSON IN CRISIS',
        'true',
        'mental_health',
        'co_responder',
        'true',
        'true',
        'false',
        'false',
        'false',
        'false',
        'false',
        'false',
        'false',
        'true',
        'true',
        'true',
        'none',
        'false',
        'false',
        randomBytes(32).toString('hex'),
        '25-34',
        'female',
        'white',
        'not_hispanic',
        '35',
        '35',
        'Peer Bridge Network',
        'peer_support',
        'true',
        '',
        '',
        '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

before(async () => {
  session = await openBrowserSession(env);
  ({ page, consoleErrors, workDir } = session);
});

after(() => session?.close());

test('an admin imports a CSV on the Data page and sees its counts and its rejected row', async () => {
  const file = join(workDir, 'e2e-encounters.csv');
  await writeFile(file, encountersCsv());

  await page.goto(`${env.url}/data`);
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, env);
  await page.waitForURL((url) => url.pathname === '/data');
  await page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();

  const profile = page.getByLabel('Import profile', { exact: true });
  await profile.selectOption('crosswalk-demo');
  assert.equal(
    await profile.locator('option:checked').textContent(),
    'Crosswalk demo city',
    'profiles are shown by title',
  );
  await page.getByLabel('File', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Upload' }).click();

  await page.waitForURL((url) => url.searchParams.has('import'));
  const status = page.getByTestId('import-status');
  await status.filter({ hasText: 'Completed' }).waitFor({ timeout: 60_000 });

  const count = async (name: string) =>
    (await page.getByTestId(`import-${name}`).textContent())?.trim();
  assert.equal(await count('rows-read'), String(GOOD_ROWS + 1));
  assert.equal(await count('inserted'), '0');
  assert.equal(await count('updated'), String(GOOD_ROWS));
  assert.equal(await count('rejected'), '1');
  assert.equal(
    await page
      .getByRole('progressbar', { name: 'Progress' })
      .getAttribute('value'),
    '1',
  );

  const rejectRows = page.locator('.rejects-table tbody tr');
  assert.equal(await rejectRows.count(), 1);
  const cells = await rejectRows.first().locator('td').allTextContents();
  assert.deepEqual(cells.slice(0, 3), [
    String(BAD_LINE),
    'occurred_at',
    'Date or time not readable',
  ]);
  assert.match(cells[4], /,not a date,/);

  const download = page.getByRole('link', { name: 'Download rejects (CSV)' });
  const href = await download.getAttribute('href');
  assert.match(href ?? '', /^\/api\/imports\/[0-9a-f-]{36}\/rejects\.csv$/);
  const csv = await session.context.request.get(`${env.url}${href}`);
  assert.equal(csv.status(), 200);
  assert.match(
    await csv.text(),
    /^\uFEFF?row_number,column,reason,detail,raw_line\n12,occurred_at,invalid_date,/,
  );

  const recent = page.getByRole('region', { name: 'Recent imports' });
  await recent
    .getByRole('button', { name: 'e2e-encounters.csv' })
    .first()
    .waitFor();

  await mkdir('test-results', { recursive: true });
  await page.screenshot({
    path: 'test-results/data-import.png',
    fullPage: true,
  });

  assert.deepEqual(consoleErrors, [], 'the browser console has no errors');
});
