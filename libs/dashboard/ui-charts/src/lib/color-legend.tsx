import type { ColorStep } from './color-scale.util';

/** Swatches with their value ranges; the colours are never the only cue. */
export function ColorLegend({
  title,
  steps,
  format,
  noDataLabel,
}: {
  title: string;
  steps: readonly ColorStep[];
  format: (value: number) => string;
  noDataLabel?: string;
}) {
  return (
    <div className="color-legend" aria-hidden="true">
      <span className="color-legend__title">{title}</span>
      <ul className="color-legend__steps">
        {steps.map((step) => (
          <li key={step.color}>
            <span
              className="color-legend__swatch"
              style={{ background: step.color }}
            />
            {steps.length === 1
              ? format(step.from)
              : `${format(step.from)}–${format(step.to)}`}
          </li>
        ))}
        {noDataLabel && (
          <li>
            <span className="color-legend__swatch color-legend__swatch--none" />
            {noDataLabel}
          </li>
        )}
      </ul>
    </div>
  );
}
