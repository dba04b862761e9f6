import { isRouteErrorResponse, useRouteError } from 'react-router';

/** A page that failed to load or render (e.g. a chunk missing after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="status-page">
      <div role="alert">
        <h1>Something went wrong</h1>
        <p>This page could not be shown: {message}</p>
        <button
          type="button"
          className="button"
          onClick={() => window.location.reload()}
        >
          Reload the page
        </button>
      </div>
    </main>
  );
}
