import {
  compareProportions,
  relativeChange,
  SMALL_SAMPLE_THRESHOLD,
} from './compare-proportions.util';

describe('relativeChange', () => {
  it('is (value - baseline) / baseline', () => {
    expect(relativeChange(66, 100)).toBeCloseTo(-0.34, 12);
    expect(relativeChange(0.3, 0.2)).toBeCloseTo(0.5, 12);
    expect(relativeChange(5, 5)).toBe(0);
  });

  it('is null against a zero baseline', () => {
    expect(relativeChange(3, 0)).toBeNull();
    expect(relativeChange(0, 0)).toBeNull();
  });
});

describe('compareProportions', () => {
  it('bundles the Newcombe (1998) example (a): 56/70 vs 48/80', () => {
    // Newcombe, Stat Med 17 (1998) 873-890, Table II (a): difference 0.2000,
    // hybrid score 95% CI 0.0524 to 0.3339. Wilson intervals per rate and the
    // pooled z (2.650172, p = 0.008045) computed by hand from the formulas.
    const result = compareProportions(
      { events: 56, n: 70 },
      { events: 48, n: 80 },
    );
    expect(result).not.toBeNull();
    expect(result?.value).toBeCloseTo(0.8, 12);
    expect(result?.baseline).toBeCloseTo(0.6, 12);
    expect(result?.change).toBeCloseTo(0.2, 12);
    expect(result?.relativeChange).toBeCloseTo(1 / 3, 12);
    expect(result?.ci.lower).toBeCloseTo(0.0524, 4);
    expect(result?.ci.upper).toBeCloseTo(0.3339, 4);
    // Wilson 56/70: (0.691834, 0.876953); 48/80: (0.490455, 0.700382)
    expect(result?.valueCi.lower).toBeCloseTo(0.691834, 6);
    expect(result?.valueCi.upper).toBeCloseTo(0.876953, 6);
    expect(result?.baselineCi.lower).toBeCloseTo(0.490455, 6);
    expect(result?.baselineCi.upper).toBeCloseTo(0.700382, 6);
    expect(result?.z).toBeCloseTo(2.650172, 6);
    expect(result?.pValue).toBeCloseTo(0.008045, 6);
    expect(result?.significant).toBe(true);
    expect(result?.smallSample).toBe(false);
  });

  it('says not significant and flags small cells', () => {
    // 6/7 vs 2/7 (Newcombe Table II (c)): p = 0.030754 by the pooled z-test
    // (z = 2.160247), but both cells are far below 30 encounters.
    // 30/100 vs 28/100: z = 0.311664, p = 0.755296, not significant.
    const result = compareProportions({ events: 6, n: 7 }, { events: 2, n: 7 });
    expect(result?.pValue).toBeCloseTo(0.030754, 6);
    expect(result?.significant).toBe(true);
    expect(result?.smallSample).toBe(true);
    const flat = compareProportions(
      { events: 30, n: 100 },
      { events: 28, n: 100 },
    );
    expect(flat?.pValue).toBeCloseTo(0.755296, 6);
    expect(flat?.significant).toBe(false);
    expect(flat?.smallSample).toBe(false);
  });

  it('flags small samples strictly below the threshold', () => {
    const at = compareProportions(
      { events: 3, n: SMALL_SAMPLE_THRESHOLD },
      { events: 3, n: 100 },
    );
    expect(at?.smallSample).toBe(false);
    const below = compareProportions(
      { events: 3, n: 100 },
      { events: 3, n: SMALL_SAMPLE_THRESHOLD - 1 },
    );
    expect(below?.smallSample).toBe(true);
  });

  it('reports a null relative change against a zero baseline rate', () => {
    const result = compareProportions(
      { events: 4, n: 50 },
      { events: 0, n: 50 },
    );
    expect(result?.relativeChange).toBeNull();
    expect(result?.baselineCi.lower).toBe(0);
  });

  it('uses the confidence level for significance', () => {
    // 56/70 vs 48/80 has p = 0.008: significant at 95% and 99%, not at 99.9%.
    const current = { events: 56, n: 70 };
    const baseline = { events: 48, n: 80 };
    expect(compareProportions(current, baseline, 0.99)?.significant).toBe(true);
    expect(compareProportions(current, baseline, 0.999)?.significant).toBe(
      false,
    );
  });

  it('returns null when either window has no encounters', () => {
    expect(
      compareProportions({ events: 0, n: 0 }, { events: 3, n: 40 }),
    ).toBeNull();
    expect(
      compareProportions({ events: 3, n: 40 }, { events: 0, n: 0 }),
    ).toBeNull();
  });
});
