import { LoginPage, RequireAuth } from '@crosswalk/dashboard/auth';
import { createBrowserRouter } from 'react-router';

import { NotFoundPage } from './pages/not-found-page';
import { PublicPage, ReportsPage } from './pages/placeholder-pages';
import { RouteError } from './route-error';
import { ShellLayout } from './shell-layout';

// Pages load on first visit, so charts are not in the first download.
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ShellLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: (
      <main className="status-page">
        <p role="status">Loading…</p>
      </main>
    ),
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('@crosswalk/dashboard/overview'))
            .OverviewPage,
        }),
      },
      {
        path: 'staffing',
        lazy: async () => ({
          Component: (await import('@crosswalk/dashboard/staffing'))
            .StaffingPage,
        }),
      },
      {
        path: 'explore/:metric?',
        lazy: async () => ({
          Component: (await import('@crosswalk/dashboard/explore')).ExplorePage,
        }),
      },
      {
        path: 'areas',
        lazy: async () => ({
          Component: (await import('@crosswalk/dashboard/areas')).AreasPage,
        }),
      },
      { path: 'reports', element: <ReportsPage /> },
      {
        path: 'data',
        lazy: async () => ({
          Component: (await import('@crosswalk/dashboard/data')).DataPage,
        }),
      },
      { path: 'public', element: <PublicPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
