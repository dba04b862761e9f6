/**
 * Where the baseline band and the program start marker go on a line chart
 * whose points sit at evenly spaced x positions, one per period. A period
 * owns the half-step either side of its point, so a band covers its periods
 * fully and a marker for "starts in period P" sits just before P's point.
 */
export interface OverlayInput {
  /** The chart's periods in order ('YYYY-MM' sorts as text). */
  periods: readonly string[];
  /** x of each period's point, same order. */
  positions: readonly number[];
  innerWidth: number;
}

function step({ positions, innerWidth }: OverlayInput): number {
  return positions.length > 1
    ? (positions[positions.length - 1] - positions[0]) / (positions.length - 1)
    : innerWidth;
}

const clamp = (x: number, max: number) => Math.min(Math.max(x, 0), max);

/** The band over periods from..to (inclusive), or null if none is shown. */
export function bandExtent(
  input: OverlayInput,
  from: string,
  to: string,
): { x0: number; x1: number } | null {
  const inside = input.periods
    .map((period, index) => ({ period, index }))
    .filter(({ period }) => period >= from && period <= to);
  if (inside.length === 0) return null;
  const half = step(input) / 2;
  const first = input.positions[inside[0].index];
  const last = input.positions[inside[inside.length - 1].index];
  return {
    x0: clamp(first - half, input.innerWidth),
    x1: clamp(last + half, input.innerWidth),
  };
}

/** x of the boundary where `period` begins, or null when off the chart. */
export function markerX(input: OverlayInput, period: string): number | null {
  const index = input.periods.indexOf(period);
  if (index < 0) return null;
  return clamp(input.positions[index] - step(input) / 2, input.innerWidth);
}

const STEPS = [1, 2, 3, 4, 6, 12, 24, 60, 120];

/**
 * Every n-th label (n = 1, 2, 3, 6, 12 ... months) so that at most
 * `maxTicks` labels show and they do not collide.
 */
export function tickValues<T>(values: readonly T[], maxTicks: number): T[] {
  const every =
    STEPS.find((n) => Math.ceil(values.length / n) <= maxTicks) ??
    Math.ceil(values.length / maxTicks);
  return values.filter((_, index) => index % every === 0);
}
