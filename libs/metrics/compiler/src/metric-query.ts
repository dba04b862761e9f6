import { METRIC_DIMENSIONS, type MetricDimension } from '@crosswalk/domain';

export const GRAINS = [
  'day',
  'week',
  'month',
  'quarter',
  'year',
  'hour_of_week',
  'total',
] as const;
export type Grain = (typeof GRAINS)[number];

/** Dimensions a metric can be broken down by: the domain's list. */
export const DIMENSIONS = METRIC_DIMENSIONS;
export type Dimension = MetricDimension;

export interface MetricFilters {
  /** Agencies the caller may see (always set by the API from the user). */
  agencyIds?: string[];
  /** Areas, each with the areas below it. */
  areaIds?: string[];
  /** Encounters in the program's areas. */
  programId?: string;
  responseModels?: string[];
  callOrigins?: string[];
  bhCategories?: string[];
  peerSpecialistInvolved?: boolean;
  ageBands?: string[];
  genders?: string[];
  races?: string[];
  ethnicities?: string[];
}

export interface MetricQuery {
  grain: Grain;
  /** Half-open range [from, to) of occurred_at. */
  from: Date;
  to: Date;
  filters?: MetricFilters;
  groupBy?: Dimension[];
  /** The program whose areas `program_area` splits on (defaults to filters.programId). */
  program?: string;
}

export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

/** One row of a compiled query's answer. */
export interface MetricRow {
  period: string;
  group: string;
  numerator: number | null;
  denominator: number | null;
  excluded: number;
  /** Percentile kinds: the percentiles in definition order. */
  percentiles: number[] | null;
  /** Sum kinds: the sum already divided. */
  total: number | null;
}
