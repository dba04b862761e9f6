/**
 * Okabe & Ito's palette, distinguishable with every common colour-vision
 * deficiency. Only the first three reach 3:1 against white (WCAG 1.4.11 for
 * graphics), so marks use those; the others are for fills next to a border.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
} as const;

/** Marks (lines, bars) in reading order; each 3:1 or more on white. */
export const SERIES_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
] as const;

/**
 * A single-hue sequential scale for heatmaps and maps (ColorBrewer Blues,
 * light to dark): ordered by lightness, so it reads in greyscale and with
 * any colour-vision deficiency.
 */
export const SEQUENTIAL_BLUES = [
  '#eff3ff',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#084594',
] as const;

/** Text on charts: the shell's text colours, 7:1 and more on white. */
export const CHART_TEXT = '#1b2230';
export const CHART_MUTED_TEXT = '#4a5568';
export const CHART_GRID = '#e2e8f0';
export const CHART_AXIS = '#8a94a6';
/** The baseline period's shading and its label. */
export const BASELINE_FILL = '#eef1f5';
export const BASELINE_TEXT = '#4a5568';
/** The compared period's shading: a blue tint, labelled too. */
export const PERIOD_FILL = '#e4eff8';
/** The program start marker: vermillion, dashed, labelled. */
export const MARKER_COLOR = '#b34700';
/** Cells and areas without a value: hatched grey, unlike any data colour. */
export const NO_DATA_FILL = '#f5f7fa';

const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The nivo theme every chart uses (a nivo PartialTheme). */
export const chartTheme = {
  background: 'transparent',
  text: { fontSize: 12, fill: CHART_TEXT, fontFamily: FONT },
  axis: {
    domain: { line: { stroke: CHART_AXIS, strokeWidth: 1 } },
    ticks: {
      line: { stroke: CHART_AXIS, strokeWidth: 1 },
      text: { fontSize: 12, fill: CHART_MUTED_TEXT, fontFamily: FONT },
    },
    legend: {
      text: { fontSize: 12, fill: CHART_MUTED_TEXT, fontFamily: FONT },
    },
  },
  grid: { line: { stroke: CHART_GRID, strokeWidth: 1 } },
  legends: { text: { fontSize: 12, fill: CHART_TEXT, fontFamily: FONT } },
  tooltip: {
    container: {
      background: '#ffffff',
      color: CHART_TEXT,
      fontSize: 13,
      fontFamily: FONT,
      borderRadius: 6,
      boxShadow: '0 2px 8px rgb(16 24 40 / 18%)',
      padding: '6px 10px',
    },
  },
} as const;
