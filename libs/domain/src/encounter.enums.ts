// Enumerations of the standardized encounter record (DOMAIN.md section 2).
// The database keeps them as text with CHECK constraints built from these
// lists, so adding a value is one edit here plus a migration.

export const TIME_PRECISIONS = ['minute', 'hour', 'day', 'month'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export const CALL_ORIGINS = [
  '911',
  '988',
  'officer_initiated',
  'referral',
  'other',
] as const;
export type CallOrigin = (typeof CALL_ORIGINS)[number];

export const BH_CATEGORIES = [
  'mental_health',
  'suicide',
  'substance_use',
  'welfare_check',
  'other',
] as const;
export type BhCategory = (typeof BH_CATEGORIES)[number];

export const RESPONSE_MODELS = [
  'police_only',
  'cit_officer',
  'co_responder',
  'mobile_crisis',
  'civilian_alternative',
] as const;
export type ResponseModel = (typeof RESPONSE_MODELS)[number];

/** Response models staffed by specialized (crisis-trained) responders. */
export const SPECIALIZED_RESPONSE_MODELS: readonly ResponseModel[] = [
  'cit_officer',
  'co_responder',
  'mobile_crisis',
  'civilian_alternative',
];

export const FORCE_LEVELS = [
  'none',
  'level_1',
  'level_2',
  'level_3',
  'lethal',
] as const;
export type ForceLevel = (typeof FORCE_LEVELS)[number];

export const AREA_LEVELS = ['beat', 'sector', 'district', 'precinct'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Program models (DOMAIN.md section 1): a response model or pre-arrest diversion. */
export const PROGRAM_MODELS = [
  'cit_officer',
  'co_responder',
  'mobile_crisis',
  'civilian_alternative',
  'lead_diversion',
] as const;
export type ProgramModel = (typeof PROGRAM_MODELS)[number];

export const OUTCOME_FIELDS = [
  'arrest',
  'citation',
  'jail_booking',
  'emergency_detention',
  'ed_transport',
  'voluntary_treatment',
  'referral_made',
  'resolved_on_scene',
] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

/**
 * The age bands Crosswalk writes (years): the demo generator uses them, and
 * an import puts a whole-number age in its band rather than keep the age.
 */
export const AGE_BANDS = [
  '<18',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** The first age of each band after the first. */
const AGE_BAND_STARTS = [18, 25, 35, 45, 55, 65];

/** The band of an age in whole years: 34 is 25-34. */
export function ageBandOf(years: number): AgeBand {
  const index = AGE_BAND_STARTS.findIndex((start) => years < start);
  return AGE_BANDS[index < 0 ? AGE_BANDS.length - 1 : index];
}
