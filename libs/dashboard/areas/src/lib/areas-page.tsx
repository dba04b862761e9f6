import {
  graphql,
  type Metric,
  METRIC_CACHE_MS,
  type MetricBreakdownInput,
  useGraphqlQuery,
} from '@crosswalk/dashboard/data-access';
import { DashboardPage, type ReadyView } from '@crosswalk/dashboard/filters';
import {
  downloadCsv,
  ErrorState,
  LoadingState,
  NoMatchState,
} from '@crosswalk/dashboard/ui';
import {
  AreaChoropleth,
  BarBreakdown,
  ChartTable,
} from '@crosswalk/dashboard/ui-charts';
import {
  changeScaleOf,
  fileNamePart,
  formatAxisValue,
  formatChange,
  formatCount,
  formatDifference,
  formatMetricValue,
  toCsv,
} from '@crosswalk/dashboard/util';
import { useId } from 'react';
import { useSearchParams } from 'react-router';

import { areaRows, isCountMetric } from './areas.util';

const METRIC_PARAM = 'metric';
const DEFAULT_METRIC = 'bh_call_volume';
const perThousand = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

// Every area's encounters, the chosen metric and, when there is one, the
// metric over the baseline: one request.
const AreaFiguresDocument = graphql(`
  query AreaFigures(
    $volume: MetricBreakdownInput!
    $current: MetricBreakdownInput!
    $baseline: MetricBreakdownInput!
    $withBaseline: Boolean!
  ) {
    volume: metricBreakdown(input: $volume) {
      ...MetricPointFields
    }
    current: metricBreakdown(input: $current) {
      ...MetricPointFields
    }
    baseline: metricBreakdown(input: $baseline) @include(if: $withBaseline) {
      ...MetricPointFields
    }
  }
`);

/** The Areas page: each area's numbers as a table, bars and a map. */
export function AreasPage() {
  return (
    <DashboardPage
      title="Areas"
      subtitle="Each area's encounters and a chosen metric for the period, with the change from the baseline."
    >
      {(view) => <AreaFigures view={view} />}
    </DashboardPage>
  );
}

function AreaFigures({ view }: { view: ReadyView }) {
  const [search, setSearch] = useSearchParams();
  const id = useId();
  const metric =
    view.metric(search.get(METRIC_PARAM) ?? DEFAULT_METRIC) ??
    (view.metric(DEFAULT_METRIC) as Metric);
  const choices = view.reference.metrics.filter((m) => m.kind !== 'cost');

  return (
    <>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-metric`}>Metric</label>
          <select
            id={`${id}-metric`}
            value={metric.id}
            onChange={(e) =>
              setSearch((current) => {
                const next = new URLSearchParams(current);
                if (e.target.value === DEFAULT_METRIC)
                  next.delete(METRIC_PARAM);
                else next.set(METRIC_PARAM, e.target.value);
                return next;
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
      </div>
      <AreaNumbers key={metric.id} view={view} metric={metric} />
    </>
  );
}

function AreaNumbers({ view, metric }: { view: ReadyView; metric: Metric }) {
  const { span, baselineSpan, metricFilters: filters, period } = view;
  const byArea = (
    metricId: string,
    window: { from: string; to: string },
  ): MetricBreakdownInput => ({
    metric: metricId,
    dimension: 'area',
    ...window,
    filters,
  });
  const result = useGraphqlQuery(
    AreaFiguresDocument,
    {
      volume: byArea('bh_call_volume', span),
      current: byArea(metric.id, span),
      // Not asked for without a baseline; the variable still needs a value.
      baseline: byArea(metric.id, baselineSpan ?? span),
      withBaseline: baselineSpan !== null,
    },
    { cacheMs: METRIC_CACHE_MS },
  );

  if (result.status === 'loading')
    return <LoadingState label="Loading the area figures…" lines={8} />;
  if (result.status === 'error')
    return (
      <ErrorState
        what="the area figures"
        error={result.error}
        onRetry={result.refetch}
      />
    );
  const { volume, current, baseline } = result.data;
  const rows = areaRows(
    view.reference.areas,
    volume,
    current,
    baseline ?? null,
  );
  if (rows.every((r) => r.encounters === 0)) return <NoMatchState />;

  const format = (value: number) => formatMetricValue(value, metric.unit);
  const mapPerResident =
    isCountMetric(metric) && rows.every((r) => r.area.population);
  const mapValue = (r: (typeof rows)[number]) =>
    mapPerResident
      ? r.area.population && r.value != null
        ? (r.value / r.area.population) * 1000
        : null
      : r.value;
  const scale = changeScaleOf(metric.unit);
  const changeText = (r: (typeof rows)[number]) =>
    r.change == null
      ? '–'
      : scale === 'points'
        ? formatChange(r.change, 'points')
        : r.baselineValue
          ? formatChange(r.change / r.baselineValue, 'relative')
          : formatDifference(r.change, metric.unit);
  const shown = rows.filter((r) => r.encounters > 0 || r.value != null);

  function download() {
    downloadCsv(
      `${fileNamePart(metric.title)}-by-area-${period.from}-to-${period.to}.csv`,
      toCsv(
        [
          'area_code',
          'area_name',
          'district',
          'population',
          'encounters',
          'encounters_per_1000',
          'metric',
          'unit',
          'value',
          'baseline_value',
        ],
        rows.map((r) => [
          r.area.code,
          r.area.name,
          r.parent?.name,
          r.area.population,
          r.encounters,
          r.perThousand,
          metric.id,
          metric.unit,
          r.value,
          r.baselineValue,
        ]),
      ),
    );
  }

  return (
    <div className="page-grid">
      <div className="panel">
        <AreaChoropleth
          title={
            mapPerResident
              ? `${metric.title} per 1,000 residents`
              : metric.title
          }
          description={`${period.label}. Each area labelled with its code and value.`}
          areas={rows
            .filter((r) => r.area.geojson)
            .map((r) => ({
              id: r.area.code,
              name: r.area.name,
              geometry: r.area.geojson as {
                type: string;
                coordinates: unknown;
              },
              value: mapValue(r),
            }))}
          valueLabel={mapPerResident ? 'Per 1,000 residents' : metric.title}
          formatValue={mapPerResident ? (v) => perThousand.format(v) : format}
          formatLegend={
            mapPerResident
              ? (v) => perThousand.format(v)
              : (v) => formatAxisValue(v, metric.unit)
          }
          testId="areas-map"
        />
      </div>
      <div className="panel">
        <BarBreakdown
          title={`${metric.title} by area`}
          description={period.label}
          bars={shown.map((r) => ({
            key: r.area.code,
            label: `${r.area.code} ${r.area.name}`,
            value: r.value,
          }))}
          groupLabel="Area"
          valueLabel={metric.title}
          formatValue={format}
          formatAxis={(v) => formatAxisValue(v, metric.unit)}
          testId="areas-bars"
        />
      </div>
      <section className="panel panel--wide" aria-labelledby="area-table">
        <div className="panel__header">
          <h2 id="area-table" className="panel__title">
            Areas
          </h2>
          <button
            type="button"
            className="button button--small"
            onClick={download}
          >
            Download CSV
          </button>
        </div>
        <ChartTable
          captionHidden
          table={{
            caption: `Encounters and ${metric.title.toLowerCase()} by area, ${period.label}`,
            columns: [
              { label: 'Area' },
              { label: 'District' },
              { label: 'Population', numeric: true },
              { label: 'Encounters', numeric: true },
              { label: 'Per 1,000 residents', numeric: true },
              ...(metric.id === 'bh_call_volume'
                ? []
                : [{ label: metric.title, numeric: true }]),
              ...(period.baseline
                ? [
                    {
                      label: `Baseline (${period.baseline.label})`,
                      numeric: true,
                    },
                    { label: 'Change', numeric: true },
                  ]
                : []),
            ],
            rows: rows.map((r) => [
              `${r.area.code} ${r.area.name}`,
              r.parent?.name ?? '–',
              r.area.population == null ? '–' : formatCount(r.area.population),
              formatCount(r.encounters),
              r.perThousand == null ? '–' : perThousand.format(r.perThousand),
              ...(metric.id === 'bh_call_volume'
                ? []
                : [r.value == null ? '–' : format(r.value)]),
              ...(period.baseline
                ? [
                    r.baselineValue == null ? '–' : format(r.baselineValue),
                    changeText(r),
                  ]
                : []),
            ]),
          }}
        />
      </section>
    </div>
  );
}
