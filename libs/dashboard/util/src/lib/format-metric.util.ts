/** Units the metric catalogue uses (metrics-definitions/*.yaml `unit`). */
export type Unit =
  | 'encounters'
  | 'percent'
  | 'persons'
  | 'minutes'
  | 'hours'
  | 'dollars'
  | 'referrals';

const MINUS = '\u2212';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const upToOneDecimal = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 1,
});
const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** A whole count with thousands separators: 50000 -> "50,000". */
export function formatCount(value: number): string {
  return count.format(value);
}

/** A fraction as a percentage with one decimal: 0.1234 -> "12.3%". */
export function formatPercent(fraction: number): string {
  return `${oneDecimal.format(fraction * 100)}%`;
}

/** A metric value in its unit; null (no data) is an en dash. */
export function formatMetricValue(
  value: number | null | undefined,
  unit: Unit | string,
): string {
  if (value == null || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'percent':
      return formatPercent(value);
    case 'minutes':
      return `${upToOneDecimal.format(value)} min`;
    case 'hours':
      return `${count.format(value)} h`;
    case 'dollars':
      return dollars.format(value);
    default:
      return count.format(value);
  }
}

/** The same, for a chart axis: shorter (12%, 9 min, 1.2k). */
export function formatAxisValue(value: number, unit: Unit | string): string {
  switch (unit) {
    case 'percent':
      return `${upToOneDecimal.format(value * 100)}%`;
    case 'minutes':
      return `${upToOneDecimal.format(value)}`;
    case 'dollars':
      return `$${compact(value)}`;
    default:
      return compact(value);
  }
}

function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${upToOneDecimal.format(value / 1_000_000)}M`;
  if (abs >= 10_000) return `${upToOneDecimal.format(value / 1_000)}k`;
  return count.format(value);
}

function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  if (value < 0) return `${MINUS}${text}`;
  return text;
}

/**
 * How a change is measured: percentage points for rates, relative change
 * for counts and sums (the API's CI is on that scale for counts).
 */
export type ChangeScale = 'points' | 'relative';

export function changeScaleOf(unit: Unit | string): ChangeScale {
  return unit === 'percent' ? 'points' : 'relative';
}

/** A signed change on its scale: "+1.1 pts", "−4.0%". */
export function formatChange(value: number, scale: ChangeScale): string {
  if (scale === 'points') {
    const points = value * 100;
    const rounded = Math.abs(points) < 0.05 ? 0 : points;
    return `${signed(oneDecimal.format(Math.abs(rounded)), rounded)} pts`;
  }
  const percent = value * 100;
  const rounded = Math.abs(percent) < 0.05 ? 0 : percent;
  return `${signed(oneDecimal.format(Math.abs(rounded)), rounded)}%`;
}

/** A signed difference in the metric's own unit: "+623", "−1.5 min". */
export function formatDifference(value: number, unit: Unit | string): string {
  const abs = formatMetricValue(Math.abs(value), unit);
  return value === 0 ? abs : signed(abs, value);
}

/** "95% CI +0.0 to +2.1 pts". */
export function formatInterval(
  lower: number,
  upper: number,
  scale: ChangeScale,
): string {
  const low = formatChange(lower, scale);
  const high = formatChange(upper, scale);
  // The unit once, at the end: "0.0 to +2.1 pts".
  return scale === 'points'
    ? `95% CI ${low.replace(/ pts$/, '')} to ${high}`
    : `95% CI ${low} to ${high}`;
}

/** "p = 0.03", "p < 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  // Three decimals near 0.05, so 0.048 does not read as 0.05.
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}
