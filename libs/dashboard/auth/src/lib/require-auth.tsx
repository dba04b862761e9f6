import { useMe } from '@crosswalk/dashboard/data-access';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { isSignedOutError, loginPathFor } from './auth-redirect.util';
import { CurrentUserContext } from './use-current-user';

/**
 * Renders its children only for a signed-in user; anyone else goes to the
 * login page, which brings them back here afterwards.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.status === 'loading') {
    return (
      <main className="status-page">
        <p role="status">Loading…</p>
      </main>
    );
  }

  if (me.status === 'error') {
    if (isSignedOutError(me.error)) {
      return <Navigate to={loginPathFor(location)} replace />;
    }
    return (
      <main className="status-page">
        <div role="alert">
          <p>Could not check your session: {me.error.message}</p>
          <button type="button" className="button" onClick={me.refetch}>
            Try again
          </button>
        </div>
      </main>
    );
  }

  return <CurrentUserContext value={me.data}>{children}</CurrentUserContext>;
}
