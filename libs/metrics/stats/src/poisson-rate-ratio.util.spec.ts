import { poissonRateRatio } from './poisson-rate-ratio.util';

describe('poissonRateRatio', () => {
  it('reproduces Rothman’s cancer-among-the-blind example (90% CI)', () => {
    // K. J. Rothman, "Epidemiology: An Introduction", 2nd ed. (Oxford
    // University Press 2012), ch. 9, Table 9-2 (data of Feychting et al.):
    // 136 cancers in 22,050 person-years among the totally blind vs 1,709 in
    // 127,650 person-years among the severely visually impaired;
    // IRR = 0.46, 90% confidence interval 0.40 to 0.53.
    const result = poissonRateRatio(136, 22050, 1709, 127650, 0.9);
    expect(result?.ratio).toBeCloseTo(0.46, 2);
    expect(result?.lower).toBeCloseTo(0.4, 2);
    expect(result?.upper).toBeCloseTo(0.53, 2);
    expect(result?.continuityCorrected).toBe(false);
    // Unrounded, from the same formula in Python: 0.460690, 0.397890,
    // 0.533402; SE(ln IRR) = √(1/136 + 1/1709) = 0.089096.
    expect(result?.ratio).toBeCloseTo(0.46069, 5);
    expect(result?.lower).toBeCloseTo(0.39789, 5);
    expect(result?.upper).toBeCloseTo(0.533402, 5);
    expect(result?.standardError).toBeCloseTo(0.089096, 6);
  });

  it('gives the 95% interval and a p-value for the same data', () => {
    // exp(ln 0.460690 ± 1.959964 · 0.089096) = (0.386875, 0.548590);
    // z = ln 0.460690 / 0.089096 = -8.699, p = erfc(8.699 / √2) = 3.3535e-18.
    const result = poissonRateRatio(136, 22050, 1709, 127650);
    expect(result?.lower).toBeCloseTo(0.386875, 6);
    expect(result?.upper).toBeCloseTo(0.54859, 5);
    expect(result?.pValue).toBeCloseTo(3.3535e-18, 21);
  });

  it('is 1 with p = 1 when the rates are equal', () => {
    const result = poissonRateRatio(20, 6, 20, 6);
    expect(result).toMatchObject({ ratio: 1, pValue: 1 });
    // SE = √(1/20 + 1/20) = 0.316228; exp(±1.959964 · 0.316228)
    expect(result?.lower).toBeCloseTo(0.538055, 6);
    expect(result?.upper).toBeCloseTo(1.858547, 6);
  });

  it('adds 0.5 to both counts when one count is zero', () => {
    // 0 vs 10 events in equal windows -> 0.5 / 10.5 = 0.047619,
    // SE = √(1/0.5 + 1/10.5) = 1.447494, CI (0.002790, 0.812624),
    // p = 0.035439 (computed by hand from the formula, checked in Python).
    const result = poissonRateRatio(0, 1, 10, 1);
    expect(result?.continuityCorrected).toBe(true);
    expect(result?.ratio).toBeCloseTo(0.047619, 6);
    expect(result?.standardError).toBeCloseTo(1.447494, 6);
    expect(result?.lower).toBeCloseTo(0.00279, 5);
    expect(result?.upper).toBeCloseTo(0.812624, 6);
    expect(result?.pValue).toBeCloseTo(0.035439, 6);
    const reversed = poissonRateRatio(10, 1, 0, 1);
    expect(reversed?.ratio).toBeCloseTo(21, 12);
    expect(Number.isFinite(reversed?.upper)).toBe(true);
  });

  it('returns null when neither group has events', () => {
    expect(poissonRateRatio(0, 12, 0, 12)).toBeNull();
  });

  it('rejects negative counts and non-positive exposures', () => {
    expect(() => poissonRateRatio(-1, 1, 3, 1)).toThrow(RangeError);
    expect(() => poissonRateRatio(1, 0, 3, 1)).toThrow(RangeError);
    expect(() => poissonRateRatio(1, 1, 3, -2)).toThrow(RangeError);
    expect(() => poissonRateRatio(1, 1, 3, 1, 0)).toThrow(RangeError);
  });
});
