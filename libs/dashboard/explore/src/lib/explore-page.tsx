import {
  type Comparison,
  graphql,
  type Metric,
  METRIC_CACHE_MS,
  type MetricDimension,
  type MetricPoint,
  useGraphqlQuery,
} from '@crosswalk/dashboard/data-access';
import { DashboardPage, type ReadyView } from '@crosswalk/dashboard/filters';
import { describeComparison } from '@crosswalk/dashboard/overview';
import { downloadCsv, ErrorState, LoadingState } from '@crosswalk/dashboard/ui';
import {
  BarBreakdown,
  ChartTable,
  MetricLineChart,
} from '@crosswalk/dashboard/ui-charts';
import {
  DIMENSION_LABELS,
  fileNamePart,
  formatAxisValue,
  formatCount,
  formatMetricValue,
  formatMonth,
  monthSpan,
} from '@crosswalk/dashboard/util';
import { useId } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';

import {
  BREAKDOWNS,
  chartMonths,
  countLabels,
  groupLabel,
  parseBreakdown,
  pointsCsv,
  sortBreakdown,
} from './explore.util';

const DEFAULT_METRIC = 'bh_call_volume';
const BY_PARAM = 'by';

/** The metric explorer: one metric over time and broken down. */
export function ExplorePage() {
  return (
    <DashboardPage
      title="Explore a metric"
      subtitle="One metric month by month against its baseline, and broken down by area, response, call origin or demographics."
    >
      {(view) => <Explorer view={view} />}
    </DashboardPage>
  );
}

function Explorer({ view }: { view: ReadyView }) {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const id = useId();
  const metric =
    view.metric(params['metric'] ?? DEFAULT_METRIC) ??
    view.metric(DEFAULT_METRIC) ??
    view.reference.metrics[0];
  const by = parseBreakdown(search.get(BY_PARAM));
  const choices = view.reference.metrics.filter((m) => m.kind !== 'cost');
  const breakdowns = BREAKDOWNS.filter(
    (b) => b !== 'program_area' || view.program,
  );

  return (
    <>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-metric`}>Metric</label>
          <select
            id={`${id}-metric`}
            value={metric?.id ?? ''}
            onChange={(e) =>
              navigate({
                pathname: `/explore/${e.target.value}`,
                search: search.toString(),
              })
            }
          >
            {choices.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>Break down by</label>
          <select
            id={`${id}-by`}
            value={by}
            onChange={(e) =>
              setSearch((current) => {
                const next = new URLSearchParams(current);
                next.set(BY_PARAM, e.target.value);
                return next;
              })
            }
          >
            {breakdowns.map((b) => (
              <option key={b} value={b}>
                {DIMENSION_LABELS[b]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {metric && metric.kind !== 'cost' ? (
        <MetricFigures key={metric.id} view={view} metric={metric} by={by} />
      ) : (
        <p className="panel">Choose a metric to explore.</p>
      )}
    </>
  );
}

// One metric in depth, in one request: by month, broken down, and against
// the baseline.
const ExploreMetricDocument = graphql(`
  query ExploreMetric(
    $series: MetricSeriesInput!
    $breakdown: MetricBreakdownInput!
    $comparison: ComparisonInput!
  ) {
    series: metricSeries(input: $series) {
      ...MetricPointFields
    }
    breakdown: metricBreakdown(input: $breakdown) {
      ...MetricPointFields
    }
    comparison(input: $comparison) {
      ...ComparisonFields
    }
  }
`);

function MetricFigures({
  view,
  metric,
  by,
}: {
  view: ReadyView;
  metric: Metric;
  by: MetricDimension;
}) {
  const { period, span, baselineSpan, metricFilters: filters } = view;
  const months = chartMonths(
    period,
    period.baseline,
    view.data?.first ?? period.from,
  );
  const program = by === 'program_area' ? view.program?.id : undefined;
  const result = useGraphqlQuery(
    ExploreMetricDocument,
    {
      series: {
        metric: metric.id,
        grain: 'month',
        ...monthSpan(months.from, months.to, view.timeZone),
        filters,
      },
      breakdown: {
        metric: metric.id,
        dimension: by,
        ...span,
        filters,
        ...(program ? { program } : {}),
      },
      comparison: {
        metrics: [metric.id],
        ...span,
        ...(baselineSpan
          ? { baselineFrom: baselineSpan.from, baselineTo: baselineSpan.to }
          : {}),
        filters,
      },
    },
    { cacheMs: METRIC_CACHE_MS },
  );

  if (result.status === 'loading')
    return <LoadingState label={`Loading ${metric.title}…`} lines={8} />;
  if (result.status === 'error')
    return (
      <ErrorState
        what={metric.title}
        error={result.error}
        onRetry={result.refetch}
      />
    );

  const series = result.data.series;
  const breakdown = sortBreakdown(result.data.breakdown);
  const comparison = result.data.comparison[0];
  const format = (value: number) => formatMetricValue(value, metric.unit);
  const counts = countLabels(metric);
  const detailLabels = [
    counts.numerator,
    ...(counts.denominator ? [counts.denominator] : []),
  ];
  const details = (p: MetricPoint) => [
    p.numerator == null ? '–' : formatCount(p.numerator),
    ...(counts.denominator
      ? [p.denominator == null ? '–' : formatCount(p.denominator)]
      : []),
  ];
  const labelOf = (p: MetricPoint) =>
    groupLabel(by, p.group, view.reference.areas);
  const baseName = `${fileNamePart(metric.title)}-${period.from}-to-${period.to}`;
  const programMonth = view.programStart?.month;

  return (
    <div className="page-grid">
      <MetricSummary
        metric={metric}
        comparison={comparison}
        periodLabel={period.label}
        baselineLabel={period.baseline?.label ?? null}
      />
      <div className="panel panel--wide">
        <MetricLineChart
          title={`${metric.title}, by month`}
          description={
            period.baseline
              ? `Grey: the baseline (${period.baseline.label}); blue: the period compared with it.`
              : undefined
          }
          points={series.map((p) => ({
            period: p.period,
            value: p.value,
            details: details(p),
          }))}
          valueLabel={metric.title}
          detailLabels={detailLabels}
          formatValue={format}
          formatAxis={(v) => formatAxisValue(v, metric.unit)}
          formatPeriod={(p) => formatMonth(p)}
          baseline={
            period.baseline
              ? { from: period.baseline.from, to: period.baseline.to }
              : undefined
          }
          current={{ from: period.from, to: period.to, label: 'Period' }}
          marker={
            view.programStart && programMonth
              ? {
                  period: programMonth,
                  label: `${view.programStart.name} starts`,
                }
              : undefined
          }
          testId="explore-line"
        />
      </div>
      <div className="panel panel--wide">
        <BarBreakdown
          title={`${metric.title} by ${DIMENSION_LABELS[by].toLowerCase()}`}
          description={period.label}
          bars={breakdown.map((p) => ({
            key: p.group,
            label: labelOf(p),
            value: p.value,
            details: details(p),
          }))}
          groupLabel={DIMENSION_LABELS[by]}
          valueLabel={metric.title}
          detailLabels={detailLabels}
          formatValue={format}
          formatAxis={(v) => formatAxisValue(v, metric.unit)}
          testId="explore-bars"
        />
      </div>
      <section className="panel panel--wide" aria-labelledby="monthly-numbers">
        <div className="panel__header">
          <h2 id="monthly-numbers" className="panel__title">
            Monthly numbers
          </h2>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              downloadCsv(
                `${baseName}-monthly.csv`,
                pointsCsv(metric, 'month', series),
              )
            }
          >
            Download CSV
          </button>
        </div>
        <ChartTable
          captionHidden
          className="table-scroll table-scroll--tall"
          table={{
            caption: `${metric.title} by month`,
            columns: [
              { label: 'Month' },
              { label: 'Value', numeric: true },
              ...detailLabels.map((label) => ({ label, numeric: true })),
              { label: 'Excluded', numeric: true },
            ],
            rows: series.map((p) => [
              formatMonth(p.period),
              p.value == null ? '–' : format(p.value),
              ...details(p),
              formatCount(p.excluded),
            ]),
          }}
        />
      </section>
      <section
        className="panel panel--wide"
        aria-labelledby="breakdown-numbers"
      >
        <div className="panel__header">
          <h2 id="breakdown-numbers" className="panel__title">
            By {DIMENSION_LABELS[by].toLowerCase()}
          </h2>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              downloadCsv(
                `${baseName}-by-${by}.csv`,
                pointsCsv(metric, 'group', breakdown, labelOf),
              )
            }
          >
            Download CSV
          </button>
        </div>
        <ChartTable
          captionHidden
          className="table-scroll table-scroll--tall"
          table={{
            caption: `${metric.title} by ${DIMENSION_LABELS[by].toLowerCase()}, ${period.label}`,
            columns: [
              { label: DIMENSION_LABELS[by] },
              { label: 'Value', numeric: true },
              ...detailLabels.map((label) => ({ label, numeric: true })),
              { label: 'Excluded', numeric: true },
            ],
            rows: breakdown.map((p) => [
              labelOf(p),
              p.value == null ? '–' : format(p.value),
              ...details(p),
              formatCount(p.excluded),
            ]),
          }}
        />
      </section>
      <details className="panel panel--wide definition">
        <summary>Definition and source</summary>
        <p>{metric.description}</p>
        <p className="muted">
          <strong>Source:</strong> {metric.source}
        </p>
      </details>
    </div>
  );
}

function MetricSummary({
  metric,
  comparison,
  periodLabel,
  baselineLabel,
}: {
  metric: Metric;
  comparison: Comparison | undefined;
  periodLabel: string;
  baselineLabel: string | null;
}) {
  const described =
    comparison && baselineLabel
      ? describeComparison(comparison, metric.unit, metric.betterDirection)
      : null;
  return (
    <section
      className={`metric-summary panel panel--wide kpi-card--${described?.tone ?? 'none'}`}
      aria-label={`${metric.title}, summary`}
    >
      <div>
        <p className="metric-summary__label">{metric.title}</p>
        <p className="metric-summary__value" data-testid="explore-value">
          {formatMetricValue(comparison?.value, metric.unit)}
        </p>
        <p className="muted metric-summary__period">{periodLabel}</p>
      </div>
      {described ? (
        <div className="metric-summary__change">
          <p className={`kpi-change kpi-change--${described.tone}`}>
            {described.change}{' '}
            <span className="kpi-change__baseline">
              vs {described.baselineValue} in {baselineLabel}
            </span>
          </p>
          <p className="kpi-card__stats">
            <span
              className={`sig-badge sig-badge--${described.significance
                .toLowerCase()
                .replace(' ', '-')}`}
            >
              {described.significance}
            </span>
            {described.interval && (
              <span>
                {described.interval}
                {described.pValue && `, ${described.pValue}`}
              </span>
            )}
          </p>
          {comparison && comparison.excluded > 0 && (
            <p className="kpi-card__stats">
              {formatCount(comparison.excluded)} records left out: a field this
              metric needs is unknown.
            </p>
          )}
        </div>
      ) : (
        <p className="muted">No earlier data to compare with.</p>
      )}
    </section>
  );
}
