import { LoginPage, RequireAuth } from '@crosswalk/dashboard/auth';
import { DataPage } from '@crosswalk/dashboard/data';
import { createBrowserRouter } from 'react-router';

import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview-page';
import {
  PublicPage,
  ReportsPage,
  StaffingPage,
} from './pages/placeholder-pages';
import { ShellLayout } from './shell-layout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ShellLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'staffing', element: <StaffingPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'public', element: <PublicPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
