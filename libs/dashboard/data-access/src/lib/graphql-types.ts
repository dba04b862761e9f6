// Domain names for the generated types of the dashboard's GraphQL shapes
// (fields.graphql and the operations); `npm run codegen` regenerates them.
import type {
  ComparisonFieldsFragment,
  DashboardReferenceQuery,
  HourOfWeekCellFieldsFragment,
  ImportBatchSummaryFieldsFragment,
  MeFieldsFragment,
  MetricFieldsFragment,
  MetricPointFieldsFragment,
} from '../gql/graphql';

export type {
  ComparisonInput,
  DashboardReferenceQuery,
  ImportBatchStatus,
  MetricBreakdownInput,
  MetricDimension,
  MetricFiltersInput,
  MetricSeriesInput,
  TimeGrain,
} from '../gql/graphql';

export type Me = MeFieldsFragment;
/** A metric of the catalogue (metrics-definitions/). */
export type Metric = MetricFieldsFragment;
export type Agency = DashboardReferenceQuery['agencies'][number];
export type Program = DashboardReferenceQuery['programs'][number];
/** An area; `geojson` is its GeoJSON geometry, when known. */
export type Area = DashboardReferenceQuery['areas'][number];
/** One value of a series or breakdown: rates are fractions (0.12 = 12%). */
export type MetricPoint = MetricPointFieldsFragment;
/** One hour of the week (dayOfWeek 1 = Monday), in agency time. */
export type HourOfWeekCell = HourOfWeekCellFieldsFragment;
/** A metric against its baseline, with the CI and test of the change. */
export type Comparison = ComparisonFieldsFragment;
export type ImportBatchSummary = ImportBatchSummaryFieldsFragment;
