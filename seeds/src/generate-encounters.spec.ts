import { createHmac } from 'node:crypto';

import {
  BH_CATEGORIES,
  CALL_ORIGINS,
  FORCE_LEVELS,
  RESPONSE_MODELS,
} from '@crosswalk/domain';
import { TZDate } from '@date-fns/tz';

import {
  DEMO_AGENCY,
  DEMO_BEATS,
  DEMO_PERSON_KEY_SECRET,
  DEMO_PROGRAM,
  isProgramBeat,
} from './demo-city';
import {
  DEMO_AFTERNOON_EVENING_SHARE,
  DEMO_BASELINE_RATES,
  DEMO_CONNECTED_FACTORS,
  DEMO_PROGRAM_EFFECTS,
  DEMO_REFERRAL_RATES,
  DEMO_UNKNOWN_OUTCOME_SHARE,
} from './demo-rates';
import {
  createDemoZoneClock,
  DEMO_HOUR_WEIGHTS,
  type DemoEncounter,
  demoPersonKey,
  generateEncounters,
} from './generate-encounters';

const MINUTE = 60_000;
const zone = DEMO_AGENCY.timeZone;
const programStart = new TZDate(2024, 0, 1, zone).getTime();
// Local wall-clock time: ZoneClock is checked against date-fns in its own spec.
const clock = createDemoZoneClock();
const local = (ms: number) => new Date(clock.toWall(ms));
/** A nullable number; null becomes NaN so every comparison with it fails. */
const at = (value: number | null) => value ?? Number.NaN;

type Group = 'program' | 'comparison';
type Period = 'before' | 'after';

interface Tally {
  known: number;
  arrest: number;
  force: number;
  detention: number;
  referral: number;
  booking: number;
  models: Record<string, number>;
  total: number;
}

const emptyTally = (): Tally => ({
  known: 0,
  arrest: 0,
  force: 0,
  detention: 0,
  referral: 0,
  booking: 0,
  models: {},
  total: 0,
});

describe('generateEncounters (100,000 encounters, seed 1)', () => {
  const encounters: DemoEncounter[] = [];
  const localHours: number[] = [];
  const localYears: number[] = [];
  const localWeekdays: number[] = [];
  const localMonths = new Set<number>();
  const tallies: Record<Group, Record<Period, Tally>> = {
    program: { before: emptyTally(), after: emptyTally() },
    comparison: { before: emptyTally(), after: emptyTally() },
  };

  beforeAll(() => {
    for (const encounter of generateEncounters({
      encounters: 100_000,
      seed: 1,
    })) {
      encounters.push(encounter);
      const wall = local(encounter.occurredAt);
      localHours.push(wall.getUTCHours());
      localYears.push(wall.getUTCFullYear());
      localWeekdays.push(wall.getUTCDay());
      localMonths.add(wall.getUTCFullYear() * 12 + wall.getUTCMonth());
      const group: Group = isProgramBeat(encounter.areaCode)
        ? 'program'
        : 'comparison';
      const period: Period =
        encounter.occurredAt >= programStart ? 'after' : 'before';
      const tally = tallies[group][period];
      tally.total++;
      tally.models[encounter.responseModel] =
        (tally.models[encounter.responseModel] ?? 0) + 1;
      if (encounter.arrest === null) continue;
      tally.known++;
      if (encounter.arrest) tally.arrest++;
      if (encounter.forceLevel !== 'none') tally.force++;
      if (encounter.emergencyDetention) tally.detention++;
      if (encounter.referralMade) tally.referral++;
      if (encounter.jailBooking) tally.booking++;
    }
  });

  const rate = (group: Group, period: Period, field: keyof Tally) =>
    (tallies[group][period][field] as number) / tallies[group][period].known;
  const change = (group: Group, field: keyof Tally) =>
    rate(group, 'after', field) / rate(group, 'before', field) - 1;

  it('yields exactly the requested count, in time order, with sequential ids', () => {
    expect(encounters).toHaveLength(100_000);
    expect(encounters[0].sourceRecordId).toBe('DEMO-000000001');
    expect(encounters[99_999].sourceRecordId).toBe('DEMO-000100000');
    const outOfOrder = encounters.filter(
      (e, i) => i > 0 && e.occurredAt < encounters[i - 1].occurredAt,
    );
    expect(outOfOrder).toHaveLength(0);
  });

  it('covers 2023-01-01 to 2025-12-31 in the agency zone, every month', () => {
    const first = new TZDate(encounters[0].occurredAt, zone);
    const last = new TZDate(encounters[encounters.length - 1].occurredAt, zone);
    expect(first.getFullYear()).toBe(2023);
    expect(first.getMonth()).toBe(0);
    expect(first.getDate()).toBe(1);
    expect(last.getFullYear()).toBe(2025);
    expect(last.getMonth()).toBe(11);
    expect(last.getDate()).toBe(31);
    expect(localMonths.size).toBe(36);
  });

  it('puts about 70% of calls between 14:00 and 22:00 local time', () => {
    const share =
      localHours.filter((h) => h >= 14 && h < 22).length / localHours.length;
    expect(share).toBeGreaterThanOrEqual(0.65);
    expect(share).toBeLessThanOrEqual(0.75);
    expect(share).toBeCloseTo(DEMO_AFTERNOON_EVENING_SHARE, 1);
    const designed = DEMO_HOUR_WEIGHTS.slice(14, 22).reduce((a, b) => a + b, 0);
    expect(designed).toBeCloseTo(DEMO_AFTERNOON_EVENING_SHARE, 6);
  });

  it('varies volume by weekday and by beat', () => {
    const byDay = [0, 0, 0, 0, 0, 0, 0];
    for (const day of localWeekdays) byDay[day]++;
    expect(Math.max(...byDay) / Math.min(...byDay)).toBeGreaterThan(1.15);
    const byBeat = new Map<string, number>();
    for (const e of encounters)
      byBeat.set(e.areaCode, (byBeat.get(e.areaCode) ?? 0) + 1);
    expect(byBeat.size).toBe(DEMO_BEATS.length);
    expect(
      Math.max(...byBeat.values()) / Math.min(...byBeat.values()),
    ).toBeGreaterThan(5);
  });

  it('leaves about 2% of outcomes unknown (null, never false)', () => {
    const unknown = encounters.filter((e) => e.arrest === null);
    expect(unknown.length / encounters.length).toBeCloseTo(
      DEMO_UNKNOWN_OUTCOME_SHARE,
      2,
    );
    expect(unknown.length / encounters.length).toBeGreaterThan(0.015);
    expect(unknown.length / encounters.length).toBeLessThan(0.025);
    for (const e of unknown.slice(0, 200)) {
      expect([
        e.forceLevel,
        e.referralMade,
        e.emergencyDetention,
        e.jailBooking,
      ]).toEqual([null, null, null, null]);
    }
  });

  it('has a few percent frequent utilizers (4+ encounters in 2024) holding many encounters', () => {
    const counts = new Map<string, number>();
    const all = new Map<string, number>();
    encounters.forEach((e, i) => {
      if (e.personKey === null) return;
      all.set(e.personKey, (all.get(e.personKey) ?? 0) + 1);
      if (localYears[i] === 2024)
        counts.set(e.personKey, (counts.get(e.personKey) ?? 0) + 1);
    });
    const frequent = [...counts.values()].filter((n) => n >= 4);
    const share = frequent.length / counts.size;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.06);
    const theirEncounters = frequent.reduce((a, b) => a + b, 0);
    const encounters2024 = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(theirEncounters / encounters2024).toBeGreaterThan(0.15);
    const repeat = [...all.values()].filter((n) => n >= 2).length / all.size;
    expect(repeat).toBeGreaterThan(0.2);
    expect(repeat).toBeLessThan(0.4);
    expect(Math.max(...all.values())).toBeGreaterThanOrEqual(30);
  });

  it('cuts arrests by about 40% in program beats after the start, not in comparison beats', () => {
    expect(DEMO_PROGRAM_EFFECTS.arrest_rate).toBe(-0.4);
    expect(change('program', 'arrest')).toBeGreaterThan(-0.47);
    expect(change('program', 'arrest')).toBeLessThan(-0.33);
    expect(Math.abs(change('comparison', 'arrest'))).toBeLessThan(0.06);
    expect(rate('comparison', 'before', 'arrest')).toBeCloseTo(
      DEMO_BASELINE_RATES.arrest_rate,
      1,
    );
  });

  it('moves force, detentions, bookings and referrals by their documented effects', () => {
    const cases: [keyof Tally, keyof typeof DEMO_PROGRAM_EFFECTS][] = [
      ['force', 'use_of_force_rate'],
      ['detention', 'emergency_detention_rate'],
      ['booking', 'jail_booking_rate'],
      ['referral', 'referral_rate'],
    ];
    for (const [field, metric] of cases) {
      expect(change('program', field)).toBeGreaterThan(
        DEMO_PROGRAM_EFFECTS[metric] - 0.1,
      );
      expect(change('program', field)).toBeLessThan(
        DEMO_PROGRAM_EFFECTS[metric] + 0.1,
      );
      expect(Math.abs(change('comparison', field))).toBeLessThan(0.1);
    }
  });

  it('sends co-responders in program beats after the start only', () => {
    const share = (group: Group, period: Period, models: string[]) => {
      const tally = tallies[group][period];
      return (
        models.reduce((sum, m) => sum + (tally.models[m] ?? 0), 0) / tally.total
      );
    };
    expect(share('program', 'after', ['co_responder'])).toBeGreaterThan(0.4);
    expect(
      share('program', 'after', ['co_responder', 'cit_officer']),
    ).toBeGreaterThan(0.7);
    expect(share('program', 'before', ['co_responder'])).toBe(0);
    expect(share('comparison', 'after', ['co_responder'])).toBe(0);
    expect(
      share('comparison', 'after', ['police_only', 'cit_officer']),
    ).toBeGreaterThan(0.9);
  });

  it('fills plausible, consistent fields', () => {
    const problems = new Map<string, number>();
    const check = (ok: boolean, problem: string) => {
      if (!ok) problems.set(problem, (problems.get(problem) ?? 0) + 1);
    };
    const onScene: number[] = [];
    const response: number[] = [];
    for (const e of encounters) {
      check(CALL_ORIGINS.includes(e.callOrigin), 'call_origin');
      check(BH_CATEGORIES.includes(e.bhCategory), 'bh_category');
      check(RESPONSE_MODELS.includes(e.responseModel), 'response_model');
      check(
        e.forceLevel === null || FORCE_LEVELS.includes(e.forceLevel),
        'force_level',
      );
      check(e.timePrecision === 'minute', 'time_precision');
      check(e.occurredAt % MINUTE === 0, 'whole minutes');
      check(e.receivedAt === e.occurredAt, 'received_at');
      check(
        at(e.dispatchedAt) >= at(e.receivedAt),
        'dispatched before received',
      );
      check(at(e.arrivedAt) >= at(e.dispatchedAt), 'arrived before dispatched');
      check(!e.jailBooking || e.arrest === true, 'booking without arrest');
      check(
        !e.resolvedOnScene || (!e.arrest && !e.emergencyDetention),
        'resolved',
      );
      check(
        at(e.officerMinutes) >= 0 && at(e.clinicianMinutes) >= 0,
        'minutes',
      );
      check(
        e.responseModel !== 'co_responder' || at(e.clinicianMinutes) > 0,
        'clinician',
      );
      check(
        e.personKey === null
          ? e.ageBand === null
          : /^[0-9a-f]{64}$/.test(e.personKey),
        'person',
      );
      onScene.push((at(e.clearedAt) - at(e.arrivedAt)) / MINUTE);
      if (e.callOrigin === '911')
        response.push((at(e.arrivedAt) - at(e.dispatchedAt)) / MINUTE);
    }
    expect(Object.fromEntries(problems)).toEqual({});
    expect(Math.min(...onScene)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...onScene)).toBeLessThanOrEqual(90);
    response.sort((a, b) => a - b);
    const median = response[Math.floor(response.length / 2)];
    expect(median).toBeGreaterThanOrEqual(6);
    expect(median).toBeLessThanOrEqual(14);
    const origins = new Set(encounters.map((e) => e.callOrigin));
    expect([...origins].sort()).toEqual([
      '911',
      '988',
      'officer_initiated',
      'other',
      'referral',
    ]);
    const share911 =
      encounters.filter((e) => e.callOrigin === '911').length /
      encounters.length;
    expect(share911).toBeGreaterThan(0.6);
  });

  it('gives each encounter with a referral made one or two referrals to different services, and the others none', () => {
    const mismatched = encounters.filter(
      (e) =>
        (e.referralMade === true) !==
        (e.referrals.length >= 1 && e.referrals.length <= 2),
    );
    expect(mismatched).toHaveLength(0);
    const withReferrals = encounters.filter((e) => e.referrals.length > 0);
    const twice = withReferrals.filter((e) => e.referrals.length === 2);
    expect(twice.length / withReferrals.length).toBeCloseTo(
      DEMO_REFERRAL_RATES.secondReferral,
      1,
    );
    expect(
      twice.filter((e) => e.referrals[0].provider === e.referrals[1].provider),
    ).toHaveLength(0);
    const substance = withReferrals.filter(
      (e) => e.bhCategory === 'substance_use',
    );
    const toRecovery = substance.filter(
      (e) => e.referrals[0].referralType === 'substance_use',
    );
    expect(toRecovery.length / substance.length).toBeCloseTo(0.65, 1);
  });

  it('connects referrals to care by response model, unknown when unrecorded or when the 30 days outlast the window', () => {
    const referrals = encounters.flatMap((e) =>
      e.referrals.map((r) => ({ ...r, encounter: e })),
    );
    const windowEnd = new TZDate(2026, 0, 1, zone).getTime();
    const late = referrals.filter(
      (r) => at(r.encounter.clearedAt) > windowEnd - 30 * 86_400_000,
    );
    expect(late.length).toBeGreaterThan(0);
    expect(late.filter((r) => r.connectedWithin30d !== null)).toHaveLength(0);
    const early = referrals.filter((r) => !late.includes(r));
    const unknown = early.filter((r) => r.connectedWithin30d === null);
    expect(unknown.length / early.length).toBeCloseTo(
      DEMO_REFERRAL_RATES.unrecordedOutcome,
      1,
    );
    for (const model of ['police_only', 'co_responder'] as const) {
      const known = early.filter(
        (r) =>
          r.encounter.responseModel === model && r.connectedWithin30d !== null,
      );
      const connected = known.filter((r) => r.connectedWithin30d).length;
      expect(connected / known.length).toBeCloseTo(
        DEMO_REFERRAL_RATES.connectedWithin30d * DEMO_CONNECTED_FACTORS[model],
        1,
      );
    }
  });

  it('keys persons with HMAC-SHA256 of a synthetic id and the demo secret', () => {
    const expected = createHmac('sha256', DEMO_PERSON_KEY_SECRET)
      .update('demo-person-12345')
      .digest('hex');
    expect(demoPersonKey(12345)).toBe(expected);
  });

  it('serves the program beats of DEMO_PROGRAM from its start date', () => {
    expect(new TZDate(programStart, zone).toISOString()).toBe(
      `${DEMO_PROGRAM.startDate}T00:00:00.000-06:00`,
    );
  });

  it('rejects impossible options', () => {
    expect(() =>
      generateEncounters({ encounters: -1, seed: 1 }).next(),
    ).toThrow(RangeError);
    expect(() =>
      generateEncounters({ encounters: 1.5, seed: 1 }).next(),
    ).toThrow(RangeError);
  });
});
