import { describe, expect, it } from 'vitest';

import { overviewBatch, sparklineMonths } from './overview-batch.util';

describe('overviewBatch', () => {
  it('compares every KPI with an explicit whole-month baseline and adds a trend each', () => {
    const batch = overviewBatch({
      metrics: ['bh_call_volume', 'arrest_rate'],
      period: { from: '2025-01', to: '2025-12' },
      baseline: { from: '2024-01', to: '2024-12' },
      firstMonth: '2023-01',
      timeZone: 'America/Chicago',
      filters: { responseModels: ['co_responder'] },
    });
    expect(Object.keys(batch)).toEqual(['kpis', 'trend0', 'trend1']);
    expect(batch['kpis']).toEqual({
      op: 'comparison',
      input: {
        metrics: ['bh_call_volume', 'arrest_rate'],
        from: '2025-01-01T06:00:00.000Z',
        to: '2026-01-01T06:00:00.000Z',
        baselineFrom: '2024-01-01T06:00:00.000Z',
        baselineTo: '2025-01-01T06:00:00.000Z',
        filters: { responseModels: ['co_responder'] },
      },
    });
    expect(batch['trend1']).toEqual({
      op: 'metricSeries',
      input: {
        metric: 'arrest_rate',
        grain: 'month',
        from: '2024-01-01T06:00:00.000Z',
        to: '2026-01-01T06:00:00.000Z',
        filters: { responseModels: ['co_responder'] },
      },
    });
  });

  it('lets the API pick the baseline when there is none in the data', () => {
    const batch = overviewBatch({
      metrics: ['arrest_rate'],
      period: { from: '2023-01', to: '2023-06' },
      baseline: null,
      firstMonth: '2023-01',
      timeZone: 'UTC',
      filters: {},
    });
    expect(batch['kpis'].input).not.toHaveProperty('baselineFrom');
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
