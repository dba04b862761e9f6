import { hash } from 'node:crypto';

import {
  AGE_BANDS,
  type BhCategory,
  type CallOrigin,
  FORCE_LEVELS,
  type ForceLevel,
  RESPONSE_MODELS,
  type ResponseModel,
  type TimePrecision,
} from '@crosswalk/domain';

import {
  beatBox,
  DEMO_AGENCY,
  DEMO_BEATS,
  DEMO_PERSON_KEY_SECRET,
  DEMO_PROGRAM,
  DEMO_SOURCE_SYSTEM,
  DEMO_WINDOW,
  isProgramBeat,
} from './demo-city';
import { AliasTable, cumulative, DemoRandom } from './demo-random.util';
import {
  DEMO_BASELINE_RATES,
  DEMO_CONDITIONAL_RATES,
  DEMO_CONNECTED_FACTORS,
  DEMO_PROGRAM_EFFECTS,
  DEMO_REFERRAL_RATES,
  DEMO_RESPONSE_MIX,
  DEMO_RESPONSE_MODEL_FACTORS,
  DEMO_UNIDENTIFIED_PERSON_SHARE,
  DEMO_UNKNOWN_OUTCOME_SHARE,
} from './demo-rates';
import { ZoneClock } from './zone-clock';

/**
 * One generated encounter: the standardized record of DOMAIN.md section 2
 * with the area as its code. Instants are epoch milliseconds (UTC) so a
 * million rows need no Date objects; format them with ZoneClock.formatIso.
 */
export interface DemoEncounter {
  sourceSystem: string;
  sourceRecordId: string;
  occurredAt: number;
  timePrecision: TimePrecision;
  receivedAt: number | null;
  dispatchedAt: number | null;
  arrivedAt: number | null;
  clearedAt: number | null;
  areaCode: string;
  latitude: number | null;
  longitude: number | null;
  callOrigin: CallOrigin;
  initialCallType: string;
  finalCallType: string;
  initialCallBh: boolean | null;
  bhCategory: BhCategory;
  responseModel: ResponseModel;
  citOfficerDispatched: boolean | null;
  citOfficerArrived: boolean | null;
  peerSpecialistInvolved: boolean | null;
  policeBackupRequested: boolean | null;
  arrest: boolean | null;
  citation: boolean | null;
  jailBooking: boolean | null;
  emergencyDetention: boolean | null;
  edTransport: boolean | null;
  voluntaryTreatment: boolean | null;
  referralMade: boolean | null;
  resolvedOnScene: boolean | null;
  forceLevel: ForceLevel | null;
  subjectInjured: boolean | null;
  officerInjured: boolean | null;
  /** HMAC-SHA256(synthetic person id, DEMO_PERSON_KEY_SECRET) as 64 hex characters. */
  personKey: string | null;
  ageBand: string | null;
  gender: string | null;
  race: string | null;
  ethnicity: string | null;
  officerMinutes: number | null;
  clinicianMinutes: number | null;
  /** One or two when referralMade is true, none otherwise. */
  referrals: readonly DemoReferral[];
}

/** A referral of a demo encounter (DOMAIN.md section 2). */
export interface DemoReferral {
  provider: string;
  referralType: string;
  /** Null when never recorded, or when the 30 days end after the demo window. */
  connectedWithin30d: boolean | null;
}

export interface GenerateEncountersOptions {
  /** How many encounters, spread over DEMO_WINDOW. */
  encounters: number;
  /** Seed (0 to MAX_SEED) of the pseudo-random sequence: same seed and count, same rows. */
  seed: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Seeds are 32-bit: xoroshiro128+ is seeded from one 32-bit integer. */
export const MAX_SEED = 2 ** 32 - 1;

/** Relative call volume by local hour; 14:00-21:59 holds 70%. */
export const DEMO_HOUR_WEIGHTS: readonly number[] = [
  0.022, 0.018, 0.014, 0.011, 0.009, 0.009, 0.011, 0.014, 0.017, 0.019, 0.021,
  0.022, 0.024, 0.026, 0.075, 0.08, 0.085, 0.09, 0.095, 0.095, 0.09, 0.09,
  0.035, 0.028,
];

/** Relative daily volume, Sunday first. */
export const DEMO_WEEKDAY_FACTORS: readonly number[] = [
  0.88, 1.06, 1.03, 1.0, 1.01, 1.1, 0.94,
];

/** Relative daily volume by month, January first (summer peak). */
export const DEMO_MONTH_FACTORS: readonly number[] = [
  0.9, 0.88, 0.95, 0.98, 1.04, 1.08, 1.12, 1.1, 1.04, 1.0, 0.96, 0.95,
];

/** Yearly growth of call volume across the window. */
export const DEMO_ANNUAL_GROWTH = 0.04;

// Person pools: each beat has its own people, more of them than encounters,
// with heavy-tailed propensities so a few percent are frequent utilizers.
const PERSONS_PER_ENCOUNTER = 1.5;
const FREQUENT_SHARE = 0.01;
const FREQUENT_MIN_WEIGHT = 15;
const FREQUENT_PARETO_ALPHA = 1.6;
const MAX_PERSON_WEIGHT = 150;
const ORDINARY_LOG_SIGMA = 0.6;

// Call origin mix at the first and last month (988 grows after its launch).
const ORIGINS: readonly CallOrigin[] = [
  '911',
  '988',
  'officer_initiated',
  'referral',
  'other',
];
const ORIGIN_WEIGHTS_FIRST = [0.74, 0.05, 0.12, 0.06, 0.03];
const ORIGIN_WEIGHTS_LAST = [0.67, 0.12, 0.12, 0.06, 0.03];

const CATEGORIES: readonly BhCategory[] = [
  'mental_health',
  'suicide',
  'substance_use',
  'welfare_check',
  'other',
];
const CATEGORY_WEIGHTS: Record<'default' | '988' | 'referral', number[]> = {
  default: [0.4, 0.13, 0.15, 0.27, 0.05],
  '988': [0.45, 0.45, 0.05, 0.05, 0],
  referral: [0.6, 0.05, 0.2, 0.15, 0],
};

const BH_CALL_TYPES: Record<BhCategory, readonly string[]> = {
  mental_health: [
    'MENTAL HEALTH CRISIS',
    'PERSON IN CRISIS',
    'DISTURBED PERSON',
  ],
  suicide: ['SUICIDE THREAT', 'SUICIDE ATTEMPT', 'SUICIDAL PERSON'],
  substance_use: ['OVERDOSE', 'INTOXICATED PERSON', 'SUBSTANCE USE CRISIS'],
  welfare_check: ['WELFARE CHECK', 'CHECK WELFARE'],
  other: ['BH RELATED DISTURBANCE', 'BH FOLLOW-UP'],
};
const NON_BH_CALL_TYPES: readonly string[] = [
  'DISTURBANCE',
  'SUSPICIOUS PERSON',
  'TRESPASS',
  'NOISE COMPLAINT',
  'UNKNOWN PROBLEM',
  'ASSAULT IN PROGRESS',
];

/** The services of the demo city that encounters refer people to. */
const REFERRAL_SERVICES: readonly { provider: string; referralType: string }[] =
  [
    {
      provider: 'Prairie Falls Community Mental Health Center',
      referralType: 'outpatient',
    },
    {
      provider: 'Sauk Valley Crisis Stabilization Unit',
      referralType: 'crisis_stabilization',
    },
    {
      provider: 'Riverbend Recovery Services',
      referralType: 'substance_use',
    },
    {
      provider: 'Prairie Falls Care Coordination',
      referralType: 'case_management',
    },
    { provider: 'Peer Bridge Network', referralType: 'peer_support' },
    {
      provider: 'Prairie Falls Housing Navigation',
      referralType: 'housing',
    },
  ];
/** Weights of REFERRAL_SERVICES by the encounter's category. */
const REFERRAL_SERVICE_WEIGHTS: Record<BhCategory, number[]> = {
  mental_health: [0.5, 0.15, 0.05, 0.15, 0.1, 0.05],
  suicide: [0.45, 0.4, 0.02, 0.08, 0.05, 0],
  substance_use: [0.1, 0.05, 0.65, 0.1, 0.1, 0],
  welfare_check: [0.25, 0.05, 0.05, 0.35, 0.1, 0.2],
  other: [0.35, 0.05, 0.1, 0.3, 0.1, 0.1],
};
const NO_REFERRALS: readonly DemoReferral[] = Object.freeze([]);

const FORCE_LEVEL_WEIGHTS = cumulative([0, 0.66, 0.27, 0.068, 0.002]);

const AGE_BAND_WEIGHTS = cumulative([0.06, 0.16, 0.24, 0.2, 0.15, 0.11, 0.08]);
const GENDERS = ['male', 'female', 'nonbinary', null];
const GENDER_WEIGHTS = cumulative([0.58, 0.395, 0.01, 0.015]);
const RACES = [
  'white',
  'black',
  'asian',
  'american_indian_alaska_native',
  'native_hawaiian_pacific_islander',
  'two_or_more',
  null,
];
const RACE_WEIGHTS = cumulative([0.58, 0.26, 0.03, 0.02, 0.005, 0.035, 0.07]);
const ETHNICITIES = ['hispanic', 'not_hispanic', null];
const ETHNICITY_WEIGHTS = cumulative([0.14, 0.8, 0.06]);

// Outcome slots of the precomputed probability tables.
const ARREST = 0;
const FORCE = 1;
const DETENTION = 2;
const REFERRAL = 3;
const CITATION = 4;
const VOLUNTARY = 5;

interface Day {
  /** Local midnight as wall-clock milliseconds (Date.UTC of the local date). */
  wallMidnight: number;
  monthIndex: number;
  afterProgramStart: boolean;
}

interface PersonPool {
  firstId: number;
  table: AliasTable;
  ageBand: Uint8Array;
  gender: Uint8Array;
  race: Uint8Array;
  ethnicity: Uint8Array;
}

function parseLocalDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

const WINDOW_START = parseLocalDate(DEMO_WINDOW.firstDay);
const WINDOW_END = parseLocalDate(DEMO_WINDOW.lastDay);
const PROGRAM_START = parseLocalDate(DEMO_PROGRAM.startDate);

/** A ZoneClock covering the demo window (with margin for cleared times). */
export function createDemoZoneClock(): ZoneClock {
  return new ZoneClock(
    DEMO_AGENCY.timeZone,
    new Date(WINDOW_START - 2 * DAY_MS),
    new Date(WINDOW_END + 4 * DAY_MS),
  );
}

function windowDays(): Day[] {
  const days: Day[] = [];
  for (let wall = WINDOW_START; wall <= WINDOW_END; wall += DAY_MS) {
    const date = new Date(wall);
    days.push({
      wallMidnight: wall,
      monthIndex:
        (date.getUTCFullYear() - new Date(WINDOW_START).getUTCFullYear()) * 12 +
        date.getUTCMonth(),
      afterProgramStart: wall >= PROGRAM_START,
    });
  }
  return days;
}

/** Encounters per day: weights rounded cumulatively so they sum to exactly n. */
function dailyCounts(days: Day[], n: number): Int32Array {
  const weights = days.map((day, index) => {
    const date = new Date(day.wallMidnight);
    return (
      DEMO_MONTH_FACTORS[date.getUTCMonth()] *
      DEMO_WEEKDAY_FACTORS[date.getUTCDay()] *
      (1 + DEMO_ANNUAL_GROWTH) ** (index / 365)
    );
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const counts = new Int32Array(days.length);
  let running = 0;
  let assigned = 0;
  weights.forEach((weight, index) => {
    running += weight;
    const target =
      index === weights.length - 1 ? n : Math.round((n * running) / total);
    counts[index] = target - assigned;
    assigned = target;
  });
  return counts;
}

/** Beat outcome factors rescaled to a volume-weighted mean of 1 per group. */
function normalisedOutcomeFactors(): number[] {
  const groupMean = (program: boolean) => {
    const beats = DEMO_BEATS.filter(
      (beat) => isProgramBeat(beat.code) === program,
    );
    const volume = beats.reduce((sum, beat) => sum + beat.volumeWeight, 0);
    return (
      beats.reduce(
        (sum, beat) => sum + beat.volumeWeight * beat.outcomeFactor,
        0,
      ) / volume
    );
  };
  const programMean = groupMean(true);
  const comparisonMean = groupMean(false);
  return DEMO_BEATS.map(
    (beat) =>
      beat.outcomeFactor /
      (isProgramBeat(beat.code) ? programMean : comparisonMean),
  );
}

/** probabilities[mix][model][outcome] before the beat factor. */
function outcomeProbabilities(): Record<
  'standard' | 'program',
  Float64Array[]
> {
  const C = DEMO_CONDITIONAL_RATES;
  const outcomes: {
    factors: Record<ResponseModel, number>;
    baseline: number;
    effect: number;
  }[] = [];
  // The four outcomes whose baseline and program effect are metric ids.
  const rates = (
    metric:
      | 'arrest_rate'
      | 'use_of_force_rate'
      | 'emergency_detention_rate'
      | 'referral_rate',
  ) => ({
    factors: DEMO_RESPONSE_MODEL_FACTORS[metric],
    baseline: DEMO_BASELINE_RATES[metric],
    effect: DEMO_PROGRAM_EFFECTS[metric],
  });
  outcomes[ARREST] = rates('arrest_rate');
  outcomes[FORCE] = rates('use_of_force_rate');
  outcomes[DETENTION] = rates('emergency_detention_rate');
  outcomes[REFERRAL] = rates('referral_rate');
  outcomes[CITATION] = {
    factors: DEMO_RESPONSE_MODEL_FACTORS.citation,
    baseline: C.citation,
    effect: C.citationProgramEffect,
  };
  outcomes[VOLUNTARY] = {
    factors: DEMO_RESPONSE_MODEL_FACTORS.voluntary_treatment,
    baseline: C.voluntaryTreatmentWithoutDetention,
    effect: C.voluntaryTreatmentProgramEffect,
  };
  const table = (mix: 'standard' | 'program') =>
    RESPONSE_MODELS.map((model) =>
      Float64Array.from(outcomes, (outcome) => {
        const mean = RESPONSE_MODELS.reduce(
          (sum, m) => sum + DEMO_RESPONSE_MIX[mix][m] * outcome.factors[m],
          0,
        );
        const level =
          outcome.baseline * (mix === 'program' ? 1 + outcome.effect : 1);
        return (level * outcome.factors[model]) / mean;
      }),
    );
  return { standard: table('standard'), program: table('program') };
}

// HMAC-SHA256 (RFC 2104) spelled out over one-shot hashes: createHmac costs
// an object per person, which dominates generating a million encounters.
const HMAC_BLOCK = 64;
const hmacKey = Buffer.alloc(HMAC_BLOCK);
hmacKey.write(DEMO_PERSON_KEY_SECRET, 'utf8');
const innerBlock = Buffer.alloc(HMAC_BLOCK * 2);
const outerBlock = Buffer.alloc(HMAC_BLOCK + 32);
for (let i = 0; i < HMAC_BLOCK; i++) {
  innerBlock[i] = hmacKey[i] ^ 0x36;
  outerBlock[i] = hmacKey[i] ^ 0x5c;
}

/** person_key of a synthetic person: HMAC-SHA256(id, DEMO_PERSON_KEY_SECRET), hex. */
export function demoPersonKey(personId: number): string {
  const length = innerBlock.write(
    `demo-person-${personId}`,
    HMAC_BLOCK,
    'latin1',
  );
  hash('sha256', innerBlock.subarray(0, HMAC_BLOCK + length), 'buffer').copy(
    outerBlock,
    HMAC_BLOCK,
  );
  return hash('sha256', outerBlock, 'hex');
}

function buildPersonPools(random: DemoRandom, n: number): PersonPool[] {
  const totalVolume = DEMO_BEATS.reduce(
    (sum, beat) => sum + beat.volumeWeight,
    0,
  );
  let nextId = 1;
  return DEMO_BEATS.map((beat) => {
    const size = Math.max(
      1,
      Math.ceil(
        ((n * beat.volumeWeight) / totalVolume) * PERSONS_PER_ENCOUNTER,
      ),
    );
    const weights = new Float64Array(size);
    const ageBand = new Uint8Array(size);
    const gender = new Uint8Array(size);
    const race = new Uint8Array(size);
    const ethnicity = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      weights[i] = random.chance(FREQUENT_SHARE)
        ? Math.min(
            MAX_PERSON_WEIGHT,
            FREQUENT_MIN_WEIGHT *
              (1 - random.float()) ** (-1 / FREQUENT_PARETO_ALPHA),
          )
        : Math.exp(
            ORDINARY_LOG_SIGMA * random.normal() -
              (ORDINARY_LOG_SIGMA * ORDINARY_LOG_SIGMA) / 2,
          );
      ageBand[i] = random.pick(AGE_BAND_WEIGHTS);
      gender[i] = random.pick(GENDER_WEIGHTS);
      race[i] = random.pick(RACE_WEIGHTS);
      ethnicity[i] = random.pick(ETHNICITY_WEIGHTS);
    }
    const pool: PersonPool = {
      firstId: nextId,
      table: new AliasTable(weights),
      ageBand,
      gender,
      race,
      ethnicity,
    };
    nextId += size;
    return pool;
  });
}

const clamp = (value: number, low: number, high: number) =>
  value < low ? low : value > high ? high : value;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The demo encounters, in time order: a pure function of the options (no
 * clock, no Math.random). Generation is streaming; only the people of the
 * city are held in memory.
 */
export function* generateEncounters(
  options: GenerateEncountersOptions,
): Generator<DemoEncounter, void, undefined> {
  const { encounters, seed } = options;
  if (!Number.isSafeInteger(encounters) || encounters < 0) {
    throw new RangeError(
      `encounters must be a non-negative integer, got ${encounters}`,
    );
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed must be an integer 0-${MAX_SEED}, got ${seed}`);
  }
  const setupRandom = DemoRandom.fromSeed(seed);
  const random = setupRandom.jumped();
  // Referrals draw from a stream of their own, so the other fields are
  // what they were before encounters had referrals.
  const referralRandom = random.jumped();
  const clock = createDemoZoneClock();
  const referralTables = Object.fromEntries(
    CATEGORIES.map((c) => [c, cumulative(REFERRAL_SERVICE_WEIGHTS[c])]),
  ) as Record<BhCategory, Float64Array>;
  // Outcomes 30 days after an encounter are known up to the window's end.
  const outcomesKnownUntil = clock.toUtc(WINDOW_END + DAY_MS) - 30 * DAY_MS;
  const referralsOf = (
    bhCategory: BhCategory,
    responseModel: ResponseModel,
    clearedAt: number,
  ): DemoReferral[] => {
    const R = DEMO_REFERRAL_RATES;
    const table = referralTables[bhCategory];
    const first = referralRandom.pick(table);
    const services = [first];
    if (referralRandom.chance(R.secondReferral)) {
      let second = first;
      while (second === first) second = referralRandom.pick(table);
      services.push(second);
    }
    return services.map((service) => {
      const recorded = !referralRandom.chance(R.unrecordedOutcome);
      const connected = referralRandom.chance(
        R.connectedWithin30d * DEMO_CONNECTED_FACTORS[responseModel],
      );
      return {
        ...REFERRAL_SERVICES[service],
        connectedWithin30d:
          recorded && clearedAt <= outcomesKnownUntil ? connected : null,
      };
    });
  };
  const days = windowDays();
  const counts = dailyCounts(days, encounters);
  const pools = buildPersonPools(setupRandom, encounters);
  // Person keys by person id, computed on first encounter.
  const lastPool = pools[pools.length - 1];
  const personKeys: (string | undefined)[] = new Array<string | undefined>(
    lastPool.firstId + lastPool.table.size,
  ).fill(undefined);

  const beatTable = new AliasTable(DEMO_BEATS.map((beat) => beat.volumeWeight));
  const beatFactors = normalisedOutcomeFactors();
  const beatBoxes = DEMO_BEATS.map(beatBox);
  const programBeats = DEMO_BEATS.map((beat) => isProgramBeat(beat.code));
  const probabilities = outcomeProbabilities();
  const mixes = {
    standard: cumulative(
      RESPONSE_MODELS.map((m) => DEMO_RESPONSE_MIX.standard[m]),
    ),
    program: cumulative(
      RESPONSE_MODELS.map((m) => DEMO_RESPONSE_MIX.program[m]),
    ),
  };
  const hourTable = cumulative(DEMO_HOUR_WEIGHTS);
  const months = days[days.length - 1].monthIndex + 1;
  const originTables = Array.from({ length: months }, (_, month) =>
    cumulative(
      ORIGIN_WEIGHTS_FIRST.map(
        (first, i) =>
          first + ((ORIGIN_WEIGHTS_LAST[i] - first) * month) / (months - 1),
      ),
    ),
  );
  const categoryTables = {
    default: cumulative(CATEGORY_WEIGHTS.default),
    '988': cumulative(CATEGORY_WEIGHTS['988']),
    referral: cumulative(CATEGORY_WEIGHTS.referral),
  };
  const C = DEMO_CONDITIONAL_RATES;

  let sequence = 0;
  for (let d = 0; d < days.length; d++) {
    const day = days[d];
    const count = counts[d];
    // Sorted as instants, not wall times, so the order holds across DST.
    const instants = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const minute = random.pick(hourTable) * 60 + random.int(60);
      instants[i] = clock.toUtc(day.wallMidnight + minute * MINUTE_MS);
    }
    instants.sort();
    const originTable = originTables[day.monthIndex];

    for (let i = 0; i < count; i++) {
      sequence++;
      const occurredAt = instants[i];
      const beatIndex = beatTable.sample(random);
      const beat = DEMO_BEATS[beatIndex];
      const inProgram = programBeats[beatIndex] && day.afterProgramStart;
      const mix = inProgram ? 'program' : 'standard';

      // The call.
      const callOrigin = ORIGINS[random.pick(originTable)];
      const bhCategory =
        CATEGORIES[
          random.pick(
            callOrigin === '988' || callOrigin === 'referral'
              ? categoryTables[callOrigin]
              : categoryTables.default,
          )
        ];
      const finalCallType = random.element(BH_CALL_TYPES[bhCategory]);
      const initialCallBh =
        callOrigin === '988' || callOrigin === 'referral'
          ? true
          : random.chance(
              inProgram ? C.initialCallBhInProgram : C.initialCallBh,
            );
      const initialCallType =
        callOrigin === '988'
          ? '988 TRANSFER'
          : callOrigin === 'referral'
            ? 'PROGRAM REFERRAL'
            : initialCallBh
              ? random.chance(0.7)
                ? finalCallType
                : random.element(BH_CALL_TYPES[bhCategory])
              : random.element(NON_BH_CALL_TYPES);

      // The response.
      const modelIndex = random.pick(mixes[mix]);
      const responseModel = RESPONSE_MODELS[modelIndex];
      const policeLed = responseModel !== 'mobile_crisis';
      const policeBackupRequested = policeLed ? false : random.chance(0.15);
      const citOfficerArrived =
        responseModel === 'cit_officer' || responseModel === 'co_responder';
      // A CIT officer is sometimes sent to a call another unit then handles.
      const citOfficerDispatched =
        citOfficerArrived ||
        (responseModel === 'police_only' &&
          random.chance(C.citOfficerDispatchedNotArrived));
      const peerSpecialistInvolved =
        responseModel === 'co_responder'
          ? random.chance(0.15)
          : responseModel === 'mobile_crisis'
            ? random.chance(0.35)
            : false;

      // Times (whole minutes).
      let dispatchedAt = occurredAt;
      let arrivedAt: number;
      if (callOrigin === 'officer_initiated') {
        arrivedAt = occurredAt;
      } else {
        const queue =
          callOrigin === 'referral'
            ? random.logNormal(25, 0.6)
            : random.logNormal(3, 0.9);
        dispatchedAt =
          occurredAt + Math.round(clamp(queue, 0, 240)) * MINUTE_MS;
        const travel = random.logNormal(
          responseModel === 'co_responder' || !policeLed ? 12 : 9,
          0.5,
        );
        arrivedAt = dispatchedAt + Math.round(clamp(travel, 1, 75)) * MINUTE_MS;
      }
      const onScene = Math.round(clamp(random.logNormal(42, 0.4), 20, 90));
      const clearedAt = arrivedAt + onScene * MINUTE_MS;

      // Outcomes.
      let arrest: boolean | null = null;
      let citation: boolean | null = null;
      let jailBooking: boolean | null = null;
      let emergencyDetention: boolean | null = null;
      let edTransport: boolean | null = null;
      let voluntaryTreatment: boolean | null = null;
      let referralMade: boolean | null = null;
      let resolvedOnScene: boolean | null = null;
      let forceLevel: ForceLevel | null = null;
      let subjectInjured: boolean | null = null;
      let officerInjured: boolean | null = null;
      let transportMinutes = 0;
      if (!random.chance(DEMO_UNKNOWN_OUTCOME_SHARE)) {
        const p = probabilities[mix][modelIndex];
        const factor = beatFactors[beatIndex];
        arrest = random.chance(p[ARREST] * factor);
        jailBooking = arrest && random.chance(C.jailBookingGivenArrest);
        citation = random.chance(p[CITATION] * factor);
        const force = random.chance(p[FORCE] * factor);
        forceLevel = force
          ? FORCE_LEVELS[random.pick(FORCE_LEVEL_WEIGHTS)]
          : 'none';
        emergencyDetention = random.chance(p[DETENTION] * factor);
        edTransport = random.chance(
          emergencyDetention
            ? C.edTransportGivenDetention
            : C.edTransportWithoutDetention,
        );
        voluntaryTreatment =
          !emergencyDetention && random.chance(p[VOLUNTARY] * factor);
        referralMade = random.chance(p[REFERRAL] * factor);
        resolvedOnScene =
          !arrest &&
          !emergencyDetention &&
          !edTransport &&
          random.chance(C.resolvedOnSceneIfNotRemoved);
        subjectInjured = random.chance(
          force ? C.subjectInjuredGivenForce : C.subjectInjuredWithoutForce,
        );
        officerInjured = random.chance(
          force ? C.officerInjuredGivenForce : C.officerInjuredWithoutForce,
        );
        if (arrest || edTransport) {
          transportMinutes = Math.round(
            clamp(random.logNormal(55, 0.4), 20, 180),
          );
        }
      }

      // Staff time.
      let officerMinutes: number;
      let clinicianMinutes: number;
      if (responseModel === 'mobile_crisis') {
        clinicianMinutes = 2 * onScene + transportMinutes;
        officerMinutes = policeBackupRequested ? onScene : 0;
      } else if (responseModel === 'co_responder') {
        clinicianMinutes = onScene;
        officerMinutes = onScene + transportMinutes;
      } else {
        clinicianMinutes = 0;
        officerMinutes =
          (random.chance(0.55) ? 2 : 1) * onScene + transportMinutes;
      }

      // The person.
      let personKey: string | null = null;
      let ageBand: string | null = null;
      let gender: string | null = null;
      let race: string | null = null;
      let ethnicity: string | null = null;
      if (!random.chance(DEMO_UNIDENTIFIED_PERSON_SHARE)) {
        const pool = pools[beatIndex];
        const person = pool.table.sample(random);
        const personId = pool.firstId + person;
        personKey = personKeys[personId] ?? null;
        if (personKey === null) {
          personKey = demoPersonKey(personId);
          personKeys[personId] = personKey;
        }
        ageBand = AGE_BANDS[pool.ageBand[person]];
        gender = GENDERS[pool.gender[person]];
        race = RACES[pool.race[person]];
        ethnicity = ETHNICITIES[pool.ethnicity[person]];
      }

      const box = beatBoxes[beatIndex];
      yield {
        sourceSystem: DEMO_SOURCE_SYSTEM,
        sourceRecordId: `DEMO-${String(sequence).padStart(9, '0')}`,
        occurredAt,
        timePrecision: 'minute',
        receivedAt: occurredAt,
        dispatchedAt,
        arrivedAt,
        clearedAt,
        areaCode: beat.code,
        latitude: round3(box.south + random.float() * (box.north - box.south)),
        longitude: round3(box.west + random.float() * (box.east - box.west)),
        callOrigin,
        initialCallType,
        finalCallType,
        initialCallBh,
        bhCategory,
        responseModel,
        citOfficerDispatched,
        citOfficerArrived,
        peerSpecialistInvolved,
        policeBackupRequested,
        arrest,
        citation,
        jailBooking,
        emergencyDetention,
        edTransport,
        voluntaryTreatment,
        referralMade,
        resolvedOnScene,
        forceLevel,
        subjectInjured,
        officerInjured,
        personKey,
        ageBand,
        gender,
        race,
        ethnicity,
        officerMinutes,
        clinicianMinutes,
        referrals: referralMade
          ? referralsOf(bhCategory, responseModel, clearedAt)
          : NO_REFERRALS,
      };
    }
  }
}
