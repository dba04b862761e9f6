import type {
  HourOfWeekCell,
  MetricPoint,
} from '@crosswalk/dashboard/data-access';
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
  /** The API's `shift` dimension value. */
  id: 'day' | 'evening' | 'night';
  label: string;
}

/** The API's three patrol shifts of local time (8 hours each). */
export const SHIFTS: readonly Shift[] = [
  { id: 'day', label: 'Day (7 am – 3 pm)' },
  { id: 'evening', label: 'Evening (3 – 11 pm)' },
  { id: 'night', label: 'Night (11 pm – 7 am)' },
];

export interface ShiftResponseTime {
  shift: Shift;
  /** Median and 90th percentile minutes from dispatch to arrival. */
  median: number | null;
  p90: number | null;
  /** Responses with both times known. */
  responses: number;
}

/** Response time by shift, in shift order, from the breakdown by `shift`. */
export function shiftResponseTimes(
  points: readonly MetricPoint[],
): ShiftResponseTime[] {
  return SHIFTS.map((shift) => {
    const point = points.find((p) => p.group === shift.id);
    return {
      shift,
      median: point?.percentiles?.[0] ?? null,
      p90: point?.percentiles?.[1] ?? null,
      responses: point?.numerator ?? 0,
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
