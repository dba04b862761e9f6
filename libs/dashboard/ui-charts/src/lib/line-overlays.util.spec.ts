import { describe, expect, it } from 'vitest';

import { bandExtent, markerX, tickValues } from './line-overlays.util';

const input = {
  periods: ['2023-11', '2023-12', '2024-01', '2024-02'],
  positions: [0, 100, 200, 300],
  innerWidth: 300,
};

describe('bandExtent', () => {
  it('covers its periods by half a step each side, clipped to the chart', () => {
    expect(bandExtent(input, '2023-01', '2023-12')).toEqual({ x0: 0, x1: 150 });
    expect(bandExtent(input, '2024-01', '2024-01')).toEqual({
      x0: 150,
      x1: 250,
    });
  });

  it('is absent when no period falls inside', () => {
    expect(bandExtent(input, '2022-01', '2022-12')).toBeNull();
  });
});

describe('markerX', () => {
  it('marks the boundary before the start period', () => {
    expect(markerX(input, '2024-01')).toBe(150);
    expect(markerX(input, '2023-11')).toBe(0);
    expect(markerX(input, '2025-01')).toBeNull();
  });
});

describe('tickValues', () => {
  it('thins labels to fit', () => {
    const months = Array.from({ length: 24 }, (_, i) => i);
    expect(tickValues(months, 10)).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
    expect(tickValues(months.slice(0, 5), 10)).toEqual([0, 1, 2, 3, 4]);
  });
});
