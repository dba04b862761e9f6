import { createTestApp, type TestApp } from '../../test-app';
import { upload, uploadForm, waitForBatch } from './imports-api.helpers';

describe('a file whose header lacks the columns the profile maps', () => {
  let api: TestApp;
  let steward: string;
  beforeAll(async () => {
    api = await createTestApp();
    steward = (await api.signIn('data_steward')).cookie;
  });
  afterAll(() => api.close());

  it('is accepted with 202, then recorded as a failed import naming the column', async () => {
    const response = await upload(
      api,
      uploadForm({ profile: 'crosswalk-demo', csv: 'when,where\n1,2\n' }),
      steward,
    );
    expect(response.status).toBe(202);
    const { batchId } = (await response.json()) as { batchId: string };
    const batch = await waitForBatch(api, steward, batchId);
    expect(batch.status).toBe('failed');
    expect(batch.error).toMatch(
      /^Row 1 of the file, read as its header .* lacks (\d+) of the \1 columns the profile reads: "source_record_id" \(used by recordId\)/,
    );
    expect(batch.progress).toBeLessThan(1);
    // The API is still serving afterwards.
    const again = await api.graphql(
      '{ importBatches(limit: 1) { id } }',
      {},
      steward,
    );
    expect(again.errors).toBeUndefined();
  });
});
