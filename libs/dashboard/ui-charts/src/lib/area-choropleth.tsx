import { ResponsiveWrapper } from '@nivo/core';
import { Choropleth } from '@nivo/geo';
import { type ComponentProps, type ComponentType, useMemo } from 'react';

import { ChartFigure, type ChartTableData } from './chart-figure';
import { chartTheme, NO_DATA_FILL, SEQUENTIAL_BLUES } from './chart-theme';
import { ColorLegend } from './color-legend';
import { colorFor, colorSteps, extentOf, textOn } from './color-scale.util';
import {
  boundsOf,
  fitMercator,
  mapHeight,
  projectMercator,
} from './fit-projection.util';

export interface MapArea {
  /** Matches data to shapes, e.g. the area code. */
  id: string;
  name: string;
  /** GeoJSON geometry (Polygon or MultiPolygon). */
  geometry: { type: string; coordinates: unknown };
  value: number | null;
  details?: readonly string[];
}

export interface AreaChoroplethProps {
  title: string;
  description?: string;
  areas: readonly MapArea[];
  valueLabel: string;
  detailLabels?: readonly string[];
  formatValue: (value: number) => string;
  formatLegend?: (value: number) => string;
  height?: number;
  testId?: string;
}

// nivo's hand-written geo typings omit `layers`, which the component takes
// (built-in ids or components drawn in order).
const ChoroplethWithLayers = Choropleth as unknown as ComponentType<
  ComponentProps<typeof Choropleth> & {
    layers: readonly ('graticule' | 'features' | 'legends' | ComponentType)[];
  }
>;

/** Areas shaded by a metric, each labelled with its code and value. */
export function AreaChoropleth({
  title,
  description,
  areas,
  valueLabel,
  detailLabels = [],
  formatValue,
  formatLegend = formatValue,
  height,
  testId,
}: AreaChoroplethProps) {
  const features = useMemo(
    () =>
      areas.map((a) => ({
        type: 'Feature',
        id: a.id,
        geometry: a.geometry,
        properties: { name: a.name },
      })),
    [areas],
  );
  const bounds = useMemo(() => boundsOf(areas.map((a) => a.geometry)), [areas]);
  const extent = extentOf(areas.map((a) => a.value));
  // Tall enough for the areas' shape at a typical panel width.
  const chartHeight = height ?? (bounds ? mapHeight(bounds, 460) : 300);
  const steps = extent
    ? colorSteps(extent.min, extent.max, SEQUENTIAL_BLUES)
    : [];
  const fillOf = (value: number | null) =>
    value == null ? NO_DATA_FILL : colorFor(value, steps);

  const table: ChartTableData = {
    caption: title,
    columns: [
      { label: 'Area' },
      { label: valueLabel, numeric: true },
      ...detailLabels.map((label) => ({ label, numeric: true })),
    ],
    rows: areas.map((a) => [
      `${a.name} (${a.id})`,
      a.value == null ? 'No data' : formatValue(a.value),
      ...(a.details ?? []),
    ]),
  };
  const top = areas
    .filter((a): a is MapArea & { value: number } => a.value != null)
    .sort((a, b) => b.value - a.value)[0];
  const ariaLabel = top
    ? `${title}: map of ${areas.length} areas shaded by ${valueLabel.toLowerCase()}; highest ${top.name}, ${formatValue(top.value)}.`
    : `${title}: no data.`;

  return (
    <ChartFigure
      title={title}
      description={description}
      ariaLabel={ariaLabel}
      table={table}
      height={chartHeight}
      testId={testId}
      footer={
        steps.length > 0 && (
          <ColorLegend
            title={valueLabel}
            steps={steps}
            format={formatLegend}
            noDataLabel={
              areas.some((a) => a.value == null) ? 'No data' : undefined
            }
          />
        )
      }
    >
      {bounds && (
        <ResponsiveWrapper>
          {({ width, height: h }) => {
            const fit = fitMercator(bounds, width, h, 12);
            function Labels() {
              return (
                <g aria-hidden="true" pointerEvents="none">
                  {areas.map((a) => {
                    const box = boundsOf([a.geometry]);
                    if (!box) return null;
                    const [x0, y0] = projectMercator(fit, width, h, [
                      box[0],
                      box[3],
                    ]);
                    const [x1, y1] = projectMercator(fit, width, h, [
                      box[2],
                      box[1],
                    ]);
                    if (x1 - x0 < 44 || y1 - y0 < 30) return null;
                    const fill = textOn(fillOf(a.value));
                    return (
                      <text
                        key={a.id}
                        x={(x0 + x1) / 2}
                        y={(y0 + y1) / 2}
                        textAnchor="middle"
                        fontSize={12}
                        fill={fill}
                      >
                        <tspan x={(x0 + x1) / 2} dy="-0.3em" fontWeight={700}>
                          {a.id}
                        </tspan>
                        <tspan x={(x0 + x1) / 2} dy="1.2em">
                          {a.value == null ? '–' : formatLegend(a.value)}
                        </tspan>
                      </text>
                    );
                  })}
                </g>
              );
            }
            return (
              <ChoroplethWithLayers
                width={width}
                height={h}
                role="presentation"
                theme={chartTheme}
                features={features}
                data={areas.map((a) => ({ id: a.id, value: a.value }))}
                domain={[
                  extent?.min ?? 0,
                  Math.max(extent?.max ?? 1, (extent?.min ?? 0) + 1e-9),
                ]}
                // Equal-width classes over the domain, as colorSteps makes.
                colors={steps.map((step) => step.color)}
                unknownColor={NO_DATA_FILL}
                label={(feature: { properties: { name: string } }) =>
                  feature.properties.name
                }
                valueFormat={(value: number) => formatValue(value)}
                borderWidth={1.5}
                borderColor="#ffffff"
                {...fit}
                layers={['features', Labels]}
              />
            );
          }}
        </ResponsiveWrapper>
      )}
    </ChartFigure>
  );
}
