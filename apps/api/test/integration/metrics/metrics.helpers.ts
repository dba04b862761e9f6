import type { DataSource } from 'typeorm';

import type { TestApp } from '../../test-app';

/** What the metric queries answer, as the specs compare it. */
export interface MetricPoint {
  period: string;
  group: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  excluded: number;
  percentiles: number[] | null;
}

export interface HourOfWeekCell {
  dayOfWeek: number;
  hour: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  excluded: number;
}

const POINT = 'period group value numerator denominator excluded percentiles';

export const SERIES = `query ($input: MetricSeriesInput!) { metricSeries(input: $input) { ${POINT} } }`;
export const BREAKDOWN = `query ($input: MetricBreakdownInput!) { metricBreakdown(input: $input) { ${POINT} } }`;
export const HOUR_OF_WEEK =
  'query ($input: HourOfWeekInput!) { hourOfWeek(input: $input) { dayOfWeek hour value numerator denominator excluded } }';

const CELL = 'value numerator denominator excluded';
const COMPARED =
  'metric value baselineValue change relativeChange ciLower ciUpper pValue significant smallSample method excluded baselineExcluded';
export const EVALUATION = `query ($input: EvaluationInput!) { evaluation(input: $input) {
  program months before start after incomplete
  results { metric programBefore { ${CELL} } programAfter { ${CELL} } comparisonBefore { ${CELL} } comparisonAfter { ${CELL} }
    prePost { ${COMPARED} } didEstimate didLower didUpper didPValue didScale }
  costSavings { value low high assumptions } } }`;
export const COMPARISON = `query ($input: ComparisonInput!) { comparison(input: $input) { ${COMPARED} } }`;

/** Runs a GraphQL operation and answers its data, or throws its first error. */
export async function ask<T>(
  api: TestApp,
  query: string,
  variables: Record<string, unknown>,
  cookie: string,
): Promise<T> {
  const result = await api.graphql<T>(query, variables, cookie);
  if (result.errors?.length) {
    const [error] = result.errors;
    throw new Error(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
  }
  if (!result.data) throw new Error('no data');
  return result.data;
}

export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Wed 23" for the cell of ISO day 3, hour 23. */
export function cellName(cell: { dayOfWeek: number; hour: number }): string {
  return `${DAY_NAMES[cell.dayOfWeek - 1]} ${String(cell.hour).padStart(2, '0')}`;
}

/** A 32-byte person key, the shape of HMAC-SHA256 output. */
export function personKey(n: number): Buffer {
  return Buffer.alloc(32, n);
}

export interface TestAgency {
  id: string;
  /** Area ids by code: districts D1, D2; beats B1, B2 (in D1), B3 (in D2). */
  area: Record<'D1' | 'D2' | 'B1' | 'B2' | 'B3', string>;
}

/** An agency with two districts and three beats. */
export async function createAgency(
  dataSource: DataSource,
  code: string,
  timeZone: string,
): Promise<TestAgency> {
  const [{ id }] = await dataSource.query(
    'INSERT INTO agencies (code, name, time_zone) VALUES ($1, $1, $2) RETURNING id',
    [code, timeZone],
  );
  const area = {} as TestAgency['area'];
  for (const [areaCode, level, parent] of [
    ['D1', 'district', null],
    ['D2', 'district', null],
    ['B1', 'beat', 'D1'],
    ['B2', 'beat', 'D1'],
    ['B3', 'beat', 'D2'],
  ] as const) {
    [{ id: area[areaCode] }] = await dataSource.query(
      'INSERT INTO areas (agency_id, code, name, level, parent_id) VALUES ($1, $2, $2, $3, $4) RETURNING id',
      [id, areaCode, level, parent ? area[parent] : null],
    );
  }
  return { id, area };
}

/** The encounter columns the metric specs set; anything left out is NULL (time_precision: minute). */
export interface EncounterInsert {
  source_record_id: string;
  occurred_at: Date | string;
  time_precision?: 'minute' | 'hour' | 'day' | 'month';
  dispatched_at?: Date | string | null;
  arrived_at?: Date | string | null;
  cleared_at?: Date | string | null;
  area_id?: string | null;
  initial_call_bh?: boolean | null;
  response_model?: string | null;
  police_backup_requested?: boolean | null;
  arrest?: boolean | null;
  jail_booking?: boolean | null;
  emergency_detention?: boolean | null;
  ed_transport?: boolean | null;
  voluntary_treatment?: boolean | null;
  referral_made?: boolean | null;
  resolved_on_scene?: boolean | null;
  force_level?: string | null;
  subject_injured?: boolean | null;
  officer_injured?: boolean | null;
  person_key?: Buffer | null;
  officer_minutes?: number | null;
}

const COLUMNS = [
  'source_record_id',
  'occurred_at',
  'time_precision',
  'dispatched_at',
  'arrived_at',
  'cleared_at',
  'area_id',
  'initial_call_bh',
  'response_model',
  'police_backup_requested',
  'arrest',
  'jail_booking',
  'emergency_detention',
  'ed_transport',
  'voluntary_treatment',
  'referral_made',
  'resolved_on_scene',
  'force_level',
  'subject_injured',
  'officer_injured',
  'person_key',
  'officer_minutes',
] as const satisfies readonly (keyof EncounterInsert)[];

/** Inserts the encounters in one statement; answers their ids by source_record_id. */
export async function insertEncounters(
  dataSource: DataSource,
  agencyId: string,
  encounters: readonly EncounterInsert[],
): Promise<Map<string, string>> {
  if (encounters.length === 0) return new Map();
  const params: unknown[] = [agencyId];
  const rows = encounters.map((encounter) => {
    const values = COLUMNS.map((column) => {
      params.push(
        column === 'time_precision'
          ? (encounter.time_precision ?? 'minute')
          : (encounter[column] ?? null),
      );
      return `$${params.length}`;
    });
    return `($1, 'metrics-it', ${values.join(', ')})`;
  });
  const inserted: { id: string; source_record_id: string }[] =
    await dataSource.query(
      `INSERT INTO encounters (agency_id, source_system, ${COLUMNS.join(', ')})
       VALUES ${rows.join(', ')} RETURNING id, source_record_id`,
      params,
    );
  return new Map(inserted.map((row) => [row.source_record_id, row.id]));
}

/** Minutes after an instant. */
export function plusMinutes(at: Date | string, minutes: number): Date {
  return new Date(new Date(at).getTime() + minutes * 60_000);
}
