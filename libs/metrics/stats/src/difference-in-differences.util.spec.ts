import {
  differenceInDifferences,
  rateRatioDifferenceInDifferences,
} from './difference-in-differences.util';
import { poissonRateRatio } from './poisson-rate-ratio.util';

describe('differenceInDifferences (proportions)', () => {
  // Worked by hand from the formula in the function's documentation:
  //   pTB = 120/400 = 0.30, pTA = 75/300 = 0.25,
  //   pCB =  90/300 = 0.30, pCA = 112/400 = 0.28
  //   estimate = (0.25 - 0.30) - (0.28 - 0.30) = -0.05 + 0.02 = -0.03
  //   variances: 0.30·0.70/400 = 0.000525, 0.25·0.75/300 = 0.000625,
  //              0.30·0.70/300 = 0.000700, 0.28·0.72/400 = 0.000504
  //   se = √0.002354 = 0.048518
  //   95% CI = -0.03 ± 1.959964 · 0.048518 = (-0.125094, 0.065094)
  //   z = -0.03 / 0.048518 = -0.618327, p = 2·Φ(-0.618327) = 0.536360
  const cells = {
    treatedBefore: { events: 120, n: 400 },
    treatedAfter: { events: 75, n: 300 },
    comparisonBefore: { events: 90, n: 300 },
    comparisonAfter: { events: 112, n: 400 },
  };

  it('matches the hand-computed example', () => {
    const result = differenceInDifferences(cells);
    expect(result?.treatedChange).toBeCloseTo(-0.05, 12);
    expect(result?.comparisonChange).toBeCloseTo(-0.02, 12);
    expect(result?.estimate).toBeCloseTo(-0.03, 12);
    expect(result?.se).toBeCloseTo(Math.sqrt(0.002354), 12);
    expect(result?.se).toBeCloseTo(0.048518, 6);
    expect(result?.lower).toBeCloseTo(-0.125094, 6);
    expect(result?.upper).toBeCloseTo(0.065094, 6);
    expect(result?.z).toBeCloseTo(-0.618327, 6);
    expect(result?.pValue).toBeCloseTo(0.53636, 5);
  });

  it('changes sign when the groups are swapped', () => {
    const swapped = differenceInDifferences({
      treatedBefore: cells.comparisonBefore,
      treatedAfter: cells.comparisonAfter,
      comparisonBefore: cells.treatedBefore,
      comparisonAfter: cells.treatedAfter,
    });
    expect(swapped?.estimate).toBeCloseTo(0.03, 12);
    expect(swapped?.pValue).toBeCloseTo(0.53636, 5);
  });

  it('handles degenerate cells where every proportion is 0 or 1', () => {
    const none = { events: 0, n: 10 };
    const all = { events: 10, n: 10 };
    expect(
      differenceInDifferences({
        treatedBefore: none,
        treatedAfter: none,
        comparisonBefore: none,
        comparisonAfter: none,
      }),
    ).toMatchObject({ estimate: 0, se: 0, z: 0, pValue: 1 });
    expect(
      differenceInDifferences({
        treatedBefore: none,
        treatedAfter: all,
        comparisonBefore: none,
        comparisonAfter: none,
      }),
    ).toMatchObject({ estimate: 1, se: 0, pValue: 0, lower: 1, upper: 1 });
  });

  it('returns null when any cell has no encounters', () => {
    expect(
      differenceInDifferences({
        ...cells,
        comparisonAfter: { events: 0, n: 0 },
      }),
    ).toBeNull();
  });

  it('rejects impossible counts', () => {
    expect(() =>
      differenceInDifferences({ ...cells, treatedAfter: { events: 5, n: 4 } }),
    ).toThrow(RangeError);
  });
});

describe('rateRatioDifferenceInDifferences', () => {
  // Worked by hand: counts over equal 12-month windows
  //   treated 200 -> 150 (rate ratio 0.75), comparison 100 -> 110 (1.1)
  //   ratio of rate ratios = 0.75 / 1.1 = 0.681818
  //   SE(ln) = √(1/200 + 1/150 + 1/100 + 1/110) = √0.0307576 = 0.175378
  //   95% CI = exp(ln 0.681818 ± 1.959964 · 0.175378) = (0.483489, 0.961504)
  //   z = -0.382992 / 0.175378 = -2.183805, p = 0.028977
  const cells = {
    treatedBefore: { events: 200, exposure: 12 },
    treatedAfter: { events: 150, exposure: 12 },
    comparisonBefore: { events: 100, exposure: 12 },
    comparisonAfter: { events: 110, exposure: 12 },
  };

  it('matches the hand-computed example', () => {
    const result = rateRatioDifferenceInDifferences(cells);
    expect(result?.treatedRatio).toBeCloseTo(0.75, 12);
    expect(result?.comparisonRatio).toBeCloseTo(1.1, 12);
    expect(result?.ratio).toBeCloseTo(0.681818, 6);
    expect(result?.standardError).toBeCloseTo(0.175378, 6);
    expect(result?.lower).toBeCloseTo(0.483489, 6);
    expect(result?.upper).toBeCloseTo(0.961504, 6);
    expect(result?.pValue).toBeCloseTo(0.028977, 6);
    expect(result?.continuityCorrected).toBe(false);
  });

  it('combines the two rate ratios as Altman & Bland (BMJ 2003;326:219) do', () => {
    // Interaction = ratio of the two estimates, SE of its log =
    // √(SE1² + SE2²) where SE1, SE2 are the SEs of the two log rate ratios.
    const treated = poissonRateRatio(150, 12, 200, 12);
    const comparison = poissonRateRatio(110, 12, 100, 12);
    const result = rateRatioDifferenceInDifferences(cells);
    expect(result?.ratio).toBeCloseTo(
      (treated?.ratio ?? 0) / (comparison?.ratio ?? 1),
      12,
    );
    expect(result?.standardError).toBeCloseTo(
      Math.hypot(treated?.standardError ?? 0, comparison?.standardError ?? 0),
      12,
    );
  });

  it('uses the exposures to turn counts into rates', () => {
    // Baseline window half as long: treated rates 200/6 -> 150/12, ratio 0.375.
    const result = rateRatioDifferenceInDifferences({
      ...cells,
      treatedBefore: { events: 200, exposure: 6 },
    });
    expect(result?.treatedRatio).toBeCloseTo(0.375, 12);
    expect(result?.ratio).toBeCloseTo(0.375 / 1.1, 12);
  });

  it('adds 0.5 to all four counts when one is zero', () => {
    // 0.5, 5.5, 10.5, 10.5 -> (5.5 / 0.5) / (10.5 / 10.5) = 11,
    // SE = √(2 + 1/5.5 + 2/10.5) = √2.372294 = 1.540225
    const result = rateRatioDifferenceInDifferences({
      treatedBefore: { events: 0, exposure: 1 },
      treatedAfter: { events: 5, exposure: 1 },
      comparisonBefore: { events: 10, exposure: 1 },
      comparisonAfter: { events: 10, exposure: 1 },
    });
    expect(result?.continuityCorrected).toBe(true);
    expect(result?.ratio).toBeCloseTo(11, 12);
    expect(result?.standardError).toBeCloseTo(1.540225, 6);
  });

  it('returns null when a group has no events in either window', () => {
    expect(
      rateRatioDifferenceInDifferences({
        ...cells,
        comparisonBefore: { events: 0, exposure: 12 },
        comparisonAfter: { events: 0, exposure: 12 },
      }),
    ).toBeNull();
  });

  it('rejects negative counts and non-positive exposures', () => {
    expect(() =>
      rateRatioDifferenceInDifferences({
        ...cells,
        treatedAfter: { events: -1, exposure: 12 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      rateRatioDifferenceInDifferences({
        ...cells,
        treatedAfter: { events: 1, exposure: 0 },
      }),
    ).toThrow(RangeError);
  });
});
