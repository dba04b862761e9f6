import type { Metric, MetricPoint } from '@crosswalk/dashboard/data-access';
import { describe, expect, it } from 'vitest';

import {
  chartMonths,
  countLabels,
  groupLabel,
  parseBreakdown,
  pointsCsv,
  sortBreakdown,
} from './explore.util';

const metric: Metric = {
  id: 'arrest_rate',
  title: 'Arrest rate',
  description: '',
  kind: 'ratio',
  unit: 'percent',
  betterDirection: 'lower',
  source: '',
  public: true,
};
const point = (
  period: string,
  group: string,
  value: number | null,
  extra: Partial<MetricPoint> = {},
): MetricPoint => ({
  period,
  group,
  value,
  numerator: 1,
  denominator: 4,
  excluded: 0,
  percentiles: null,
  ...extra,
});

describe('chartMonths', () => {
  it('shows the baseline and the period', () => {
    expect(
      chartMonths(
        { from: '2024-01', to: '2025-12' },
        { from: '2023-01' },
        '2023-01',
      ),
    ).toEqual({ from: '2023-01', to: '2025-12' });
  });

  it('shows at least 24 months, not before the data', () => {
    expect(
      chartMonths(
        { from: '2025-12', to: '2025-12' },
        { from: '2025-11' },
        '2023-01',
      ),
    ).toEqual({ from: '2024-01', to: '2025-12' });
    expect(
      chartMonths({ from: '2023-03', to: '2023-04' }, null, '2023-01'),
    ).toEqual({ from: '2023-01', to: '2023-04' });
  });
});

describe('breakdown helpers', () => {
  it('reads the breakdown from the address, defaulting to response model', () => {
    expect(parseBreakdown('age_band')).toBe('age_band');
    expect(parseBreakdown('nonsense')).toBe('response_model');
    expect(parseBreakdown(null)).toBe('response_model');
  });

  it('labels areas by code and name and other groups in words', () => {
    const areas = [
      {
        id: 'a',
        agencyId: 'g',
        code: 'C1',
        name: 'Riverside',
        level: 'beat' as const,
        parentId: null,
        population: null,
        geojson: null,
      },
    ];
    expect(groupLabel('area', 'C1', areas)).toBe('C1 Riverside');
    expect(groupLabel('response_model', 'mobile_crisis', areas)).toBe(
      'Mobile crisis team',
    );
  });

  it('labels a code a beat and its district share by the level grouped', () => {
    const area = (id: string, name: string, parentId: string | null) => ({
      id,
      agencyId: 'g',
      code: '5',
      name,
      level: parentId ? ('beat' as const) : ('district' as const),
      parentId,
      population: null,
      geojson: null,
    });
    const areas = [area('b', 'Mill Street', 'd'), area('d', 'North', null)];
    expect(groupLabel('area', '5', areas)).toBe('5 Mill Street');
    expect(groupLabel('district', '5', areas)).toBe('5 North');
  });

  it('sorts groups for reading', () => {
    expect(
      sortBreakdown([
        point('total', 'unknown', 1),
        point('total', '65+', 1),
        point('total', '<18', 1),
      ]).map((p) => p.group),
    ).toEqual(['<18', '65+', 'unknown']);
  });

  it('names counts after what they count', () => {
    expect(countLabels(metric)).toEqual({
      numerator: 'Numerator',
      denominator: 'Denominator',
    });
    expect(countLabels({ ...metric, kind: 'count' }).denominator).toBeNull();
  });
});

describe('pointsCsv', () => {
  it('writes raw values with the metric and unit', () => {
    expect(
      pointsCsv(metric, 'month', [
        point('2025-01', 'all', 0.25),
        point('2025-02', 'all', null, { numerator: 0, denominator: 0 }),
      ]),
    ).toBe(
      'month,metric,unit,value,numerator,denominator,excluded\r\n' +
        '2025-01,arrest_rate,percent,0.25,1,4,0\r\n' +
        '2025-02,arrest_rate,percent,,0,0,0\r\n',
    );
  });

  it('adds percentiles for percentile metrics and labels groups', () => {
    expect(
      pointsCsv(
        {
          ...metric,
          id: 'response_time_median',
          kind: 'percentile',
          unit: 'minutes',
        },
        'group',
        [
          point('total', 'co_responder', 11, {
            percentiles: [11, 22],
            denominator: null,
          }),
        ],
        () => 'Co-responder team',
      ),
    ).toBe(
      'group,metric,unit,value,numerator,denominator,excluded,p50,p90\r\n' +
        'Co-responder team,response_time_median,minutes,11,1,,0,11,22\r\n',
    );
  });
});
