import { isoInstant } from './staging-row';

describe('isoInstant', () => {
  it('writes what toISOString writes', () => {
    const instants = [
      0,
      -1,
      999,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2024, 2, 10, 8, 5, 3, 40),
      Date.UTC(1969, 11, 31, 23, 59, 59, 1),
      Date.UTC(1900, 0, 1, 0, 0, 0, 5),
      Date.UTC(9999, 11, 31, 12),
    ];
    // And a spread of instants from 1930 to 2090.
    for (let i = 0; i < 10_000; i++)
      instants.push(-1.3e12 + Math.floor(i * 5.04e8 + (i % 997) * 86_413));
    for (const ms of instants)
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});
