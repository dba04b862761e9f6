import { assertCount, assertExposure, waldTest } from './input-checks.util';
import { zForConfidence } from './normal-distribution.util';

export interface RateRatio {
  /** (count1 / exposure1) / (count0 / exposure0) */
  ratio: number;
  lower: number;
  upper: number;
  /** two-sided p-value of the Wald test of ln(ratio) = 0 */
  pValue: number;
  /** standard error of ln(ratio) */
  standardError: number;
  /**
   * true when a count was 0 and 0.5 was added to both counts; ratio, interval
   * and p-value then all come from the corrected counts
   */
  continuityCorrected: boolean;
}

/**
 * Poisson rate ratio with a log-normal (Wald on the log scale) confidence
 * interval, the standard large-sample method for incidence rate ratios (K. J.
 * Rothman, "Epidemiology: An Introduction", 2nd ed., Oxford University Press
 * 2012, ch. 9):
 *
 *   RR = (a / T1) / (b / T0)
 *   SE(ln RR) = √(1/a + 1/b)
 *   CI = exp( ln RR ± z_{1-α/2} · SE ),   pValue = 2·Φ(-|ln RR / SE|)
 *
 * where a = count1 events over exposure T1 (e.g. the evaluation window) and
 * b = count0 events over exposure T0 (e.g. the baseline). For equal-length
 * windows pass equal exposures (1 and 1) and the ratio is a ratio of counts.
 *
 * Zeros: with one count 0 the ratio is 0 or ∞ and SE(ln RR) is infinite, so
 * 0.5 is added to both counts (Haldane-Anscombe correction) and
 * `continuityCorrected` is set; every returned number then comes from the
 * corrected counts, which keeps them finite (JSON has no ∞). The caller still
 * has the raw counts to show "0 vs 12". With both counts 0 there is nothing
 * to compare and the result is null.
 *
 * The approximation needs a handful of events per group; with fewer than
 * about 5 the interval is rough and an exact conditional (binomial) method
 * would be better.
 *
 * @throws RangeError for negative or non-finite counts, exposures <= 0, or a
 *   confidence outside (0, 1)
 */
export function poissonRateRatio(
  count1: number,
  exposure1: number,
  count0: number,
  exposure0: number,
  confidence = 0.95,
): RateRatio | null {
  assertCount('poissonRateRatio count1', count1);
  assertCount('poissonRateRatio count0', count0);
  assertExposure('poissonRateRatio exposure1', exposure1);
  assertExposure('poissonRateRatio exposure0', exposure0);
  const zCritical = zForConfidence(confidence);
  if (count1 === 0 && count0 === 0) return null;

  const continuityCorrected = count1 === 0 || count0 === 0;
  const a = continuityCorrected ? count1 + 0.5 : count1;
  const b = continuityCorrected ? count0 + 0.5 : count0;
  const logRatio = Math.log(a / exposure1) - Math.log(b / exposure0);
  const standardError = Math.sqrt(1 / a + 1 / b);
  const { pValue } = waldTest(logRatio, standardError);

  return {
    ratio: Math.exp(logRatio),
    lower: Math.exp(logRatio - zCritical * standardError),
    upper: Math.exp(logRatio + zCritical * standardError),
    pValue,
    standardError,
    continuityCorrected,
  };
}
