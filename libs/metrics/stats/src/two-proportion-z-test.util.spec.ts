import { twoProportionZTest } from './two-proportion-z-test.util';

describe('twoProportionZTest', () => {
  // R. G. Newcombe, "Interval estimation for the difference between
  // independent proportions: comparison of eleven methods", Statistics in
  // Medicine 17 (1998) 873-890, Table II: 95% intervals for p1 - p2 from
  // method 10 (hybrid score, no continuity correction), four decimals.
  // Every row was recomputed independently in Python before being pinned.
  const newcombe1998TableII: Array<
    [string, number, number, number, number, number, number]
  > = [
    ['(a)', 56, 70, 48, 80, 0.0524, 0.3339],
    ['(b)', 9, 10, 3, 10, 0.1705, 0.809],
    ['(c)', 6, 7, 2, 7, 0.0582, 0.8062],
    ['(d)', 5, 56, 0, 29, -0.0381, 0.1926],
    ['(e)', 0, 10, 0, 20, -0.1611, 0.2775],
    ['(f)', 0, 10, 0, 10, -0.2775, 0.2775],
    ['(g)', 10, 10, 0, 20, 0.6791, 1.0],
    ['(h)', 10, 10, 0, 10, 0.6075, 1.0],
  ];

  it.each(newcombe1998TableII)(
    'ci reproduces Newcombe (1998) Table II %s: %i/%i - %i/%i',
    (_label, x1, n1, x2, n2, lower, upper) => {
      const result = twoProportionZTest(x1, n1, x2, n2);
      expect(result?.ci.lower).toBeCloseTo(lower, 4);
      expect(result?.ci.upper).toBeCloseTo(upper, 4);
    },
  );

  it('waldCi reproduces the Wald column (method 1) of Newcombe Table II', () => {
    // (a) 0.0575 to 0.3425, (b) 0.2605 to 0.9395, (d) 0.0146 to 0.1640.
    const a = twoProportionZTest(56, 70, 48, 80);
    expect(a?.waldCi.lower).toBeCloseTo(0.0575, 4);
    expect(a?.waldCi.upper).toBeCloseTo(0.3425, 4);
    const b = twoProportionZTest(9, 10, 3, 10);
    expect(b?.waldCi.lower).toBeCloseTo(0.2605, 4);
    expect(b?.waldCi.upper).toBeCloseTo(0.9395, 4);
    const d = twoProportionZTest(5, 56, 0, 29);
    expect(d?.waldCi.lower).toBeCloseTo(0.0146, 4);
    expect(d?.waldCi.upper).toBeCloseTo(0.164, 4);
  });

  it('reproduces the Physicians’ Health Study aspirin example', () => {
    // A. Agresti, "An Introduction to Categorical Data Analysis", 2nd ed.
    // (Wiley 2007), section 2.2 (Table 2.3): myocardial infarction in 189 of
    // 11,034 physicians on placebo and 104 of 11,037 on aspirin;
    // p1 = 0.0171, p2 = 0.0094, Wald 95% CI for the difference (0.005, 0.011).
    // The pooled z-test equals Pearson's X² without continuity correction:
    // X² = 25.01 (R: prop.test(c(189, 104), c(11034, 11037), correct = FALSE)
    // prints X-squared = 25.014, p-value = 5.692e-07).
    const result = twoProportionZTest(189, 11034, 104, 11037);
    expect(result?.p1).toBeCloseTo(0.0171, 4);
    expect(result?.p2).toBeCloseTo(0.0094, 4);
    expect(result?.waldCi.lower).toBeCloseTo(0.005, 3);
    expect(result?.waldCi.upper).toBeCloseTo(0.011, 3);
    expect((result?.z ?? 0) ** 2).toBeCloseTo(25.014, 3);
    expect(result?.pValue).toBeCloseTo(5.692e-7, 9);
  });

  it('uses the pooled standard error for the test', () => {
    // 56/70 vs 48/80: p̄ = 104/150, SE = √(p̄(1 - p̄)(1/70 + 1/80)) = 0.075467,
    // z = 0.2 / 0.075467 = 2.650172, two-sided p = 0.008045.
    const result = twoProportionZTest(56, 70, 48, 80);
    expect(result?.difference).toBeCloseTo(0.2, 12);
    expect(result?.standardError).toBeCloseTo(0.075467, 6);
    expect(result?.z).toBeCloseTo(2.650172, 6);
    expect(result?.pValue).toBeCloseTo(0.008045, 6);
  });

  it('returns z = 0 and p = 1 when both proportions are 0 or both are 1', () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toMatchObject({
      difference: 0,
      z: 0,
      pValue: 1,
    });
    expect(twoProportionZTest(12, 12, 30, 30)).toMatchObject({
      difference: 0,
      z: 0,
      pValue: 1,
    });
  });

  it('returns null when either group has no encounters', () => {
    expect(twoProportionZTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionZTest(3, 10, 0, 0)).toBeNull();
  });

  it('rejects impossible counts', () => {
    expect(() => twoProportionZTest(11, 10, 3, 10)).toThrow(RangeError);
    expect(() => twoProportionZTest(1, 10, -3, 10)).toThrow(RangeError);
  });
});
