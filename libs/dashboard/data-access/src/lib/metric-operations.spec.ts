import { describe, expect, it } from 'vitest';

import { metricBatchQuery } from './metric-operations';
import { toDataExtent } from './use-metric-queries';

const span = {
  from: '2025-01-01T06:00:00.000Z',
  to: '2026-01-01T06:00:00.000Z',
};

describe('metricBatchQuery', () => {
  it('asks every question under its alias with typed variables', () => {
    const { query, variables } = metricBatchQuery({
      kpis: { op: 'comparison', input: { metrics: ['arrest_rate'], ...span } },
      arrest: {
        op: 'metricSeries',
        input: { metric: 'arrest_rate', grain: 'month', ...span },
      },
      grid: { op: 'hourOfWeek', input: { metric: 'bh_call_volume', ...span } },
    });

    expect(query).toContain(
      'query MetricBatch($kpis: ComparisonInput!, $arrest: MetricSeriesInput!, $grid: HourOfWeekInput!)',
    );
    expect(query).toContain('kpis: comparison(input: $kpis) { metric value');
    expect(query).toContain('arrest: metricSeries(input: $arrest) { period');
    expect(query).toContain('grid: hourOfWeek(input: $grid) { dayOfWeek');
    expect(variables).toEqual({
      kpis: { metrics: ['arrest_rate'], ...span },
      arrest: { metric: 'arrest_rate', grain: 'month', ...span },
      grid: { metric: 'bh_call_volume', ...span },
    });
  });

  it('refuses aliases that are not GraphQL names', () => {
    expect(() =>
      metricBatchQuery({
        'a b': { op: 'hourOfWeek', input: { metric: 'x', ...span } },
      }),
    ).toThrow('Not a GraphQL alias');
    expect(() => metricBatchQuery({})).toThrow();
  });
});

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
