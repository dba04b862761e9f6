import type { ResponseModel } from '@crosswalk/domain';

// The rates the demo data is generated from, and the program effects built
// into it, so an evaluation can be checked against known truth. Keys are the
// metric ids of DOMAIN.md section 3.

const ARREST_RATE = 0.12;
const JAIL_BOOKING_GIVEN_ARREST = 0.7;

/**
 * Probability per encounter (among encounters whose outcomes are known) in
 * the comparison beats throughout and in the program beats before the
 * program start. Exact in expectation for each group of beats: beat-to-beat
 * variation (DemoBeat.outcomeFactor) is rescaled to average 1 within the
 * program beats and within the comparison beats, and response-model
 * differences are rescaled to average 1 over each response mix.
 */
export const DEMO_BASELINE_RATES = {
  arrest_rate: ARREST_RATE,
  /** Follows arrest: a booked arrest (DEMO_CONDITIONAL_RATES.jailBookingGivenArrest). */
  jail_booking_rate: ARREST_RATE * JAIL_BOOKING_GIVEN_ARREST,
  /** force_level other than 'none'. */
  use_of_force_rate: 0.06,
  emergency_detention_rate: 0.16,
  referral_rate: 0.22,
} as const;

export type DemoRateMetric = keyof typeof DEMO_BASELINE_RATES;

/**
 * Relative change of each rate in the program beats from the program start
 * (DEMO_PROGRAM.startDate) on: rate = baseline x (1 + effect). The comparison
 * beats never change, so a difference-in-differences estimate and a simple
 * before/after in the program beats should both recover these.
 */
export const DEMO_PROGRAM_EFFECTS: Record<DemoRateMetric, number> = {
  arrest_rate: -0.4,
  jail_booking_rate: -0.4,
  use_of_force_rate: -0.35,
  emergency_detention_rate: -0.3,
  referral_rate: 0.6,
};

/** Share of encounters whose outcome and force fields are all unknown (null). */
export const DEMO_UNKNOWN_OUTCOME_SHARE = 0.02;

/** Share of encounters with no identified person (person_key and demographics null). */
export const DEMO_UNIDENTIFIED_PERSON_SHARE = 0.03;

/** Share of calls received 14:00-21:59 local time (DEMO_HOUR_WEIGHTS sums to it). */
export const DEMO_AFTERNOON_EVENING_SHARE = 0.7;

/**
 * Secondary probabilities, conditional as named. They are not evaluation
 * targets: their marginal rates also move with arrest and detention.
 */
export const DEMO_CONDITIONAL_RATES = {
  jailBookingGivenArrest: JAIL_BOOKING_GIVEN_ARREST,
  /** Drawn independently of arrest (a citation can accompany an arrest). */
  citation: 0.05,
  citationProgramEffect: -0.2,
  edTransportGivenDetention: 0.9,
  edTransportWithoutDetention: 0.06,
  voluntaryTreatmentWithoutDetention: 0.12,
  voluntaryTreatmentProgramEffect: 0.3,
  /** Among encounters with no arrest, detention or ED transport. */
  resolvedOnSceneIfNotRemoved: 0.72,
  subjectInjuredGivenForce: 0.3,
  subjectInjuredWithoutForce: 0.004,
  officerInjuredGivenForce: 0.12,
  officerInjuredWithoutForce: 0.002,
  /** 911, officer-initiated and other calls; 988 transfers and referrals are always identified. */
  initialCallBh: 0.55,
  initialCallBhInProgram: 0.8,
  /** Police-only responses where a CIT officer was dispatched but another unit handled the call. */
  citOfficerDispatchedNotArrived: 0.08,
} as const;

/**
 * Referrals (DOMAIN.md section 2) of the encounters with referral_made.
 * Connection to care is not an evaluation target: it follows the response
 * model (DEMO_CONNECTED_FACTORS) and is unknown while an encounter's 30
 * days run past the end of the demo window.
 */
export const DEMO_REFERRAL_RATES = {
  /** Of the encounters with a referral, those with a second one (to another service). */
  secondReferral: 0.15,
  /** Referrals whose outcome was never recorded (connected_within_30d unknown). */
  unrecordedOutcome: 0.08,
  /** Connected within 30 days after a police-only response; DEMO_CONNECTED_FACTORS scale it. */
  connectedWithin30d: 0.38,
} as const;

/** How a response model changes the chance of connecting to care: a clinician's warm handoff helps most. */
export const DEMO_CONNECTED_FACTORS: Record<ResponseModel, number> = byModel(
  1,
  1.15,
  1.6,
  1.5,
);

/** Response-model mix: standard everywhere except program beats after the start. */
export const DEMO_RESPONSE_MIX: Record<
  'standard' | 'program',
  Record<ResponseModel, number>
> = {
  standard: {
    police_only: 0.64,
    cit_officer: 0.33,
    co_responder: 0,
    mobile_crisis: 0.03,
    civilian_alternative: 0,
  },
  program: {
    police_only: 0.2,
    cit_officer: 0.3,
    co_responder: 0.5,
    mobile_crisis: 0,
    civilian_alternative: 0,
  },
};

/**
 * How a response model shifts each rate relative to the others, before the
 * rescaling that keeps the area-level rates at baseline x (1 + effect).
 * Jail booking follows arrest.
 */
export const DEMO_RESPONSE_MODEL_FACTORS: Record<
  | Exclude<DemoRateMetric, 'jail_booking_rate'>
  | 'citation'
  | 'voluntary_treatment',
  Record<ResponseModel, number>
> = {
  arrest_rate: byModel(1, 0.8, 0.55, 0.35),
  use_of_force_rate: byModel(1, 0.8, 0.6, 0.3),
  emergency_detention_rate: byModel(1, 0.9, 0.7, 0.8),
  referral_rate: byModel(1, 1.3, 1.8, 2),
  citation: byModel(1, 0.85, 0.6, 0.4),
  voluntary_treatment: byModel(1, 1.2, 1.6, 1.8),
};

/** Factors by response model; civilian teams are treated like mobile crisis. */
function byModel(
  policeOnly: number,
  citOfficer: number,
  coResponder: number,
  mobileCrisis: number,
): Record<ResponseModel, number> {
  return {
    police_only: policeOnly,
    cit_officer: citOfficer,
    co_responder: coResponder,
    mobile_crisis: mobileCrisis,
    civilian_alternative: mobileCrisis,
  };
}
