import { CurrentUserContext } from '@crosswalk/dashboard/auth';
import type { ImportBatch, Me } from '@crosswalk/dashboard/data-access';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';

import { DataPage } from './data-page';
import { ImportBatchView } from './import-batch-details';

const user = (role: Me['role']): Me => ({
  id: 'u1',
  email: 'someone@example.org',
  displayName: 'Someone',
  role,
});

function renderPage(me: Me): string {
  return renderToStaticMarkup(
    <MemoryRouter initialEntries={['/data']}>
      <CurrentUserContext value={me}>
        <DataPage />
      </CurrentUserContext>
    </MemoryRouter>,
  );
}

describe('DataPage', () => {
  it('tells a user without the data steward role why there is no upload form', () => {
    const html = renderPage(user('viewer'));
    expect(html).toContain('Importing data needs the data steward role.');
    expect(html).not.toContain('<form');
    expect(html).not.toContain('Recent imports');
  });

  it('offers a data steward the upload section and the recent imports', () => {
    const html = renderPage(user('data_steward'));
    expect(html).toContain('Import a file');
    expect(html).toContain('Recent imports');
    expect(html).not.toContain('needs the data steward role');
  });
});

const batch: ImportBatch = {
  id: '5b1e6f0e-1111-4222-8333-444455556666',
  profile: 'crosswalk-demo',
  sourceSystem: 'crosswalk-demo',
  fileName: 'calls.csv',
  status: 'completed',
  rowsRead: 21,
  inserted: 20,
  updated: 0,
  unchanged: 0,
  rejected: 1,
  filtered: 0,
  bytesRead: 9000,
  bytesTotal: 9000,
  progress: 1,
  startedAt: '2025-06-03T19:05:00Z',
  finishedAt: '2025-06-03T19:05:01Z',
  error: null,
  rejectsByReason: [{ reason: 'invalid_date', count: 1 }],
  rejects: [
    {
      rowNumber: 2,
      column: 'occurred_at',
      reason: 'invalid_date',
      detail: '"not a date" is not a date in format iso',
      rawLine: 'crosswalk-demo,E2E-1,not a date',
    },
  ],
};

describe('ImportBatchView', () => {
  it('shows the counts, a labelled progress bar and the rejects with headers', () => {
    const html = renderToStaticMarkup(
      <ImportBatchView batch={batch} headingId="h" />,
    );
    expect(html).toContain('<progress id=');
    expect(html).toMatch(
      /<label for="[^"]+" class="import-progress__label">Progress<\/label>/,
    );
    expect(html).toContain('data-testid="import-inserted">20<');
    expect(html).toContain('data-testid="import-rejected">1<');
    expect(html).toContain('>Completed<');
    for (const header of ['Row', 'Column', 'Reason', 'Detail', 'Raw line'])
      expect(html).toContain(`<th scope="col">${header}</th>`);
    expect(html).toContain(
      `href="/api/imports/${batch.id}/rejects.csv" download=""`,
    );
    expect(html).toContain('crosswalk-demo,E2E-1,not a date');
  });

  it('shows why a failed import failed', () => {
    const html = renderToStaticMarkup(
      <ImportBatchView
        batch={{ ...batch, status: 'failed', error: 'Column "x" is missing' }}
        headingId="h"
      />,
    );
    expect(html).toContain('role="alert">Column &quot;x&quot; is missing<');
  });
});
