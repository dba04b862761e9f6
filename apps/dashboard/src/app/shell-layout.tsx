import { useCurrentUser } from '@crosswalk/dashboard/auth';
import { logout } from '@crosswalk/dashboard/data-access';
import { filtersQuery, parseFilters } from '@crosswalk/dashboard/filters';
import { useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';

import { roleLabel } from './role-label.util';

/** `filtered` pages share the view's filters: switching keeps them. */
const NAV_ITEMS = [
  { to: '/', label: 'Overview', filtered: true },
  { to: '/staffing', label: 'Staffing', filtered: true },
  { to: '/explore', label: 'Explore', filtered: true },
  { to: '/areas', label: 'Areas', filtered: true },
  { to: '/reports', label: 'Reports', filtered: false },
  { to: '/data', label: 'Data', filtered: false },
  { to: '/public', label: 'Public', filtered: false },
] as const;

export function ShellLayout() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState(false);
  const location = useLocation();
  const filters = filtersQuery(
    parseFilters(new URLSearchParams(location.search)),
  );

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutFailed(false);
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch {
      setSignOutFailed(true);
      setSigningOut(false);
    }
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <span className="brand">Crosswalk</span>
        <div className="shell-user">
          <span className="shell-user__identity">
            <span className="shell-user__email">{me.email}</span>
            <span className="shell-user__role">{roleLabel(me.role)}</span>
          </span>
          {signOutFailed && (
            <span className="form-error" role="alert">
              Sign out failed. Try again.
            </span>
          )}
          <button
            type="button"
            className="button"
            onClick={handleSignOut}
            disabled={signingOut}
          >
            Sign out
          </button>
        </div>
      </header>
      <nav className="shell-nav" aria-label="Main">
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.filtered ? `${item.to}${filters}` : item.to}
                end={item.to === '/'}
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
