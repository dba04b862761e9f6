import { describe, expect, it } from 'vitest';

import { colorFor, colorSteps, extentOf, textOn } from './color-scale.util';

describe('colorSteps', () => {
  it('splits the range into equal classes', () => {
    const steps = colorSteps(0, 30, ['a', 'b', 'c']);
    expect(steps).toEqual([
      { color: 'a', from: 0, to: 10 },
      { color: 'b', from: 10, to: 20 },
      { color: 'c', from: 20, to: 30 },
    ]);
    expect(colorFor(0, steps)).toBe('a');
    expect(colorFor(10, steps)).toBe('b');
    expect(colorFor(30, steps)).toBe('c');
  });

  it('draws a flat range in the middle colour', () => {
    const steps = colorSteps(5, 5, ['a', 'b', 'c']);
    expect(colorFor(5, steps)).toBe('b');
  });
});

describe('extentOf', () => {
  it('ignores missing values', () => {
    expect(extentOf([3, null, 1, undefined, Number.NaN])).toEqual({
      min: 1,
      max: 3,
    });
    expect(extentOf([null])).toBeNull();
  });
});

describe('textOn', () => {
  it('picks white on dark fills and dark text on light ones', () => {
    expect(textOn('#084594')).toBe('#ffffff');
    expect(textOn('#eff3ff')).toBe('#1b2230');
    expect(textOn('#0072B2')).toBe('#ffffff');
  });
});
