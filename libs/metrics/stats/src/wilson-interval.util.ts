import { assertEventsOutOf } from './input-checks.util';
import { zForConfidence } from './normal-distribution.util';

/** A two-sided confidence interval. */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
}

/** `events` encounters with the outcome out of `n` encounters. */
export interface EventsOutOf {
  events: number;
  n: number;
}

/**
 * Wilson score interval for a binomial proportion p̂ = x / n
 * (E. B. Wilson, "Probable inference, the law of succession, and statistical
 * inference", JASA 22 (1927) 209-212; method 3 in R. G. Newcombe,
 * "Two-sided confidence intervals for the single proportion: comparison of
 * seven methods", Stat Med 17 (1998) 857-872):
 *
 *   centre    = (p̂ + z²/(2n)) / (1 + z²/n)
 *   halfWidth = z / (1 + z²/n) · √( p̂(1 - p̂)/n + z²/(4n²) )
 *   interval  = centre ± halfWidth,  z = z_{1-α/2}
 *
 * It inverts the score test, so unlike the Wald interval it never leaves
 * [0, 1] and does not collapse to zero width at 0 or n events: x = 0 gives
 * lower = 0 exactly and x = n gives upper = 1 exactly.
 *
 * @param successes number of encounters with the outcome (0 <= successes <= n)
 * @param n number of encounters
 * @param confidence confidence level, default 0.95
 * @returns the interval, or null when n = 0 (a rate with no encounters has
 *   no estimate, so there is no interval to draw)
 * @throws RangeError for negative or non-finite counts, successes > n, or a
 *   confidence outside (0, 1)
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence = 0.95,
): ConfidenceInterval | null {
  assertEventsOutOf('wilsonInterval', successes, n);
  const z = zForConfidence(confidence);
  if (n === 0) return null;
  if (successes === 0) {
    return { lower: 0, upper: (z * z) / (n + z * z) };
  }
  if (successes === n) {
    return { lower: n / (n + z * z), upper: 1 };
  }
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    lower: Math.max(0, centre - halfWidth),
    upper: Math.min(1, centre + halfWidth),
  };
}
