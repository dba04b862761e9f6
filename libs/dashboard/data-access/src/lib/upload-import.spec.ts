import { afterEach, describe, expect, it, vi } from 'vitest';

import { rejectsCsvUrl, UploadError, uploadImport } from './upload-import';

function answer(status: number, body: string): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );
}

describe('uploadImport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('posts the profile and the file as same-origin multipart form data', async () => {
    answer(202, JSON.stringify({ batchId: 'b-1' }));
    const file = new File(['a,b\n1,2\n'], 'calls.csv', { type: 'text/csv' });

    await expect(uploadImport('crosswalk-demo', file)).resolves.toEqual({
      batchId: 'b-1',
    });

    const [url, init] = vi.mocked(fetch).mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/imports');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    const form = init.body as FormData;
    expect(form.get('profile')).toBe('crosswalk-demo');
    expect((form.get('file') as File).name).toBe('calls.csv');
  });

  it("throws the server's message with its status", async () => {
    answer(
      400,
      JSON.stringify({
        statusCode: 400,
        message: 'Unknown import profile "x". Available profiles: a, b.',
      }),
    );

    const error = await uploadImport('x', new Blob(['a'])).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({
      status: 400,
      message: 'Unknown import profile "x". Available profiles: a, b.',
    });
  });

  it('explains a 413 that did not come from the API', async () => {
    answer(413, '<html>Request Entity Too Large</html>');

    await expect(uploadImport('x', new Blob(['a']))).rejects.toMatchObject({
      status: 413,
      message: 'The file is larger than the server accepts.',
    });
  });
});

describe('rejectsCsvUrl', () => {
  it('points at the batch download', () => {
    expect(rejectsCsvUrl('0b7d')).toBe('/api/imports/0b7d/rejects.csv');
  });
});
