import {
  graphql,
  METRIC_CACHE_MS,
  useGraphqlQuery,
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
import { OVERVIEW_KPIS, overviewVariables } from './overview-query.util';

// One request for the page: every KPI against the baseline, and each KPI's
// monthly series for its sparkline, under the KPI's metric id.
const OverviewKpisDocument = graphql(`
  query OverviewKpis(
    $comparison: ComparisonInput!
    $bh_call_volume: MetricSeriesInput!
    $specialized_response_share: MetricSeriesInput!
    $diversion_rate: MetricSeriesInput!
    $arrest_rate: MetricSeriesInput!
    $emergency_detention_rate: MetricSeriesInput!
    $use_of_force_rate: MetricSeriesInput!
    $response_time_median: MetricSeriesInput!
    $referral_rate: MetricSeriesInput!
  ) {
    kpis: comparison(input: $comparison) {
      ...ComparisonFields
    }
    bh_call_volume: metricSeries(input: $bh_call_volume) {
      ...MetricPointFields
    }
    specialized_response_share: metricSeries(input: $specialized_response_share) {
      ...MetricPointFields
    }
    diversion_rate: metricSeries(input: $diversion_rate) {
      ...MetricPointFields
    }
    arrest_rate: metricSeries(input: $arrest_rate) {
      ...MetricPointFields
    }
    emergency_detention_rate: metricSeries(input: $emergency_detention_rate) {
      ...MetricPointFields
    }
    use_of_force_rate: metricSeries(input: $use_of_force_rate) {
      ...MetricPointFields
    }
    response_time_median: metricSeries(input: $response_time_median) {
      ...MetricPointFields
    }
    referral_rate: metricSeries(input: $referral_rate) {
      ...MetricPointFields
    }
  }
`);

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
  const { period, data, timeZone, metricFilters } = view;
  const result = useGraphqlQuery(
    OverviewKpisDocument,
    overviewVariables({
      period,
      baseline: period.baseline,
      firstMonth: data?.first ?? period.from,
      timeZone,
      filters: metricFilters,
    }),
    { cacheMs: METRIC_CACHE_MS },
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
  const answer = result.data;
  const comparisons = answer.kpis;
  const volume = comparisons.find((c) => c.metric === 'bh_call_volume');
  if (volume && volume.value === 0) return <NoMatchState />;
  const query = filtersQuery(view.filters);

  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="section-title">
        Key measures
      </h2>
      <div className="kpi-grid">
        {OVERVIEW_KPIS.map((kpi) => {
          const metric = view.metric(kpi.metric);
          if (!metric) return null;
          return (
            <KpiCard
              key={kpi.metric}
              label={kpi.label}
              metric={metric}
              comparison={comparisons.find((c) => c.metric === kpi.metric)}
              trend={answer[kpi.metric]}
              baselineLabel={period.baseline?.label ?? null}
              exploreHref={`/explore/${kpi.metric}${query}`}
            />
          );
        })}
      </div>
    </section>
  );
}
