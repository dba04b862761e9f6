import { describe, expect, it } from 'vitest';

import {
  type DashboardFilters,
  dataMonths,
  parseFilters,
  resolvePeriod,
  toMetricFilters,
  writeFilters,
} from './dashboard-filters.util';

const PROGRAM = '4e8ba2c3-260f-42bc-ba40-3c076a2a5a95';
const AREA = '71b8b9d1-3ee2-4143-b919-18b0144b4938';
const data = { first: '2023-01', last: '2025-12' };
const program = { name: 'Central Co-Responder Team', month: '2024-01' };

describe('parseFilters / writeFilters', () => {
  it('round-trips every filter through the query string', () => {
    const filters: DashboardFilters = {
      period: 'custom',
      from: '2024-03',
      to: '2024-08',
      program: PROGRAM,
      area: AREA,
      responseModel: 'co_responder',
      callOrigin: '988',
    };
    const params = writeFilters(filters);
    expect(params.toString()).toBe(
      `period=custom&from=2024-03&to=2024-08&program=${PROGRAM}&area=${AREA}&model=co_responder&origin=988`,
    );
    expect(parseFilters(params)).toEqual(filters);
  });

  it('leaves defaults out and keeps parameters that are not filters', () => {
    const params = writeFilters(
      { period: 'last-12-months' },
      new URLSearchParams('by=area&model=police_only'),
    );
    expect(params.toString()).toBe('by=area');
  });

  it('drops what it cannot read', () => {
    expect(
      parseFilters(
        new URLSearchParams(
          'period=forever&program=1;drop&area=x&model=swat&origin=999',
        ),
      ),
    ).toEqual({ period: 'last-12-months' });
    expect(
      parseFilters(new URLSearchParams('period=custom&from=2024-13')),
    ).toEqual({ period: 'last-12-months' });
  });

  it('orders a reversed custom range', () => {
    expect(
      parseFilters(
        new URLSearchParams('period=custom&from=2025-02&to=2024-11'),
      ),
    ).toEqual({ period: 'custom', from: '2024-11', to: '2025-02' });
  });
});

describe('toMetricFilters', () => {
  it('maps the view to API filters', () => {
    expect(
      toMetricFilters({
        period: 'last-month',
        program: PROGRAM,
        area: AREA,
        responseModel: 'mobile_crisis',
        callOrigin: '911',
      }),
    ).toEqual({
      programId: PROGRAM,
      areaIds: [AREA],
      responseModels: ['mobile_crisis'],
      callOrigins: ['911'],
    });
    expect(toMetricFilters({ period: 'last-month' })).toEqual({});
  });
});

describe('dataMonths', () => {
  it('never reports the month in progress', () => {
    expect(
      dataMonths({
        firstMonth: '2023-01',
        lastMonth: '2026-11',
        currentMonth: '2026-11',
      }),
    ).toEqual({ first: '2023-01', last: '2026-10' });
    expect(
      dataMonths({
        firstMonth: '2023-01',
        lastMonth: '2025-12',
        currentMonth: '2026-11',
      }),
    ).toEqual({ first: '2023-01', last: '2025-12' });
  });

  it('is null without encounters', () => {
    expect(
      dataMonths({
        firstMonth: null,
        lastMonth: null,
        currentMonth: '2026-11',
      }),
    ).toBeNull();
    expect(
      dataMonths({
        firstMonth: '2026-11',
        lastMonth: '2026-11',
        currentMonth: '2026-11',
      }),
    ).toBeNull();
  });
});

describe('resolvePeriod', () => {
  it('anchors "last month" and "last quarter" on the data', () => {
    expect(resolvePeriod({ period: 'last-month' }, data)).toMatchObject({
      from: '2025-12',
      to: '2025-12',
      label: 'December 2025',
      baseline: { from: '2025-11', to: '2025-11', label: 'November 2025' },
      baselineShort: false,
    });
    expect(
      resolvePeriod({ period: 'last-quarter' }, { ...data, last: '2025-11' }),
    ).toMatchObject({
      from: '2025-07',
      to: '2025-09',
      label: 'Q3 2025 (Jul – Sep 2025)',
      baseline: { from: '2025-04', to: '2025-06' },
    });
  });

  it('compares the last 12 months with the 12 before', () => {
    expect(resolvePeriod({ period: 'last-12-months' }, data)).toMatchObject({
      from: '2025-01',
      to: '2025-12',
      label: 'Last 12 months (Jan – Dec 2025)',
      baseline: { from: '2024-01', to: '2024-12' },
    });
  });

  it('counts program windows from the start and compares with the months before', () => {
    expect(
      resolvePeriod({ period: 'program-12' }, data, program),
    ).toMatchObject({
      from: '2024-01',
      to: '2024-12',
      label: 'First 12 months of Central Co-Responder Team (Jan – Dec 2024)',
      baseline: { from: '2023-01', to: '2023-12' },
      baselineShort: false,
    });
  });

  it('clips the baseline to the data and says so', () => {
    expect(
      resolvePeriod({ period: 'program-24' }, data, program),
    ).toMatchObject({
      from: '2024-01',
      to: '2025-12',
      baseline: { from: '2023-01', to: '2023-12' },
      baselineShort: true,
    });
  });

  it('stops a window where the data stops', () => {
    expect(
      resolvePeriod(
        { period: 'program-24' },
        { ...data, last: '2025-03' },
        program,
      ),
    ).toMatchObject({ to: '2025-03', requestedTo: '2025-12' });
  });

  it('has no baseline when the period starts with the data', () => {
    expect(
      resolvePeriod({ period: 'custom', from: '2023-01', to: '2023-06' }, data),
    ).toMatchObject({ baseline: null, label: 'Jan – Jun 2023' });
  });

  it('falls back to the last 12 months without a program', () => {
    expect(resolvePeriod({ period: 'program-6' }, data)).toMatchObject({
      preset: 'last-12-months',
      from: '2025-01',
    });
  });
});
