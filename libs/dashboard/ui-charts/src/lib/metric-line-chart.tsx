import {
  type LineCustomSvgLayerProps,
  type LineSvgLayer,
  ResponsiveLine,
} from '@nivo/line';
import { useMemo } from 'react';

import { ChartFigure, type ChartTableData } from './chart-figure';
import {
  BASELINE_FILL,
  BASELINE_TEXT,
  chartTheme,
  MARKER_COLOR,
  OKABE_ITO,
  PERIOD_FILL,
} from './chart-theme';
import { bandExtent, markerX, tickValues } from './line-overlays.util';

export interface LinePoint {
  /** 'YYYY-MM' (or any period key that sorts in time order as text). */
  period: string;
  value: number | null;
  /** Extra table cells for this period, e.g. numerator and denominator. */
  details?: readonly string[];
}

export interface MetricLineChartProps {
  title: string;
  description?: string;
  points: readonly LinePoint[];
  /** Header of the value column, e.g. "Arrest rate". */
  valueLabel: string;
  /** Headers of `details`, in order. */
  detailLabels?: readonly string[];
  formatValue: (value: number) => string;
  formatAxis: (value: number) => string;
  formatPeriod: (period: string) => string;
  /** The baseline periods, shaded. */
  baseline?: { from: string; to: string; label?: string };
  /** The compared periods (labelled in the table). */
  current?: { from: string; to: string; label?: string };
  /** e.g. the program start: a dashed line before this period. */
  marker?: { period: string; label: string };
  /** Start the y axis at zero (default: true). */
  fromZero?: boolean;
  height?: number;
  /** Most month labels on the x axis. */
  maxTicks?: number;
  testId?: string;
}

type Series = { id: string; data: { x: string; y: number | null }[] };

/**
 * A metric over time: the baseline shaded grey, the compared period light
 * blue (both labelled), the program start a dashed line.
 */
export function MetricLineChart({
  title,
  description,
  points,
  valueLabel,
  detailLabels = [],
  formatValue,
  formatAxis,
  formatPeriod,
  baseline,
  current,
  marker,
  fromZero = true,
  height = 280,
  maxTicks = 9,
  testId,
}: MetricLineChartProps) {
  const data = useMemo<Series[]>(
    () => [
      {
        id: valueLabel,
        data: points.map((p) => ({ x: p.period, y: p.value })),
      },
    ],
    [points, valueLabel],
  );
  const periods = useMemo(() => points.map((p) => p.period), [points]);

  const phaseOf = (period: string): string => {
    if (baseline && period >= baseline.from && period <= baseline.to)
      return baseline.label ?? 'Baseline';
    if (current && period >= current.from && period <= current.to)
      return current.label ?? 'Period';
    return '';
  };
  const withPhase = Boolean(baseline || current);
  const table: ChartTableData = {
    caption: title,
    columns: [
      { label: 'Month' },
      { label: valueLabel, numeric: true },
      ...detailLabels.map((label) => ({ label, numeric: true })),
      ...(withPhase ? [{ label: 'Window' }] : []),
    ],
    rows: points.map((p) => [
      formatPeriod(p.period),
      p.value == null ? 'No data' : formatValue(p.value),
      ...(p.details ?? []),
      ...(withPhase ? [phaseOf(p.period)] : []),
    ]),
  };

  const known = points.filter((p) => p.value != null);
  const ariaLabel =
    known.length === 0
      ? `${title}: no data.`
      : `${title}, line chart of ${points.length} months from ${formatPeriod(
          points[0].period,
        )} to ${formatPeriod(points[points.length - 1].period)}: ${formatValue(
          known[0].value as number,
        )} at first, ${formatValue(known[known.length - 1].value as number)} at the end${
          baseline ? '; the baseline period is shaded' : ''
        }${marker ? `; ${marker.label} is marked` : ''}.`;

  const layers = useMemo<LineSvgLayer<Series>[]>(() => {
    function Overlays(props: LineCustomSvgLayerProps<Series>) {
      const input = {
        periods,
        positions: periods.map((p) => props.xScale(p)),
        innerWidth: props.innerWidth,
      };
      const bands = [
        baseline && {
          extent: bandExtent(input, baseline.from, baseline.to),
          label: baseline.label ?? 'Baseline',
          fill: BASELINE_FILL,
        },
        current && {
          extent: bandExtent(input, current.from, current.to),
          label: current.label ?? 'Period',
          fill: PERIOD_FILL,
        },
      ];
      return (
        <g aria-hidden="true">
          {bands.map((band) =>
            band && band.extent ? (
              <g key={band.label}>
                <rect
                  x={band.extent.x0}
                  y={0}
                  width={band.extent.x1 - band.extent.x0}
                  height={props.innerHeight}
                  fill={band.fill}
                />
                <text
                  x={band.extent.x0 + 6}
                  y={14}
                  fontSize={12}
                  fill={BASELINE_TEXT}
                  fontWeight={600}
                >
                  {band.label}
                </text>
              </g>
            ) : null,
          )}
        </g>
      );
    }
    function Marker(props: LineCustomSvgLayerProps<Series>) {
      if (!marker) return null;
      const x = markerX(
        {
          periods,
          positions: periods.map((p) => props.xScale(p)),
          innerWidth: props.innerWidth,
        },
        marker.period,
      );
      if (x == null) return null;
      const anchorEnd = x > props.innerWidth * 0.7;
      return (
        <g aria-hidden="true">
          <line
            x1={x}
            x2={x}
            y1={0}
            y2={props.innerHeight}
            stroke={MARKER_COLOR}
            strokeWidth={2}
            strokeDasharray="5 4"
          />
          <text
            x={anchorEnd ? x - 6 : x + 6}
            y={30}
            fontSize={12}
            fontWeight={600}
            fill={MARKER_COLOR}
            textAnchor={anchorEnd ? 'end' : 'start'}
          >
            {marker.label}
          </text>
        </g>
      );
    }
    return [
      Overlays,
      'grid',
      'axes',
      'lines',
      'points',
      Marker,
      'crosshair',
      'mesh',
    ];
  }, [periods, baseline, current, marker]);

  return (
    <ChartFigure
      title={title}
      description={description}
      ariaLabel={ariaLabel}
      table={table}
      height={height}
      testId={testId}
    >
      <ResponsiveLine<Series>
        data={data}
        role="presentation"
        theme={chartTheme}
        colors={[OKABE_ITO.blue]}
        margin={{ top: 12, right: 20, bottom: 36, left: 56 }}
        xScale={{ type: 'point' }}
        yScale={{
          type: 'linear',
          min: fromZero ? 0 : 'auto',
          max: 'auto',
          nice: true,
        }}
        curve="monotoneX"
        lineWidth={2.5}
        pointSize={points.length > 36 ? 0 : 5}
        pointColor="#ffffff"
        pointBorderWidth={2}
        pointBorderColor={{ from: 'seriesColor' }}
        enableGridX={false}
        gridYValues={5}
        axisLeft={{
          tickValues: 5,
          tickSize: 0,
          tickPadding: 8,
          format: (v) => formatAxis(Number(v)),
        }}
        axisBottom={{
          tickSize: 4,
          tickPadding: 6,
          tickValues: tickValues(periods, maxTicks),
          format: (v) => formatPeriod(String(v)),
        }}
        layers={layers}
        useMesh
        enableCrosshair
        crosshairType="x"
        animate={false}
        tooltip={({ point }) => (
          <div className="chart-tooltip">
            <strong>{formatPeriod(String(point.data.x))}</strong>
            <span>{formatValue(Number(point.data.y))}</span>
          </div>
        )}
      />
    </ChartFigure>
  );
}
