import { twoProportionZTest } from './two-proportion-z-test.util';
import {
  type ConfidenceInterval,
  type EventsOutOf,
  wilsonInterval,
} from './wilson-interval.util';

/**
 * Cells with fewer encounters than this get a small-sample warning (domain
 * guide, section 4: "warn when a cell has fewer than 30 encounters").
 */
export const SMALL_SAMPLE_THRESHOLD = 30;

/**
 * Relative change of a value against its baseline,
 * (value - baseline) / baseline: -0.25 means 25% lower than baseline.
 *
 * @returns null when baseline is 0 (no finite relative change exists)
 */
export function relativeChange(value: number, baseline: number): number | null {
  if (baseline === 0) return null;
  return (value - baseline) / baseline;
}

export interface ProportionComparison {
  /** current proportion, events / n in the evaluation window */
  value: number;
  /** baseline proportion */
  baseline: number;
  /** value - baseline, as a proportion (×100 for percentage points) */
  change: number;
  /** (value - baseline) / baseline; null when the baseline rate is 0 */
  relativeChange: number | null;
  /** Newcombe hybrid score interval for `change` */
  ci: ConfidenceInterval;
  /** Wilson interval for `value` */
  valueCi: ConfidenceInterval;
  /** Wilson interval for `baseline` */
  baselineCi: ConfidenceInterval;
  /** pooled two-proportion z statistic */
  z: number;
  /** two-sided p-value of the pooled two-proportion z-test */
  pValue: number;
  /** pValue < 1 - confidence (p < 0.05 at the default 95%) */
  significant: boolean;
  /** either window has fewer than SMALL_SAMPLE_THRESHOLD encounters */
  smallSample: boolean;
}

/**
 * Everything the API reports when a rate is compared with its baseline
 * (domain guide, section 4): both rates with Wilson intervals, the
 * difference with a Newcombe hybrid score interval, the relative change, the
 * pooled two-proportion z-test, whether it is significant and whether either
 * window is small. See wilsonInterval and twoProportionZTest for the
 * formulas and references.
 *
 * @param current events and encounters in the evaluation window
 * @param baseline events and encounters in the baseline window
 * @param confidence confidence level for every interval and for
 *   `significant`, default 0.95
 * @returns null when either window has no encounters (n = 0)
 * @throws RangeError for negative or non-finite counts, events > n, or a
 *   confidence outside (0, 1)
 */
export function compareProportions(
  current: EventsOutOf,
  baseline: EventsOutOf,
  confidence = 0.95,
): ProportionComparison | null {
  const test = twoProportionZTest(
    current.events,
    current.n,
    baseline.events,
    baseline.n,
    confidence,
  );
  const valueCi = wilsonInterval(current.events, current.n, confidence);
  const baselineCi = wilsonInterval(baseline.events, baseline.n, confidence);
  if (test === null || valueCi === null || baselineCi === null) return null;

  return {
    value: test.p1,
    baseline: test.p2,
    change: test.difference,
    relativeChange: relativeChange(test.p1, test.p2),
    ci: test.ci,
    valueCi,
    baselineCi,
    z: test.z,
    pValue: test.pValue,
    significant: test.pValue < 1 - confidence,
    smallSample:
      current.n < SMALL_SAMPLE_THRESHOLD || baseline.n < SMALL_SAMPLE_THRESHOLD,
  };
}
