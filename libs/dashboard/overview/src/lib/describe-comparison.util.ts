import type { Comparison } from '@crosswalk/dashboard/data-access';
import {
  changeScaleOf,
  formatChange,
  formatDifference,
  formatInterval,
  formatMetricValue,
  formatPValue,
} from '@crosswalk/dashboard/util';

/**
 * better/worse: a significant change in the metric's better or worse
 * direction; neutral: no direction is better, or the change may be chance;
 * none: nothing to compare.
 */
export type ChangeTone = 'better' | 'worse' | 'neutral' | 'none';

export interface DescribedComparison {
  tone: ChangeTone;
  /** "+1.1 pts", "−4.0%", "No change". */
  change: string;
  /** "up" | "down" | "flat", for the arrow. */
  direction: 'up' | 'down' | 'flat';
  /** "95% CI 0.0 to +2.1 pts", or null without a test. */
  interval: string | null;
  /** "Significant", "Not significant" or "No test". */
  significance: 'Significant' | 'Not significant' | 'No test';
  pValue: string | null;
  /** The baseline's value in the unit: "57.4%". */
  baselineValue: string;
  smallSample: boolean;
}

/** A comparison in plain words, for a KPI card. */
export function describeComparison(
  comparison: Comparison,
  unit: string,
  /** lower, higher or neutral (metrics-definitions/*.yaml). */
  betterDirection: string,
): DescribedComparison {
  const scale = changeScaleOf(unit);
  const tested = comparison.method !== 'none' && comparison.pValue !== null;
  // Counts are compared as rates per day (exposure-adjusted): their
  // relativeChange is the rate ratio minus one, on the scale of the CI.
  const delta =
    scale === 'points' ? comparison.change : comparison.relativeChange;
  const amount = tested ? delta : comparison.change;
  // Flat when the change rounds to zero as shown (0.0 pts, 0.0%, 0 min).
  const shownZero =
    amount != null &&
    (tested
      ? Math.abs(amount) < 0.0005
      : formatDifference(amount, unit) === formatDifference(0, unit));
  const direction: DescribedComparison['direction'] =
    amount == null || shownZero ? 'flat' : amount > 0 ? 'up' : 'down';

  let change: string;
  if (amount == null) change = 'No comparison';
  else if (tested) change = formatChange(amount, scale);
  else if (direction === 'flat') change = 'No change';
  else change = formatDifference(amount, unit);

  const significance = !tested
    ? 'No test'
    : comparison.significant
      ? 'Significant'
      : 'Not significant';
  let tone: ChangeTone;
  if (amount == null) tone = 'none';
  else if (
    betterDirection === 'neutral' ||
    significance !== 'Significant' ||
    direction === 'flat'
  )
    tone = 'neutral';
  else
    tone =
      (direction === 'up') === (betterDirection === 'higher')
        ? 'better'
        : 'worse';

  return {
    tone,
    change,
    direction,
    interval:
      tested && comparison.ciLower != null && comparison.ciUpper != null
        ? formatInterval(comparison.ciLower, comparison.ciUpper, scale)
        : null,
    significance,
    pValue: tested ? formatPValue(comparison.pValue as number) : null,
    baselineValue: formatMetricValue(comparison.baselineValue, unit),
    smallSample: comparison.smallSample,
  };
}
