import {
  type Area,
  type DashboardReferenceQuery,
  type DataExtent,
  type Metric,
  type MetricFiltersInput,
  type Program,
  type QueryResult,
  useDashboardReference,
  useDataExtent,
} from '@crosswalk/dashboard/data-access';
import { monthOfDate, monthSpan } from '@crosswalk/dashboard/util';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

import {
  type DashboardFilters,
  type DataMonths,
  dataMonths,
  parseFilters,
  type ProgramStart,
  type ResolvedPeriod,
  resolvePeriod,
  toMetricFilters,
  writeFilters,
} from './dashboard-filters.util';

/** Everything a dashboard page needs to ask for its numbers. */
export interface DashboardView {
  reference: DashboardReferenceQuery;
  extent: DataExtent;
  /** The agency zone months are counted in. */
  timeZone: string;
  filters: DashboardFilters;
  /** Whole months with data; null before the first import. */
  data: DataMonths | null;
  /** The period and baseline; null when there is no data. */
  period: ResolvedPeriod | null;
  /** API instants of the period and the baseline. */
  span: { from: string; to: string } | null;
  baselineSpan: { from: string; to: string } | null;
  metricFilters: MetricFiltersInput;
  /** The program whose start the presets and the charts' marker use. */
  program: Program | undefined;
  programStart: ProgramStart | undefined;
  metric: (id: string) => Metric | undefined;
  area: (id: string) => Area | undefined;
  /** Changes filters; a new history entry, so Back undoes it. */
  setFilters: (next: DashboardFilters) => void;
}

/**
 * The view's filters (from the address), the reference data and the months
 * with data, resolved into the period a page reports on. Loading and errors
 * of the reference data and the data extent come through as one result.
 */
export function useDashboardView(): QueryResult<DashboardView> {
  const reference = useDashboardReference();
  const [params, setParams] = useSearchParams();
  const paramsText = params.toString();
  const filters = useMemo(
    () => parseFilters(new URLSearchParams(paramsText)),
    [paramsText],
  );
  const ref = reference.status === 'success' ? reference.data : null;
  const program = ref
    ? (ref.programs.find((p) => p.id === filters.program) ??
      [...ref.programs].sort((a, b) =>
        a.startDate.localeCompare(b.startDate),
      )[0])
    : undefined;
  const timeZone =
    ref?.agencies.find((a) => a.id === program?.agencyId)?.timeZone ??
    ref?.agencies[0]?.timeZone;
  const extent = useDataExtent(ref ? (timeZone ?? 'UTC') : undefined);

  const setFilters = useCallback(
    (next: DashboardFilters) =>
      setParams((current) => writeFilters(next, current)),
    [setParams],
  );

  const extentData = extent.status === 'success' ? extent.data : null;
  const view = useMemo((): DashboardView | null => {
    if (!ref || !extentData) return null;
    const zone = timeZone ?? 'UTC';
    const programStart = program
      ? { name: program.name, month: monthOfDate(program.startDate) }
      : undefined;
    const data = dataMonths(extentData);
    const period = data ? resolvePeriod(filters, data, programStart) : null;
    const metrics = new Map(ref.metrics.map((m) => [m.id, m]));
    const areas = new Map(ref.areas.map((a) => [a.id, a]));
    return {
      reference: ref,
      extent: extentData,
      timeZone: zone,
      filters,
      data,
      period,
      span: period ? monthSpan(period.from, period.to, zone) : null,
      baselineSpan: period?.baseline
        ? monthSpan(period.baseline.from, period.baseline.to, zone)
        : null,
      metricFilters: toMetricFilters(filters),
      program,
      programStart,
      metric: (id) => metrics.get(id),
      area: (id) => areas.get(id),
      setFilters,
    };
  }, [ref, extentData, timeZone, program, filters, setFilters]);

  if (reference.status !== 'success') return reference;
  if (extent.status !== 'success') return extent;
  return {
    status: 'success',
    data: view as DashboardView,
    refetch: () => {
      reference.refetch();
      extent.refetch();
    },
  };
}
