import { TZDate } from '@date-fns/tz';

/**
 * A calendar month, 'YYYY-MM', as the API names month periods. The dashboard
 * asks for whole months in the agency's time zone: the API answers those
 * from its rollups, and a month means the same to every reader.
 */
export type MonthKey = string;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: unknown): value is MonthKey {
  return typeof value === 'string' && MONTH_KEY.test(value);
}

/** Months since year 0: makes month arithmetic plain integer arithmetic. */
export function monthIndex(key: MonthKey): number {
  const match = MONTH_KEY.exec(key);
  if (!match) throw new Error(`Not a month: ${JSON.stringify(key)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): MonthKey {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(key: MonthKey, months: number): MonthKey {
  return monthFromIndex(monthIndex(key) + months);
}

/** Months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: MonthKey, to: MonthKey): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** Every month from `from` to `to`, both included. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const start = monthIndex(from);
  return Array.from({ length: monthCount(from, to) }, (_, i) =>
    monthFromIndex(start + i),
  );
}

export function compareMonths(a: MonthKey, b: MonthKey): number {
  return monthIndex(a) - monthIndex(b);
}

/** The instant a month starts in a time zone, as ISO 8601 UTC. */
export function monthStartInstant(key: MonthKey, timeZone: string): string {
  const index = monthIndex(key);
  const year = Math.floor(index / 12);
  const start = new TZDate(year, index - year * 12, 1, timeZone);
  return new Date(start.getTime()).toISOString();
}

/** The month an instant falls in, in a time zone. */
export function monthOf(instant: Date, timeZone: string): MonthKey {
  const local = new TZDate(instant.getTime(), timeZone);
  return monthFromIndex(local.getFullYear() * 12 + local.getMonth());
}

/** The month of a 'yyyy-MM-dd' calendar date. */
export function monthOfDate(date: string): MonthKey {
  const key = date.slice(0, 7);
  if (!isMonthKey(key)) throw new Error(`Not a date: ${JSON.stringify(date)}`);
  return key;
}

/** A month range as whole-month instants [from, to) for the API. */
export function monthSpan(
  from: MonthKey,
  to: MonthKey,
  timeZone: string,
): { from: string; to: string } {
  return {
    from: monthStartInstant(from, timeZone),
    to: monthStartInstant(addMonths(to, 1), timeZone),
  };
}

const MONTH_LONG = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH_SHORT = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH_ONLY = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  timeZone: 'UTC',
});

function utcDate(key: MonthKey): Date {
  const index = monthIndex(key);
  const year = Math.floor(index / 12);
  return new Date(Date.UTC(year, index - year * 12, 1));
}

/** 'January 2024' (long) or 'Jan 2024' (short). */
export function formatMonth(
  key: MonthKey,
  style: 'long' | 'short' = 'short',
): string {
  return (style === 'long' ? MONTH_LONG : MONTH_SHORT).format(utcDate(key));
}

/** 'Jan – Dec 2024', 'Nov 2024 – Feb 2025', or 'March 2024' for one month. */
export function formatMonthRange(from: MonthKey, to: MonthKey): string {
  if (from === to) return formatMonth(from, 'long');
  if (from.slice(0, 4) === to.slice(0, 4)) {
    return `${MONTH_ONLY.format(utcDate(from))} – ${formatMonth(to)}`;
  }
  return `${formatMonth(from)} – ${formatMonth(to)}`;
}
