import { type BarCustomLayerProps, ResponsiveBar } from '@nivo/bar';
import { useMemo } from 'react';

import { ChartFigure, type ChartTableData } from './chart-figure';
import { CHART_TEXT, chartTheme, OKABE_ITO } from './chart-theme';

export interface BarItem {
  /** Stable key, e.g. the API's group value. */
  key: string;
  label: string;
  value: number | null;
  /** Extra table cells, e.g. numerator and denominator. */
  details?: readonly string[];
}

export interface BarBreakdownProps {
  title: string;
  description?: string;
  bars: readonly BarItem[];
  /** Header of the first table column, e.g. "Response model". */
  groupLabel: string;
  valueLabel: string;
  detailLabels?: readonly string[];
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  testId?: string;
}

type Datum = { key: string; label: string; value: number };

const BAR_HEIGHT = 30;

/** A metric by group, one horizontal bar each, the value at its end. */
export function BarBreakdown({
  title,
  description,
  bars,
  groupLabel,
  valueLabel,
  detailLabels = [],
  formatValue,
  formatAxis,
  testId,
}: BarBreakdownProps) {
  // nivo draws the first horizontal bar at the bottom: reverse to read down.
  const data = useMemo<Datum[]>(
    () =>
      bars
        .filter((b): b is BarItem & { value: number } => b.value != null)
        .map((b) => ({ key: b.key, label: b.label, value: b.value }))
        .reverse(),
    [bars],
  );
  const longestLabel = Math.max(0, ...data.map((d) => d.label.length));
  const left = Math.min(200, Math.max(60, longestLabel * 7 + 16));
  const height = Math.max(120, data.length * BAR_HEIGHT + 48);

  const table: ChartTableData = {
    caption: title,
    columns: [
      { label: groupLabel },
      { label: valueLabel, numeric: true },
      ...detailLabels.map((label) => ({ label, numeric: true })),
    ],
    rows: bars.map((b) => [
      b.label,
      b.value == null ? 'No data' : formatValue(b.value),
      ...(b.details ?? []),
    ]),
  };
  const top = [...data].sort((a, b) => b.value - a.value)[0];
  const ariaLabel = top
    ? `${title}: bar chart of ${data.length} groups; highest ${top.label}, ${formatValue(top.value)}.`
    : `${title}: no data.`;

  const layers = useMemo(() => {
    function ValueLabels({ bars: computed }: BarCustomLayerProps<Datum>) {
      return (
        <g aria-hidden="true">
          {computed.map((bar) => (
            <text
              key={bar.key}
              x={bar.x + bar.width + 6}
              y={bar.y + bar.height / 2}
              dominantBaseline="central"
              fontSize={12}
              fontWeight={600}
              fill={CHART_TEXT}
            >
              {formatValue(bar.data.value ?? 0)}
            </text>
          ))}
        </g>
      );
    }
    return ['grid', 'axes', 'bars', ValueLabels] as const;
  }, [formatValue]);

  return (
    <ChartFigure
      title={title}
      description={description}
      ariaLabel={ariaLabel}
      table={table}
      height={height}
      testId={testId}
    >
      <ResponsiveBar<Datum>
        data={data}
        keys={['value']}
        indexBy="label"
        layout="horizontal"
        role="presentation"
        theme={chartTheme}
        colors={[OKABE_ITO.blue]}
        margin={{ top: 4, right: 72, bottom: 32, left }}
        padding={0.3}
        valueScale={{ type: 'linear', min: 0, nice: true }}
        enableLabel={false}
        enableGridX
        enableGridY={false}
        gridXValues={5}
        axisBottom={{
          tickValues: 5,
          tickSize: 0,
          tickPadding: 6,
          format: (v) => formatAxis(Number(v)),
        }}
        axisLeft={{ tickSize: 0, tickPadding: 8 }}
        layers={[...layers]}
        animate={false}
        tooltip={({ data: d }) => (
          <div className="chart-tooltip">
            <strong>{d.label}</strong>
            <span>{formatValue(d.value)}</span>
          </div>
        )}
      />
    </ChartFigure>
  );
}
