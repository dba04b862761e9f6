import { RESPONSE_MODELS, type ResponseModel } from '@crosswalk/domain';
import { TZDate } from '@date-fns/tz';
import { format, getISODay, startOfWeek } from 'date-fns';
import fc from 'fast-check';

import { createTestApp, type TestApp } from '../../test-app';
import {
  ask,
  BREAKDOWN,
  createAgency,
  type EncounterInsert,
  HOUR_OF_WEEK,
  type HourOfWeekCell,
  insertEncounters,
  type MetricPoint,
  personKey,
  SERIES,
  type TestAgency,
} from './metrics.helpers';

// The compiled SQL against a plain TypeScript reference implementation of
// the metric catalogue, on random encounter sets: random outcomes (unknowns
// included), instants around the 2024 DST changes and month boundaries of
// America/Chicago, random areas, response models, persons and intervals,
// and random time precisions: an encounter known only to the day or month
// is in the period 'unknown' of finer views.

const ZONE = 'America/Chicago';
const FROM = new Date('2024-01-01T06:00:00Z'); // 2024-01-01 00:00 CST
const TO = new Date('2025-01-01T06:00:00Z'); // 2025-01-01 00:00 CST

const MINUTE = 60_000;
/** Instants where local time is tricky; encounters fall within 30 hours of one. */
const ANCHORS = [
  '2024-01-01T06:00:00Z', // the range start, local midnight
  '2024-02-01T06:00:00Z', // month boundary (CST)
  '2024-03-10T08:00:00Z', // 02:00 CST becomes 03:00 CDT
  '2024-04-01T05:00:00Z', // month boundary (CDT)
  '2024-11-01T05:00:00Z', // month boundary (CDT)
  '2024-11-03T07:00:00Z', // 02:00 CDT becomes 01:00 CST: 01:xx twice
  '2024-12-01T06:00:00Z', // month boundary (CST)
  '2025-01-01T06:00:00Z', // the range end
].map((iso) => new Date(iso).getTime());

type Area = 'B1' | 'B2' | 'B3';

type TimePrecision = 'minute' | 'hour' | 'day' | 'month';

interface RandomEncounter {
  occurredAt: Date;
  precision: TimePrecision;
  area: Area | null;
  responseModel: ResponseModel | null;
  arrest: boolean | null;
  jailBooking: boolean | null;
  voluntaryTreatment: boolean | null;
  referralMade: boolean | null;
  resolvedOnScene: boolean | null;
  forceLevel: string | null;
  policeBackupRequested: boolean | null;
  person: number | null;
  dispatchedAt: Date | null;
  arrivedAt: Date | null;
  officerMinutes: number | null;
}

const flag = fc.constantFrom(true, false, null);
const instant = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...ANCHORS),
      fc.integer({ min: -30 * 60, max: 30 * 60 }),
    )
    .map(([anchor, minutes]) => anchor + minutes * MINUTE),
  fc.integer({
    min: new Date('2023-12-20T00:00:00Z').getTime(),
    max: new Date('2025-01-10T00:00:00Z').getTime(),
  }),
);
const encounter: fc.Arbitrary<RandomEncounter> = fc
  .record({
    occurredAt: instant,
    precision: fc.constantFrom<TimePrecision>(
      'minute',
      'minute',
      'hour',
      'day',
      'month',
    ),
    area: fc.constantFrom<Area | null>('B1', 'B2', 'B3', null),
    responseModel: fc.constantFrom<ResponseModel | null>(
      ...RESPONSE_MODELS,
      null,
    ),
    arrest: flag,
    jailBooking: flag,
    voluntaryTreatment: flag,
    referralMade: flag,
    resolvedOnScene: flag,
    forceLevel: fc.constantFrom('none', 'level_1', 'lethal', null),
    policeBackupRequested: flag,
    person: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 4 }),
    /** Seconds from the call to dispatch, and from dispatch to arrival. */
    queue: fc.option(fc.integer({ min: 0, max: 2 * 3600 }), { freq: 4 }),
    travel: fc.option(fc.integer({ min: 0, max: 90 * 60 }), { freq: 4 }),
    officerMinutes: fc.option(fc.integer({ min: 0, max: 240 }), { freq: 4 }),
  })
  .map(({ occurredAt, queue, travel, ...rest }) => {
    const dispatched = queue === null ? null : occurredAt + queue * 1000;
    return {
      ...rest,
      occurredAt: new Date(occurredAt),
      dispatchedAt: dispatched === null ? null : new Date(dispatched),
      arrivedAt:
        travel === null
          ? null
          : new Date((dispatched ?? occurredAt) + travel * 1000),
    };
  });

// ---------------------------------------------------------------------------
// The reference implementation: DOMAIN.md sections 2-3 in plain TypeScript.

type Expected = Omit<MetricPoint, 'period' | 'group'>;

type Reference = (encounters: RandomEncounter[]) => Expected;

const SPECIALIZED = new Set<string>([
  'cit_officer',
  'co_responder',
  'mobile_crisis',
  'civilian_alternative',
]);

/** A rate over the records in its denominator whose needed fields are known. */
const ratio =
  (
    known: (e: RandomEncounter) => boolean,
    counted: (e: RandomEncounter) => boolean,
    inDenominator: (e: RandomEncounter) => boolean = () => true,
  ): Reference =>
  (encounters) => {
    const eligible = encounters.filter(inDenominator);
    const measured = eligible.filter(known);
    const numerator = measured.filter(counted).length;
    return {
      value: measured.length ? numerator / measured.length : null,
      numerator,
      denominator: measured.length,
      excluded: eligible.length - measured.length,
      percentiles: null,
    };
  };

/** Persons with at least `min` encounters, of the persons with any. */
const persons =
  (min: number, perPerson: boolean): Reference =>
  (encounters) => {
    const counts = new Map<number, number>();
    for (const e of encounters)
      if (e.person !== null)
        counts.set(e.person, (counts.get(e.person) ?? 0) + 1);
    const numerator = [...counts.values()].filter((n) => n >= min).length;
    return {
      value: perPerson
        ? counts.size
          ? numerator / counts.size
          : null
        : numerator,
      numerator,
      denominator: counts.size,
      excluded: encounters.filter((e) => e.person === null).length,
      percentiles: null,
    };
  };

/** percentile_cont: the value at position p x (n - 1), linear between neighbours. */
function percentileCont(sorted: number[], p: number): number {
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

const REFERENCE: Record<string, Reference> = {
  bh_call_volume: (encounters) => ({
    value: encounters.length,
    numerator: encounters.length,
    denominator: null,
    excluded: 0,
    percentiles: null,
  }),
  arrest_rate: ratio(
    (e) => e.arrest !== null,
    (e) => e.arrest === true,
  ),
  use_of_force_rate: ratio(
    (e) => e.forceLevel !== null,
    (e) => e.forceLevel !== 'none',
  ),
  diversion_rate: ratio(
    (e) =>
      e.arrest !== null &&
      e.jailBooking !== null &&
      e.voluntaryTreatment !== null &&
      e.referralMade !== null &&
      e.resolvedOnScene !== null,
    (e) =>
      (e.voluntaryTreatment === true ||
        e.referralMade === true ||
        e.resolvedOnScene === true) &&
      e.arrest === false &&
      e.jailBooking === false,
  ),
  specialized_response_share: ratio(
    (e) => e.responseModel !== null,
    (e) => SPECIALIZED.has(e.responseModel ?? ''),
  ),
  police_backup_rate: ratio(
    (e) => e.policeBackupRequested !== null,
    (e) => e.policeBackupRequested === true,
    (e) =>
      e.responseModel === 'civilian_alternative' ||
      e.responseModel === 'mobile_crisis',
  ),
  repeat_encounter_rate: persons(2, true),
  frequent_utilizers: persons(4, false),
  response_time_median: (encounters) => {
    const measured = encounters.filter(
      (e) => e.dispatchedAt !== null && e.arrivedAt !== null,
    );
    // Whole minutes, as the metric counts them.
    const sorted = measured
      .map((e) =>
        Math.floor(
          ((e.arrivedAt as Date).getTime() -
            (e.dispatchedAt as Date).getTime()) /
            MINUTE,
        ),
      )
      .sort((a, b) => a - b);
    const percentiles = sorted.length
      ? [percentileCont(sorted, 0.5), percentileCont(sorted, 0.9)]
      : null;
    return {
      value: percentiles?.[0] ?? null,
      numerator: measured.length,
      denominator: null,
      excluded: encounters.length - measured.length,
      percentiles,
    };
  },
  officer_hours: (encounters) => {
    const recorded = encounters.filter((e) => e.officerMinutes !== null);
    return {
      value: recorded.reduce((sum, e) => sum + (e.officerMinutes ?? 0), 0) / 60,
      numerator: recorded.length,
      denominator: null,
      excluded: encounters.length - recorded.length,
      percentiles: null,
    };
  },
};

type Grain = 'month' | 'week' | 'hour_of_week' | 'total';
type Dimension = 'area' | 'response_model';

/** The grains an encounter of each precision can be placed in. */
const PLACED: Record<TimePrecision, Grain[]> = {
  minute: ['month', 'week', 'hour_of_week', 'total'],
  hour: ['month', 'week', 'hour_of_week', 'total'],
  day: ['month', 'week', 'total'],
  month: ['month', 'total'],
};

/** The bucket of an encounter, read on the agency's wall clock. */
function periodOf(e: RandomEncounter, grain: Grain): string {
  if (!PLACED[e.precision].includes(grain)) return 'unknown';
  const local = new TZDate(e.occurredAt.getTime(), ZONE);
  switch (grain) {
    case 'month':
      return format(local, 'yyyy-MM');
    case 'week':
      return format(startOfWeek(local, { weekStartsOn: 1 }), 'yyyy-MM-dd');
    case 'hour_of_week':
      return String((getISODay(local) - 1) * 24 + local.getHours());
    case 'total':
      return 'total';
  }
}

function groupOf(e: RandomEncounter, groupBy: Dimension[]): string {
  if (groupBy.length === 0) return 'all';
  return groupBy
    .map((d) => (d === 'area' ? e.area : e.responseModel) ?? 'unknown')
    .join(' / ');
}

/** Reference answer: one point per period and group that has encounters. */
function reference(
  metric: string,
  encounters: RandomEncounter[],
  grain: Grain,
  groupBy: Dimension[] = [],
): Map<string, Expected> {
  const buckets = new Map<string, RandomEncounter[]>();
  for (const e of encounters) {
    if (e.occurredAt < FROM || e.occurredAt >= TO) continue;
    const key = `${periodOf(e, grain)} | ${groupOf(e, groupBy)}`;
    buckets.set(key, [...(buckets.get(key) ?? []), e]);
  }
  return new Map(
    [...buckets].map(([key, bucket]) => [key, REFERENCE[metric](bucket)]),
  );
}

// ---------------------------------------------------------------------------

const round = (x: number | null) =>
  x === null ? null : Math.round(x * 1e6) / 1e6;
const normalised = (point: Expected): Expected => ({
  value: round(point.value),
  numerator: point.numerator,
  denominator: point.denominator,
  excluded: point.excluded,
  percentiles: point.percentiles?.map((p) => round(p) as number) ?? null,
});
const sortedEntries = (points: Map<string, Expected>) =>
  [...points]
    .map(([key, point]) => [key, normalised(point)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('compiled metric SQL matches a TypeScript reference implementation', () => {
  let api: TestApp;
  let agency: TestAgency;
  let admin: string;

  beforeAll(async () => {
    api = await createTestApp();
    agency = await createAgency(api.dataSource, 'metrics-property', ZONE);
    admin = (await api.signIn('admin')).cookie;
  });
  afterAll(() => api.close());

  const load = async (encounters: RandomEncounter[]) => {
    await api.dataSource.query('DELETE FROM encounters WHERE agency_id = $1', [
      agency.id,
    ]);
    await insertEncounters(
      api.dataSource,
      agency.id,
      encounters.map((e, i): EncounterInsert => ({
        source_record_id: `P${i}`,
        occurred_at: e.occurredAt,
        time_precision: e.precision,
        dispatched_at: e.dispatchedAt,
        arrived_at: e.arrivedAt,
        area_id: e.area ? agency.area[e.area] : null,
        response_model: e.responseModel,
        arrest: e.arrest,
        jail_booking: e.jailBooking,
        voluntary_treatment: e.voluntaryTreatment,
        referral_made: e.referralMade,
        resolved_on_scene: e.resolvedOnScene,
        force_level: e.forceLevel,
        police_backup_requested: e.policeBackupRequested,
        person_key: e.person === null ? null : personKey(e.person),
        officer_minutes: e.officerMinutes,
      })),
    );
  };

  const input = (metric: string) => ({
    metric,
    from: FROM.toISOString(),
    to: TO.toISOString(),
    filters: { agencyId: agency.id },
  });
  const keyed = (points: MetricPoint[]) =>
    new Map(points.map((p) => [`${p.period} | ${p.group}`, p]));

  /** Every cut the SQL answers for one metric, with the reference's answer. */
  const cuts = async (metric: string, encounters: RandomEncounter[]) => {
    const series = async (grain: 'month' | 'week', groupBy?: Dimension[]) =>
      keyed(
        (
          await ask<{ metricSeries: MetricPoint[] }>(
            api,
            SERIES,
            { input: { ...input(metric), grain, groupBy } },
            admin,
          )
        ).metricSeries,
      );
    const breakdown = async (dimension: Dimension) =>
      keyed(
        (
          await ask<{ metricBreakdown: MetricPoint[] }>(
            api,
            BREAKDOWN,
            { input: { ...input(metric), dimension } },
            admin,
          )
        ).metricBreakdown,
      );
    const hourOfWeek = async () => {
      const { hourOfWeek: cells } = await ask<{
        hourOfWeek: HourOfWeekCell[];
      }>(api, HOUR_OF_WEEK, { input: input(metric) }, admin);
      return new Map(
        cells.map((cell): [string, Expected] => [
          String((cell.dayOfWeek - 1) * 24 + cell.hour),
          { ...cell, percentiles: null },
        ]),
      );
    };
    /**
     * The API fills all 168 cells; empty ones hold 0 for counts, else
     * nothing. Encounters not timed to the hour have no cell.
     */
    const referenceHourOfWeek = () => {
      const answered = reference(metric, encounters, 'hour_of_week');
      return new Map(
        Array.from({ length: 168 }, (_, i): [string, Expected] => {
          const point = answered.get(`${i} | all`);
          const empty = metric === 'bh_call_volume' ? 0 : null;
          return [
            String(i),
            point
              ? { ...point, percentiles: null }
              : {
                  value: empty,
                  numerator: empty,
                  denominator: null,
                  excluded: 0,
                  percentiles: null,
                },
          ];
        }),
      );
    };
    const [month, week, byArea, byModel, byAreaAndModel, hours] =
      await Promise.all([
        series('month'),
        series('week'),
        breakdown('area'),
        breakdown('response_model'),
        series('month', ['area', 'response_model']),
        hourOfWeek(),
      ]);
    return [
      ['month', month, reference(metric, encounters, 'month')],
      ['week', week, reference(metric, encounters, 'week')],
      ['area', byArea, reference(metric, encounters, 'total', ['area'])],
      [
        'response model',
        byModel,
        reference(metric, encounters, 'total', ['response_model']),
      ],
      [
        'month x area x response model',
        byAreaAndModel,
        reference(metric, encounters, 'month', ['area', 'response_model']),
      ],
      ['hour of week', hours, referenceHourOfWeek()],
    ] as const;
  };

  it('agrees on random encounter sets for counts, rates, persons, percentiles and sums', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(encounter, { maxLength: 60 }),
        async (encounters) => {
          runs++;
          await load(encounters);
          for (const metric of Object.keys(REFERENCE)) {
            for (const [cut, actual, expected] of await cuts(
              metric,
              encounters,
            )) {
              expect({ metric, cut, points: sortedEntries(actual) }).toEqual({
                metric,
                cut,
                points: sortedEntries(expected),
              });
            }
          }
        },
      ),
      { numRuns: 25 },
    );
    expect(runs).toBeGreaterThanOrEqual(25);
  }, 120_000);
});
