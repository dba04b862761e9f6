import type {
  Area,
  Metric,
  MetricPoint,
} from '@crosswalk/dashboard/data-access';
import { describe, expect, it } from 'vitest';

import { areaRows, isCountMetric } from './areas.util';

const area = (
  id: string,
  code: string,
  parentId: string | null,
  population: number | null = null,
): Area => ({
  id,
  agencyId: 'g',
  code,
  name: `Area ${code}`,
  level: parentId ? 'beat' : 'district',
  parentId,
  population,
  geojson: null,
});
const point = (group: string, value: number | null): MetricPoint => ({
  period: 'total',
  group,
  value,
  numerator: null,
  denominator: null,
  excluded: 0,
  percentiles: null,
});

const areas = [
  area('d', 'C', null, 30000),
  area('b1', 'C1', 'd', 10000),
  area('b2', 'C2', 'd', 20000),
  area('b10', 'C10', 'd'),
];

describe('areaRows', () => {
  it('joins each beat with its counts, rate per 1,000 and baseline change', () => {
    const rows = areaRows(
      areas,
      [point('C1', 50), point('C2', 10)],
      [point('C1', 0.2), point('C2', 0.1)],
      [point('C1', 0.25)],
    );
    expect(rows.map((r) => r.area.code)).toEqual(['C1', 'C2', 'C10']);
    expect(rows[0]).toMatchObject({
      encounters: 50,
      perThousand: 5,
      value: 0.2,
      baselineValue: 0.25,
      parent: { code: 'C' },
    });
    expect(rows[0].change).toBeCloseTo(-0.05);
    expect(rows[1]).toMatchObject({ baselineValue: null, change: null });
    expect(rows[2]).toMatchObject({
      encounters: 0,
      perThousand: null,
      value: null,
    });
  });

  it('takes the beat where a beat and its district share a code', () => {
    const rows = areaRows(
      [area('d5', '5', null), area('b5', '5', 'd5', 1000)],
      [point('5', 7)],
      [],
      null,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      area: { id: 'b5' },
      parent: { id: 'd5' },
      perThousand: 7,
    });
  });
});

describe('isCountMetric', () => {
  it('tells counts from rates and medians', () => {
    const metric = { unit: 'encounters', kind: 'count' } as Metric;
    expect(isCountMetric(metric)).toBe(true);
    expect(isCountMetric({ ...metric, unit: 'percent', kind: 'ratio' })).toBe(
      false,
    );
    expect(
      isCountMetric({ ...metric, unit: 'minutes', kind: 'percentile' }),
    ).toBe(false);
  });
});
