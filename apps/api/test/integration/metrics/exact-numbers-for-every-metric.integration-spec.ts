import { createTestApp, type TestApp } from '../../test-app';
import {
  ask,
  BREAKDOWN,
  cellName,
  createAgency,
  type EncounterInsert,
  EVALUATION,
  HOUR_OF_WEEK,
  type HourOfWeekCell,
  insertEncounters,
  type MetricPoint,
  personKey,
  plusMinutes,
  SERIES,
  type TestAgency,
} from './metrics.helpers';

// Inline encounters in, exact numbers out (the Cube pattern), for every
// metric of metrics-definitions/. Twelve encounters of an agency in
// America/Denver, January to March 2024, with unknowns on purpose. Every
// expected figure below is worked out by hand from this table; the comment
// beside it names the encounters it counts.
//
//  #   local time (Denver)       cell    area  response model        person
//  E1  Wed 2024-01-10 09:15 MST  Wed 09  B1    police_only           P1
//  E2  Wed 2024-01-17 23:45 MST  Wed 23  B2    police_only           P2
//  E3  Wed 2024-01-31 23:30 MST  Wed 23  B1    cit_officer           P1   (= 02-01 06:30Z: January)
//  E4  Thu 2024-02-01 00:15 MST  Thu 00  B1    co_responder          P1   (first after the program start)
//  E5  Wed 2024-02-14 09:40 MST  Wed 09  B1    co_responder          P3
//  E6  Wed 2024-02-14 23:10 MST  Wed 23  B2    cit_officer           P2   (every outcome unknown)
//  E12 Wed 2024-02-28 09:30 MST  Wed 09  B3    police_only           P3
//  E7  Sun 2024-03-10 01:30 MST  Sun 01  B2    mobile_crisis         -    (DST starts at 02:00)
//  E8  Sun 2024-03-10 03:30 MDT  Sun 03  B3    civilian_alternative  P4
//  E9  Sun 2024-03-10 03:50 MDT  Sun 03  B3    mobile_crisis         P1
//  E10 Wed 2024-03-13 09:05 MDT  Wed 09  B1    co_responder          P1
//  E11 Sun 2024-03-31 23:20 MDT  Sun 23  -     -                     -    (= 04-01 05:20Z: March)
//
// Groups: Jan {E1,E2,E3}, Feb {E4,E5,E6,E12}, Mar {E7..E11};
// Wed 09 {E1,E5,E10,E12}, Wed 23 {E2,E3,E6}, Thu 00 {E4}, Sun 01 {E7},
// Sun 03 {E8,E9}, Sun 23 {E11}; B1 {E1,E3,E4,E5,E10}, B2 {E2,E6,E7},
// B3 {E8,E9,E12}, unknown {E11}; police_only {E1,E2,E12}, cit_officer
// {E3,E6}, co_responder {E4,E5,E10}, mobile_crisis {E7,E9},
// civilian_alternative {E8}, unknown {E11}. Persons: P1 5 encounters
// (E1,E3,E4,E9,E10), P2 2, P3 2, P4 1, two unidentified (E7, E11).

const ZONE = 'America/Denver';
const FROM = '2024-01-01T07:00:00.000Z'; // 2024-01-01 00:00 MST
const TO = '2024-04-01T06:00:00.000Z'; // 2024-04-01 00:00 MDT

const T = true;
const F = false;
const _ = null;

/** Outcome flags in a fixed order, to keep the table readable. */
function outcomes(
  initialCallBh: boolean | null,
  arrest: boolean | null,
  jailBooking: boolean | null,
  forceLevel: string | null,
  subjectInjured: boolean | null,
  officerInjured: boolean | null,
  referralMade: boolean | null,
  voluntaryTreatment: boolean | null,
  resolvedOnScene: boolean | null,
  emergencyDetention: boolean | null,
  edTransport: boolean | null,
  policeBackupRequested: boolean | null,
): Partial<EncounterInsert> {
  return {
    initial_call_bh: initialCallBh,
    arrest,
    jail_booking: jailBooking,
    force_level: forceLevel,
    subject_injured: subjectInjured,
    officer_injured: officerInjured,
    referral_made: referralMade,
    voluntary_treatment: voluntaryTreatment,
    resolved_on_scene: resolvedOnScene,
    emergency_detention: emergencyDetention,
    ed_transport: edTransport,
    police_backup_requested: policeBackupRequested,
  };
}

/** Dispatch `queue` minutes after the call, arrival `travel` later, clearing `onScene` later. */
function times(
  occurredAt: string,
  queue: number,
  travel: number,
  onScene: number,
) {
  const dispatched = plusMinutes(occurredAt, queue);
  const arrived = plusMinutes(dispatched, travel);
  return {
    dispatched_at: dispatched,
    arrived_at: arrived,
    cleared_at: plusMinutes(arrived, onScene),
  };
}

// Response time (arrived - dispatched) and time on scene (cleared - arrived),
// in minutes: E1 10/30, E2 5/40, E3 20/60, E4 8/45, E5 -/50, E6 12/-,
// E7 15/25 (dispatched 01:50 MST, arrived 03:05 MDT: 15 minutes, not 75),
// E8 6/35, E9 30/90, E10 9/20, E11 -/-, E12 16/55.
// Officer minutes: E1 60, E2 45, E3 120, E4 50, E5 -, E6 30, E7 0, E8 0,
// E9 -, E10 40, E11 25, E12 90.
function encounters(area: TestAgency['area']): EncounterInsert[] {
  const row = (
    id: string,
    occurredAt: string,
    areaCode: keyof TestAgency['area'] | null,
    responseModel: string | null,
    person: number | null,
    officerMinutes: number | null,
    fields: Partial<EncounterInsert>,
  ): EncounterInsert => ({
    source_record_id: id,
    occurred_at: occurredAt,
    area_id: areaCode ? area[areaCode] : null,
    response_model: responseModel,
    person_key: person === null ? null : personKey(person),
    officer_minutes: officerMinutes,
    ...fields,
  });
  // outcomes(initial call bh, arrest, jail booking, force level, subject
  // injured, officer injured, referral, voluntary treatment, resolved on
  // scene, emergency detention, ED transport, police backup requested)
  return [
    row('E1', '2024-01-10T09:15:00-07:00', 'B1', 'police_only', 1, 60, {
      ...outcomes(T, T, T, 'level_1', F, F, F, F, F, F, F, _),
      ...times('2024-01-10T09:15:00-07:00', 2, 10, 30),
    }),
    row('E2', '2024-01-17T23:45:00-07:00', 'B2', 'police_only', 2, 45, {
      ...outcomes(F, F, F, 'none', F, F, T, F, T, F, F, _),
      ...times('2024-01-17T23:45:00-07:00', 1, 5, 40),
    }),
    row('E3', '2024-01-31T23:30:00-07:00', 'B1', 'cit_officer', 1, 120, {
      ...outcomes(T, T, F, 'level_2', T, T, F, F, F, T, T, _),
      ...times('2024-01-31T23:30:00-07:00', 3, 20, 60),
    }),
    row('E4', '2024-02-01T00:15:00-07:00', 'B1', 'co_responder', 1, 50, {
      ...outcomes(T, F, F, 'none', F, F, T, T, F, F, F, T),
      ...times('2024-02-01T00:15:00-07:00', 0, 8, 45),
    }),
    row('E5', '2024-02-14T09:40:00-07:00', 'B1', 'co_responder', 3, _, {
      ...outcomes(_, F, F, 'none', F, _, T, F, T, F, F, _),
      dispatched_at: null,
      arrived_at: plusMinutes('2024-02-14T09:40:00-07:00', 7),
      cleared_at: plusMinutes('2024-02-14T09:40:00-07:00', 57),
    }),
    row('E6', '2024-02-14T23:10:00-07:00', 'B2', 'cit_officer', 2, 30, {
      ...outcomes(F, _, _, _, _, _, _, _, _, _, _, _),
      ...times('2024-02-14T23:10:00-07:00', 2, 12, 0),
      cleared_at: null,
    }),
    row('E7', '2024-03-10T01:30:00-07:00', 'B2', 'mobile_crisis', _, 0, {
      ...outcomes(T, F, F, 'none', F, F, T, F, T, F, F, F),
      dispatched_at: '2024-03-10T01:50:00-07:00',
      arrived_at: '2024-03-10T03:05:00-06:00',
      cleared_at: '2024-03-10T03:30:00-06:00',
    }),
    row('E8', '2024-03-10T03:30:00-06:00', 'B3', 'civilian_alternative', 4, 0, {
      ...outcomes(T, F, F, 'none', F, F, F, F, F, F, F, T),
      ...times('2024-03-10T03:30:00-06:00', 1, 6, 35),
    }),
    row('E9', '2024-03-10T03:50:00-06:00', 'B3', 'mobile_crisis', 1, _, {
      ...outcomes(F, F, F, 'level_1', T, F, T, F, F, T, T, _),
      ...times('2024-03-10T03:50:00-06:00', 2, 30, 90),
    }),
    row('E10', '2024-03-13T09:05:00-06:00', 'B1', 'co_responder', 1, 40, {
      ...outcomes(T, F, F, 'none', F, F, T, _, T, F, F, _),
      ...times('2024-03-13T09:05:00-06:00', 1, 9, 20),
    }),
    row('E11', '2024-03-31T23:20:00-06:00', null, null, _, 25, {
      ...outcomes(_, F, _, 'none', _, T, _, F, T, F, _, _),
    }),
    row('E12', '2024-02-28T09:30:00-07:00', 'B3', 'police_only', 3, 90, {
      ...outcomes(T, T, T, 'none', F, T, T, F, F, F, F, _),
      ...times('2024-02-28T09:30:00-07:00', 4, 16, 55),
    }),
  ];
}

// Referrals (connected within 30 days): R1 E2 yes; R2 E4 yes, R3 E4 no;
// R4 E5 unknown; R5 E7 no; R6 E9 yes; R7 E10 yes, R8 E10 unknown; R9 E12 no.
const REFERRALS: [encounter: string, connected: boolean | null][] = [
  ['E2', T],
  ['E4', T],
  ['E4', F],
  ['E5', _],
  ['E7', F],
  ['E9', T],
  ['E10', T],
  ['E10', _],
  ['E12', F],
];

type Expected = Omit<MetricPoint, 'period' | 'group'>;

/** A count: no denominator, nothing excluded. */
const count = (n: number): Expected => ({
  value: n,
  numerator: n,
  denominator: null,
  excluded: 0,
  percentiles: null,
});

/** A rate (ratios and the per-person repeat rate). */
const rate = (
  numerator: number,
  denominator: number,
  excluded = 0,
): Expected => ({
  value: denominator ? numerator / denominator : null,
  numerator,
  denominator,
  excluded,
  percentiles: null,
});

/** Frequent utilizers: the persons with 4+ encounters, of the persons seen. */
const utilizers = (
  frequent: number,
  persons: number,
  excluded = 0,
): Expected => ({
  value: frequent,
  numerator: frequent,
  denominator: persons,
  excluded,
  percentiles: null,
});

/** A percentile metric: intervals measured, left out, median and 90th percentile. */
const minutes = (
  measured: number,
  excluded: number,
  p50?: number,
  p90?: number,
): Expected => ({
  value: p50 ?? null,
  numerator: measured,
  denominator: null,
  excluded,
  percentiles: p50 === undefined || p90 === undefined ? null : [p50, p90],
});

/** A sum of officer minutes, reported in hours. */
const hours = (
  recorded: number,
  excluded: number,
  officerMinutes: number,
): Expected => ({
  value: officerMinutes / 60,
  numerator: recorded,
  denominator: null,
  excluded,
  percentiles: null,
});

interface Cuts {
  year: Expected;
  month: Record<string, Expected>;
  /** Cells with an answer, by "Wed 23"; every other cell is empty. */
  hourOfWeek: Record<string, Expected>;
  area: Record<string, Expected>;
  responseModel: Record<string, Expected>;
}

const EXPECTED: Record<string, Cuts> = {
  bh_call_volume: {
    year: count(12),
    month: { '2024-01': count(3), '2024-02': count(4), '2024-03': count(5) },
    hourOfWeek: {
      'Wed 09': count(4), // E1 E5 E10 E12
      'Wed 23': count(3), // E2 E3 E6
      'Thu 00': count(1), // E4
      'Sun 01': count(1), // E7
      'Sun 03': count(2), // E8 E9
      'Sun 23': count(1), // E11
    },
    area: { B1: count(5), B2: count(3), B3: count(3), unknown: count(1) },
    responseModel: {
      civilian_alternative: count(1),
      cit_officer: count(2),
      co_responder: count(3),
      mobile_crisis: count(2),
      police_only: count(3),
      unknown: count(1),
    },
  },
  // initial_call_bh: yes E1 E3 E4 E7 E8 E10 E12; no E2 E6 E9; unknown E5 E11.
  dispatch_identification_rate: {
    year: rate(7, 10, 2),
    month: {
      '2024-01': rate(2, 3), // E1 E3 of E1-E3
      '2024-02': rate(2, 3, 1), // E4 E12 of E4 E6 E12; E5 unknown
      '2024-03': rate(3, 4, 1), // E7 E8 E10 of E7-E10; E11 unknown
    },
    hourOfWeek: {
      'Wed 09': rate(3, 3, 1), // E1 E10 E12; E5 unknown
      'Wed 23': rate(1, 3), // E3 of E2 E3 E6
      'Thu 00': rate(1, 1), // E4
      'Sun 01': rate(1, 1), // E7
      'Sun 03': rate(1, 2), // E8 of E8 E9
      'Sun 23': rate(0, 0, 1), // E11 unknown
    },
    area: {
      B1: rate(4, 4, 1), // E1 E3 E4 E10; E5 unknown
      B2: rate(1, 3), // E7 of E2 E6 E7
      B3: rate(2, 3), // E8 E12 of E8 E9 E12
      unknown: rate(0, 0, 1), // E11 unknown
    },
    responseModel: {
      civilian_alternative: rate(1, 1), // E8
      cit_officer: rate(1, 2), // E3 of E3 E6
      co_responder: rate(2, 2, 1), // E4 E10; E5 unknown
      mobile_crisis: rate(1, 2), // E7 of E7 E9
      police_only: rate(2, 3), // E1 E12 of E1 E2 E12
      unknown: rate(0, 0, 1), // E11
    },
  },
  // Specialized: every known response model but police_only; E11 unknown.
  specialized_response_share: {
    year: rate(8, 11, 1), // E3-E10 of all but E11
    month: {
      '2024-01': rate(1, 3), // E3
      '2024-02': rate(3, 4), // E4 E5 E6 of E4 E5 E6 E12
      '2024-03': rate(4, 4, 1), // E7-E10; E11 unknown
    },
    hourOfWeek: {
      'Wed 09': rate(2, 4), // E5 E10 of E1 E5 E10 E12
      'Wed 23': rate(2, 3), // E3 E6 of E2 E3 E6
      'Thu 00': rate(1, 1),
      'Sun 01': rate(1, 1),
      'Sun 03': rate(2, 2),
      'Sun 23': rate(0, 0, 1),
    },
    area: {
      B1: rate(4, 5), // all but E1
      B2: rate(2, 3), // E6 E7
      B3: rate(2, 3), // E8 E9
      unknown: rate(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: rate(1, 1),
      cit_officer: rate(2, 2),
      co_responder: rate(3, 3),
      mobile_crisis: rate(2, 2),
      police_only: rate(0, 3),
      unknown: rate(0, 0, 1),
    },
  },
  // Arrests: E1 E3 E12; unknown E6.
  arrest_rate: {
    year: rate(3, 11, 1),
    month: {
      '2024-01': rate(2, 3), // E1 E3
      '2024-02': rate(1, 3, 1), // E12 of E4 E5 E12; E6 unknown
      '2024-03': rate(0, 5),
    },
    hourOfWeek: {
      'Wed 09': rate(2, 4), // E1 E12
      'Wed 23': rate(1, 2, 1), // E3 of E2 E3; E6 unknown
      'Thu 00': rate(0, 1),
      'Sun 01': rate(0, 1),
      'Sun 03': rate(0, 2),
      'Sun 23': rate(0, 1),
    },
    area: {
      B1: rate(2, 5), // E1 E3
      B2: rate(0, 2, 1), // E6 unknown
      B3: rate(1, 3), // E12
      unknown: rate(0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(1, 1, 1), // E3; E6 unknown
      co_responder: rate(0, 3),
      mobile_crisis: rate(0, 2),
      police_only: rate(2, 3), // E1 E12
      unknown: rate(0, 1),
    },
  },
  // Jail bookings: E1 E12; unknown E6 E11.
  jail_booking_rate: {
    year: rate(2, 10, 2),
    month: {
      '2024-01': rate(1, 3), // E1
      '2024-02': rate(1, 3, 1), // E12; E6 unknown
      '2024-03': rate(0, 4, 1), // E11 unknown
    },
    hourOfWeek: {
      'Wed 09': rate(2, 4), // E1 E12
      'Wed 23': rate(0, 2, 1), // E6 unknown
      'Thu 00': rate(0, 1),
      'Sun 01': rate(0, 1),
      'Sun 03': rate(0, 2),
      'Sun 23': rate(0, 0, 1), // E11 unknown
    },
    area: {
      B1: rate(1, 5), // E1
      B2: rate(0, 2, 1),
      B3: rate(1, 3), // E12
      unknown: rate(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(0, 1, 1),
      co_responder: rate(0, 3),
      mobile_crisis: rate(0, 2),
      police_only: rate(2, 3),
      unknown: rate(0, 0, 1),
    },
  },
  // Force above none: E1 (level_1) E3 (level_2) E9 (level_1); unknown E6.
  use_of_force_rate: {
    year: rate(3, 11, 1),
    month: {
      '2024-01': rate(2, 3), // E1 E3
      '2024-02': rate(0, 3, 1),
      '2024-03': rate(1, 5), // E9
    },
    hourOfWeek: {
      'Wed 09': rate(1, 4), // E1
      'Wed 23': rate(1, 2, 1), // E3; E6 unknown
      'Thu 00': rate(0, 1),
      'Sun 01': rate(0, 1),
      'Sun 03': rate(1, 2), // E9
      'Sun 23': rate(0, 1),
    },
    area: {
      B1: rate(2, 5),
      B2: rate(0, 2, 1),
      B3: rate(1, 3),
      unknown: rate(0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(1, 1, 1),
      co_responder: rate(0, 3),
      mobile_crisis: rate(1, 2),
      police_only: rate(1, 3),
      unknown: rate(0, 1),
    },
  },
  // Injured: E3 (both) E9 (subject) E12 (officer); unknown: E5 (officer),
  // E6 (both), E11 (subject unknown though the officer was injured).
  injury_rate: {
    year: rate(3, 9, 3),
    month: {
      '2024-01': rate(1, 3), // E3
      '2024-02': rate(1, 2, 2), // E12 of E4 E12; E5 E6 unknown
      '2024-03': rate(1, 4, 1), // E9; E11 unknown
    },
    hourOfWeek: {
      'Wed 09': rate(1, 3, 1), // E12 of E1 E10 E12; E5 unknown
      'Wed 23': rate(1, 2, 1), // E3 of E2 E3; E6 unknown
      'Thu 00': rate(0, 1),
      'Sun 01': rate(0, 1),
      'Sun 03': rate(1, 2), // E9
      'Sun 23': rate(0, 0, 1),
    },
    area: {
      B1: rate(1, 4, 1), // E3 of E1 E3 E4 E10; E5 unknown
      B2: rate(0, 2, 1),
      B3: rate(2, 3), // E9 E12
      unknown: rate(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(1, 1, 1),
      co_responder: rate(0, 2, 1),
      mobile_crisis: rate(1, 2),
      police_only: rate(1, 3),
      unknown: rate(0, 0, 1),
    },
  },
  // Referral made: E2 E4 E5 E7 E9 E10 E12; not: E1 E3 E8; unknown E6 E11.
  referral_rate: {
    year: rate(7, 10, 2),
    month: {
      '2024-01': rate(1, 3), // E2
      '2024-02': rate(3, 3, 1), // E4 E5 E12; E6 unknown
      '2024-03': rate(3, 4, 1), // E7 E9 E10 of E7-E10; E11 unknown
    },
    hourOfWeek: {
      'Wed 09': rate(3, 4), // E5 E10 E12
      'Wed 23': rate(1, 2, 1), // E2 of E2 E3; E6 unknown
      'Thu 00': rate(1, 1),
      'Sun 01': rate(1, 1),
      'Sun 03': rate(1, 2), // E9
      'Sun 23': rate(0, 0, 1),
    },
    area: {
      B1: rate(3, 5), // E4 E5 E10
      B2: rate(2, 2, 1), // E2 E7; E6 unknown
      B3: rate(2, 3), // E9 E12
      unknown: rate(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(0, 1, 1),
      co_responder: rate(3, 3),
      mobile_crisis: rate(2, 2),
      police_only: rate(2, 3), // E2 E12
      unknown: rate(0, 0, 1),
    },
  },
  // Counted per referral, in its encounter's period and group.
  connected_to_care_rate: {
    year: rate(4, 7, 2), // R1 R2 R6 R7 of 7 known; R4 R8 unknown
    month: {
      '2024-01': rate(1, 1), // R1
      '2024-02': rate(1, 3, 1), // R2 of R2 R3 R9; R4 unknown
      '2024-03': rate(2, 3, 1), // R6 R7 of R5 R6 R7; R8 unknown
    },
    hourOfWeek: {
      'Wed 09': rate(1, 2, 2), // R7 of R7 R9; R4 R8 unknown
      'Wed 23': rate(1, 1), // R1
      'Thu 00': rate(1, 2), // R2 of R2 R3
      'Sun 01': rate(0, 1), // R5
      'Sun 03': rate(1, 1), // R6
    },
    area: {
      B1: rate(2, 3, 2), // R2 R7 of R2 R3 R7; R4 R8 unknown
      B2: rate(1, 2), // R1 of R1 R5
      B3: rate(1, 2), // R6 of R6 R9
    },
    responseModel: {
      co_responder: rate(2, 3, 2),
      mobile_crisis: rate(1, 2), // R6 of R5 R6
      police_only: rate(1, 2), // R1 of R1 R9
    },
  },
  // Diverted (treatment, referral or resolved, no arrest, no booking):
  // E2 E4 E5 E7 E9; not: E1 E3 E12 (arrests), E8 (none of the three);
  // unknown: E6, E10 (voluntary treatment unknown), E11.
  diversion_rate: {
    year: rate(5, 9, 3),
    month: {
      '2024-01': rate(1, 3), // E2
      '2024-02': rate(2, 3, 1), // E4 E5 of E4 E5 E12; E6 unknown
      '2024-03': rate(2, 3, 2), // E7 E9 of E7 E8 E9; E10 E11 unknown
    },
    hourOfWeek: {
      'Wed 09': rate(1, 3, 1), // E5 of E1 E5 E12; E10 unknown
      'Wed 23': rate(1, 2, 1), // E2 of E2 E3; E6 unknown
      'Thu 00': rate(1, 1), // E4
      'Sun 01': rate(1, 1), // E7
      'Sun 03': rate(1, 2), // E9 of E8 E9
      'Sun 23': rate(0, 0, 1),
    },
    area: {
      B1: rate(2, 4, 1), // E4 E5 of E1 E3 E4 E5; E10 unknown
      B2: rate(2, 2, 1), // E2 E7; E6 unknown
      B3: rate(1, 3), // E9
      unknown: rate(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(0, 1, 1),
      co_responder: rate(2, 2, 1),
      mobile_crisis: rate(2, 2),
      police_only: rate(1, 3),
      unknown: rate(0, 0, 1),
    },
  },
  // Emergency detentions: E3 E9; unknown E6.
  emergency_detention_rate: {
    year: rate(2, 11, 1),
    month: {
      '2024-01': rate(1, 3),
      '2024-02': rate(0, 3, 1),
      '2024-03': rate(1, 5),
    },
    hourOfWeek: {
      'Wed 09': rate(0, 4),
      'Wed 23': rate(1, 2, 1),
      'Thu 00': rate(0, 1),
      'Sun 01': rate(0, 1),
      'Sun 03': rate(1, 2),
      'Sun 23': rate(0, 1),
    },
    area: {
      B1: rate(1, 5),
      B2: rate(0, 2, 1),
      B3: rate(1, 3),
      unknown: rate(0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(1, 1, 1),
      co_responder: rate(0, 3),
      mobile_crisis: rate(1, 2),
      police_only: rate(0, 3),
      unknown: rate(0, 1),
    },
  },
  // ED transports: E3 E9; unknown E6 E11.
  ed_transport_rate: {
    year: rate(2, 10, 2),
    month: {
      '2024-01': rate(1, 3),
      '2024-02': rate(0, 3, 1),
      '2024-03': rate(1, 4, 1),
    },
    hourOfWeek: {
      'Wed 09': rate(0, 4),
      'Wed 23': rate(1, 2, 1),
      'Thu 00': rate(0, 1),
      'Sun 01': rate(0, 1),
      'Sun 03': rate(1, 2),
      'Sun 23': rate(0, 0, 1),
    },
    area: {
      B1: rate(1, 5),
      B2: rate(0, 2, 1),
      B3: rate(1, 3),
      unknown: rate(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(1, 1, 1),
      co_responder: rate(0, 3),
      mobile_crisis: rate(1, 2),
      police_only: rate(0, 3),
      unknown: rate(0, 0, 1),
    },
  },
  // Resolved on scene: E2 E5 E7 E10 E11; unknown E6.
  resolved_on_scene_rate: {
    year: rate(5, 11, 1),
    month: {
      '2024-01': rate(1, 3), // E2
      '2024-02': rate(1, 3, 1), // E5
      '2024-03': rate(3, 5), // E7 E10 E11
    },
    hourOfWeek: {
      'Wed 09': rate(2, 4), // E5 E10
      'Wed 23': rate(1, 2, 1), // E2
      'Thu 00': rate(0, 1),
      'Sun 01': rate(1, 1),
      'Sun 03': rate(0, 2),
      'Sun 23': rate(1, 1),
    },
    area: {
      B1: rate(2, 5), // E5 E10
      B2: rate(2, 2, 1), // E2 E7
      B3: rate(0, 3),
      unknown: rate(1, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(0, 1, 1),
      co_responder: rate(2, 3),
      mobile_crisis: rate(1, 2),
      police_only: rate(1, 3),
      unknown: rate(1, 1),
    },
  },
  // Only civilian and mobile-crisis encounters count: E7 no, E8 yes, E9
  // unknown. E4 (co-responder) asked for backup but is not in the rate.
  police_backup_rate: {
    year: rate(1, 2, 1),
    month: {
      '2024-01': rate(0, 0),
      '2024-02': rate(0, 0),
      '2024-03': rate(1, 2, 1),
    },
    hourOfWeek: {
      'Wed 09': rate(0, 0),
      'Wed 23': rate(0, 0),
      'Thu 00': rate(0, 0),
      'Sun 01': rate(0, 1), // E7
      'Sun 03': rate(1, 1, 1), // E8; E9 unknown
      'Sun 23': rate(0, 0),
    },
    area: {
      B1: rate(0, 0),
      B2: rate(0, 1),
      B3: rate(1, 1, 1),
      unknown: rate(0, 0),
    },
    responseModel: {
      civilian_alternative: rate(1, 1),
      cit_officer: rate(0, 0),
      co_responder: rate(0, 0),
      mobile_crisis: rate(0, 1, 1),
      police_only: rate(0, 0),
      unknown: rate(0, 0),
    },
  },
  // Persons with 2+ encounters in the window / persons; unidentified
  // encounters (E7, E11) are excluded.
  repeat_encounter_rate: {
    year: rate(3, 4, 2), // P1 P2 P3 of P1-P4
    month: {
      '2024-01': rate(1, 2), // P1 twice, P2 once
      '2024-02': rate(1, 3), // P3 twice, P1 P2 once
      '2024-03': rate(1, 2, 2), // P1 twice, P4 once
    },
    hourOfWeek: {
      'Wed 09': rate(2, 2), // P1 (E1 E10) and P3 (E5 E12)
      'Wed 23': rate(1, 2), // P2 (E2 E6), P1 once
      'Thu 00': rate(0, 1),
      'Sun 01': rate(0, 0, 1),
      'Sun 03': rate(0, 2),
      'Sun 23': rate(0, 0, 1),
    },
    area: {
      B1: rate(1, 2), // P1 four times, P3 once
      B2: rate(1, 1, 1), // P2 twice
      B3: rate(0, 3),
      unknown: rate(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: rate(0, 1),
      cit_officer: rate(0, 2),
      co_responder: rate(1, 2), // P1 (E4 E10), P3 once
      mobile_crisis: rate(0, 1, 1),
      police_only: rate(0, 3),
      unknown: rate(0, 0, 1),
    },
  },
  // Persons with 4+ encounters: only P1 (5 in the quarter, 4 in B1).
  frequent_utilizers: {
    year: utilizers(1, 4, 2),
    month: {
      '2024-01': utilizers(0, 2),
      '2024-02': utilizers(0, 3),
      '2024-03': utilizers(0, 2, 2),
    },
    hourOfWeek: {
      'Wed 09': utilizers(0, 2),
      'Wed 23': utilizers(0, 2),
      'Thu 00': utilizers(0, 1),
      'Sun 01': utilizers(0, 0, 1),
      'Sun 03': utilizers(0, 2),
      'Sun 23': utilizers(0, 0, 1),
    },
    area: {
      B1: utilizers(1, 2),
      B2: utilizers(0, 1, 1),
      B3: utilizers(0, 3),
      unknown: utilizers(0, 0, 1),
    },
    responseModel: {
      civilian_alternative: utilizers(0, 1),
      cit_officer: utilizers(0, 2),
      co_responder: utilizers(0, 2),
      mobile_crisis: utilizers(0, 1, 1),
      police_only: utilizers(0, 3),
      unknown: utilizers(0, 0, 1),
    },
  },
  // percentile_cont: position p x (n - 1) in the sorted minutes, linear
  // between neighbours. Unmeasured: E5 (no dispatch), E11.
  response_time_median: {
    year: minutes(10, 2, 11, 21), // 5 6 8 9 10 | 12 15 16 20 30
    month: {
      '2024-01': minutes(3, 0, 10, 18), // 5 10 20
      '2024-02': minutes(3, 1, 12, 15.2), // 8 12 16
      '2024-03': minutes(4, 1, 12, 25.5), // 6 9 15 30
    },
    hourOfWeek: {
      'Wed 09': minutes(3, 1, 10, 14.8), // 9 10 16
      'Wed 23': minutes(3, 0, 12, 18.4), // 5 12 20
      'Thu 00': minutes(1, 0, 8, 8),
      'Sun 01': minutes(1, 0, 15, 15), // across the DST change
      'Sun 03': minutes(2, 0, 18, 27.6), // 6 30
      'Sun 23': minutes(0, 1),
    },
    area: {
      B1: minutes(4, 1, 9.5, 17), // 8 9 10 20
      B2: minutes(3, 0, 12, 14.4), // 5 12 15
      B3: minutes(3, 0, 16, 27.2), // 6 16 30
      unknown: minutes(0, 1),
    },
    responseModel: {
      civilian_alternative: minutes(1, 0, 6, 6),
      cit_officer: minutes(2, 0, 16, 19.2), // 12 20
      co_responder: minutes(2, 1, 8.5, 8.9), // 8 9
      mobile_crisis: minutes(2, 0, 22.5, 28.5), // 15 30
      police_only: minutes(3, 0, 10, 14.8), // 5 10 16
      unknown: minutes(0, 1),
    },
  },
  // Unmeasured: E6 (not cleared), E11.
  time_on_scene_median: {
    year: minutes(10, 2, 42.5, 63), // 20 25 30 35 40 | 45 50 55 60 90
    month: {
      '2024-01': minutes(3, 0, 40, 56), // 30 40 60
      '2024-02': minutes(3, 1, 50, 54), // 45 50 55
      '2024-03': minutes(4, 1, 30, 73.5), // 20 25 35 90
    },
    hourOfWeek: {
      'Wed 09': minutes(4, 0, 40, 53.5), // 20 30 50 55
      'Wed 23': minutes(2, 1, 50, 58), // 40 60
      'Thu 00': minutes(1, 0, 45, 45),
      'Sun 01': minutes(1, 0, 25, 25),
      'Sun 03': minutes(2, 0, 62.5, 84.5), // 35 90
      'Sun 23': minutes(0, 1),
    },
    area: {
      B1: minutes(5, 0, 45, 56), // 20 30 45 50 60
      B2: minutes(2, 1, 32.5, 38.5), // 25 40
      B3: minutes(3, 0, 55, 83), // 35 55 90
      unknown: minutes(0, 1),
    },
    responseModel: {
      civilian_alternative: minutes(1, 0, 35, 35),
      cit_officer: minutes(1, 1, 60, 60),
      co_responder: minutes(3, 0, 45, 49), // 20 45 50
      mobile_crisis: minutes(2, 0, 57.5, 83.5), // 25 90
      police_only: minutes(3, 0, 40, 52), // 30 40 55
      unknown: minutes(0, 1),
    },
  },
  // Officer minutes / 60; not recorded: E5, E9.
  officer_hours: {
    year: hours(10, 2, 460),
    month: {
      '2024-01': hours(3, 0, 225), // 60 + 45 + 120
      '2024-02': hours(3, 1, 170), // 50 + 30 + 90
      '2024-03': hours(4, 1, 65), // 0 + 0 + 40 + 25
    },
    hourOfWeek: {
      'Wed 09': hours(3, 1, 190), // 60 + 40 + 90
      'Wed 23': hours(3, 0, 195), // 45 + 120 + 30
      'Thu 00': hours(1, 0, 50),
      'Sun 01': hours(1, 0, 0),
      'Sun 03': hours(1, 1, 0),
      'Sun 23': hours(1, 0, 25),
    },
    area: {
      B1: hours(4, 1, 270), // 60 + 120 + 50 + 40
      B2: hours(3, 0, 75), // 45 + 30 + 0
      B3: hours(2, 1, 90), // 0 + 90
      unknown: hours(1, 0, 25),
    },
    responseModel: {
      civilian_alternative: hours(1, 0, 0),
      cit_officer: hours(2, 0, 150),
      co_responder: hours(2, 1, 90),
      mobile_crisis: hours(1, 1, 0),
      police_only: hours(3, 0, 195),
      unknown: hours(1, 0, 25),
    },
  },
};

/** Rounds away float noise (percentile_cont, division) before comparing. */
const round = (x: number | null) =>
  x === null ? null : Math.round(x * 1e9) / 1e9;
const normalised = (point: Expected): Expected => ({
  value: round(point.value),
  numerator: point.numerator,
  denominator: point.denominator,
  excluded: point.excluded,
  percentiles: point.percentiles?.map((p) => round(p) as number) ?? null,
});
const byGroup = (points: MetricPoint[], key: 'period' | 'group') =>
  Object.fromEntries(points.map((p) => [p[key], normalised(p)]));
const allNormalised = (expected: Record<string, Expected>) =>
  Object.fromEntries(
    Object.entries(expected).map(([k, v]) => [k, normalised(v)]),
  );

describe('exact numbers for every metric from inline encounters (America/Denver)', () => {
  let api: TestApp;
  let agency: TestAgency;
  let program: string;
  let admin: string;

  beforeAll(async () => {
    api = await createTestApp();
    agency = await createAgency(api.dataSource, 'metrics-exact', ZONE);
    [{ id: program }] = await api.dataSource.query(
      "INSERT INTO programs (agency_id, name, model, start_date) VALUES ($1, 'Co-responders', 'co_responder', '2024-02-01') RETURNING id",
      [agency.id],
    );
    await api.dataSource.query(
      'INSERT INTO program_areas (agency_id, program_id, area_id) VALUES ($1, $2, $3)',
      [agency.id, program, agency.area.B1],
    );
    const ids = await insertEncounters(
      api.dataSource,
      agency.id,
      encounters(agency.area),
    );
    for (const [encounter, connected] of REFERRALS) {
      await api.dataSource.query(
        'INSERT INTO referrals (agency_id, encounter_id, provider, connected_within_30d) VALUES ($1, $2, $3, $4)',
        [agency.id, ids.get(encounter), 'Clinic', connected],
      );
    }
    for (const [key, value, low, high] of [
      ['jail_bed_day', 76, 57, 128.92],
      ['ed_boarding', 2264, 1698, 2830],
      ['police_time_per_averted_ed_referral', 81, 60.75, 101.25],
    ] as const) {
      await api.dataSource.query(
        `INSERT INTO unit_costs (agency_id, key, label, unit, value, low, high, source)
         VALUES ($1, $2, $2, 'USD', $3, $4, $5, 'test figure')`,
        [agency.id, key, value, low, high],
      );
    }
    admin = (await api.signIn('admin')).cookie;
  });
  afterAll(() => api.close());

  const filters = () => ({ agencyId: agency.id });
  const series = async (metric: string, extra: Record<string, unknown>) =>
    (
      await ask<{ metricSeries: MetricPoint[] }>(
        api,
        SERIES,
        {
          input: { metric, from: FROM, to: TO, filters: filters(), ...extra },
        },
        admin,
      )
    ).metricSeries;
  const breakdown = async (
    metric: string,
    dimension: string,
    program?: string,
  ) =>
    (
      await ask<{ metricBreakdown: MetricPoint[] }>(
        api,
        BREAKDOWN,
        {
          input: {
            metric,
            dimension,
            from: FROM,
            to: TO,
            filters: filters(),
            program,
          },
        },
        admin,
      )
    ).metricBreakdown;

  it('covers every metric of the catalogue', async () => {
    const { metrics } = await ask<{ metrics: { id: string }[] }>(
      api,
      '{ metrics { id } }',
      {},
      admin,
    );
    expect(metrics.map((m) => m.id).sort()).toEqual(
      [...Object.keys(EXPECTED), 'cost_savings'].sort(),
    );
    expect(metrics).toHaveLength(20);
  });

  describe.each(Object.entries(EXPECTED))('%s', (metric, expected) => {
    it('by year', async () => {
      const points = await series(metric, { grain: 'year' });
      expect(points.map((p) => [p.period, p.group])).toEqual([['2024', 'all']]);
      expect(normalised(points[0])).toEqual(normalised(expected.year));
    });

    it('by month, in agency time', async () => {
      const points = await series(metric, { grain: 'month' });
      expect(points.every((p) => p.group === 'all')).toBe(true);
      expect(byGroup(points, 'period')).toEqual(allNormalised(expected.month));
    });

    it('by hour of week, in agency time', async () => {
      const { hourOfWeek } = await ask<{ hourOfWeek: HourOfWeekCell[] }>(
        api,
        HOUR_OF_WEEK,
        { input: { metric, from: FROM, to: TO, filters: filters() } },
        admin,
      );
      expect(hourOfWeek).toHaveLength(168);
      const empty =
        metric === 'bh_call_volume'
          ? { value: 0, numerator: 0, denominator: null, excluded: 0 }
          : { value: null, numerator: null, denominator: null, excluded: 0 };
      const answered = Object.fromEntries(
        hourOfWeek
          .filter(
            (cell) =>
              cell.value !== empty.value ||
              cell.numerator !== empty.numerator ||
              cell.denominator !== empty.denominator ||
              cell.excluded !== empty.excluded,
          )
          .map((cell) => [
            cellName(cell),
            normalised({ ...cell, percentiles: null }),
          ]),
      );
      const cells = Object.fromEntries(
        Object.entries(expected.hourOfWeek).map(([name, point]) => [
          name,
          normalised({ ...point, percentiles: null }),
        ]),
      );
      expect(answered).toEqual(cells);
    });

    it('by area', async () => {
      const points = await breakdown(metric, 'area');
      expect(points.every((p) => p.period === 'total')).toBe(true);
      expect(byGroup(points, 'group')).toEqual(allNormalised(expected.area));
    });

    it('by response model', async () => {
      const points = await breakdown(metric, 'response_model');
      expect(byGroup(points, 'group')).toEqual(
        allNormalised(expected.responseModel),
      );
    });
  });

  it('puts 23:30 on 31 January (06:30Z on 1 February) in January and counts the DST day once per local date', async () => {
    const points = await series('bh_call_volume', { grain: 'day' });
    expect(points.map((p) => [p.period, p.numerator])).toEqual([
      ['2024-01-10', 1], // E1
      ['2024-01-17', 1], // E2
      ['2024-01-31', 1], // E3, 2024-02-01T06:30Z
      ['2024-02-01', 1], // E4
      ['2024-02-14', 2], // E5 E6 (E6 is 02-15 06:10Z)
      ['2024-02-28', 1], // E12
      ['2024-03-10', 3], // E7 E8 E9, the day of 23 hours
      ['2024-03-13', 1], // E10
      ['2024-03-31', 1], // E11, 2024-04-01T05:20Z
    ]);
  });

  it('groups by district (beats roll up) and by program area', async () => {
    const districts = await breakdown('bh_call_volume', 'district');
    expect(byGroup(districts, 'group')).toEqual(
      allNormalised({ D1: count(8), D2: count(3), unknown: count(1) }),
    );
    const split = await breakdown('arrest_rate', 'program_area', program);
    expect(byGroup(split, 'group')).toEqual(
      allNormalised({
        'program areas': rate(2, 5), // B1: E1 E3
        'comparison areas': rate(1, 5, 1), // E12 of E2 E7 E8 E9 E12; E6 unknown
        unknown: rate(0, 1), // E11
      }),
    );
  });

  it('groups response times by patrol shift in agency time', async () => {
    const shifts = await breakdown('response_time_median', 'shift');
    expect(byGroup(shifts, 'group')).toEqual(
      allNormalised({
        day: minutes(3, 1, 10, 14.8), // Wed 09: 9 10 16
        // Wed 23, Thu 00, Sun 01, Sun 03, Sun 23: 5 12 20 8 15 6 30
        night: minutes(7, 1, 12, 24),
      }),
    );
  });

  it('groups by two dimensions and filters by a district', async () => {
    const points = await series('arrest_rate', {
      grain: 'quarter',
      groupBy: ['district', 'response_model'],
      filters: { ...filters(), areaIds: [agency.area.D1] },
    });
    expect(
      Object.fromEntries(
        points.map((p) => [`${p.period} ${p.group}`, normalised(p)]),
      ),
    ).toEqual(
      allNormalised({
        '2024-Q1 D1 / cit_officer': rate(1, 1, 1), // E3; E6 unknown
        '2024-Q1 D1 / co_responder': rate(0, 3), // E4 E5 E10
        '2024-Q1 D1 / mobile_crisis': rate(0, 1), // E7
        '2024-Q1 D1 / police_only': rate(1, 2), // E1 of E1 E2
      }),
    );
  });

  it('answers cost savings through the evaluation, with its assumptions', async () => {
    const { evaluation } = await ask<{
      evaluation: {
        before: string;
        start: string;
        after: string;
        results: {
          metric: string;
          programBefore: Expected;
          programAfter: Expected;
          comparisonBefore: Expected;
          comparisonAfter: Expected;
        }[];
        costSavings: {
          value: number;
          low: number;
          high: number;
          assumptions: string[];
        };
      };
    }>(api, EVALUATION, { input: { program, months: 6 } }, admin);
    // Windows of 6 months either side of 2024-02-01 00:00 MST.
    expect([evaluation.before, evaluation.start, evaluation.after]).toEqual([
      '2023-08-01T06:00:00.000Z',
      '2024-02-01T07:00:00.000Z',
      '2024-08-01T06:00:00.000Z',
    ]);
    const cells = (metric: string) => {
      const result = evaluation.results.find((r) => r.metric === metric);
      if (!result) throw new Error(`no result for ${metric}`);
      const { programBefore, programAfter, comparisonBefore, comparisonAfter } =
        result;
      return { programBefore, programAfter, comparisonBefore, comparisonAfter };
    };
    /** An evaluation cell: a rate without percentiles. */
    const cell = (numerator: number, denominator: number, excluded = 0) => ({
      value: denominator ? numerator / denominator : null,
      numerator,
      denominator,
      excluded,
    });
    // Program beat B1: before E1 E3 (E3 at 06:30Z is before the 07:00Z
    // start), after E4 E5 E10. Comparison: before E2, after E6-E9 E12.
    expect(cells('arrest_rate')).toEqual({
      programBefore: cell(2, 2),
      programAfter: cell(0, 3),
      comparisonBefore: cell(0, 1),
      comparisonAfter: cell(1, 4, 1),
    });
    expect(cells('jail_booking_rate').programBefore).toEqual(cell(1, 2)); // E1
    expect(cells('emergency_detention_rate').programBefore).toEqual(
      cell(1, 2), // E3
    );
    expect(cells('ed_transport_rate').programBefore).toEqual(cell(1, 2)); // E3
    for (const metric of [
      'jail_booking_rate',
      'emergency_detention_rate',
      'ed_transport_rate',
    ]) {
      expect(cells(metric).programAfter).toEqual(cell(0, 3));
    }
    // Each outcome fell from 1/2 to 0/3: (0.5 - 0) x 3 encounters = 1.5
    // events avoided, x $76 + $2,264 + $81 = $3,631.50; low 1.5 x (57 +
    // 1,698 + 60.75) = $2,723.625; high 1.5 x (128.92 + 2,830 + 101.25) =
    // $4,590.255.
    const { costSavings } = evaluation;
    expect(costSavings.value).toBeCloseTo(3631.5, 6);
    expect(costSavings.low).toBeCloseTo(2723.625, 6);
    expect(costSavings.high).toBeCloseTo(4590.255, 6);
    expect(costSavings.assumptions).toEqual([
      expect.stringMatching(
        /^jail_booking_rate: \(50\.0% before - 0\.0% after\) x 3 encounters .*= \$114$/,
      ),
      expect.stringMatching(
        /^emergency_detention_rate: \(50\.0% before - 0\.0% after\) x 3 encounters .*= \$3,396$/,
      ),
      expect.stringMatching(
        /^ed_transport_rate: \(50\.0% before - 0\.0% after\) x 3 encounters .*= \$122$/,
      ),
      expect.stringContaining('Program cost and officer hours avoided'),
    ]);
  });
});
