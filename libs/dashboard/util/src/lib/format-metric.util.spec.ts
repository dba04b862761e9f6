import { describe, expect, it } from 'vitest';

import {
  changeScaleOf,
  formatAxisValue,
  formatChange,
  formatCount,
  formatDifference,
  formatInterval,
  formatMetricValue,
  formatPValue,
} from './format-metric.util';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [50000, '50,000'],
    [1234567, '1,234,567'],
  ])('formats %d as %s', (value, expected) => {
    expect(formatCount(value)).toBe(expected);
  });
});

describe('formatMetricValue', () => {
  it.each([
    [0.0965, 'percent', '9.7%'],
    [17312, 'encounters', '17,312'],
    [9.5, 'minutes', '9.5 min'],
    [9, 'minutes', '9 min'],
    [22415.5, 'hours', '22,416 h'],
    [1234.4, 'dollars', '$1,234'],
    [null, 'percent', '–'],
  ] as const)('formats %s %s as %s', (value, unit, expected) => {
    expect(formatMetricValue(value, unit)).toBe(expected);
  });

  it('shortens axis labels', () => {
    expect(formatAxisValue(0.125, 'percent')).toBe('12.5%');
    expect(formatAxisValue(17312, 'encounters')).toBe('17.3k');
    expect(formatAxisValue(1500, 'encounters')).toBe('1,500');
  });
});

describe('changes', () => {
  it('measures rates in points and counts relatively', () => {
    expect(changeScaleOf('percent')).toBe('points');
    expect(changeScaleOf('encounters')).toBe('relative');
    expect(formatChange(0.0106, 'points')).toBe('+1.1 pts');
    expect(formatChange(-0.0003, 'points')).toBe('0.0 pts');
    expect(formatChange(-0.0401, 'relative')).toBe('\u22124.0%');
  });

  it('writes the interval and the p-value plainly', () => {
    expect(formatInterval(0.0001, 0.0211, 'points')).toBe(
      '95% CI 0.0 to +2.1 pts',
    );
    expect(formatPValue(0.00028)).toBe('p < 0.001');
    expect(formatPValue(0.0478)).toBe('p = 0.048');
    expect(formatPValue(0.63)).toBe('p = 0.63');
  });

  it('writes a difference in the unit', () => {
    expect(formatDifference(623, 'encounters')).toBe('+623');
    expect(formatDifference(-1.5, 'minutes')).toBe('\u22121.5 min');
    expect(formatDifference(0, 'minutes')).toBe('0 min');
  });
});
