import type { Comparison } from '@crosswalk/dashboard/data-access';
import { describe, expect, it } from 'vitest';

import { describeComparison } from './describe-comparison.util';

const base: Comparison = {
  metric: 'x',
  value: null,
  baselineValue: null,
  change: null,
  relativeChange: null,
  ciLower: null,
  ciUpper: null,
  pValue: null,
  significant: false,
  smallSample: false,
  method: 'none',
  excluded: 0,
  baselineExcluded: 0,
  from: '',
  to: '',
  baselineFrom: '',
  baselineTo: '',
};

describe('describeComparison', () => {
  it('reads a significant rise in a higher-is-better rate as better, in points', () => {
    expect(
      describeComparison(
        {
          ...base,
          value: 0.5844,
          baselineValue: 0.5738,
          change: 0.0106,
          relativeChange: 0.0185,
          ciLower: 0.0001,
          ciUpper: 0.0211,
          pValue: 0.0478,
          significant: true,
          method: 'two-proportion z-test (Newcombe CI)',
        },
        'percent',
        'higher',
      ),
    ).toEqual({
      tone: 'better',
      change: '+1.1 pts',
      direction: 'up',
      interval: '95% CI 0.0 to +2.1 pts',
      significance: 'Significant',
      pValue: 'p = 0.048',
      baselineValue: '57.4%',
      smallSample: false,
    });
  });

  it('does not colour a change that may be chance', () => {
    const described = describeComparison(
      {
        ...base,
        value: 0.0965,
        baselineValue: 0.0968,
        change: -0.0003,
        ciLower: -0.0066,
        ciUpper: 0.006,
        pValue: 0.93,
        method: 'two-proportion z-test (Newcombe CI)',
      },
      'percent',
      'lower',
    );
    expect(described.tone).toBe('neutral');
    expect(described.significance).toBe('Not significant');
    // −0.03 points shows as 0.0: no arrow pointing down.
    expect(described.direction).toBe('flat');
    expect(described.change).toBe('0.0 pts');
  });

  it('compares counts relatively, and a significant rise in a lower-is-better count is worse', () => {
    const described = describeComparison(
      {
        ...base,
        value: 449,
        baselineValue: 300,
        change: 149,
        relativeChange: 0.4967,
        ciLower: 0.3,
        ciUpper: 0.7,
        pValue: 0.0001,
        significant: true,
        method: 'Poisson rate ratio (CI on the relative change)',
      },
      'persons',
      'lower',
    );
    expect(described).toMatchObject({
      tone: 'worse',
      change: '+49.7%',
      interval: '95% CI +30.0% to +70.0%',
      baselineValue: '300',
    });
  });

  it('keeps neutral metrics neutral', () => {
    expect(
      describeComparison(
        {
          ...base,
          value: 17312,
          baselineValue: 16689,
          change: 623,
          relativeChange: 0.04,
          ciLower: 0.018,
          ciUpper: 0.062,
          pValue: 0.0003,
          significant: true,
          method: 'Poisson rate ratio (CI on the relative change)',
        },
        'encounters',
        'neutral',
      ).tone,
    ).toBe('neutral');
  });

  it('says "no test" and the plain difference for medians', () => {
    expect(
      describeComparison(
        { ...base, value: 9, baselineValue: 9, change: 0, relativeChange: 0 },
        'minutes',
        'lower',
      ),
    ).toMatchObject({
      tone: 'neutral',
      change: 'No change',
      direction: 'flat',
      interval: null,
      significance: 'No test',
      pValue: null,
    });
    expect(
      describeComparison(
        { ...base, value: 7.5, baselineValue: 9, change: -1.5 },
        'minutes',
        'lower',
      ).change,
    ).toBe('\u22121.5 min');
  });

  it('has nothing to say without a baseline value', () => {
    expect(
      describeComparison({ ...base, value: 3 }, 'percent', 'lower'),
    ).toMatchObject({ tone: 'none', change: 'No comparison' });
  });
});
