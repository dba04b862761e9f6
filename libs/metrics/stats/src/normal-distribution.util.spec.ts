import {
  normalCdf,
  normalQuantile,
  twoSidedPValue,
  zForConfidence,
} from './normal-distribution.util';

describe('normalCdf', () => {
  it('gives Φ(1.96) = 0.9750021 (the 95% two-sided critical point)', () => {
    // 0.5 * erfc(-1.96 / √2) = 0.97500210485178 (independent check with
    // Python's math.erfc).
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951482205, 12);
  });

  it('matches the NIST/SEMATECH e-Handbook table of the standard normal', () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.1,
    // "Cumulative Distribution Function of the Standard Normal Distribution"
    // (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3671.htm):
    // the table lists Φ(z) - 0.5 to five decimals.
    const table: Array<[number, number]> = [
      [1.0, 0.34134],
      [1.64, 0.4495],
      [2.0, 0.47725],
      [2.58, 0.49506],
      [3.0, 0.49865],
    ];
    for (const [z, area] of table) {
      expect(normalCdf(z) - 0.5).toBeCloseTo(area, 5);
      expect(0.5 - normalCdf(-z)).toBeCloseTo(area, 5);
    }
  });

  it('keeps far-tail probabilities accurate relative to their size', () => {
    // Φ(-5) = 2.866515718791946e-7, Φ(-10) = 7.619853024160593e-24
    // (0.5 * erfc(|z| / √2), computed independently with Python's math.erfc).
    expect(normalCdf(-5) / 2.866515718791946e-7).toBeCloseTo(1, 8);
    expect(normalCdf(-10) / 7.619853024160593e-24).toBeCloseTo(1, 8);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('normalQuantile', () => {
  it('gives the textbook two-sided critical values', () => {
    // Percentage points of the standard normal, e.g. M. Abramowitz &
    // I. A. Stegun, "Handbook of Mathematical Functions" (1964), ch. 26:
    // z(0.975) = 1.959963985, z(0.95) = 1.644853627, z(0.995) = 2.575829304,
    // z(0.99) = 2.326347874, z(0.999) = 3.090232306.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 9);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829304, 9);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326347874, 9);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306, 9);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963985, 9);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is accurate to 1e-7 in the tails', () => {
    // Python statistics.NormalDist().inv_cdf (Wichura's AS 241) gives
    // z(1e-10) = -6.361340902404056 and z(1 - 1e-10) = 6.361340889697421
    // (the latter differs because 1 - 1e-10 is not exact in binary).
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 7);
    expect(normalQuantile(1 - 1e-10)).toBeCloseTo(6.361340889697421, 6);
  });

  it('inverts normalCdf across (0, 1)', () => {
    for (let p = 0.0005; p < 1; p += 0.0173) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
    }
  });

  it('returns infinities at 0 and 1 and rejects p outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('zForConfidence and twoSidedPValue', () => {
  it('maps confidence levels to critical values and back', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963985, 9);
    expect(zForConfidence(0.9)).toBeCloseTo(1.644853627, 9);
    expect(twoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedPValue(-1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedPValue(0)).toBe(1);
    expect(twoSidedPValue(Number.NaN)).toBeNaN();
  });

  it('rejects confidence levels outside (0, 1)', () => {
    expect(() => zForConfidence(0)).toThrow(RangeError);
    expect(() => zForConfidence(1)).toThrow(RangeError);
    expect(() => zForConfidence(95)).toThrow(RangeError);
  });
});
