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
