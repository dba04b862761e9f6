import {
  BH_CATEGORIES,
  CALL_ORIGINS,
  FORCE_LEVELS,
  RESPONSE_MODELS,
} from './encounter.enums';

/**
 * The value fields of the standardized encounter record and their types, for
 * everything that maps onto the record or filters it (import profiles, metric
 * definitions). Column names equal field names.
 */
export type EncounterFieldType =
  | { kind: 'timestamp' }
  | { kind: 'boolean' }
  | { kind: 'text' }
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'enum'; values: readonly string[] };

const timestamp = { kind: 'timestamp' } as const;
const boolean = { kind: 'boolean' } as const;
const text = { kind: 'text' } as const;
const enumOf = (values: readonly string[]) =>
  ({ kind: 'enum', values }) as const;

export const ENCOUNTER_FIELDS = {
  occurred_at: timestamp,
  received_at: timestamp,
  dispatched_at: timestamp,
  arrived_at: timestamp,
  cleared_at: timestamp,
  latitude: { kind: 'number' },
  longitude: { kind: 'number' },
  call_origin: enumOf(CALL_ORIGINS),
  initial_call_type: text,
  final_call_type: text,
  initial_call_bh: boolean,
  bh_category: enumOf(BH_CATEGORIES),
  response_model: enumOf(RESPONSE_MODELS),
  cit_officer_dispatched: boolean,
  cit_officer_arrived: boolean,
  peer_specialist_involved: boolean,
  police_backup_requested: boolean,
  arrest: boolean,
  citation: boolean,
  jail_booking: boolean,
  emergency_detention: boolean,
  ed_transport: boolean,
  voluntary_treatment: boolean,
  referral_made: boolean,
  resolved_on_scene: boolean,
  force_level: enumOf(FORCE_LEVELS),
  subject_injured: boolean,
  officer_injured: boolean,
  age_band: text,
  gender: text,
  race: text,
  ethnicity: text,
  officer_minutes: { kind: 'integer' },
  clinician_minutes: { kind: 'integer' },
} as const satisfies Record<string, EncounterFieldType>;

export type EncounterField = keyof typeof ENCOUNTER_FIELDS;

/**
 * The value fields of a referral (0..n per encounter), for metrics counted
 * from referrals. `referral_type` is the referral's type ("type" in the
 * domain guide, named so it reads unambiguously in filters).
 */
export const REFERRAL_FIELDS = {
  provider: text,
  referral_type: text,
  connected_within_30d: boolean,
} as const satisfies Record<string, EncounterFieldType>;

export type ReferralField = keyof typeof REFERRAL_FIELDS;
