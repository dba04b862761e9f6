import { ResponsiveLine } from '@nivo/line';
import { useMemo } from 'react';

import { ChartTable, type ChartTableData } from './chart-figure';
import { chartTheme, OKABE_ITO } from './chart-theme';

export interface SparklineProps {
  /** What the line is, e.g. "Arrest rate, monthly". */
  title: string;
  points: readonly { period: string; value: number | null }[];
  formatValue: (value: number) => string;
  formatPeriod: (period: string) => string;
  height?: number;
}

type Series = { id: string; data: { x: string; y: number | null }[] };

/**
 * A small line without axes, for a trend at a glance; its numbers are in a
 * visually hidden table.
 */
export function Sparkline({
  title,
  points,
  formatValue,
  formatPeriod,
  height = 44,
}: SparklineProps) {
  const data = useMemo<Series[]>(
    () => [
      { id: title, data: points.map((p) => ({ x: p.period, y: p.value })) },
    ],
    [points, title],
  );
  const known = points.filter(
    (p): p is { period: string; value: number } => p.value != null,
  );
  const values = known.map((p) => p.value);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const pad = (max - min || Math.abs(max) || 1) * 0.12;

  const ariaLabel =
    known.length < 2
      ? `${title}: not enough data for a trend.`
      : `${title}: ${formatValue(known[0].value)} in ${formatPeriod(
          known[0].period,
        )}, ${formatValue(known[known.length - 1].value)} in ${formatPeriod(
          known[known.length - 1].period,
        )}; lowest ${formatValue(min)}, highest ${formatValue(max)}.`;
  const table: ChartTableData = {
    caption: title,
    columns: [{ label: 'Month' }, { label: 'Value', numeric: true }],
    rows: points.map((p) => [
      formatPeriod(p.period),
      p.value == null ? 'No data' : formatValue(p.value),
    ]),
  };

  return (
    <div className="sparkline">
      <div
        className="sparkline__canvas"
        role="img"
        aria-label={ariaLabel}
        style={{ height }}
      >
        {known.length >= 2 && (
          <ResponsiveLine<Series>
            data={data}
            role="presentation"
            theme={chartTheme}
            colors={[OKABE_ITO.blue]}
            margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
            xScale={{ type: 'point' }}
            yScale={{ type: 'linear', min: min - pad, max: max + pad }}
            curve="monotoneX"
            lineWidth={2}
            enablePoints={false}
            enableGridX={false}
            enableGridY={false}
            axisLeft={null}
            axisBottom={null}
            isInteractive={false}
            animate={false}
          />
        )}
      </div>
      <ChartTable table={table} className="visually-hidden" />
    </div>
  );
}
