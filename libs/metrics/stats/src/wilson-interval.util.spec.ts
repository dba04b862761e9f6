import { wilsonInterval } from './wilson-interval.util';

describe('wilsonInterval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single
  // proportion: comparison of seven methods", Statistics in Medicine 17
  // (1998) 857-872, Table I, method 3 (score interval without continuity
  // correction), 95%, four decimals. Recomputed independently from Wilson's
  // formula in Python before being pinned here.
  const newcombe1998TableI: Array<[number, number, number, number]> = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1.0],
  ];

  it.each(newcombe1998TableI)(
    'reproduces Newcombe (1998) Table I for %i/%i: (%f, %f)',
    (successes, n, lower, upper) => {
      const interval = wilsonInterval(successes, n);
      expect(interval?.lower).toBeCloseTo(lower, 4);
      expect(interval?.upper).toBeCloseTo(upper, 4);
    },
  );

  it('has exact closed forms at 0 and n successes', () => {
    // x = 0: upper = z² / (n + z²); x = n: lower = n / (n + z²).
    // With z = 1.959964 and n = 10: 3.841459 / 13.841459 = 0.277533.
    expect(wilsonInterval(0, 10)).toEqual({
      lower: 0,
      upper: expect.closeTo(0.277533, 6),
    });
    expect(wilsonInterval(10, 10)).toEqual({
      lower: expect.closeTo(0.722467, 6),
      upper: 1,
    });
  });

  it('is symmetric about 1/2 and narrows with a lower confidence level', () => {
    const half = wilsonInterval(5, 10);
    expect((half?.lower ?? 0) + (half?.upper ?? 0)).toBeCloseTo(1, 12);
    const at90 = wilsonInterval(81, 263, 0.9);
    const at95 = wilsonInterval(81, 263, 0.95);
    expect(at90?.lower).toBeGreaterThan(at95?.lower ?? 1);
    expect(at90?.upper).toBeLessThan(at95?.upper ?? 0);
  });

  it('returns null for n = 0', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('rejects impossible counts and confidence levels', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, Number.NaN)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1.5)).toThrow(RangeError);
  });
});
