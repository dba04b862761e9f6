import { ResponsiveHeatMap } from '@nivo/heatmap';
import { useMemo } from 'react';

import { ChartFigure, type ChartTableData } from './chart-figure';
import { chartTheme, NO_DATA_FILL, SEQUENTIAL_BLUES } from './chart-theme';
import { ColorLegend } from './color-legend';
import { colorFor, colorSteps, extentOf } from './color-scale.util';

export interface HourOfWeekValue {
  /** 1 = Monday ... 7 = Sunday. */
  dayOfWeek: number;
  /** 0-23, local time. */
  hour: number;
  value: number | null;
}

export interface HourOfWeekHeatmapProps {
  title: string;
  description?: string;
  cells: readonly HourOfWeekValue[];
  /** What a cell's value is, e.g. "Encounters". */
  valueLabel: string;
  formatValue: (value: number) => string;
  /** Shorter, for the legend (defaults to formatValue). */
  formatLegend?: (value: number) => string;
  height?: number;
  testId?: string;
}

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** "12 am", "1 pm". */
export function hourLabel(hour: number): string {
  const suffix = hour < 12 ? 'am' : 'pm';
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${suffix}`;
}

interface Datum {
  x: string;
  y: number | null;
}

/** Seven rows of 24 hours, darker where the value is higher. */
export function HourOfWeekHeatmap({
  title,
  description,
  cells,
  valueLabel,
  formatValue,
  formatLegend = formatValue,
  height = 300,
  testId,
}: HourOfWeekHeatmapProps) {
  const grid = useMemo(() => {
    const at = new Map(cells.map((c) => [`${c.dayOfWeek}:${c.hour}`, c.value]));
    return WEEKDAYS.map((day, d) => ({
      id: day.slice(0, 3),
      data: Array.from({ length: 24 }, (_, hour) => ({
        x: String(hour),
        y: at.get(`${d + 1}:${hour}`) ?? null,
      })),
    }));
  }, [cells]);

  const extent = extentOf(cells.map((c) => c.value));
  const steps = extent
    ? colorSteps(extent.min, extent.max, SEQUENTIAL_BLUES)
    : [];

  const busiest = cells.reduce<HourOfWeekValue | null>(
    (best, c) =>
      c.value != null && (best?.value == null || c.value > best.value)
        ? c
        : best,
    null,
  );
  const ariaLabel = busiest
    ? `${title}: heatmap of 7 days by 24 hours. Highest: ${
        WEEKDAYS[busiest.dayOfWeek - 1]
      } ${hourLabel(busiest.hour)}, ${formatValue(busiest.value as number)}. Lowest value ${formatValue(
        extent?.min ?? 0,
      )}.`
    : `${title}: no data.`;

  const table: ChartTableData = {
    caption: `${title} (${valueLabel}; rows are days, columns hours of the day)`,
    columns: [
      { label: 'Day' },
      ...Array.from({ length: 24 }, (_, hour) => ({
        label: hourLabel(hour),
        numeric: true,
      })),
    ],
    rows: grid.map((row, d) => [
      WEEKDAYS[d],
      ...row.data.map((cell) =>
        cell.y == null ? 'No data' : formatValue(cell.y),
      ),
    ]),
  };

  return (
    <ChartFigure
      title={title}
      description={description}
      ariaLabel={ariaLabel}
      table={table}
      height={height}
      testId={testId}
      footer={
        steps.length > 0 && (
          <ColorLegend
            title={valueLabel}
            steps={steps}
            format={formatLegend}
            noDataLabel={
              cells.some((c) => c.value == null) ? 'No data' : undefined
            }
          />
        )
      }
    >
      <ResponsiveHeatMap<Datum, object>
        data={grid}
        role="presentation"
        theme={chartTheme}
        margin={{ top: 28, right: 8, bottom: 8, left: 44 }}
        colors={(cell) =>
          cell.value == null ? NO_DATA_FILL : colorFor(cell.value, steps)
        }
        emptyColor={NO_DATA_FILL}
        xInnerPadding={0.06}
        yInnerPadding={0.08}
        borderRadius={2}
        enableLabels={false}
        axisTop={{
          tickSize: 0,
          tickPadding: 6,
          format: (hour) =>
            Number(hour) % 3 === 0 ? hourLabel(Number(hour)) : '',
        }}
        axisLeft={{ tickSize: 0, tickPadding: 8 }}
        axisRight={null}
        axisBottom={null}
        hoverTarget="cell"
        animate={false}
        tooltip={({ cell }) => (
          <div className="chart-tooltip">
            <strong>
              {cell.serieId} {hourLabel(Number(cell.data.x))}
            </strong>
            <span>
              {cell.value == null ? 'No data' : formatValue(cell.value)}
            </span>
          </div>
        )}
      />
    </ChartFigure>
  );
}
