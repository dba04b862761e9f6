import type {
  Area,
  Metric,
  MetricDimension,
  MetricPoint,
} from '@crosswalk/dashboard/data-access';
import {
  addMonths,
  compareGroups,
  compareMonths,
  type CsvCell,
  dimensionValueLabel,
  monthCount,
  type MonthKey,
  toCsv,
} from '@crosswalk/dashboard/util';

/** Breakdowns offered, in the order of the picker. */
export const BREAKDOWNS: readonly MetricDimension[] = [
  'response_model',
  'call_origin',
  'district',
  'area',
  'program_area',
  'bh_category',
  'peer_specialist_involved',
  'age_band',
  'gender',
  'race',
  'ethnicity',
];
export const DEFAULT_BREAKDOWN: MetricDimension = 'response_model';

export function parseBreakdown(value: string | null): MetricDimension {
  return BREAKDOWNS.find((b) => b === value) ?? DEFAULT_BREAKDOWN;
}

/**
 * The months on the line: the baseline and the period, at least 24 months
 * ending with the period, never before the data.
 */
export function chartMonths(
  period: { from: MonthKey; to: MonthKey },
  baseline: { from: MonthKey } | null,
  firstMonth: MonthKey,
): { from: MonthKey; to: MonthKey } {
  let from = baseline?.from ?? period.from;
  if (monthCount(from, period.to) < 24) from = addMonths(period.to, -23);
  if (compareMonths(from, firstMonth) < 0) from = firstMonth;
  return { from, to: period.to };
}

/** A group's name: areas by code and name, other values in words. */
export function groupLabel(
  dimension: MetricDimension,
  group: string,
  areas: readonly Area[],
): string {
  if (dimension === 'area' || dimension === 'district') {
    // Codes are unique per level (beat 5, district 5): a district group is a
    // top-level area, an area group the finest.
    const matches = areas.filter((a) => a.code === group);
    const area =
      (dimension === 'district'
        ? matches.find((a) => a.parentId === null)
        : matches.find((a) => !areas.some((b) => b.parentId === a.id))) ??
      matches[0];
    return area ? `${area.code} ${area.name}` : group;
  }
  return dimensionValueLabel(group);
}

export function sortBreakdown(points: readonly MetricPoint[]): MetricPoint[] {
  return [...points].sort((a, b) => compareGroups(a.group, b.group));
}

/** Column names for a metric's numerator and denominator. */
export function countLabels(metric: Metric): {
  numerator: string;
  denominator: string | null;
} {
  switch (metric.kind) {
    case 'ratio':
      return { numerator: 'Numerator', denominator: 'Denominator' };
    case 'percentile':
      return { numerator: 'Responses', denominator: null };
    case 'sum':
      return { numerator: 'Records', denominator: null };
    case 'distinct_persons':
      return metric.unit === 'percent'
        ? { numerator: 'Persons counted', denominator: 'Persons' }
        : { numerator: 'Persons', denominator: null };
    default:
      return { numerator: 'Encounters', denominator: null };
  }
}

/** The numbers of a series or breakdown as CSV, raw values (rates as fractions). */
export function pointsCsv(
  metric: Metric,
  firstColumn: 'month' | 'group',
  points: readonly MetricPoint[],
  label: (point: MetricPoint) => string = (p) =>
    p[firstColumn === 'month' ? 'period' : 'group'],
): string {
  const percentiles = points.some((p) => p.percentiles?.length);
  const header = [
    firstColumn,
    'metric',
    'unit',
    'value',
    'numerator',
    'denominator',
    'excluded',
    ...(percentiles ? ['p50', 'p90'] : []),
  ];
  const rows: CsvCell[][] = points.map((p) => [
    label(p),
    metric.id,
    metric.unit,
    p.value,
    p.numerator,
    p.denominator,
    p.excluded,
    ...(percentiles ? [p.percentiles?.[0], p.percentiles?.[1]] : []),
  ]);
  return toCsv(header, rows);
}
