import type { HourOfWeekCell } from '@crosswalk/dashboard/data-access';
import { describe, expect, it } from 'vitest';

import {
  shiftResponseTimes,
  unservedShare,
  weekdayCounts,
  weekdayDemand,
} from './staffing.util';

const cell = (
  dayOfWeek: number,
  hour: number,
  value: number | null,
  numerator: number | null = null,
  denominator: number | null = null,
): HourOfWeekCell => ({
  dayOfWeek,
  hour,
  value,
  numerator,
  denominator,
  excluded: 0,
});

describe('unservedShare', () => {
  it('is one minus the specialized share, and unknown without calls', () => {
    expect(
      unservedShare([cell(1, 0, 0.65, 39, 60), cell(1, 1, null, 0, 0)]),
    ).toEqual([
      { dayOfWeek: 1, hour: 0, value: 0.35 },
      { dayOfWeek: 1, hour: 1, value: null },
    ]);
  });
});

describe('shiftResponseTimes', () => {
  it('puts the shift breakdown in shift order, with no responses where a shift has none', () => {
    const point = (group: string, p50: number, p90: number, n: number) => ({
      period: 'total',
      group,
      value: p50,
      numerator: n,
      denominator: null,
      excluded: 0,
      percentiles: [p50, p90],
    });
    const [day, evening, night] = shiftResponseTimes([
      point('night', 12, 24, 7),
      point('day', 10, 14.8, 3),
    ]);
    expect(day).toMatchObject({ median: 10, p90: 14.8, responses: 3 });
    expect(evening).toMatchObject({ median: null, p90: null, responses: 0 });
    expect(night.shift.label).toBe('Night (11 pm – 7 am)');
    expect(night).toMatchObject({ median: 12, p90: 24, responses: 7 });
  });
});

describe('weekdayCounts', () => {
  it('counts the weekdays of whole months', () => {
    // January 2024 starts on a Monday and has 31 days.
    expect(weekdayCounts('2024-01', '2024-01')).toEqual([5, 5, 5, 4, 4, 4, 4]);
    expect(weekdayCounts('2025-01', '2025-12').reduce((a, b) => a + b)).toBe(
      365,
    );
  });
});

describe('weekdayDemand', () => {
  it('adds up hours per day, with shares and per-day averages', () => {
    const demand = weekdayDemand(
      [cell(1, 0, 30), cell(1, 5, 20), cell(7, 3, 50)],
      { from: '2024-01', to: '2024-01' },
    );
    expect(demand[0]).toEqual({
      dayOfWeek: 1,
      encounters: 50,
      share: 0.5,
      perDay: 10,
    });
    expect(demand[6]).toMatchObject({ encounters: 50, perDay: 12.5 });
    expect(demand[2]).toMatchObject({ encounters: 0, share: 0 });
  });
});
