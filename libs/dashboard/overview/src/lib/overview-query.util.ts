import type {
  ComparisonInput,
  MetricFiltersInput,
  MetricSeriesInput,
} from '@crosswalk/dashboard/data-access';
import {
  addMonths,
  compareMonths,
  type MonthKey,
  monthSpan,
} from '@crosswalk/dashboard/util';

/**
 * The Overview's key measures, in reading order, with short card names. Each
 * metric has its sparkline under its own id in the Overview query.
 */
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

export type OverviewKpiMetric = (typeof OVERVIEW_KPIS)[number]['metric'];

export const SPARKLINE_MONTHS = 24;

export interface OverviewQuestion {
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
 * The variables of the Overview query: a comparison of every KPI with the
 * baseline, and each KPI's monthly series for its sparkline, under its
 * metric id. Whole months, so the API answers from its rollups.
 */
export function overviewVariables(
  question: OverviewQuestion,
): { comparison: ComparisonInput } & Record<
  OverviewKpiMetric,
  MetricSeriesInput
> {
  const { period, baseline, timeZone, filters } = question;
  const comparison: ComparisonInput = {
    metrics: OVERVIEW_KPIS.map((k) => k.metric),
    ...monthSpan(period.from, period.to, timeZone),
    filters,
  };
  if (baseline) {
    const span = monthSpan(baseline.from, baseline.to, timeZone);
    comparison.baselineFrom = span.from;
    comparison.baselineTo = span.to;
  }
  const months = sparklineMonths(period.to, question.firstMonth);
  const trend = monthSpan(months.from, months.to, timeZone);
  const trends = Object.fromEntries(
    OVERVIEW_KPIS.map(({ metric }) => [
      metric,
      { metric, grain: 'month', ...trend, filters } satisfies MetricSeriesInput,
    ]),
  ) as Record<OverviewKpiMetric, MetricSeriesInput>;
  return { comparison, ...trends };
}
