import type {
  Comparison,
  Metric,
  MetricPoint,
} from '@crosswalk/dashboard/data-access';
import { Sparkline } from '@crosswalk/dashboard/ui-charts';
import {
  formatMetricValue,
  formatMonth,
  formatMonthRange,
} from '@crosswalk/dashboard/util';
import { useId } from 'react';
import { Link } from 'react-router';

import { describeComparison } from './describe-comparison.util';

const ARROWS = { up: '▲', down: '▼', flat: '→' } as const;

export interface KpiCardProps {
  label: string;
  metric: Metric;
  comparison: Comparison | undefined;
  trend: readonly MetricPoint[];
  /** e.g. "Jan – Dec 2024"; null when there is no baseline. */
  baselineLabel: string | null;
  /** Where "Explore" goes, with the view's filters. */
  exploreHref: string;
}

/**
 * One key measure: its value for the period, the change against the
 * baseline with its confidence interval and a plain significance label, a
 * 24-month trend, and the metric's definition on demand.
 */
export function KpiCard({
  label,
  metric,
  comparison,
  trend,
  baselineLabel,
  exploreHref,
}: KpiCardProps) {
  const headingId = useId();
  const described =
    comparison && baselineLabel
      ? describeComparison(comparison, metric.unit, metric.betterDirection)
      : null;
  const format = (value: number) => formatMetricValue(value, metric.unit);

  return (
    <article
      className={`kpi-card kpi-card--${described?.tone ?? 'none'}`}
      aria-labelledby={headingId}
      data-testid={`kpi-${metric.id}`}
    >
      <h3 id={headingId} className="kpi-card__label">
        {label}
      </h3>
      <p className="kpi-card__value" data-testid="kpi-value">
        {formatMetricValue(comparison?.value, metric.unit)}
      </p>
      {described ? (
        <div className="kpi-card__comparison">
          <p className={`kpi-change kpi-change--${described.tone}`}>
            <span aria-hidden="true" className="kpi-change__arrow">
              {ARROWS[described.direction]}
            </span>{' '}
            <span data-testid="kpi-change">{described.change}</span>{' '}
            <span className="kpi-change__baseline">
              vs {described.baselineValue} in {baselineLabel}
            </span>
            {described.tone === 'better' && (
              <span className="visually-hidden"> (an improvement)</span>
            )}
            {described.tone === 'worse' && (
              <span className="visually-hidden"> (a worsening)</span>
            )}
          </p>
          <p className="kpi-card__stats">
            <span
              className={`sig-badge sig-badge--${described.significance
                .toLowerCase()
                .replace(' ', '-')}`}
              data-testid="kpi-significance"
            >
              {described.significance}
            </span>
            {described.interval && (
              <span className="kpi-card__interval">
                {described.interval}
                {described.pValue && `, ${described.pValue}`}
              </span>
            )}
          </p>
          {described.smallSample && (
            <p className="kpi-card__warning">
              Fewer than 30 encounters in a period: read with care.
            </p>
          )}
        </div>
      ) : (
        <p className="kpi-card__stats muted">
          No earlier data to compare with.
        </p>
      )}
      <Sparkline
        title={`${metric.title}, monthly`}
        points={trend.map((p) => ({ period: p.period, value: p.value }))}
        formatValue={format}
        formatPeriod={(period) => formatMonth(period)}
      />
      {trend.length > 1 && (
        <p className="kpi-card__trend-range" aria-hidden="true">
          Monthly,{' '}
          {formatMonthRange(trend[0].period, trend[trend.length - 1].period)}
        </p>
      )}
      <details className="kpi-card__definition">
        <summary>Definition</summary>
        <p>
          <strong>{metric.title}.</strong> {metric.description}
        </p>
        <p className="kpi-card__source">
          <strong>Source:</strong> {metric.source}
        </p>
        <p>
          <Link to={exploreHref}>Explore {label.toLowerCase()}</Link>
        </p>
      </details>
    </article>
  );
}
