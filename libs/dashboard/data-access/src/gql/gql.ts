/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AreaFigures(\n    $volume: MetricBreakdownInput!\n    $current: MetricBreakdownInput!\n    $baseline: MetricBreakdownInput!\n    $withBaseline: Boolean!\n  ) {\n    volume: metricBreakdown(input: $volume) {\n      ...MetricPointFields\n    }\n    current: metricBreakdown(input: $current) {\n      ...MetricPointFields\n    }\n    baseline: metricBreakdown(input: $baseline) @include(if: $withBaseline) {\n      ...MetricPointFields\n    }\n  }\n": typeof types.AreaFiguresDocument,
    "fragment MeFields on Me {\n  id\n  email\n  displayName\n  role\n}\n\nfragment MetricFields on Metric {\n  id\n  title\n  description\n  kind\n  unit\n  betterDirection\n  source\n  public\n}\n\nfragment MetricPointFields on MetricPoint {\n  period\n  group\n  value\n  numerator\n  denominator\n  excluded\n  percentiles\n}\n\nfragment HourOfWeekCellFields on HourOfWeekCell {\n  dayOfWeek\n  hour\n  value\n  numerator\n  denominator\n  excluded\n}\n\nfragment ComparisonFields on Comparison {\n  metric\n  value\n  baselineValue\n  change\n  relativeChange\n  ciLower\n  ciUpper\n  pValue\n  significant\n  smallSample\n  method\n  excluded\n  baselineExcluded\n  from\n  to\n  baselineFrom\n  baselineTo\n}\n\nfragment ImportBatchSummaryFields on ImportBatch {\n  id\n  profile\n  fileName\n  status\n  rowsRead\n  inserted\n  updated\n  unchanged\n  rejected\n  filtered\n  startedAt\n  finishedAt\n}": typeof types.MeFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...MeFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query ImportProfiles {\n    importProfiles {\n      name\n      title\n      description\n      sourceSystem\n      agencyCode\n      agencyName\n      timeZone\n    }\n  }\n": typeof types.ImportProfilesDocument,
    "\n  query ImportBatches($limit: Int) {\n    importBatches(limit: $limit) {\n      ...ImportBatchSummaryFields\n    }\n  }\n": typeof types.ImportBatchesDocument,
    "\n  query ImportBatch($id: ID!, $rejectsLimit: Int) {\n    importBatch(id: $id) {\n      ...ImportBatchSummaryFields\n      sourceSystem\n      bytesRead\n      bytesTotal\n      progress\n      error\n      rejectsByReason {\n        reason\n        count\n      }\n      rejects(limit: $rejectsLimit) {\n        rowNumber\n        column\n        reason\n        detail\n        rawLine\n      }\n    }\n  }\n": typeof types.ImportBatchDocument,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query DashboardReference {\n    metrics {\n      ...MetricFields\n    }\n    agencies {\n      id\n      code\n      name\n      timeZone\n    }\n    programs {\n      id\n      agencyId\n      name\n      model\n      startDate\n      areaIds\n    }\n    areas {\n      id\n      agencyId\n      code\n      name\n      level\n      parentId\n      population\n      geojson\n    }\n    encounterCount\n  }\n": typeof types.DashboardReferenceDocument,
    "\n  query DataExtent($input: MetricSeriesInput!) {\n    metricSeries(input: $input) {\n      ...MetricPointFields\n    }\n  }\n": typeof types.DataExtentDocument,
    "\n  query ExploreMetric(\n    $series: MetricSeriesInput!\n    $breakdown: MetricBreakdownInput!\n    $comparison: ComparisonInput!\n  ) {\n    series: metricSeries(input: $series) {\n      ...MetricPointFields\n    }\n    breakdown: metricBreakdown(input: $breakdown) {\n      ...MetricPointFields\n    }\n    comparison(input: $comparison) {\n      ...ComparisonFields\n    }\n  }\n": typeof types.ExploreMetricDocument,
    "\n  query OverviewKpis(\n    $comparison: ComparisonInput!\n    $bh_call_volume: MetricSeriesInput!\n    $specialized_response_share: MetricSeriesInput!\n    $diversion_rate: MetricSeriesInput!\n    $arrest_rate: MetricSeriesInput!\n    $emergency_detention_rate: MetricSeriesInput!\n    $use_of_force_rate: MetricSeriesInput!\n    $response_time_median: MetricSeriesInput!\n    $referral_rate: MetricSeriesInput!\n  ) {\n    kpis: comparison(input: $comparison) {\n      ...ComparisonFields\n    }\n    bh_call_volume: metricSeries(input: $bh_call_volume) {\n      ...MetricPointFields\n    }\n    specialized_response_share: metricSeries(input: $specialized_response_share) {\n      ...MetricPointFields\n    }\n    diversion_rate: metricSeries(input: $diversion_rate) {\n      ...MetricPointFields\n    }\n    arrest_rate: metricSeries(input: $arrest_rate) {\n      ...MetricPointFields\n    }\n    emergency_detention_rate: metricSeries(input: $emergency_detention_rate) {\n      ...MetricPointFields\n    }\n    use_of_force_rate: metricSeries(input: $use_of_force_rate) {\n      ...MetricPointFields\n    }\n    response_time_median: metricSeries(input: $response_time_median) {\n      ...MetricPointFields\n    }\n    referral_rate: metricSeries(input: $referral_rate) {\n      ...MetricPointFields\n    }\n  }\n": typeof types.OverviewKpisDocument,
    "\n  query StaffingFigures(\n    $calls: MetricSeriesInput!\n    $volume: HourOfWeekInput!\n    $specialized: HourOfWeekInput!\n    $responseTimeByShift: MetricBreakdownInput!\n    $responseTimeByModel: MetricBreakdownInput!\n  ) {\n    calls: metricSeries(input: $calls) {\n      value\n    }\n    volume: hourOfWeek(input: $volume) {\n      ...HourOfWeekCellFields\n    }\n    specialized: hourOfWeek(input: $specialized) {\n      ...HourOfWeekCellFields\n    }\n    responseTimeByShift: metricBreakdown(input: $responseTimeByShift) {\n      ...MetricPointFields\n    }\n    responseTimeByModel: metricBreakdown(input: $responseTimeByModel) {\n      ...MetricPointFields\n    }\n  }\n": typeof types.StaffingFiguresDocument,
};
const documents: Documents = {
    "\n  query AreaFigures(\n    $volume: MetricBreakdownInput!\n    $current: MetricBreakdownInput!\n    $baseline: MetricBreakdownInput!\n    $withBaseline: Boolean!\n  ) {\n    volume: metricBreakdown(input: $volume) {\n      ...MetricPointFields\n    }\n    current: metricBreakdown(input: $current) {\n      ...MetricPointFields\n    }\n    baseline: metricBreakdown(input: $baseline) @include(if: $withBaseline) {\n      ...MetricPointFields\n    }\n  }\n": types.AreaFiguresDocument,
    "fragment MeFields on Me {\n  id\n  email\n  displayName\n  role\n}\n\nfragment MetricFields on Metric {\n  id\n  title\n  description\n  kind\n  unit\n  betterDirection\n  source\n  public\n}\n\nfragment MetricPointFields on MetricPoint {\n  period\n  group\n  value\n  numerator\n  denominator\n  excluded\n  percentiles\n}\n\nfragment HourOfWeekCellFields on HourOfWeekCell {\n  dayOfWeek\n  hour\n  value\n  numerator\n  denominator\n  excluded\n}\n\nfragment ComparisonFields on Comparison {\n  metric\n  value\n  baselineValue\n  change\n  relativeChange\n  ciLower\n  ciUpper\n  pValue\n  significant\n  smallSample\n  method\n  excluded\n  baselineExcluded\n  from\n  to\n  baselineFrom\n  baselineTo\n}\n\nfragment ImportBatchSummaryFields on ImportBatch {\n  id\n  profile\n  fileName\n  status\n  rowsRead\n  inserted\n  updated\n  unchanged\n  rejected\n  filtered\n  startedAt\n  finishedAt\n}": types.MeFieldsFragmentDoc,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...MeFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query ImportProfiles {\n    importProfiles {\n      name\n      title\n      description\n      sourceSystem\n      agencyCode\n      agencyName\n      timeZone\n    }\n  }\n": types.ImportProfilesDocument,
    "\n  query ImportBatches($limit: Int) {\n    importBatches(limit: $limit) {\n      ...ImportBatchSummaryFields\n    }\n  }\n": types.ImportBatchesDocument,
    "\n  query ImportBatch($id: ID!, $rejectsLimit: Int) {\n    importBatch(id: $id) {\n      ...ImportBatchSummaryFields\n      sourceSystem\n      bytesRead\n      bytesTotal\n      progress\n      error\n      rejectsByReason {\n        reason\n        count\n      }\n      rejects(limit: $rejectsLimit) {\n        rowNumber\n        column\n        reason\n        detail\n        rawLine\n      }\n    }\n  }\n": types.ImportBatchDocument,
    "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n": types.MeDocument,
    "\n  query DashboardReference {\n    metrics {\n      ...MetricFields\n    }\n    agencies {\n      id\n      code\n      name\n      timeZone\n    }\n    programs {\n      id\n      agencyId\n      name\n      model\n      startDate\n      areaIds\n    }\n    areas {\n      id\n      agencyId\n      code\n      name\n      level\n      parentId\n      population\n      geojson\n    }\n    encounterCount\n  }\n": types.DashboardReferenceDocument,
    "\n  query DataExtent($input: MetricSeriesInput!) {\n    metricSeries(input: $input) {\n      ...MetricPointFields\n    }\n  }\n": types.DataExtentDocument,
    "\n  query ExploreMetric(\n    $series: MetricSeriesInput!\n    $breakdown: MetricBreakdownInput!\n    $comparison: ComparisonInput!\n  ) {\n    series: metricSeries(input: $series) {\n      ...MetricPointFields\n    }\n    breakdown: metricBreakdown(input: $breakdown) {\n      ...MetricPointFields\n    }\n    comparison(input: $comparison) {\n      ...ComparisonFields\n    }\n  }\n": types.ExploreMetricDocument,
    "\n  query OverviewKpis(\n    $comparison: ComparisonInput!\n    $bh_call_volume: MetricSeriesInput!\n    $specialized_response_share: MetricSeriesInput!\n    $diversion_rate: MetricSeriesInput!\n    $arrest_rate: MetricSeriesInput!\n    $emergency_detention_rate: MetricSeriesInput!\n    $use_of_force_rate: MetricSeriesInput!\n    $response_time_median: MetricSeriesInput!\n    $referral_rate: MetricSeriesInput!\n  ) {\n    kpis: comparison(input: $comparison) {\n      ...ComparisonFields\n    }\n    bh_call_volume: metricSeries(input: $bh_call_volume) {\n      ...MetricPointFields\n    }\n    specialized_response_share: metricSeries(input: $specialized_response_share) {\n      ...MetricPointFields\n    }\n    diversion_rate: metricSeries(input: $diversion_rate) {\n      ...MetricPointFields\n    }\n    arrest_rate: metricSeries(input: $arrest_rate) {\n      ...MetricPointFields\n    }\n    emergency_detention_rate: metricSeries(input: $emergency_detention_rate) {\n      ...MetricPointFields\n    }\n    use_of_force_rate: metricSeries(input: $use_of_force_rate) {\n      ...MetricPointFields\n    }\n    response_time_median: metricSeries(input: $response_time_median) {\n      ...MetricPointFields\n    }\n    referral_rate: metricSeries(input: $referral_rate) {\n      ...MetricPointFields\n    }\n  }\n": types.OverviewKpisDocument,
    "\n  query StaffingFigures(\n    $calls: MetricSeriesInput!\n    $volume: HourOfWeekInput!\n    $specialized: HourOfWeekInput!\n    $responseTimeByShift: MetricBreakdownInput!\n    $responseTimeByModel: MetricBreakdownInput!\n  ) {\n    calls: metricSeries(input: $calls) {\n      value\n    }\n    volume: hourOfWeek(input: $volume) {\n      ...HourOfWeekCellFields\n    }\n    specialized: hourOfWeek(input: $specialized) {\n      ...HourOfWeekCellFields\n    }\n    responseTimeByShift: metricBreakdown(input: $responseTimeByShift) {\n      ...MetricPointFields\n    }\n    responseTimeByModel: metricBreakdown(input: $responseTimeByModel) {\n      ...MetricPointFields\n    }\n  }\n": types.StaffingFiguresDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AreaFigures(\n    $volume: MetricBreakdownInput!\n    $current: MetricBreakdownInput!\n    $baseline: MetricBreakdownInput!\n    $withBaseline: Boolean!\n  ) {\n    volume: metricBreakdown(input: $volume) {\n      ...MetricPointFields\n    }\n    current: metricBreakdown(input: $current) {\n      ...MetricPointFields\n    }\n    baseline: metricBreakdown(input: $baseline) @include(if: $withBaseline) {\n      ...MetricPointFields\n    }\n  }\n"): typeof import('./graphql').AreaFiguresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MeFields on Me {\n  id\n  email\n  displayName\n  role\n}\n\nfragment MetricFields on Metric {\n  id\n  title\n  description\n  kind\n  unit\n  betterDirection\n  source\n  public\n}\n\nfragment MetricPointFields on MetricPoint {\n  period\n  group\n  value\n  numerator\n  denominator\n  excluded\n  percentiles\n}\n\nfragment HourOfWeekCellFields on HourOfWeekCell {\n  dayOfWeek\n  hour\n  value\n  numerator\n  denominator\n  excluded\n}\n\nfragment ComparisonFields on Comparison {\n  metric\n  value\n  baselineValue\n  change\n  relativeChange\n  ciLower\n  ciUpper\n  pValue\n  significant\n  smallSample\n  method\n  excluded\n  baselineExcluded\n  from\n  to\n  baselineFrom\n  baselineTo\n}\n\nfragment ImportBatchSummaryFields on ImportBatch {\n  id\n  profile\n  fileName\n  status\n  rowsRead\n  inserted\n  updated\n  unchanged\n  rejected\n  filtered\n  startedAt\n  finishedAt\n}"): typeof import('./graphql').MeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...MeFields\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportProfiles {\n    importProfiles {\n      name\n      title\n      description\n      sourceSystem\n      agencyCode\n      agencyName\n      timeZone\n    }\n  }\n"): typeof import('./graphql').ImportProfilesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportBatches($limit: Int) {\n    importBatches(limit: $limit) {\n      ...ImportBatchSummaryFields\n    }\n  }\n"): typeof import('./graphql').ImportBatchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportBatch($id: ID!, $rejectsLimit: Int) {\n    importBatch(id: $id) {\n      ...ImportBatchSummaryFields\n      sourceSystem\n      bytesRead\n      bytesTotal\n      progress\n      error\n      rejectsByReason {\n        reason\n        count\n      }\n      rejects(limit: $rejectsLimit) {\n        rowNumber\n        column\n        reason\n        detail\n        rawLine\n      }\n    }\n  }\n"): typeof import('./graphql').ImportBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...MeFields\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardReference {\n    metrics {\n      ...MetricFields\n    }\n    agencies {\n      id\n      code\n      name\n      timeZone\n    }\n    programs {\n      id\n      agencyId\n      name\n      model\n      startDate\n      areaIds\n    }\n    areas {\n      id\n      agencyId\n      code\n      name\n      level\n      parentId\n      population\n      geojson\n    }\n    encounterCount\n  }\n"): typeof import('./graphql').DashboardReferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataExtent($input: MetricSeriesInput!) {\n    metricSeries(input: $input) {\n      ...MetricPointFields\n    }\n  }\n"): typeof import('./graphql').DataExtentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExploreMetric(\n    $series: MetricSeriesInput!\n    $breakdown: MetricBreakdownInput!\n    $comparison: ComparisonInput!\n  ) {\n    series: metricSeries(input: $series) {\n      ...MetricPointFields\n    }\n    breakdown: metricBreakdown(input: $breakdown) {\n      ...MetricPointFields\n    }\n    comparison(input: $comparison) {\n      ...ComparisonFields\n    }\n  }\n"): typeof import('./graphql').ExploreMetricDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewKpis(\n    $comparison: ComparisonInput!\n    $bh_call_volume: MetricSeriesInput!\n    $specialized_response_share: MetricSeriesInput!\n    $diversion_rate: MetricSeriesInput!\n    $arrest_rate: MetricSeriesInput!\n    $emergency_detention_rate: MetricSeriesInput!\n    $use_of_force_rate: MetricSeriesInput!\n    $response_time_median: MetricSeriesInput!\n    $referral_rate: MetricSeriesInput!\n  ) {\n    kpis: comparison(input: $comparison) {\n      ...ComparisonFields\n    }\n    bh_call_volume: metricSeries(input: $bh_call_volume) {\n      ...MetricPointFields\n    }\n    specialized_response_share: metricSeries(input: $specialized_response_share) {\n      ...MetricPointFields\n    }\n    diversion_rate: metricSeries(input: $diversion_rate) {\n      ...MetricPointFields\n    }\n    arrest_rate: metricSeries(input: $arrest_rate) {\n      ...MetricPointFields\n    }\n    emergency_detention_rate: metricSeries(input: $emergency_detention_rate) {\n      ...MetricPointFields\n    }\n    use_of_force_rate: metricSeries(input: $use_of_force_rate) {\n      ...MetricPointFields\n    }\n    response_time_median: metricSeries(input: $response_time_median) {\n      ...MetricPointFields\n    }\n    referral_rate: metricSeries(input: $referral_rate) {\n      ...MetricPointFields\n    }\n  }\n"): typeof import('./graphql').OverviewKpisDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffingFigures(\n    $calls: MetricSeriesInput!\n    $volume: HourOfWeekInput!\n    $specialized: HourOfWeekInput!\n    $responseTimeByShift: MetricBreakdownInput!\n    $responseTimeByModel: MetricBreakdownInput!\n  ) {\n    calls: metricSeries(input: $calls) {\n      value\n    }\n    volume: hourOfWeek(input: $volume) {\n      ...HourOfWeekCellFields\n    }\n    specialized: hourOfWeek(input: $specialized) {\n      ...HourOfWeekCellFields\n    }\n    responseTimeByShift: metricBreakdown(input: $responseTimeByShift) {\n      ...MetricPointFields\n    }\n    responseTimeByModel: metricBreakdown(input: $responseTimeByModel) {\n      ...MetricPointFields\n    }\n  }\n"): typeof import('./graphql').StaffingFiguresDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
