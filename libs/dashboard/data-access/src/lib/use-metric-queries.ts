import {
  addMonths,
  type MonthKey,
  monthOf,
  monthSpan,
} from '@crosswalk/dashboard/util';
import { useMemo } from 'react';

import { graphql } from '../gql';
import type {
  DashboardReferenceQuery,
  MetricSeriesInput,
} from '../gql/graphql';
import type { MetricPoint } from './graphql-types';
import { type QueryResult, useGraphqlQuery } from './use-graphql-query';

/** Metric answers are reused this long (Back, page switches). */
export const METRIC_CACHE_MS = 5 * 60_000;

const DashboardReferenceDocument = graphql(`
  query DashboardReference {
    metrics {
      ...MetricFields
    }
    agencies {
      id
      code
      name
      timeZone
    }
    programs {
      id
      agencyId
      name
      model
      startDate
      areaIds
    }
    areas {
      id
      agencyId
      code
      name
      level
      parentId
      population
      geojson
    }
    encounterCount
  }
`);

/**
 * What every dashboard page needs once: the metric catalogue, agencies,
 * programs, areas (with their shapes) and the encounter total. One request,
 * cached for the session.
 */
export function useDashboardReference(): QueryResult<DashboardReferenceQuery> {
  return useGraphqlQuery(
    DashboardReferenceDocument,
    {},
    { cacheMs: METRIC_CACHE_MS },
  );
}

const DataExtentDocument = graphql(`
  query DataExtent($input: MetricSeriesInput!) {
    metricSeries(input: $input) {
      ...MetricPointFields
    }
  }
`);

export interface DataExtent {
  /** First month with an encounter, in the agency zone (null: none yet). */
  firstMonth: MonthKey | null;
  /** Last month with an encounter. */
  lastMonth: MonthKey | null;
  /** The month that contains "now", in the agency zone. */
  currentMonth: MonthKey;
}

/** How far back the dashboard looks for data: the API's longest range. */
const LOOKBACK_MONTHS = 119;

export function extentQueryInput(
  timeZone: string,
  now: Date,
): MetricSeriesInput {
  const current = monthOf(now, timeZone);
  return {
    metric: 'bh_call_volume',
    grain: 'month',
    ...monthSpan(addMonths(current, -LOOKBACK_MONTHS), current, timeZone),
  };
}

export function toDataExtent(
  points: readonly MetricPoint[],
  currentMonth: MonthKey,
): DataExtent {
  const months = points
    .filter((p) => (p.value ?? 0) > 0)
    .map((p) => p.period)
    .sort();
  return {
    firstMonth: months[0] ?? null,
    lastMonth: months.at(-1) ?? null,
    currentMonth,
  };
}

/**
 * The months that hold encounters, so periods such as "last month" mean the
 * last month with data rather than an empty calendar month.
 */
export function useDataExtent(
  timeZone: string | undefined,
  now: Date = new Date(),
): QueryResult<DataExtent> {
  const input = timeZone ? extentQueryInput(timeZone, now) : null;
  const result = useGraphqlQuery(DataExtentDocument, input && { input }, {
    cacheMs: METRIC_CACHE_MS,
  });
  const currentMonth = monthOf(now, timeZone ?? 'UTC');
  const points = result.status === 'success' ? result.data.metricSeries : null;
  // Memoised so the extent keeps its identity while the answer does.
  const extent = useMemo(
    () => (points ? toDataExtent(points, currentMonth) : null),
    [points, currentMonth],
  );
  return extent && result.status === 'success'
    ? { status: 'success', data: extent, refetch: result.refetch }
    : (result as QueryResult<never>);
}
