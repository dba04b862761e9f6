import {
  ErrorState,
  LoadingState,
  NoEncountersState,
  PageHeader,
} from '@crosswalk/dashboard/ui';
import type { ReactNode } from 'react';

import type { ResolvedPeriod } from './dashboard-filters.util';
import { FilterBar } from './filter-bar';
import { type DashboardView, useDashboardView } from './use-dashboard-view';

/** A view with data: its period and spans are known. */
export type ReadyView = DashboardView & {
  period: ResolvedPeriod;
  span: { from: string; to: string };
};

/**
 * The frame of every dashboard page: its title, the filter bar, and the
 * states before there is anything to show (loading, an error, no
 * encounters yet). `children` renders once the period is known.
 */
export function DashboardPage({
  title,
  subtitle,
  aside,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  /** Next to the title, e.g. a total; gets the view once it is known. */
  aside?: (view: DashboardView) => ReactNode;
  children: (view: ReadyView) => ReactNode;
}) {
  const view = useDashboardView();
  const ready =
    view.status === 'success' && view.data.period && view.data.span
      ? (view.data as ReadyView)
      : null;
  return (
    <div className="dashboard-page">
      <PageHeader
        title={title}
        subtitle={subtitle}
        actions={view.status === 'success' ? aside?.(view.data) : undefined}
      />
      {view.status === 'loading' && <LoadingState label="Loading…" lines={2} />}
      {view.status === 'error' && (
        <ErrorState
          what="the dashboard"
          error={view.error}
          onRetry={view.refetch}
        />
      )}
      {view.status === 'success' && !ready && <NoEncountersState />}
      {ready && (
        <>
          <FilterBar view={ready} />
          {children(ready)}
        </>
      )}
    </div>
  );
}
