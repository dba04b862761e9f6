import { describe, expect, it } from 'vitest';

import { formatCount } from './format-count.util';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [50000, '50,000'],
    [1234567, '1,234,567'],
  ])('formats %d as %s', (count, expected) => {
    expect(formatCount(count)).toBe(expected);
  });
});
