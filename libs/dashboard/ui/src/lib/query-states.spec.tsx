import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';

import { ErrorState, LoadingState, NoEncountersState } from './query-states';

describe('query states', () => {
  it('announces loading politely', () => {
    const html = renderToStaticMarkup(<LoadingState label="Loading KPIs" />);
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading KPIs');
  });

  it('says what failed and offers a retry', () => {
    const html = renderToStaticMarkup(
      <ErrorState
        what="the KPIs"
        error={new Error('boom')}
        onRetry={() => undefined}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Could not load the KPIs: boom');
    expect(html).toContain('Try again');
  });

  it('sends a new user to the Data page', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter>
        <NoEncountersState />
      </MemoryRouter>,
    );
    expect(html).toContain('No encounters yet: import a file on the');
    expect(html).toContain('href="/data"');
  });
});
