import { readdirSync } from 'node:fs';

import {
  AgencyEntity,
  AuditLogEntity,
  ImportBatchEntity,
} from '@crosswalk/api/database';
import { UploadDirectory } from '@crosswalk/api/imports';

import { createTestApp, type TestApp } from '../../test-app';
import {
  BATCH_FIELDS,
  type BatchResult,
  demoCsv,
  upload,
  uploadForm,
  waitForBatch,
} from './imports-api.helpers';

describe('uploading a file as a data steward', () => {
  let api: TestApp;
  let steward: { cookie: string; userId: string };
  beforeAll(async () => {
    api = await createTestApp();
    steward = await api.signIn('data_steward');
  });
  afterAll(() => api.close());

  it('lists the shipped profiles with their titles', async () => {
    const result = await api.graphql<{
      importProfiles: { name: string; title: string; agencyCode: string }[];
    }>(
      '{ importProfiles { name title description sourceSystem agencyCode agencyName timeZone } }',
      {},
      steward.cookie,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.importProfiles).toContainEqual({
      name: 'crosswalk-demo',
      title: 'Crosswalk demo city',
      description: expect.any(String),
      sourceSystem: 'crosswalk-demo',
      agencyCode: 'demo',
      agencyName: expect.any(String),
      timeZone: 'America/Chicago',
    });
  });

  it('answers 202 with the batch id, and the import completes with the right counts', async () => {
    const response = await upload(
      api,
      uploadForm({
        profile: 'crosswalk-demo',
        csv: demoCsv(200, 2),
        fileName: 'prairie-falls.csv',
      }),
      steward.cookie,
    );
    expect(response.status).toBe(202);
    const { batchId } = (await response.json()) as { batchId: string };
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);

    const batch = await waitForBatch(api, steward.cookie, batchId);
    expect(batch).toMatchObject({
      id: batchId,
      status: 'completed',
      fileName: 'prairie-falls.csv',
      profile: 'crosswalk-demo',
      rowsRead: 202,
      inserted: 200,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      filtered: 0,
      progress: 1,
      error: null,
      rejectsByReason: [{ reason: 'invalid_date', count: 2 }],
    });
    expect(batch.bytesTotal).toBeGreaterThan(0);
    expect(batch.bytesRead).toBe(batch.bytesTotal);
    expect(batch.finishedAt).not.toBeNull();
    expect(batch.rejects).toHaveLength(2);
    expect(batch.rejects[0]).toMatchObject({
      rowNumber: 2,
      column: 'occurred_at',
      reason: 'invalid_date',
    });
    expect(batch.rejects[0].rawLine).toContain('not a date');

    const audit = await api.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ userId: steward.userId, event: 'record_created' });
    expect(audit.map((a) => a.target)).toContain(`import_batch:${batchId}`);
  });

  it('removes the uploaded file once the import ends', async () => {
    const response = await upload(
      api,
      uploadForm({ profile: 'crosswalk-demo', csv: demoCsv(5) }),
      steward.cookie,
    );
    const { batchId } = (await response.json()) as { batchId: string };
    await waitForBatch(api, steward.cookie, batchId);
    // The file goes once the import returns: after the batch is marked
    // completed and the metric rollups of its months are refreshed, which
    // can take seconds on a busy machine (up to 30 s allowed).
    const folder = api.app.get(UploadDirectory).path;
    for (let i = 0; i < 1500 && readdirSync(folder).length; i++)
      await new Promise((done) => setTimeout(done, 20));
    expect(readdirSync(folder)).toEqual([]);
  });

  it('pages through rejects and lists batches newest first', async () => {
    const response = await upload(
      api,
      uploadForm({ profile: 'crosswalk-demo', csv: demoCsv(3, 3) }),
      steward.cookie,
    );
    const { batchId } = (await response.json()) as { batchId: string };
    await waitForBatch(api, steward.cookie, batchId);

    const paged = await api.graphql<{
      importBatch: { rejects: { rowNumber: number }[] };
    }>(
      'query ($id: ID!) { importBatch(id: $id) { rejects(limit: 2, offset: 1) { rowNumber } } }',
      { id: batchId },
      steward.cookie,
    );
    expect(paged.data?.importBatch.rejects).toEqual([
      { rowNumber: 3 },
      { rowNumber: 4 },
    ]);

    const list = await api.graphql<{ importBatches: BatchResult[] }>(
      `{ importBatches(limit: 2) { ${BATCH_FIELDS} } }`,
      {},
      steward.cookie,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data?.importBatches).toHaveLength(2);
    expect(list.data?.importBatches[0].id).toBe(batchId);
  });

  it('downloads the rejects as CSV and audits the export', async () => {
    const response = await upload(
      api,
      uploadForm({ profile: 'crosswalk-demo', csv: demoCsv(4, 1) }),
      steward.cookie,
    );
    const { batchId } = (await response.json()) as { batchId: string };
    await waitForBatch(api, steward.cookie, batchId);

    const download = await fetch(
      `${api.url}/api/imports/${batchId}/rejects.csv`,
      { headers: { cookie: steward.cookie } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    );
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="import-${batchId}-rejects.csv"`,
    );
    // A BOM for spreadsheet programs; raw lines quoted, as they hold commas.
    const body = Buffer.from(await download.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').split('\n');
    expect(lines[0]).toBe('row_number,column,reason,detail,raw_line');
    expect(lines.slice(2)).toEqual(['']);
    expect(lines[1]).toMatch(
      /^2,occurred_at,invalid_date,.+,"crosswalk-demo,IT-[0-9a-f]+-000000001,not a date,.*"$/,
    );

    const audit = await api.dataSource
      .getRepository(AuditLogEntity)
      .findBy({ userId: steward.userId, event: 'export' });
    expect(audit.map((a) => a.target)).toEqual([`import_batch:${batchId}`]);
  });

  it("reports a running import's progress as the share of the file read", async () => {
    const agency = await api.dataSource
      .getRepository(AgencyEntity)
      .findOneByOrFail({ code: 'demo' });
    const running = await api.dataSource.getRepository(ImportBatchEntity).save({
      agencyId: agency.id,
      profile: 'crosswalk-demo',
      sourceSystem: 'crosswalk-demo',
      fileName: 'half-done.csv',
      status: 'running',
      rowsRead: 1000,
      inserted: 990,
      rejected: 10,
      bytesRead: '250000',
      bytesTotal: '1000000',
    });
    const result = await api.graphql<{ importBatch: Partial<BatchResult> }>(
      'query ($id: ID!) { importBatch(id: $id) { status rowsRead bytesRead bytesTotal progress finishedAt } }',
      { id: running.id },
      steward.cookie,
    );
    expect(result.data?.importBatch).toEqual({
      status: 'running',
      rowsRead: 1000,
      bytesRead: 250000,
      bytesTotal: 1000000,
      progress: 0.25,
      finishedAt: null,
    });
    await api.dataSource
      .getRepository(ImportBatchEntity)
      .delete({ agencyId: agency.id, id: running.id });
  });
});
