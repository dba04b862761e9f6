import type {
  AreaLevel,
  CallOrigin,
  MetricDimension,
  ProgramModel,
  ResponseModel,
} from '@crosswalk/domain';

// Hand-written to match libs/api/metrics/src/metrics.objects.ts and
// libs/api/encounters/src/encounters.objects.ts until GraphQL Code Generator
// takes over; keep each operation next to its result and variable types.

export type MetricUnit =
  | 'encounters'
  | 'percent'
  | 'persons'
  | 'minutes'
  | 'hours'
  | 'dollars'
  | 'referrals';

export type BetterDirection = 'lower' | 'higher' | 'neutral';

export interface Metric {
  id: string;
  title: string;
  description: string;
  /** count, ratio, percentile, sum, distinct_persons or cost. */
  kind: string;
  unit: MetricUnit;
  betterDirection: BetterDirection;
  source: string;
  public: boolean;
}

export interface Agency {
  id: string;
  code: string;
  name: string;
  /** IANA time zone: months, days and hours are counted in it. */
  timeZone: string;
}

export interface Area {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  level: AreaLevel;
  parentId: string | null;
  population: number | null;
  /** GeoJSON geometry. */
  geojson: GeoJsonGeometry | null;
}

export interface GeoJsonGeometry {
  type: string;
  coordinates: unknown;
}

export interface Program {
  id: string;
  agencyId: string;
  name: string;
  model: ProgramModel;
  /** First day, yyyy-MM-dd in agency time. */
  startDate: string;
  areaIds: string[];
}

export type TimeGrain = 'day' | 'week' | 'month' | 'quarter' | 'year';

export type { MetricDimension };

export interface MetricFiltersInput {
  agencyId?: string;
  areaIds?: string[];
  programId?: string;
  responseModels?: ResponseModel[];
  callOrigins?: CallOrigin[];
  bhCategories?: string[];
  peerSpecialistInvolved?: boolean;
  ageBands?: string[];
  genders?: string[];
  races?: string[];
  ethnicities?: string[];
}

export interface MetricSeriesInput {
  metric: string;
  grain: TimeGrain;
  /** ISO 8601 instant, inclusive. */
  from: string;
  /** ISO 8601 instant, exclusive. */
  to: string;
  filters?: MetricFiltersInput;
  groupBy?: MetricDimension[];
  program?: string;
}

export interface MetricBreakdownInput {
  metric: string;
  dimension: MetricDimension;
  from: string;
  to: string;
  filters?: MetricFiltersInput;
  program?: string;
}

export interface HourOfWeekInput {
  metric: string;
  from: string;
  to: string;
  filters?: MetricFiltersInput;
}

export interface ComparisonInput {
  metrics: string[];
  from: string;
  to: string;
  /** Both or neither; neither means the equal-length period before. */
  baselineFrom?: string;
  baselineTo?: string;
  filters?: MetricFiltersInput;
}

export interface MetricPoint {
  /** 'YYYY-MM' for months, 'total' for breakdowns. */
  period: string;
  /** 'all', or the dimension value (area code for `area`). */
  group: string;
  /** Rates are fractions (0.12 = 12%). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Records left out because a field the metric needs is unknown. */
  excluded: number;
  /** Percentile metrics: each percentile of the definition (p50, p90). */
  percentiles: number[] | null;
}

export interface HourOfWeekCell {
  /** 1 = Monday ... 7 = Sunday. */
  dayOfWeek: number;
  hour: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  excluded: number;
}

export interface Comparison {
  metric: string;
  value: number | null;
  baselineValue: number | null;
  change: number | null;
  relativeChange: number | null;
  /** 95% CI of the change (of relativeChange for counts). */
  ciLower: number | null;
  ciUpper: number | null;
  pValue: number | null;
  significant: boolean;
  /** A window has fewer than 30 encounters. */
  smallSample: boolean;
  /** The test used, or "none". */
  method: string;
  excluded: number;
  baselineExcluded: number;
  from: string;
  to: string;
  baselineFrom: string;
  baselineTo: string;
}

export const DASHBOARD_REFERENCE_QUERY = /* GraphQL */ `
  query DashboardReference {
    metrics {
      id
      title
      description
      kind
      unit
      betterDirection
      source
      public
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
`;
export interface DashboardReferenceQuery {
  metrics: Metric[];
  agencies: Agency[];
  programs: Program[];
  areas: Area[];
  encounterCount: number;
}

const POINT_FIELDS = `period group value numerator denominator excluded percentiles`;
const CELL_FIELDS = `dayOfWeek hour value numerator denominator excluded`;
const COMPARISON_FIELDS = `metric value baselineValue change relativeChange ciLower ciUpper pValue significant smallSample method excluded baselineExcluded from to baselineFrom baselineTo`;

/** One metric question; several travel in one request (see metricBatchQuery). */
export type MetricRequest =
  | { op: 'metricSeries'; input: MetricSeriesInput }
  | { op: 'metricBreakdown'; input: MetricBreakdownInput }
  | { op: 'hourOfWeek'; input: HourOfWeekInput }
  | { op: 'comparison'; input: ComparisonInput };

export type MetricResultOf<R extends MetricRequest> = R extends {
  op: 'metricSeries' | 'metricBreakdown';
}
  ? MetricPoint[]
  : R extends { op: 'hourOfWeek' }
    ? HourOfWeekCell[]
    : Comparison[];

export type MetricBatch = Record<string, MetricRequest>;
export type MetricBatchResult<B extends MetricBatch> = {
  [K in keyof B]: MetricResultOf<B[K]>;
};

const OPERATIONS: Record<
  MetricRequest['op'],
  { inputType: string; fields: string }
> = {
  metricSeries: { inputType: 'MetricSeriesInput', fields: POINT_FIELDS },
  metricBreakdown: { inputType: 'MetricBreakdownInput', fields: POINT_FIELDS },
  hourOfWeek: { inputType: 'HourOfWeekInput', fields: CELL_FIELDS },
  comparison: { inputType: 'ComparisonInput', fields: COMPARISON_FIELDS },
};

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * One GraphQL document asking every question of a page at once, each under
 * its own alias, so a page costs one round trip. Inputs travel as variables
 * named after the aliases; nothing from the user is spliced into the text.
 */
export function metricBatchQuery(batch: MetricBatch): {
  query: string;
  variables: Record<string, MetricRequest['input']>;
} {
  const aliases = Object.keys(batch);
  if (aliases.length === 0) throw new Error('A metric batch needs a request.');
  const bad = aliases.find((alias) => !ALIAS.test(alias));
  if (bad) throw new Error(`Not a GraphQL alias: ${JSON.stringify(bad)}`);
  const declarations = aliases
    .map((alias) => `$${alias}: ${OPERATIONS[batch[alias].op].inputType}!`)
    .join(', ');
  const selections = aliases
    .map((alias) => {
      const { op } = batch[alias];
      return `  ${alias}: ${op}(input: $${alias}) { ${OPERATIONS[op].fields} }`;
    })
    .join('\n');
  return {
    query: `query MetricBatch(${declarations}) {\n${selections}\n}`,
    variables: Object.fromEntries(
      aliases.map((alias) => [alias, batch[alias].input]),
    ),
  };
}
