import {
  graphql,
  METRIC_CACHE_MS,
  useGraphqlQuery,
} from '@crosswalk/dashboard/data-access';
import { DashboardPage, type ReadyView } from '@crosswalk/dashboard/filters';
import {
  EmptyState,
  ErrorState,
  LoadingState,
  NoMatchState,
} from '@crosswalk/dashboard/ui';
import {
  BarBreakdown,
  ChartTable,
  HourOfWeekHeatmap,
  WEEKDAYS,
} from '@crosswalk/dashboard/ui-charts';
import {
  compareGroups,
  dimensionValueLabel,
  formatCount,
  formatMetricValue,
  formatMonthRange,
  formatPercent,
} from '@crosswalk/dashboard/util';

import {
  shiftResponseTimes,
  unservedShare,
  weekdayDemand,
} from './staffing.util';

// One request for the page: when calls come in, who meets them and how fast.
const StaffingFiguresDocument = graphql(`
  query StaffingFigures(
    $calls: MetricSeriesInput!
    $volume: HourOfWeekInput!
    $specialized: HourOfWeekInput!
    $responseTimeByShift: MetricBreakdownInput!
    $responseTimeByModel: MetricBreakdownInput!
  ) {
    calls: metricSeries(input: $calls) {
      value
    }
    volume: hourOfWeek(input: $volume) {
      ...HourOfWeekCellFields
    }
    specialized: hourOfWeek(input: $specialized) {
      ...HourOfWeekCellFields
    }
    responseTimeByShift: metricBreakdown(input: $responseTimeByShift) {
      ...MetricPointFields
    }
    responseTimeByModel: metricBreakdown(input: $responseTimeByModel) {
      ...MetricPointFields
    }
  }
`);

/** The Staffing page: when crisis calls come in and how they are met. */
export function StaffingPage() {
  return (
    <DashboardPage
      title="Staffing"
      subtitle="When behavioral-health calls come in, who answers them and how fast, by hour of the week in local time."
    >
      {(view) => <StaffingFigures view={view} />}
    </DashboardPage>
  );
}

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const minutes = (value: number) => formatMetricValue(value, 'minutes');

function StaffingFigures({ view }: { view: ReadyView }) {
  const { span, metricFilters: filters, period } = view;
  const result = useGraphqlQuery(
    StaffingFiguresDocument,
    {
      calls: { metric: 'bh_call_volume', grain: 'month', ...span, filters },
      volume: { metric: 'bh_call_volume', ...span, filters },
      specialized: { metric: 'specialized_response_share', ...span, filters },
      responseTimeByShift: {
        metric: 'response_time_median',
        dimension: 'shift',
        ...span,
        filters,
      },
      responseTimeByModel: {
        metric: 'response_time_median',
        dimension: 'response_model',
        ...span,
        filters,
      },
    },
    { cacheMs: METRIC_CACHE_MS },
  );

  if (result.status === 'loading')
    return <LoadingState label="Loading the staffing figures…" lines={8} />;
  if (result.status === 'error')
    return (
      <ErrorState
        what="the staffing figures"
        error={result.error}
        onRetry={result.refetch}
      />
    );
  const volume = result.data.volume;
  const total = volume.reduce((n, c) => n + (c.value ?? 0), 0);
  // Calls whose source gives only the day or month have no hour of the week.
  const untimed =
    result.data.calls.reduce((n, p) => n + (p.value ?? 0), 0) - total;
  if (total === 0 && untimed > 0)
    return (
      <EmptyState title="No times of day in these calls">
        <p data-testid="staffing-untimed">
          {formatCount(untimed)} behavioral-health calls from{' '}
          {formatMonthRange(period.from, period.to)}, but their source gives
          only the day or the month, so they cannot be placed by hour or shift.
        </p>
      </EmptyState>
    );
  if (total === 0) return <NoMatchState />;
  const unserved = unservedShare(result.data.specialized);
  const shifts = shiftResponseTimes(result.data.responseTimeByShift);
  const byModel = [...result.data.responseTimeByModel].sort((a, b) =>
    compareGroups(a.group, b.group),
  );
  const demand = weekdayDemand(volume, period);

  return (
    <div className="page-grid">
      <p className="page-lead" data-testid="staffing-total">
        <strong>{formatCount(total)}</strong> behavioral-health calls from{' '}
        {formatMonthRange(period.from, period.to)}.
        {untimed > 0 &&
          ` ${formatCount(untimed)} more have no time of day in their source and are not in the hourly views.`}
      </p>
      <div className="panel panel--wide">
        <HourOfWeekHeatmap
          title="Behavioral-health calls by hour of the week"
          description="Encounters in each hour of each weekday over the period; darker is busier."
          cells={volume}
          valueLabel="Encounters"
          formatValue={formatCount}
          testId="heatmap-volume"
        />
      </div>
      <div className="panel panel--wide">
        <HourOfWeekHeatmap
          title="Calls without a specialized responder"
          description="Share of calls in each hour handled by police without crisis training (no CIT officer, co-responder, mobile crisis or civilian team); darker means more went without one. Quiet hours have few calls, so their shares vary more."
          cells={unserved}
          valueLabel="Share without a specialized responder"
          formatValue={formatPercent}
          formatLegend={(v) => `${Math.round(v * 100)}%`}
          testId="heatmap-unserved"
        />
      </div>
      <div className="panel">
        <BarBreakdown
          title="Response time by shift"
          description="Median minutes from dispatch to arrival for calls in each shift (local time); nine in ten arrive within the 90th percentile."
          bars={shifts.map((s) => ({
            key: s.shift.id,
            label: s.shift.label,
            value: s.median,
            details: [
              s.p90 != null ? minutes(s.p90) : '–',
              formatCount(s.responses),
            ],
          }))}
          groupLabel="Shift"
          valueLabel="Median"
          detailLabels={['90th pct.', 'Responses']}
          formatValue={minutes}
          formatAxis={(v) => String(v)}
          testId="bars-shift"
        />
      </div>
      <div className="panel">
        <h2 className="panel__title">Response time by response model</h2>
        <p className="panel__description">
          Minutes from dispatch to arrival: half of responses arrive within the
          median, nine in ten within the 90th percentile.
        </p>
        <ChartTable
          captionHidden
          table={{
            caption:
              'Response time by response model, median and 90th percentile',
            columns: [
              { label: 'Response' },
              { label: 'Median', numeric: true },
              { label: '90th pct.', numeric: true },
              { label: 'Responses', numeric: true },
            ],
            rows: byModel.map((p) => [
              dimensionValueLabel(p.group),
              p.percentiles?.[0] != null ? minutes(p.percentiles[0]) : '–',
              p.percentiles?.[1] != null ? minutes(p.percentiles[1]) : '–',
              formatCount(p.numerator ?? 0),
            ]),
          }}
        />
      </div>
      <div className="panel panel--wide">
        <BarBreakdown
          title="Demand by day of the week"
          description="Behavioral-health calls on each weekday, on average per day in the period."
          bars={demand.map((d) => ({
            key: String(d.dayOfWeek),
            label: WEEKDAYS[d.dayOfWeek - 1],
            value: d.perDay,
            details: [formatCount(d.encounters), formatPercent(d.share)],
          }))}
          groupLabel="Day"
          valueLabel="Calls per day"
          detailLabels={['Calls in the period', 'Share of the week']}
          formatValue={(v) => oneDecimal.format(v)}
          formatAxis={(v) => oneDecimal.format(v)}
          testId="bars-weekday"
        />
      </div>
    </div>
  );
}
