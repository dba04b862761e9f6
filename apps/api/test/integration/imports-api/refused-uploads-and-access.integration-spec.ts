import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';

import { AgencyEntity } from '@crosswalk/api/database';
import { UploadDirectory } from '@crosswalk/api/imports';

import { createTestApp, type TestApp } from '../../test-app';
import {
  demoCsv,
  upload,
  uploadForm,
  waitForBatch,
} from './imports-api.helpers';

async function refusal(response: Response) {
  return {
    status: response.status,
    message: ((await response.json()) as { message: string }).message,
  };
}

describe('uploads and import queries that are refused', () => {
  let api: TestApp;
  let steward: string;
  beforeAll(async () => {
    api = await createTestApp({ CROSSWALK_UPLOAD_LIMIT_MB: '1' });
    steward = (await api.signIn('data_steward')).cookie;
  });
  afterAll(() => api.close());

  const good = () => uploadForm({ profile: 'crosswalk-demo', csv: demoCsv(3) });

  it('refuses an anonymous upload with 401', async () => {
    expect(await refusal(await upload(api, good()))).toEqual({
      status: 401,
      message: 'Sign in to continue.',
    });
  });

  it.each(['viewer', 'planner', 'program_manager'] as const)(
    'refuses a %s with 403, on every import route and query',
    async (role) => {
      const { cookie } = await api.signIn(role);
      expect((await upload(api, good(), cookie)).status).toBe(403);
      const csv = await fetch(
        `${api.url}/api/imports/${randomUUID()}/rejects.csv`,
        { headers: { cookie } },
      );
      expect(csv.status).toBe(403);
      for (const query of [
        '{ importProfiles { name } }',
        '{ importBatches { id } }',
        `{ importBatch(id: "${randomUUID()}") { id } }`,
      ]) {
        const result = await api.graphql(query, {}, cookie);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    },
  );

  it('refuses a file over the upload limit with 413, naming the limit, and keeps nothing', async () => {
    const tooLarge = `${demoCsv(1)}${'x'.repeat(1024 * 1024 + 1)}`;
    expect(
      await refusal(
        await upload(
          api,
          uploadForm({ profile: 'crosswalk-demo', csv: tooLarge }),
          steward,
        ),
      ),
    ).toEqual({
      status: 413,
      message:
        'The file is larger than the upload limit of 1 MB (CROSSWALK_UPLOAD_LIMIT_MB).',
    });
    expect(readdirSync(api.app.get(UploadDirectory).path)).toEqual([]);
  });

  it('explains a missing file, a missing or unknown profile and an empty file with 400', async () => {
    const missingFile = await refusal(
      await upload(api, uploadForm({ profile: 'crosswalk-demo' }), steward),
    );
    expect(missingFile).toEqual({
      status: 400,
      message: 'Choose a file to import: send it in the form field "file".',
    });

    const missingProfile = await refusal(
      await upload(api, uploadForm({ csv: demoCsv(1) }), steward),
    );
    expect(missingProfile.status).toBe(400);
    expect(missingProfile.message).toMatch(
      /^Choose an import profile: send its name in the form field "profile"\. Available profiles: .*crosswalk-demo/,
    );

    for (const name of [
      'no-such-profile',
      '../import-profiles/crosswalk-demo',
      '/etc/hostname.yaml',
    ]) {
      const unknown = await refusal(
        await upload(
          api,
          uploadForm({ profile: name, csv: demoCsv(1) }),
          steward,
        ),
      );
      expect(unknown.status).toBe(400);
      expect(unknown.message).toMatch(
        /^Unknown import profile ".*"\. Available profiles: .*crosswalk-demo/,
      );
    }

    expect(
      await refusal(
        await upload(
          api,
          uploadForm({ profile: 'crosswalk-demo', csv: '' }),
          steward,
        ),
      ),
    ).toEqual({
      status: 400,
      message: 'The file is empty: there is nothing to import.',
    });
    expect(readdirSync(api.app.get(UploadDirectory).path)).toEqual([]);
  });

  it('answers an unknown or malformed import id plainly', async () => {
    const unknown = randomUUID();
    const result = await api.graphql(
      `{ importBatch(id: "${unknown}") { id } }`,
      {},
      steward,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ importBatch: null });

    const malformed = await api.graphql(
      '{ importBatch(id: "42") { id } }',
      {},
      steward,
    );
    expect(malformed.errors?.[0]).toMatchObject({
      message: 'id is not a valid import id: "42"',
      extensions: { code: 'BAD_REQUEST' },
    });

    const csv = await fetch(`${api.url}/api/imports/${unknown}/rejects.csv`, {
      headers: { cookie: steward },
    });
    expect(await refusal(csv)).toEqual({
      status: 404,
      message: 'There is no such import.',
    });
  });

  it("keeps a steward bound to another agency out of the demo agency's imports", async () => {
    const demoImport = await upload(api, good(), steward);
    const { batchId } = (await demoImport.json()) as { batchId: string };
    await waitForBatch(api, steward, batchId);

    const other = await api.dataSource.getRepository(AgencyEntity).save({
      code: `it-${randomUUID().slice(0, 8)}`,
      name: 'Another agency',
      timeZone: 'America/Denver',
    });
    const { cookie } = await api.signIn('data_steward', other.id);

    expect(await refusal(await upload(api, good(), cookie))).toEqual({
      status: 403,
      message:
        'This profile imports into another agency; you may import only into your own.',
    });
    const seen = await api.graphql<{
      importProfiles: unknown[];
      importBatches: unknown[];
      importBatch: unknown;
    }>(
      'query ($id: ID!) { importProfiles { name } importBatches { id } importBatch(id: $id) { id } }',
      { id: batchId },
      cookie,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({
      importProfiles: [],
      importBatches: [],
      importBatch: null,
    });
    const csv = await fetch(`${api.url}/api/imports/${batchId}/rejects.csv`, {
      headers: { cookie },
    });
    expect(csv.status).toBe(404);
  });
});
