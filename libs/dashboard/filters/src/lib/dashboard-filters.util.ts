import type { MetricFiltersInput } from '@crosswalk/dashboard/data-access';
import {
  addMonths,
  compareMonths,
  formatMonth,
  formatMonthRange,
  isMonthKey,
  monthCount,
  monthIndex,
  type MonthKey,
} from '@crosswalk/dashboard/util';
import {
  CALL_ORIGINS,
  type CallOrigin,
  RESPONSE_MODELS,
  type ResponseModel,
} from '@crosswalk/domain';

export const PERIOD_PRESETS = [
  'last-month',
  'last-quarter',
  'last-12-months',
  'program-6',
  'program-12',
  'program-24',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const DEFAULT_PERIOD: PeriodPreset = 'last-12-months';

/** The view's filters, as they live in the address bar. */
export interface DashboardFilters {
  period: PeriodPreset;
  /** Custom period, inclusive months. */
  from?: MonthKey;
  to?: MonthKey;
  /** Encounters in this program's areas. */
  program?: string;
  /** Encounters in this area (and the areas below it). */
  area?: string;
  responseModel?: ResponseModel;
  callOrigin?: CallOrigin;
}

/** URL parameter of each filter: short, stable, readable in a link. */
export const FILTER_PARAMS = {
  period: 'period',
  from: 'from',
  to: 'to',
  program: 'program',
  area: 'area',
  responseModel: 'model',
  callOrigin: 'origin',
} as const satisfies Record<keyof DashboardFilters, string>;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return value !== null && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/**
 * Reads the filters from a query string. Anything unreadable is dropped, so
 * a mangled link still opens a sensible view.
 */
export function parseFilters(params: URLSearchParams): DashboardFilters {
  const filters: DashboardFilters = {
    period:
      oneOf(PERIOD_PRESETS, params.get(FILTER_PARAMS.period)) ?? DEFAULT_PERIOD,
  };
  if (filters.period === 'custom') {
    const from = params.get(FILTER_PARAMS.from);
    const to = params.get(FILTER_PARAMS.to);
    if (isMonthKey(from) && isMonthKey(to)) {
      [filters.from, filters.to] =
        compareMonths(from, to) <= 0 ? [from, to] : [to, from];
    } else {
      filters.period = DEFAULT_PERIOD;
    }
  }
  const program = params.get(FILTER_PARAMS.program);
  if (program && ID.test(program)) filters.program = program;
  const area = params.get(FILTER_PARAMS.area);
  if (area && ID.test(area)) filters.area = area;
  const model = oneOf(RESPONSE_MODELS, params.get(FILTER_PARAMS.responseModel));
  if (model) filters.responseModel = model;
  const origin = oneOf(CALL_ORIGINS, params.get(FILTER_PARAMS.callOrigin));
  if (origin) filters.callOrigin = origin;
  return filters;
}

/**
 * The filters written into a query string, defaults left out; parameters
 * that are not filters (a page's own, e.g. `by`) are kept.
 */
export function writeFilters(
  filters: DashboardFilters,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(FILTER_PARAMS)) params.delete(name);
  if (filters.period !== DEFAULT_PERIOD)
    params.set(FILTER_PARAMS.period, filters.period);
  if (filters.period === 'custom' && filters.from && filters.to) {
    params.set(FILTER_PARAMS.from, filters.from);
    params.set(FILTER_PARAMS.to, filters.to);
  }
  if (filters.program) params.set(FILTER_PARAMS.program, filters.program);
  if (filters.area) params.set(FILTER_PARAMS.area, filters.area);
  if (filters.responseModel)
    params.set(FILTER_PARAMS.responseModel, filters.responseModel);
  if (filters.callOrigin)
    params.set(FILTER_PARAMS.callOrigin, filters.callOrigin);
  return params;
}

/** Only the filters' part of a query string, e.g. to carry it to a link. */
export function filtersQuery(filters: DashboardFilters): string {
  const query = writeFilters(filters).toString();
  return query ? `?${query}` : '';
}

/** The API filters that match the view's filters. */
export function toMetricFilters(filters: DashboardFilters): MetricFiltersInput {
  const input: MetricFiltersInput = {};
  if (filters.program) input.programId = filters.program;
  if (filters.area) input.areaIds = [filters.area];
  if (filters.responseModel) input.responseModels = [filters.responseModel];
  if (filters.callOrigin) input.callOrigins = [filters.callOrigin];
  return input;
}

/** What the data covers, in whole months of the agency zone. */
export interface DataMonths {
  /** First month with an encounter. */
  first: MonthKey;
  /** Last month to report: the last with data, never the current month. */
  last: MonthKey;
}

/**
 * The months a report can use: up to the last month with encounters, but
 * never the month in progress (its numbers would look like a drop).
 */
export function dataMonths(extent: {
  firstMonth: MonthKey | null;
  lastMonth: MonthKey | null;
  currentMonth: MonthKey;
}): DataMonths | null {
  if (!extent.firstMonth || !extent.lastMonth) return null;
  const lastComplete = addMonths(extent.currentMonth, -1);
  const last =
    compareMonths(extent.lastMonth, lastComplete) <= 0
      ? extent.lastMonth
      : lastComplete;
  if (compareMonths(last, extent.firstMonth) < 0) return null;
  return { first: extent.firstMonth, last };
}

export interface ProgramStart {
  name: string;
  /** The program's first month (the month of its start date). */
  month: MonthKey;
}

/** The period a view reports on, and the baseline it is compared with. */
export interface ResolvedPeriod {
  preset: PeriodPreset;
  from: MonthKey;
  to: MonthKey;
  /** e.g. "Jan – Dec 2025". */
  label: string;
  /** The months the preset asked for, when data ran out before its end. */
  requestedTo?: MonthKey;
  /** Equal length just before, clipped to the data; null when none. */
  baseline: { from: MonthKey; to: MonthKey; label: string } | null;
  /** The baseline is shorter than the period (data starts later). */
  baselineShort: boolean;
}

function quarterEnd(month: MonthKey): MonthKey {
  const index = monthIndex(month);
  // A calendar quarter ends in month 3, 6, 9 or 12 (index % 3 === 2).
  return index % 3 === 2 ? month : addMonths(month, -((index % 3) + 1));
}

function quarterLabel(end: MonthKey): string {
  const quarter = Math.floor((monthIndex(end) % 12) / 3) + 1;
  return `Q${quarter} ${end.slice(0, 4)}`;
}

/**
 * Turns a preset into months. Presets anchor on the data: "last month" is
 * the last month with encounters, not the calendar's.
 */
export function resolvePeriod(
  filters: DashboardFilters,
  data: DataMonths,
  program?: ProgramStart,
): ResolvedPeriod {
  let preset = filters.period;
  if (preset.startsWith('program-') && !program) preset = DEFAULT_PERIOD;
  let from: MonthKey;
  let to: MonthKey;
  /** The preset's name, before its months are added. */
  let name: string | null = null;
  switch (preset) {
    case 'last-month':
      from = to = data.last;
      break;
    case 'last-quarter':
      to = quarterEnd(data.last);
      from = addMonths(to, -2);
      name = quarterLabel(to);
      break;
    case 'program-6':
    case 'program-12':
    case 'program-24': {
      const months = Number(preset.slice('program-'.length));
      from = (program as ProgramStart).month;
      to = addMonths(from, months - 1);
      name = `First ${months} months of ${(program as ProgramStart).name}`;
      break;
    }
    case 'custom':
      from = filters.from ?? data.last;
      to = filters.to ?? data.last;
      break;
    default:
      to = data.last;
      from = addMonths(to, -11);
      name = 'Last 12 months';
  }

  // Data ran out before the preset's end: report the months there are.
  let requestedTo: MonthKey | undefined;
  if (compareMonths(to, data.last) > 0 && compareMonths(from, data.last) <= 0) {
    requestedTo = to;
    to = data.last;
  }
  const months = formatMonthRange(from, to);
  const label = name ? `${name} (${months})` : months;

  const length = monthCount(from, to);
  let baselineFrom = addMonths(from, -length);
  const baselineTo = addMonths(from, -1);
  if (compareMonths(baselineFrom, data.first) < 0) baselineFrom = data.first;
  const baseline =
    compareMonths(baselineFrom, baselineTo) <= 0
      ? {
          from: baselineFrom,
          to: baselineTo,
          label: formatMonthRange(baselineFrom, baselineTo),
        }
      : null;
  return {
    preset,
    from,
    to,
    label,
    requestedTo,
    baseline,
    baselineShort:
      baseline !== null && monthCount(baseline.from, baseline.to) < length,
  };
}

/** The presets as a person reads them, for the period picker. */
export function periodOptionLabel(
  preset: PeriodPreset,
  program?: ProgramStart,
): string {
  switch (preset) {
    case 'last-month':
      return 'Last month';
    case 'last-quarter':
      return 'Last quarter';
    case 'last-12-months':
      return 'Last 12 months';
    case 'program-6':
    case 'program-12':
    case 'program-24':
      return `${preset.slice('program-'.length)} months since program start${
        program ? ` (${formatMonth(program.month)})` : ''
      }`;
    default:
      return 'Custom months';
  }
}
