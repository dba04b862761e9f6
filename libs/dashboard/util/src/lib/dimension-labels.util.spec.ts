import { describe, expect, it } from 'vitest';

import { compareGroups, dimensionValueLabel } from './dimension-labels.util';

describe('dimensionValueLabel', () => {
  it('names known values and tidies others', () => {
    expect(dimensionValueLabel('co_responder')).toBe('Co-responder team');
    expect(dimensionValueLabel('911')).toBe('911 call');
    expect(dimensionValueLabel('not_hispanic')).toBe('Not hispanic');
  });
});

describe('compareGroups', () => {
  it('orders age bands by age with unknown last', () => {
    expect(
      ['unknown', '65+', '18-24', '<18', '25-34'].sort(compareGroups),
    ).toEqual(['<18', '18-24', '25-34', '65+', 'unknown']);
  });

  it('orders codes naturally with other last', () => {
    expect(['other', 'S2', 'C10', 'C2'].sort(compareGroups)).toEqual([
      'C2',
      'C10',
      'S2',
      'other',
    ]);
  });
});
