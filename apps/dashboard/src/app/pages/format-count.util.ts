const countFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 0,
});

/** A whole count with thousands separators: 50000 -> "50,000". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}
