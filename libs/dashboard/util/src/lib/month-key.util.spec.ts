import { describe, expect, it } from 'vitest';

import {
  addMonths,
  formatMonthRange,
  isMonthKey,
  monthCount,
  monthOf,
  monthOfDate,
  monthRange,
  monthSpan,
  monthStartInstant,
} from './month-key.util';

describe('month arithmetic', () => {
  it('adds months across years both ways', () => {
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2024-01', -24)).toBe('2022-01');
  });

  it('counts and lists months inclusively', () => {
    expect(monthCount('2024-01', '2024-12')).toBe(12);
    expect(monthCount('2024-05', '2024-04')).toBe(0);
    expect(monthRange('2024-11', '2025-02')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonthKey('2024-01')).toBe(true);
    expect(isMonthKey('2024-13')).toBe(false);
    expect(isMonthKey('2024-1')).toBe(false);
    expect(isMonthKey(202401)).toBe(false);
  });
});

describe('months in a time zone', () => {
  it('starts a Chicago month at local midnight, in and out of DST', () => {
    expect(monthStartInstant('2024-01', 'America/Chicago')).toBe(
      '2024-01-01T06:00:00.000Z',
    );
    expect(monthStartInstant('2024-07', 'America/Chicago')).toBe(
      '2024-07-01T05:00:00.000Z',
    );
  });

  it('spans whole months, the end exclusive', () => {
    expect(monthSpan('2025-01', '2025-12', 'America/Chicago')).toEqual({
      from: '2025-01-01T06:00:00.000Z',
      to: '2026-01-01T06:00:00.000Z',
    });
  });

  it('finds the local month of an instant', () => {
    // 04:59 UTC on July 1st is still June 30th in Chicago.
    expect(monthOf(new Date('2024-07-01T04:59:00Z'), 'America/Chicago')).toBe(
      '2024-06',
    );
    expect(monthOfDate('2024-01-15')).toBe('2024-01');
  });
});

describe('formatMonthRange', () => {
  it('names one month in full and shortens ranges', () => {
    expect(formatMonthRange('2025-12', '2025-12')).toBe('December 2025');
    expect(formatMonthRange('2024-01', '2024-12')).toBe('Jan – Dec 2024');
    expect(formatMonthRange('2024-11', '2025-02')).toBe('Nov 2024 – Feb 2025');
  });
});
