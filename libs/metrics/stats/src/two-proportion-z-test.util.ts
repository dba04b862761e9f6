import { assertEventsOutOf, waldTest } from './input-checks.util';
import { zForConfidence } from './normal-distribution.util';
import {
  type ConfidenceInterval,
  wilsonInterval,
} from './wilson-interval.util';

export interface TwoProportionZTest {
  /** x1 / n1 */
  p1: number;
  /** x2 / n2 */
  p2: number;
  /** p1 - p2, as a proportion (multiply by 100 for percentage points) */
  difference: number;
  /** pooled standard error used by the test, √(p̄(1 - p̄)(1/n1 + 1/n2)) */
  standardError: number;
  z: number;
  /** two-sided p-value of the pooled z-test */
  pValue: number;
  /** Newcombe hybrid score interval for p1 - p2 (the one to report) */
  ci: ConfidenceInterval;
  /** Wald interval for p1 - p2, kept for comparison with textbook output */
  waldCi: ConfidenceInterval;
}

/**
 * Two-sample z-test for the difference of two independent proportions, with a
 * confidence interval for the difference.
 *
 * Test (pooled standard error under H0: π1 = π2; e.g. A. Agresti, "An
 * Introduction to Categorical Data Analysis", Wiley, ch. 2; z² equals
 * Pearson's X² for the 2×2 table without continuity correction):
 *
 *   p̄ = (x1 + x2) / (n1 + n2)
 *   z = (p1 - p2) / √( p̄(1 - p̄)(1/n1 + 1/n2) ),   pValue = 2·Φ(-|z|)
 *
 * Interval (`ci`): Newcombe's hybrid score interval, method 10 in
 * R. G. Newcombe, "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Stat Med 17 (1998) 873-890.
 * With Wilson intervals (l1, u1) and (l2, u2) and d = p1 - p2:
 *
 *   lower = d - √( (p1 - l1)² + (u2 - p2)² )
 *   upper = d + √( (u1 - p1)² + (p2 - l2)² )
 *
 * It is used instead of the Wald interval d ± z·√(p1(1-p1)/n1 + p2(1-p2)/n2)
 * (`waldCi`) because Wald has poor coverage and zero width when both rates
 * are 0 or 1, which small program cells produce often. Being built from a
 * different standard error, the interval can in borderline cases disagree with
 * the pooled test about significance at the same level.
 *
 * When both proportions are 0 (or both 1) the pooled standard error is 0; the
 * difference is then 0 and the result is z = 0, pValue = 1.
 *
 * @returns null when n1 or n2 is 0 (a proportion with no encounters)
 * @throws RangeError for negative or non-finite counts, x > n, or a confidence
 *   outside (0, 1)
 */
export function twoProportionZTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence = 0.95,
): TwoProportionZTest | null {
  assertEventsOutOf('twoProportionZTest group 1', x1, n1);
  assertEventsOutOf('twoProportionZTest group 2', x2, n2);
  const zCritical = zForConfidence(confidence);
  const interval1 = wilsonInterval(x1, n1, confidence);
  const interval2 = wilsonInterval(x2, n2, confidence);
  if (interval1 === null || interval2 === null) return null;

  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  const pooled = (x1 + x2) / (n1 + n2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const { z, pValue } = waldTest(difference, standardError);

  const ci = {
    lower: Math.max(
      -1,
      difference - Math.hypot(p1 - interval1.lower, interval2.upper - p2),
    ),
    upper: Math.min(
      1,
      difference + Math.hypot(interval1.upper - p1, p2 - interval2.lower),
    ),
  };
  const waldHalfWidth =
    zCritical * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const waldCi = {
    lower: difference - waldHalfWidth,
    upper: difference + waldHalfWidth,
  };

  return { p1, p2, difference, standardError, z, pValue, ci, waldCi };
}
