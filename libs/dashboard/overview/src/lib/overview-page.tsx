import {
  type Comparison,
  type MetricPoint,
  useMetricBatch,
} from '@crosswalk/dashboard/data-access';
import {
  DashboardPage,
  type DashboardView,
  filtersQuery,
  type ReadyView,
} from '@crosswalk/dashboard/filters';
import {
  ErrorState,
  LoadingState,
  NoMatchState,
} from '@crosswalk/dashboard/ui';
import { formatCount, formatMonthRange } from '@crosswalk/dashboard/util';

import { KpiCard } from './kpi-card';
import { OVERVIEW_KPIS, overviewBatch } from './overview-batch.util';

/** The Overview: key measures for the period against the baseline. */
export function OverviewPage() {
  return (
    <DashboardPage
      title="Overview"
      subtitle="Key measures for the period, compared with the period before."
      aside={(view) => <EncounterTotal view={view} />}
    >
      {(view) => <KpiGrid view={view} />}
    </DashboardPage>
  );
}

function EncounterTotal({ view }: { view: DashboardView }) {
  return (
    <section className="stat-card" aria-labelledby="encounters-label">
      <h2 id="encounters-label" className="stat-card__label">
        Encounters
      </h2>
      <p className="stat-card__value" data-testid="encounter-count">
        {formatCount(view.reference.encounterCount)}
      </p>
      <p className="stat-card__note">
        All records you have access to
        {view.data
          ? `, ${formatMonthRange(view.data.first, view.data.last)}`
          : ''}
        ; no filters applied.
      </p>
    </section>
  );
}

function KpiGrid({ view }: { view: ReadyView }) {
  const kpis = OVERVIEW_KPIS.filter((k) => view.metric(k.metric));
  const { period, data, timeZone, metricFilters } = view;
  const result = useMetricBatch(
    overviewBatch({
      metrics: kpis.map((k) => k.metric),
      period,
      baseline: period.baseline,
      firstMonth: data?.first ?? period.from,
      timeZone,
      filters: metricFilters,
    }),
  );

  if (result.status === 'loading')
    return <LoadingState label="Loading the key measures…" lines={6} />;
  if (result.status === 'error')
    return (
      <ErrorState
        what="the key measures"
        error={result.error}
        onRetry={result.refetch}
      />
    );
  const answer = result.data as unknown as Record<string, unknown>;
  const comparisons = answer['kpis'] as Comparison[];
  const volume = comparisons.find((c) => c.metric === 'bh_call_volume');
  if (volume && volume.value === 0) return <NoMatchState />;
  const query = filtersQuery(view.filters);

  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="section-title">
        Key measures
      </h2>
      <div className="kpi-grid">
        {kpis.map((kpi, index) => {
          const metric = view.metric(kpi.metric);
          if (!metric) return null;
          return (
            <KpiCard
              key={kpi.metric}
              label={kpi.label}
              metric={metric}
              comparison={comparisons.find((c) => c.metric === kpi.metric)}
              trend={(answer[`trend${index}`] as MetricPoint[]) ?? []}
              baselineLabel={period.baseline?.label ?? null}
              exploreHref={`/explore/${kpi.metric}${query}`}
            />
          );
        })}
      </div>
    </section>
  );
}
