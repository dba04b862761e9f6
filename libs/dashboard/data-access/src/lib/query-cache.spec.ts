import { describe, expect, it } from 'vitest';

import { queryCache } from './query-cache';

describe('queryCache', () => {
  it('answers while young and forgets when old or cleared', () => {
    queryCache.set('k', { n: 1 }, 1_000);
    expect(queryCache.get('k', 500, 1_400)).toEqual({ n: 1 });
    expect(queryCache.get('k', 500, 1_600)).toBeUndefined();
    queryCache.set('k', 2, 2_000);
    queryCache.clear();
    expect(queryCache.get('k', 500, 2_001)).toBeUndefined();
  });

  it('keeps at most 100 answers, dropping the oldest', () => {
    for (let i = 0; i < 105; i++) queryCache.set(`k${i}`, i, 0);
    expect(queryCache.size).toBe(100);
    expect(queryCache.get('k0', 10, 0)).toBeUndefined();
    expect(queryCache.get('k104', 10, 0)).toBe(104);
    queryCache.clear();
  });
});
