/**
 * Dimensions a metric can be broken down by (DOMAIN.md section 3). `shift`
 * is the patrol shift of the encounter's local time: day 07:00-15:00,
 * evening 15:00-23:00, night 23:00-07:00.
 */
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
  'shift',
] as const;
export type MetricDimension = (typeof METRIC_DIMENSIONS)[number];
