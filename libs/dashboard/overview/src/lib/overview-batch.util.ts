import type {
  ComparisonInput,
  MetricBatch,
  MetricFiltersInput,
  MetricSeriesInput,
} from '@crosswalk/dashboard/data-access';
import {
  addMonths,
  compareMonths,
  type MonthKey,
  monthSpan,
} from '@crosswalk/dashboard/util';

/** The Overview's key measures, in reading order, with short card names. */
export const OVERVIEW_KPIS = [
  { metric: 'bh_call_volume', label: 'Behavioral-health calls' },
  { metric: 'specialized_response_share', label: 'Specialized response share' },
  { metric: 'diversion_rate', label: 'Diversion rate' },
  { metric: 'arrest_rate', label: 'Arrest rate' },
  { metric: 'emergency_detention_rate', label: 'Emergency detention rate' },
  { metric: 'use_of_force_rate', label: 'Use-of-force rate' },
  { metric: 'response_time_median', label: 'Median response time' },
  { metric: 'referral_rate', label: 'Referral rate' },
] as const;

export const SPARKLINE_MONTHS = 24;

export interface OverviewQuestion {
  metrics: readonly string[];
  period: { from: MonthKey; to: MonthKey };
  baseline: { from: MonthKey; to: MonthKey } | null;
  /** First month with data: sparklines do not start before it. */
  firstMonth: MonthKey;
  timeZone: string;
  filters: MetricFiltersInput;
}

/** The sparkline's months: 24 ending with the period, not before the data. */
export function sparklineMonths(
  to: MonthKey,
  firstMonth: MonthKey,
): { from: MonthKey; to: MonthKey } {
  const from = addMonths(to, -(SPARKLINE_MONTHS - 1));
  return { from: compareMonths(from, firstMonth) < 0 ? firstMonth : from, to };
}

/**
 * One request for the whole page: a comparison of every KPI with the
 * baseline, and each KPI's monthly series for its sparkline. Whole months,
 * so the API answers from its rollups.
 */
export function overviewBatch(question: OverviewQuestion): MetricBatch {
  const { period, baseline, timeZone, filters } = question;
  const comparison: ComparisonInput = {
    metrics: [...question.metrics],
    ...monthSpan(period.from, period.to, timeZone),
    filters,
  };
  if (baseline) {
    const span = monthSpan(baseline.from, baseline.to, timeZone);
    comparison.baselineFrom = span.from;
    comparison.baselineTo = span.to;
  }
  const months = sparklineMonths(period.to, question.firstMonth);
  const batch: MetricBatch = { kpis: { op: 'comparison', input: comparison } };
  question.metrics.forEach((metric, index) => {
    const input: MetricSeriesInput = {
      metric,
      grain: 'month',
      ...monthSpan(months.from, months.to, timeZone),
      filters,
    };
    batch[`trend${index}`] = { op: 'metricSeries', input };
  });
  return batch;
}
