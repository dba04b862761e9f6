/** One class of a quantized colour scale: values from..to get `color`. */
export interface ColorStep {
  color: string;
  from: number;
  to: number;
}

/**
 * Equal-width classes over [min, max], one per colour. A flat domain
 * (min = max) is one class, drawn in the middle colour.
 */
export function colorSteps(
  min: number,
  max: number,
  colors: readonly string[],
): ColorStep[] {
  if (!(max > min)) {
    return [
      { color: colors[Math.floor(colors.length / 2)], from: min, to: max },
    ];
  }
  const width = (max - min) / colors.length;
  return colors.map((color, i) => ({
    color,
    from: min + i * width,
    to: i === colors.length - 1 ? max : min + (i + 1) * width,
  }));
}

export function colorFor(value: number, steps: readonly ColorStep[]): string {
  const step = steps.find((s) => value < s.to) ?? steps[steps.length - 1];
  return step.color;
}

/** The finite values' range, or null when there is none. */
export function extentOf(
  values: readonly (number | null | undefined)[],
): { min: number; max: number } | null {
  const known = values.filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  if (known.length === 0) return null;
  return { min: Math.min(...known), max: Math.max(...known) };
}

/** Text colour that keeps WCAG AA contrast on a fill (#rrggbb). */
export function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white (1.05 / (L + 0.05)) against with near-black text.
  return 1.05 / (luminance + 0.05) >= 4.5 ? '#ffffff' : '#1b2230';
}
