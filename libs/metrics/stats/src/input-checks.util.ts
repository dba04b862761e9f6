import { twoSidedPValue } from './normal-distribution.util';

/**
 * Shared argument checks. Bad input is a programming error (a count below
 * zero, more events than encounters), so it throws instead of producing a
 * number that would end up in a grant report.
 */

export function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

export function assertEventsOutOf(
  name: string,
  events: number,
  n: number,
): void {
  assertCount(`${name} events`, events);
  assertCount(`${name} n`, n);
  if (events > n) {
    throw new RangeError(`${name}: events (${events}) cannot exceed n (${n})`);
  }
}

export function assertExposure(name: string, exposure: number): void {
  if (!Number.isFinite(exposure) || exposure <= 0) {
    throw new RangeError(
      `${name} must be a finite number > 0, got ${exposure}`,
    );
  }
}

/**
 * Wald test of estimate = 0 given its standard error. A zero standard error
 * arises only in degenerate tables (every proportion 0 or 1): a zero estimate
 * then carries no evidence (z = 0, p = 1), a non-zero one is certain
 * (z = ±∞, p = 0).
 */
export function waldTest(
  estimate: number,
  standardError: number,
): { z: number; pValue: number } {
  if (standardError === 0) {
    if (estimate === 0) return { z: 0, pValue: 1 };
    const z =
      estimate > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    return { z, pValue: 0 };
  }
  const z = estimate / standardError;
  return { z, pValue: twoSidedPValue(z) };
}
