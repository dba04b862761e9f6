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
  it('weights hourly medians by responses within each shift', () => {
    const [day, evening, night] = shiftResponseTimes([
      cell(1, 8, 10, 30),
      cell(2, 9, 6, 10),
      cell(1, 16, 12, 5),
      cell(1, 2, null, 0),
    ]);
    expect(day.typicalMedian).toBe(9);
    expect(day.range).toEqual([6, 10]);
    expect(day.responses).toBe(40);
    expect(evening.typicalMedian).toBe(12);
    expect(night).toMatchObject({
      typicalMedian: null,
      range: null,
      responses: 0,
    });
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
