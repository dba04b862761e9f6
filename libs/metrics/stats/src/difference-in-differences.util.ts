import {
  assertCount,
  assertEventsOutOf,
  assertExposure,
  waldTest,
} from './input-checks.util';
import { zForConfidence } from './normal-distribution.util';
import type { EventsOutOf } from './wilson-interval.util';

/** The four cells of a before/after, program/comparison design. */
export interface DifferenceInDifferencesCells<Cell> {
  /** program areas, baseline window */
  treatedBefore: Cell;
  /** program areas, evaluation window */
  treatedAfter: Cell;
  /** comparison areas, baseline window */
  comparisonBefore: Cell;
  /** comparison areas, evaluation window */
  comparisonAfter: Cell;
}

export interface ProportionDifferenceInDifferences {
  /**
   * (pTA - pTB) - (pCA - pCB), as a proportion: -0.05 means the program areas'
   * rate fell 5 percentage points more than the comparison areas' rate
   */
  estimate: number;
  /** pTA - pTB */
  treatedChange: number;
  /** pCA - pCB */
  comparisonChange: number;
  /** √ of the sum of the four binomial variances p(1 - p)/n */
  se: number;
  lower: number;
  upper: number;
  z: number;
  /** two-sided p-value of the Wald test of estimate = 0 */
  pValue: number;
}

/**
 * Difference-in-differences for proportions (e.g. the share of crisis
 * encounters ending in arrest), program areas vs comparison areas, before vs
 * after the program start. The four cells are independent samples, so with
 * p = events / n per cell:
 *
 *   estimate = (pTA - pTB) - (pCA - pCB)
 *   se       = √( Σ_cells p(1 - p) / n )
 *   CI       = estimate ± z_{1-α/2} · se,   pValue = 2·Φ(-|estimate / se|)
 *
 * This is the Wald interval for a linear contrast of independent binomial
 * proportions (the same estimator as the interaction coefficient of a linear
 * probability model with group × period terms on the cell data; see e.g.
 * J. D. Angrist & J.-S. Pischke, "Mostly Harmless Econometrics", Princeton
 * 2009, ch. 5). It assumes encounters are independent and that the two
 * groups would have moved in parallel without the program; it does not
 * account for clustering by area or serial correlation, so treat the
 * interval as a lower bound on the uncertainty. Cells with a proportion of 0
 * or 1 add no variance, so small cells make it optimistic.
 *
 * @returns null when any cell has n = 0
 * @throws RangeError for negative or non-finite counts, events > n, or a
 *   confidence outside (0, 1)
 */
export function differenceInDifferences(
  cells: DifferenceInDifferencesCells<EventsOutOf>,
  confidence = 0.95,
): ProportionDifferenceInDifferences | null {
  const { treatedBefore, treatedAfter, comparisonBefore, comparisonAfter } =
    cells;
  const all = [treatedBefore, treatedAfter, comparisonBefore, comparisonAfter];
  for (const [index, cell] of all.entries()) {
    assertEventsOutOf(
      `differenceInDifferences cell ${index}`,
      cell.events,
      cell.n,
    );
  }
  const zCritical = zForConfidence(confidence);
  if (all.some((cell) => cell.n === 0)) return null;

  const proportion = (cell: EventsOutOf): number => cell.events / cell.n;
  const variance = (cell: EventsOutOf): number => {
    const p = proportion(cell);
    return (p * (1 - p)) / cell.n;
  };

  const treatedChange = proportion(treatedAfter) - proportion(treatedBefore);
  const comparisonChange =
    proportion(comparisonAfter) - proportion(comparisonBefore);
  const estimate = treatedChange - comparisonChange;
  const se = Math.sqrt(all.reduce((sum, cell) => sum + variance(cell), 0));
  const { z, pValue } = waldTest(estimate, se);

  return {
    estimate,
    treatedChange,
    comparisonChange,
    se,
    lower: estimate - zCritical * se,
    upper: estimate + zCritical * se,
    z,
    pValue,
  };
}

/** `events` counted over `exposure` (person-time, population, or 1 for a plain count in equal windows). */
export interface EventsOverExposure {
  events: number;
  exposure: number;
}

export interface RateRatioDifferenceInDifferences {
  /**
   * ratio of rate ratios, (rTA / rTB) / (rCA / rCB): 0.66 means the program
   * areas' rate ended 34% lower than the comparison areas' trend predicts
   */
  ratio: number;
  /** rTA / rTB */
  treatedRatio: number;
  /** rCA / rCB */
  comparisonRatio: number;
  lower: number;
  upper: number;
  /** two-sided p-value of the Wald test of ln(ratio) = 0 */
  pValue: number;
  /** standard error of ln(ratio) */
  standardError: number;
  /** true when a count was 0 and 0.5 was added to all four counts */
  continuityCorrected: boolean;
}

/**
 * Relative difference-in-differences for counts or rates: the ratio of the
 * program areas' before/after rate ratio to the comparison areas' one, with a
 * log-normal interval. With independent Poisson counts a, b, c, d in the four
 * cells (rate = events / exposure):
 *
 *   RRR = (rTA / rTB) / (rCA / rCB)
 *   SE(ln RRR) = √(1/a + 1/b + 1/c + 1/d)
 *   CI = exp( ln RRR ± z_{1-α/2} · SE ),   pValue = 2·Φ(-|ln RRR / SE|)
 *
 * This is the interaction (ratio of rate ratios) of D. G. Altman &
 * J. M. Bland, "Interaction revisited: the difference between two estimates",
 * BMJ 326 (2003) 219, applied to two Poisson rate ratios, and equals the
 * group × period coefficient of a Poisson regression on the four cells. It
 * states the effect the way Dee & Pyne (Science Advances 2022) state Denver
 * STAR's, as a percentage change: ratio - 1 = -0.34 is "34% fewer".
 * Over-dispersion and clustering by area are not modelled, so the interval
 * is a lower bound on the uncertainty.
 *
 * Zeros: when any count is 0, 0.5 is added to all four counts and every
 * returned number comes from the corrected counts (`continuityCorrected`).
 * When one group has no events in either window its own rate ratio is 0/0,
 * and the result is null.
 *
 * @throws RangeError for negative or non-finite counts, exposures <= 0, or a
 *   confidence outside (0, 1)
 */
export function rateRatioDifferenceInDifferences(
  cells: DifferenceInDifferencesCells<EventsOverExposure>,
  confidence = 0.95,
): RateRatioDifferenceInDifferences | null {
  const { treatedBefore, treatedAfter, comparisonBefore, comparisonAfter } =
    cells;
  const all = [treatedBefore, treatedAfter, comparisonBefore, comparisonAfter];
  for (const [index, cell] of all.entries()) {
    assertCount(
      `rateRatioDifferenceInDifferences cell ${index} events`,
      cell.events,
    );
    assertExposure(
      `rateRatioDifferenceInDifferences cell ${index} exposure`,
      cell.exposure,
    );
  }
  const zCritical = zForConfidence(confidence);
  if (
    (treatedBefore.events === 0 && treatedAfter.events === 0) ||
    (comparisonBefore.events === 0 && comparisonAfter.events === 0)
  ) {
    return null;
  }

  const continuityCorrected = all.some((cell) => cell.events === 0);
  const count = (cell: EventsOverExposure): number =>
    continuityCorrected ? cell.events + 0.5 : cell.events;
  const logRate = (cell: EventsOverExposure): number =>
    Math.log(count(cell) / cell.exposure);

  const logTreatedRatio = logRate(treatedAfter) - logRate(treatedBefore);
  const logComparisonRatio =
    logRate(comparisonAfter) - logRate(comparisonBefore);
  const logRatio = logTreatedRatio - logComparisonRatio;
  const standardError = Math.sqrt(
    all.reduce((sum, cell) => sum + 1 / count(cell), 0),
  );
  const { pValue } = waldTest(logRatio, standardError);

  return {
    ratio: Math.exp(logRatio),
    treatedRatio: Math.exp(logTreatedRatio),
    comparisonRatio: Math.exp(logComparisonRatio),
    lower: Math.exp(logRatio - zCritical * standardError),
    upper: Math.exp(logRatio + zCritical * standardError),
    pValue,
    standardError,
    continuityCorrected,
  };
}
