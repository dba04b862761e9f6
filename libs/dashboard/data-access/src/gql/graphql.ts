/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AreaLevel =
  | 'beat'
  | 'district'
  | 'precinct'
  | 'sector';

export type ComparisonInput = {
  /** Baseline start; with baselineTo unset too, AUTO: the equal-length period before. */
  baselineFrom?: string | null | undefined;
  baselineTo?: string | null | undefined;
  filters?: MetricFiltersInput | null | undefined;
  from: string;
  metrics: Array<string>;
  to: string;
};

export type HourOfWeekInput = {
  filters?: MetricFiltersInput | null | undefined;
  from: string;
  metric: string;
  to: string;
};

/** running; completed; failed (see error); interrupted (the process stopped: import the file again to finish). */
export type ImportBatchStatus =
  | 'completed'
  | 'failed'
  | 'interrupted'
  | 'running';

export type MetricBreakdownInput = {
  dimension: MetricDimension;
  filters?: MetricFiltersInput | null | undefined;
  from: string;
  metric: string;
  program?: string | number | null | undefined;
  to: string;
};

export type MetricDimension =
  | 'age_band'
  | 'area'
  | 'bh_category'
  | 'call_origin'
  | 'district'
  | 'ethnicity'
  | 'gender'
  | 'peer_specialist_involved'
  | 'program_area'
  | 'race'
  | 'response_model'
  | 'shift';

export type MetricFiltersInput = {
  ageBands?: Array<string> | null | undefined;
  agencyId?: string | number | null | undefined;
  /** Areas, each with the areas below it. */
  areaIds?: Array<string | number> | null | undefined;
  bhCategories?: Array<string> | null | undefined;
  callOrigins?: Array<string> | null | undefined;
  ethnicities?: Array<string> | null | undefined;
  genders?: Array<string> | null | undefined;
  peerSpecialistInvolved?: boolean | null | undefined;
  /** Encounters in the program's areas. */
  programId?: string | number | null | undefined;
  races?: Array<string> | null | undefined;
  responseModels?: Array<string> | null | undefined;
};

export type MetricSeriesInput = {
  filters?: MetricFiltersInput | null | undefined;
  from: string;
  grain: TimeGrain;
  groupBy?: Array<MetricDimension> | null | undefined;
  /** A metric id (see `metrics`). */
  metric: string;
  /** The program `program_area` splits on. */
  program?: string | number | null | undefined;
  to: string;
};

export type ProgramModel =
  | 'cit_officer'
  | 'civilian_alternative'
  | 'co_responder'
  | 'lead_diversion'
  | 'mobile_crisis';

/** What a user may do in Crosswalk. */
export type Role =
  | 'admin'
  | 'data_steward'
  | 'grant_writer'
  | 'planner'
  | 'program_manager'
  | 'viewer';

/** Time buckets, in the agency time zone. */
export type TimeGrain =
  | 'day'
  | 'month'
  | 'quarter'
  | 'week'
  | 'year';

export type AreaFiguresQueryVariables = Exact<{
  volume: MetricBreakdownInput;
  current: MetricBreakdownInput;
  baseline: MetricBreakdownInput;
  withBaseline: boolean;
}>;


export type AreaFiguresQuery = { volume: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, current: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, baseline?: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }> };

export type MeFieldsFragment = { id: string, email: string, displayName: string, role: Role };

export type MetricFieldsFragment = { id: string, title: string, description: string, kind: string, unit: string, betterDirection: string, source: string, public: boolean };

export type MetricPointFieldsFragment = { period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null };

export type HourOfWeekCellFieldsFragment = { dayOfWeek: number, hour: number, value: number | null, numerator: number | null, denominator: number | null, excluded: number };

export type ComparisonFieldsFragment = { metric: string, value: number | null, baselineValue: number | null, change: number | null, relativeChange: number | null, ciLower: number | null, ciUpper: number | null, pValue: number | null, significant: boolean, smallSample: boolean, method: string, excluded: number, baselineExcluded: number, from: string, to: string, baselineFrom: string, baselineTo: string };

export type ImportBatchSummaryFieldsFragment = { id: string, profile: string, fileName: string, status: ImportBatchStatus, rowsRead: number, inserted: number, updated: number, unchanged: number, rejected: number, filtered: number, startedAt: string, finishedAt: string | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { id: string, email: string, displayName: string, role: Role } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type ImportProfilesQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportProfilesQuery = { importProfiles: Array<{ name: string, title: string, description: string | null, sourceSystem: string, agencyCode: string, agencyName: string, timeZone: string }> };

export type ImportBatchesQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type ImportBatchesQuery = { importBatches: Array<{ id: string, profile: string, fileName: string, status: ImportBatchStatus, rowsRead: number, inserted: number, updated: number, unchanged: number, rejected: number, filtered: number, startedAt: string, finishedAt: string | null }> };

export type ImportBatchQueryVariables = Exact<{
  id: string | number;
  rejectsLimit?: number | null | undefined;
}>;


export type ImportBatchQuery = { importBatch: { sourceSystem: string, bytesRead: number, bytesTotal: number | null, progress: number, error: string | null, id: string, profile: string, fileName: string, status: ImportBatchStatus, rowsRead: number, inserted: number, updated: number, unchanged: number, rejected: number, filtered: number, startedAt: string, finishedAt: string | null, rejectsByReason: Array<{ reason: string, count: number }>, rejects: Array<{ rowNumber: number, column: string | null, reason: string, detail: string | null, rawLine: string }> } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, role: Role } };

export type DashboardReferenceQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardReferenceQuery = { encounterCount: number, metrics: Array<{ id: string, title: string, description: string, kind: string, unit: string, betterDirection: string, source: string, public: boolean }>, agencies: Array<{ id: string, code: string, name: string, timeZone: string }>, programs: Array<{ id: string, agencyId: string, name: string, model: ProgramModel, startDate: string, areaIds: Array<string> }>, areas: Array<{ id: string, agencyId: string, code: string, name: string, level: AreaLevel, parentId: string | null, population: number | null, geojson: unknown }> };

export type DataExtentQueryVariables = Exact<{
  input: MetricSeriesInput;
}>;


export type DataExtentQuery = { metricSeries: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }> };

export type ExploreMetricQueryVariables = Exact<{
  series: MetricSeriesInput;
  breakdown: MetricBreakdownInput;
  comparison: ComparisonInput;
}>;


export type ExploreMetricQuery = { series: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, breakdown: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, comparison: Array<{ metric: string, value: number | null, baselineValue: number | null, change: number | null, relativeChange: number | null, ciLower: number | null, ciUpper: number | null, pValue: number | null, significant: boolean, smallSample: boolean, method: string, excluded: number, baselineExcluded: number, from: string, to: string, baselineFrom: string, baselineTo: string }> };

export type OverviewKpisQueryVariables = Exact<{
  comparison: ComparisonInput;
  bh_call_volume: MetricSeriesInput;
  specialized_response_share: MetricSeriesInput;
  diversion_rate: MetricSeriesInput;
  arrest_rate: MetricSeriesInput;
  emergency_detention_rate: MetricSeriesInput;
  use_of_force_rate: MetricSeriesInput;
  response_time_median: MetricSeriesInput;
  referral_rate: MetricSeriesInput;
}>;


export type OverviewKpisQuery = { kpis: Array<{ metric: string, value: number | null, baselineValue: number | null, change: number | null, relativeChange: number | null, ciLower: number | null, ciUpper: number | null, pValue: number | null, significant: boolean, smallSample: boolean, method: string, excluded: number, baselineExcluded: number, from: string, to: string, baselineFrom: string, baselineTo: string }>, bh_call_volume: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, specialized_response_share: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, diversion_rate: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, arrest_rate: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, emergency_detention_rate: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, use_of_force_rate: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, response_time_median: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, referral_rate: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }> };

export type StaffingFiguresQueryVariables = Exact<{
  calls: MetricSeriesInput;
  volume: HourOfWeekInput;
  specialized: HourOfWeekInput;
  responseTimeByShift: MetricBreakdownInput;
  responseTimeByModel: MetricBreakdownInput;
}>;


export type StaffingFiguresQuery = { calls: Array<{ value: number | null }>, volume: Array<{ dayOfWeek: number, hour: number, value: number | null, numerator: number | null, denominator: number | null, excluded: number }>, specialized: Array<{ dayOfWeek: number, hour: number, value: number | null, numerator: number | null, denominator: number | null, excluded: number }>, responseTimeByShift: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }>, responseTimeByModel: Array<{ period: string, group: string, value: number | null, numerator: number | null, denominator: number | null, excluded: number, percentiles: Array<number> | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MeFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeFields on Me {
  id
  email
  displayName
  role
}
    `, {"fragmentName":"MeFields"}) as unknown as TypedDocumentString<MeFieldsFragment, unknown>;
export const MetricFieldsFragmentDoc = new TypedDocumentString(`
    fragment MetricFields on Metric {
  id
  title
  description
  kind
  unit
  betterDirection
  source
  public
}
    `, {"fragmentName":"MetricFields"}) as unknown as TypedDocumentString<MetricFieldsFragment, unknown>;
export const MetricPointFieldsFragmentDoc = new TypedDocumentString(`
    fragment MetricPointFields on MetricPoint {
  period
  group
  value
  numerator
  denominator
  excluded
  percentiles
}
    `, {"fragmentName":"MetricPointFields"}) as unknown as TypedDocumentString<MetricPointFieldsFragment, unknown>;
export const HourOfWeekCellFieldsFragmentDoc = new TypedDocumentString(`
    fragment HourOfWeekCellFields on HourOfWeekCell {
  dayOfWeek
  hour
  value
  numerator
  denominator
  excluded
}
    `, {"fragmentName":"HourOfWeekCellFields"}) as unknown as TypedDocumentString<HourOfWeekCellFieldsFragment, unknown>;
export const ComparisonFieldsFragmentDoc = new TypedDocumentString(`
    fragment ComparisonFields on Comparison {
  metric
  value
  baselineValue
  change
  relativeChange
  ciLower
  ciUpper
  pValue
  significant
  smallSample
  method
  excluded
  baselineExcluded
  from
  to
  baselineFrom
  baselineTo
}
    `, {"fragmentName":"ComparisonFields"}) as unknown as TypedDocumentString<ComparisonFieldsFragment, unknown>;
export const ImportBatchSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportBatchSummaryFields on ImportBatch {
  id
  profile
  fileName
  status
  rowsRead
  inserted
  updated
  unchanged
  rejected
  filtered
  startedAt
  finishedAt
}
    `, {"fragmentName":"ImportBatchSummaryFields"}) as unknown as TypedDocumentString<ImportBatchSummaryFieldsFragment, unknown>;
export const AreaFiguresDocument = new TypedDocumentString(`
    query AreaFigures($volume: MetricBreakdownInput!, $current: MetricBreakdownInput!, $baseline: MetricBreakdownInput!, $withBaseline: Boolean!) {
  volume: metricBreakdown(input: $volume) {
    ...MetricPointFields
  }
  current: metricBreakdown(input: $current) {
    ...MetricPointFields
  }
  baseline: metricBreakdown(input: $baseline) @include(if: $withBaseline) {
    ...MetricPointFields
  }
}
    fragment MetricPointFields on MetricPoint {
  period
  group
  value
  numerator
  denominator
  excluded
  percentiles
}`) as unknown as TypedDocumentString<AreaFiguresQuery, AreaFiguresQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    ...MeFields
  }
}
    fragment MeFields on Me {
  id
  email
  displayName
  role
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ImportProfilesDocument = new TypedDocumentString(`
    query ImportProfiles {
  importProfiles {
    name
    title
    description
    sourceSystem
    agencyCode
    agencyName
    timeZone
  }
}
    `) as unknown as TypedDocumentString<ImportProfilesQuery, ImportProfilesQueryVariables>;
export const ImportBatchesDocument = new TypedDocumentString(`
    query ImportBatches($limit: Int) {
  importBatches(limit: $limit) {
    ...ImportBatchSummaryFields
  }
}
    fragment ImportBatchSummaryFields on ImportBatch {
  id
  profile
  fileName
  status
  rowsRead
  inserted
  updated
  unchanged
  rejected
  filtered
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<ImportBatchesQuery, ImportBatchesQueryVariables>;
export const ImportBatchDocument = new TypedDocumentString(`
    query ImportBatch($id: ID!, $rejectsLimit: Int) {
  importBatch(id: $id) {
    ...ImportBatchSummaryFields
    sourceSystem
    bytesRead
    bytesTotal
    progress
    error
    rejectsByReason {
      reason
      count
    }
    rejects(limit: $rejectsLimit) {
      rowNumber
      column
      reason
      detail
      rawLine
    }
  }
}
    fragment ImportBatchSummaryFields on ImportBatch {
  id
  profile
  fileName
  status
  rowsRead
  inserted
  updated
  unchanged
  rejected
  filtered
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<ImportBatchQuery, ImportBatchQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...MeFields
  }
}
    fragment MeFields on Me {
  id
  email
  displayName
  role
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const DashboardReferenceDocument = new TypedDocumentString(`
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
    fragment MetricFields on Metric {
  id
  title
  description
  kind
  unit
  betterDirection
  source
  public
}`) as unknown as TypedDocumentString<DashboardReferenceQuery, DashboardReferenceQueryVariables>;
export const DataExtentDocument = new TypedDocumentString(`
    query DataExtent($input: MetricSeriesInput!) {
  metricSeries(input: $input) {
    ...MetricPointFields
  }
}
    fragment MetricPointFields on MetricPoint {
  period
  group
  value
  numerator
  denominator
  excluded
  percentiles
}`) as unknown as TypedDocumentString<DataExtentQuery, DataExtentQueryVariables>;
export const ExploreMetricDocument = new TypedDocumentString(`
    query ExploreMetric($series: MetricSeriesInput!, $breakdown: MetricBreakdownInput!, $comparison: ComparisonInput!) {
  series: metricSeries(input: $series) {
    ...MetricPointFields
  }
  breakdown: metricBreakdown(input: $breakdown) {
    ...MetricPointFields
  }
  comparison(input: $comparison) {
    ...ComparisonFields
  }
}
    fragment MetricPointFields on MetricPoint {
  period
  group
  value
  numerator
  denominator
  excluded
  percentiles
}
fragment ComparisonFields on Comparison {
  metric
  value
  baselineValue
  change
  relativeChange
  ciLower
  ciUpper
  pValue
  significant
  smallSample
  method
  excluded
  baselineExcluded
  from
  to
  baselineFrom
  baselineTo
}`) as unknown as TypedDocumentString<ExploreMetricQuery, ExploreMetricQueryVariables>;
export const OverviewKpisDocument = new TypedDocumentString(`
    query OverviewKpis($comparison: ComparisonInput!, $bh_call_volume: MetricSeriesInput!, $specialized_response_share: MetricSeriesInput!, $diversion_rate: MetricSeriesInput!, $arrest_rate: MetricSeriesInput!, $emergency_detention_rate: MetricSeriesInput!, $use_of_force_rate: MetricSeriesInput!, $response_time_median: MetricSeriesInput!, $referral_rate: MetricSeriesInput!) {
  kpis: comparison(input: $comparison) {
    ...ComparisonFields
  }
  bh_call_volume: metricSeries(input: $bh_call_volume) {
    ...MetricPointFields
  }
  specialized_response_share: metricSeries(input: $specialized_response_share) {
    ...MetricPointFields
  }
  diversion_rate: metricSeries(input: $diversion_rate) {
    ...MetricPointFields
  }
  arrest_rate: metricSeries(input: $arrest_rate) {
    ...MetricPointFields
  }
  emergency_detention_rate: metricSeries(input: $emergency_detention_rate) {
    ...MetricPointFields
  }
  use_of_force_rate: metricSeries(input: $use_of_force_rate) {
    ...MetricPointFields
  }
  response_time_median: metricSeries(input: $response_time_median) {
    ...MetricPointFields
  }
  referral_rate: metricSeries(input: $referral_rate) {
    ...MetricPointFields
  }
}
    fragment MetricPointFields on MetricPoint {
  period
  group
  value
  numerator
  denominator
  excluded
  percentiles
}
fragment ComparisonFields on Comparison {
  metric
  value
  baselineValue
  change
  relativeChange
  ciLower
  ciUpper
  pValue
  significant
  smallSample
  method
  excluded
  baselineExcluded
  from
  to
  baselineFrom
  baselineTo
}`) as unknown as TypedDocumentString<OverviewKpisQuery, OverviewKpisQueryVariables>;
export const StaffingFiguresDocument = new TypedDocumentString(`
    query StaffingFigures($calls: MetricSeriesInput!, $volume: HourOfWeekInput!, $specialized: HourOfWeekInput!, $responseTimeByShift: MetricBreakdownInput!, $responseTimeByModel: MetricBreakdownInput!) {
  calls: metricSeries(input: $calls) {
    value
  }
  volume: hourOfWeek(input: $volume) {
    ...HourOfWeekCellFields
  }
  specialized: hourOfWeek(input: $specialized) {
    ...HourOfWeekCellFields
  }
  responseTimeByShift: metricBreakdown(input: $responseTimeByShift) {
    ...MetricPointFields
  }
  responseTimeByModel: metricBreakdown(input: $responseTimeByModel) {
    ...MetricPointFields
  }
}
    fragment MetricPointFields on MetricPoint {
  period
  group
  value
  numerator
  denominator
  excluded
  percentiles
}
fragment HourOfWeekCellFields on HourOfWeekCell {
  dayOfWeek
  hour
  value
  numerator
  denominator
  excluded
}`) as unknown as TypedDocumentString<StaffingFiguresQuery, StaffingFiguresQueryVariables>;