import type { HourOfWeekCell } from '@crosswalk/dashboard/data-access';
import { monthIndex, type MonthKey } from '@crosswalk/dashboard/util';

export interface CellValue {
  dayOfWeek: number;
  hour: number;
  value: number | null;
}

/**
 * The share of calls without a specialized responder in each hour of the
 * week: 1 - specialized_response_share, or null where there were no calls
 * whose responder is known.
 */
export function unservedShare(cells: readonly HourOfWeekCell[]): CellValue[] {
  return cells.map((c) => ({
    dayOfWeek: c.dayOfWeek,
    hour: c.hour,
    value: c.denominator && c.value != null ? 1 - c.value : null,
  }));
}

export interface Shift {
  id: 'day' | 'evening' | 'night';
  label: string;
  /** Local hours the shift covers. */
  hours: readonly number[];
}

/** A common three-shift patrol day (8 hours each). */
export const SHIFTS: readonly Shift[] = [
  {
    id: 'day',
    label: 'Day (7 am – 3 pm)',
    hours: [7, 8, 9, 10, 11, 12, 13, 14],
  },
  {
    id: 'evening',
    label: 'Evening (3 – 11 pm)',
    hours: [15, 16, 17, 18, 19, 20, 21, 22],
  },
  {
    id: 'night',
    label: 'Night (11 pm – 7 am)',
    hours: [23, 0, 1, 2, 3, 4, 5, 6],
  },
];

export interface ShiftResponseTime {
  shift: Shift;
  /** Response-weighted mean of the hourly medians, in minutes. */
  typicalMedian: number | null;
  /** Lowest and highest hourly median in the shift. */
  range: [number, number] | null;
  /** Responses with both times known. */
  responses: number;
}

/**
 * Response time by shift from the hour-of-week medians. The API gives a
 * median per hour; a shift's exact median would need the responses
 * themselves, so this is the response-weighted mean of its hourly medians
 * (labelled as such), with the spread of those medians.
 */
export function shiftResponseTimes(
  cells: readonly HourOfWeekCell[],
): ShiftResponseTime[] {
  return SHIFTS.map((shift) => {
    const inShift = cells.filter(
      (c) => shift.hours.includes(c.hour) && c.value != null,
    );
    const responses = inShift.reduce((n, c) => n + (c.numerator ?? 0), 0);
    const values = inShift.map((c) => c.value as number);
    return {
      shift,
      typicalMedian:
        responses > 0
          ? inShift.reduce(
              (sum, c) => sum + (c.value as number) * (c.numerator ?? 0),
              0,
            ) / responses
          : null,
      range: values.length ? [Math.min(...values), Math.max(...values)] : null,
      responses,
    };
  });
}

export interface WeekdayDemand {
  dayOfWeek: number;
  encounters: number;
  /** Share of the week's encounters. */
  share: number;
  /** Encounters per such weekday in the period (e.g. per Monday). */
  perDay: number | null;
}

/** How many Mondays, Tuesdays ... a run of whole months holds (1 = Monday). */
export function weekdayCounts(from: MonthKey, to: MonthKey): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const start = monthIndex(from);
  const end = monthIndex(to) + 1;
  const first = Date.UTC(Math.floor(start / 12), start % 12, 1);
  const last = Date.UTC(Math.floor(end / 12), end % 12, 1);
  for (let t = first; t < last; t += 86_400_000) {
    counts[(new Date(t).getUTCDay() + 6) % 7] += 1;
  }
  return counts;
}

/** Encounters by day of the week, from the hour-of-week counts. */
export function weekdayDemand(
  cells: readonly HourOfWeekCell[],
  period: { from: MonthKey; to: MonthKey },
): WeekdayDemand[] {
  const totals = [0, 0, 0, 0, 0, 0, 0];
  for (const c of cells) totals[c.dayOfWeek - 1] += c.value ?? 0;
  const all = totals.reduce((a, b) => a + b, 0);
  const days = weekdayCounts(period.from, period.to);
  return totals.map((encounters, i) => ({
    dayOfWeek: i + 1,
    encounters,
    share: all ? encounters / all : 0,
    perDay: days[i] ? encounters / days[i] : null,
  }));
}
