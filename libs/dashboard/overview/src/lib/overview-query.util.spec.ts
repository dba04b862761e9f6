import { describe, expect, it } from 'vitest';

import {
  OVERVIEW_KPIS,
  overviewVariables,
  sparklineMonths,
} from './overview-query.util';

describe('overviewVariables', () => {
  it('compares every KPI with an explicit whole-month baseline and asks for 24 months of trend', () => {
    const variables = overviewVariables({
      period: { from: '2025-01', to: '2025-12' },
      baseline: { from: '2024-01', to: '2024-12' },
      firstMonth: '2023-01',
      timeZone: 'America/Chicago',
      filters: { responseModels: ['co_responder'] },
    });
    expect(Object.keys(variables)).toEqual([
      'comparison',
      ...OVERVIEW_KPIS.map((k) => k.metric),
    ]);
    expect(variables.comparison).toEqual({
      metrics: OVERVIEW_KPIS.map((k) => k.metric),
      from: '2025-01-01T06:00:00.000Z',
      to: '2026-01-01T06:00:00.000Z',
      baselineFrom: '2024-01-01T06:00:00.000Z',
      baselineTo: '2025-01-01T06:00:00.000Z',
      filters: { responseModels: ['co_responder'] },
    });
    expect(variables.arrest_rate).toEqual({
      metric: 'arrest_rate',
      grain: 'month',
      from: '2024-01-01T06:00:00.000Z',
      to: '2026-01-01T06:00:00.000Z',
      filters: { responseModels: ['co_responder'] },
    });
  });

  it('lets the API pick the baseline when there is none in the data', () => {
    const variables = overviewVariables({
      period: { from: '2023-01', to: '2023-06' },
      baseline: null,
      firstMonth: '2023-01',
      timeZone: 'UTC',
      filters: {},
    });
    expect(variables.comparison).not.toHaveProperty('baselineFrom');
    expect(variables.bh_call_volume.from).toBe('2023-01-01T00:00:00.000Z');
  });
});

describe('sparklineMonths', () => {
  it('shows 24 months, never before the data', () => {
    expect(sparklineMonths('2025-12', '2023-01')).toEqual({
      from: '2024-01',
      to: '2025-12',
    });
    expect(sparklineMonths('2023-06', '2023-01')).toEqual({
      from: '2023-01',
      to: '2023-06',
    });
  });
});
