import { randomUUID } from 'node:crypto';

import { demoEncountersCsv } from '@crosswalk/seeds';

import type { TestApp } from '../../test-app';

// crosswalk-demo maps person_key, which needs the deployment secret. Set here
// so the tests never create one in the repository's .crosswalk folder.
process.env['CROSSWALK_PERSON_KEY_SECRET'] ??= 'imports-api-test-secret';

/**
 * A crosswalk-demo CSV of `rows` good rows plus `badDates` rows whose
 * occurred_at does not parse. Record ids are fresh for every call, so each
 * file inserts its rows whatever ran before in the same database.
 */
export function demoCsv(rows: number, badDates = 0): string {
  const run = randomUUID().slice(0, 8);
  const lines = demoEncountersCsv({ encounters: rows + badDates, seed: 7 })
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/,DEMO-/, `,IT-${run}-`));
  for (let i = 1; i <= badDates; i++) {
    const cells = lines[i].split(',');
    cells[2] = 'not a date';
    lines[i] = cells.join(',');
  }
  return `${lines.join('\n')}\n`;
}

export function uploadForm(
  fields: { profile?: string; csv?: string; fileName?: string } = {},
): FormData {
  const form = new FormData();
  if (fields.profile !== undefined) form.append('profile', fields.profile);
  if (fields.csv !== undefined)
    form.append(
      'file',
      new Blob([fields.csv], { type: 'text/csv' }),
      fields.fileName ?? 'encounters.csv',
    );
  return form;
}

export function upload(
  api: TestApp,
  form: FormData,
  cookie?: string,
): Promise<Response> {
  return fetch(`${api.url}/api/imports`, {
    method: 'POST',
    body: form,
    headers: cookie ? { cookie } : {},
  });
}

export const BATCH_FIELDS = `id status fileName profile rowsRead inserted updated
  unchanged rejected filtered bytesRead bytesTotal progress startedAt finishedAt
  error rejectsByReason { reason count }
  rejects { rowNumber column reason detail rawLine }`;

export interface BatchResult {
  id: string;
  status: string;
  fileName: string;
  profile: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  filtered: number;
  bytesRead: number;
  bytesTotal: number | null;
  progress: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  rejectsByReason: { reason: string; count: number }[];
  rejects: {
    rowNumber: number;
    column: string | null;
    reason: string;
    detail: string | null;
    rawLine: string;
  }[];
}

/** Polls importBatch until the import is no longer running. */
export async function waitForBatch(
  api: TestApp,
  cookie: string,
  id: string,
): Promise<BatchResult> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await api.graphql<{ importBatch: BatchResult | null }>(
      `query ($id: ID!) { importBatch(id: $id) { ${BATCH_FIELDS} } }`,
      { id },
      cookie,
    );
    const batch = result.data?.importBatch;
    if (!batch) throw new Error(`no batch: ${JSON.stringify(result.errors)}`);
    if (batch.status !== 'running') return batch;
    if (Date.now() > deadline) throw new Error(`import ${id} still running`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
