/** Dimensions a metric can be broken down by (DOMAIN.md section 3). */
export const METRIC_DIMENSIONS = [
  'area',
  'district',
  'program_area',
  'response_model',
  'call_origin',
  'bh_category',
  'peer_specialist_involved',
  'age_band',
  'gender',
  'race',
  'ethnicity',
] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];
