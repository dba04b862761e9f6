import { describe, expect, it } from 'vitest';

import { toDataExtent } from './use-metric-queries';

describe('toDataExtent', () => {
  const point = (period: string, value: number) => ({
    period,
    group: 'all',
    value,
    numerator: value,
    denominator: null,
    excluded: 0,
    percentiles: null,
  });

  it('finds the first and last months with encounters', () => {
    expect(
      toDataExtent(
        [point('2023-01', 0), point('2023-02', 5), point('2025-12', 9)],
        '2026-11',
      ),
    ).toEqual({
      firstMonth: '2023-02',
      lastMonth: '2025-12',
      currentMonth: '2026-11',
    });
  });

  it('has no months without encounters', () => {
    expect(toDataExtent([], '2026-11')).toEqual({
      firstMonth: null,
      lastMonth: null,
      currentMonth: '2026-11',
    });
  });
});
