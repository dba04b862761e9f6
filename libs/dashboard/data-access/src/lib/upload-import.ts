/** An upload the API refused, with its message (e.g. the 400 or 413 text). */
export class UploadError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = 'UploadError';
    this.status = status;
  }
}

/**
 * Uploads a file to import with the named profile. Resolves with the batch
 * id as soon as the import has started; follow it with useImportBatch.
 */
export async function uploadImport(
  profile: string,
  file: Blob,
  fileName = file instanceof File ? file.name : 'upload.csv',
): Promise<{ batchId: string }> {
  const form = new FormData();
  // The profile first, so the server reads it before the file's bytes.
  form.append('profile', profile);
  form.append('file', file, fileName);
  const response = await fetch('/api/imports', {
    method: 'POST',
    credentials: 'same-origin',
    body: form,
  });

  let body: { batchId?: unknown; message?: unknown } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  if (response.ok && typeof body?.batchId === 'string') {
    return { batchId: body.batchId };
  }
  const message = Array.isArray(body?.message)
    ? body.message.join('; ')
    : typeof body?.message === 'string'
      ? body.message
      : response.status === 413
        ? 'The file is larger than the server accepts.'
        : `The server answered ${response.status} without starting the import.`;
  throw new UploadError(message, response.status);
}

/** Where the rejected rows of an import download as CSV. */
export function rejectsCsvUrl(batchId: string): string {
  return `/api/imports/${encodeURIComponent(batchId)}/rejects.csv`;
}
