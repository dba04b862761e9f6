import {
  type Condition,
  fieldType,
  knownFieldsOf,
  type MetricDefinition,
} from '@crosswalk/metrics/spec';

import type {
  CompiledQuery,
  Dimension,
  Grain,
  MetricFilters,
  MetricQuery,
} from './metric-query';

/** Collects parameters; every value reaches SQL as $n, never as text. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

const ident = (name: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(name))
    throw new Error(`not a field name: ${name}`);
  return `"${name}"`;
};

const LOCAL = 'x.local_at';

/** The hour of the week of a local time, 0 (Monday 00:00) to 167 (date_part: float8, cheaper than extract's numeric). */
export const hourOfWeekSql = (local: string) =>
  `((date_part('isodow', ${local})::int - 1) * 24 + date_part('hour', ${local})::int)`;

/**
 * The time precisions that place an encounter in a view by the hour (the
 * hour of the week, the shift) or by the day (day and week periods). An
 * encounter whose source gives only its day or month is not put at
 * midnight or on the 1st: it falls in the period or group 'unknown'.
 */
const PRECISE_TO = {
  hour: "('minute', 'hour')",
  day: "('minute', 'hour', 'day')",
} as const;

/** Whether the encounter `alias` is timed at least to the `unit`. */
export const preciseSql = (unit: keyof typeof PRECISE_TO, alias: string) =>
  `${alias}.time_precision IN ${PRECISE_TO[unit]}`;

/** The unit a grain needs its encounters timed to, if finer than a month. */
const GRAIN_UNIT: Partial<Record<Grain, keyof typeof PRECISE_TO>> = {
  hour_of_week: 'hour',
  day: 'day',
  week: 'day',
};

/** A period's label, from the local time `local` of a record (or of a rollup's first month). */
export function periodSql(grain: Grain, local = LOCAL): string {
  return {
    day: `to_char(${local}, 'YYYY-MM-DD')`,
    week: `to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`,
    month: `to_char(${local}, 'YYYY-MM')`,
    quarter: `to_char(${local}, 'YYYY-"Q"Q')`,
    year: `to_char(${local}, 'YYYY')`,
    hour_of_week: `${hourOfWeekSql(local)}::text`,
    total: `'total'`,
  }[grain];
}

const FILTER_COLUMNS: [keyof MetricFilters, string][] = [
  ['responseModels', 'response_model'],
  ['callOrigins', 'call_origin'],
  ['bhCategories', 'bh_category'],
  ['ageBands', 'age_band'],
  ['genders', 'gender'],
  ['races', 'race'],
  ['ethnicities', 'ethnicity'],
];

/** Areas given by `seedSql` and every area below them. */
const areaTree = (seedSql: string) =>
  `(WITH RECURSIVE tree (agency_id, id) AS (${seedSql}
     UNION SELECT a.agency_id, a.id FROM areas a JOIN tree t ON a.agency_id = t.agency_id AND a.parent_id = t.id)
   SELECT id FROM tree)`;

const programAreas = (program: string) =>
  areaTree(
    `SELECT agency_id, area_id FROM program_areas WHERE program_id = ${program}`,
  );

/** SQL for a definition's conditions over the record alias `r`. */
export function conditionSql(
  definition: MetricDefinition,
  condition: Condition,
  params: Params,
): string {
  if ('anyOf' in condition)
    return `(${condition.anyOf.map((c) => conditionSql(definition, c, params)).join(' OR ')})`;
  const type = fieldType(definition, condition.field);
  if (!type)
    throw new Error(`${definition.id}: unknown field ${condition.field}`);
  const column = `r.${ident(condition.field)}`;
  const cast =
    type.kind === 'boolean'
      ? '::boolean'
      : type.kind === 'integer' || type.kind === 'number'
        ? '::numeric'
        : '::text';
  if ('equals' in condition)
    return `${column} = ${params.add(condition.equals, cast)}`;
  if ('in' in condition)
    return `${column} = ANY(${params.add(condition.in, `${cast}[]`)})`;
  return `NOT (${column} = ANY(${params.add(condition.notIn, `${cast}[]`)}))`;
}

export const all = (parts: string[]) =>
  parts.length ? parts.map((p) => `(${p})`).join(' AND ') : 'true';

export function filterSql(filters: MetricFilters, params: Params): string[] {
  const where: string[] = [];
  if (filters.agencyIds)
    where.push(
      `e.agency_id = ANY(${params.add(filters.agencyIds, '::uuid[]')})`,
    );
  // The areas as an array computed once, so an index on area_id is used.
  if (filters.areaIds?.length) {
    where.push(
      `e.area_id = ANY(ARRAY${areaTree(`SELECT agency_id, id FROM areas WHERE id = ANY(${params.add(filters.areaIds, '::uuid[]')})`)})`,
    );
  }
  if (filters.programId)
    where.push(
      `e.area_id = ANY(ARRAY${programAreas(params.add(filters.programId, '::uuid'))})`,
    );
  for (const [key, column] of FILTER_COLUMNS) {
    const values = filters[key] as string[] | undefined;
    if (values?.length)
      where.push(`e.${ident(column)} = ANY(${params.add(values, '::text[]')})`);
  }
  if (filters.peerSpecialistInvolved !== undefined) {
    where.push(
      `e.peer_specialist_involved = ${params.add(filters.peerSpecialistInvolved, '::boolean')}`,
    );
  }
  return where;
}

/** The patrol shift of a local time (see METRIC_DIMENSIONS). */
export const shiftSql = (localAt: string) =>
  `CASE WHEN date_part('hour', ${localAt}) BETWEEN 7 AND 14 THEN 'day' WHEN date_part('hour', ${localAt}) BETWEEN 15 AND 22 THEN 'evening' ELSE 'night' END`;

export function dimensionSql(
  dimension: Dimension,
  query: MetricQuery,
  params: Params,
): string {
  switch (dimension) {
    case 'area':
      return `coalesce(area.code, 'unknown')`;
    case 'district':
      return `coalesce(root.code, 'unknown')`;
    case 'shift':
      return `CASE WHEN ${preciseSql('hour', 'e')} THEN ${shiftSql(LOCAL)} ELSE 'unknown' END`;
    case 'program_area': {
      const program = query.program ?? query.filters?.programId;
      if (!program) throw new Error('program_area needs a program');
      return `CASE WHEN e.area_id IN ${programAreas(params.add(program, '::uuid'))} THEN 'program areas' WHEN e.area_id IS NULL THEN 'unknown' ELSE 'comparison areas' END`;
    }
    default:
      return `coalesce(e.${ident(dimension)}::text, 'unknown')`;
  }
}

/**
 * Compiles a metric definition and a query into one parameterised SQL
 * statement answering rows of {period, group, numerator, denominator,
 * excluded, percentiles, total}. Time buckets are taken in each agency's own
 * time zone. Records whose fields the metric needs are unknown are left out
 * of numerator and denominator and counted in `excluded`.
 */
export function compileMetricQuery(
  definition: MetricDefinition,
  query: MetricQuery,
): CompiledQuery {
  if (definition.kind === 'cost')
    throw new Error(
      `${definition.id} is computed from other metrics, not compiled`,
    );
  const params = new Params();
  const groupBy = query.groupBy ?? [];
  const joinsArea = groupBy.includes('area') || groupBy.includes('district');
  const where = [
    `e.occurred_at >= ${params.add(query.from, '::timestamptz')}`,
    `e.occurred_at < ${params.add(query.to, '::timestamptz')}`,
    ...filterSql(query.filters ?? {}, params),
  ];
  const unit = GRAIN_UNIT[query.grain];
  const period = unit
    ? `CASE WHEN ${preciseSql(unit, 'e')} THEN ${periodSql(query.grain)} ELSE 'unknown' END`
    : periodSql(query.grain);
  const group = groupBy.length
    ? groupBy.map((d) => dimensionSql(d, query, params)).join(` || ' / ' || `)
    : `'all'`;

  const referrals = definition.from === 'referrals';
  // Conditions are compiled only where used: an unused parameter would leave
  // PostgreSQL unable to type it.
  const whereOf = (conditions: Condition[] | undefined) =>
    all((conditions ?? []).map((c) => conditionSql(definition, c, params)));

  // The counted records (encounters or their referrals), each with its period
  // and group; the aggregates below read them as `r`.
  const scoped = `scoped AS (
    SELECT ${referrals ? 'r.*, e.person_key AS encounter_person_key' : 'e.*'}, ${period} AS period, ${group} AS grp
      FROM ${referrals ? 'referrals r JOIN encounters e ON e.agency_id = r.agency_id AND e.id = r.encounter_id' : 'encounters e'}
      JOIN agencies ag ON ag.id = e.agency_id
      CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
      ${joinsArea ? 'LEFT JOIN areas area ON area.agency_id = e.agency_id AND area.id = e.area_id' : ''}
      ${groupBy.includes('district') ? `LEFT JOIN LATERAL (${rootOf('area')}) root ON true` : ''}
     WHERE ${all(where)})`;

  let select: string;
  switch (definition.kind) {
    case 'count':
    case 'ratio':
    case 'sum': {
      const agg = additiveAggregates(definition, params);
      select = `SELECT period, grp AS "group", ${agg.numerator}::int AS numerator, ${agg.denominator}::int AS denominator,
        ${agg.excluded}::int AS excluded, NULL::float8[] AS percentiles, ${agg.total} AS total FROM scoped r GROUP BY 1, 2`;
      break;
    }
    case 'percentile': {
      const denominatorWhere = whereOf(definition.denominator?.where);
      const minutes = intervalMinutes(definition);
      const measured = `${denominatorWhere} AND ${minutes} IS NOT NULL`;
      select = `SELECT period, grp AS "group", count(*) FILTER (WHERE ${measured})::int AS numerator, NULL::int AS denominator,
        count(*) FILTER (WHERE ${denominatorWhere} AND ${minutes} IS NULL)::int AS excluded,
        percentile_cont(${params.add(definition.percentiles ?? [0.5], '::float8[]')}) WITHIN GROUP (ORDER BY ${minutes})
          FILTER (WHERE ${measured}) AS percentiles,
        NULL::float8 AS total FROM scoped r GROUP BY 1, 2`;
      break;
    }
    case 'distinct_persons': {
      const denominatorWhere = whereOf(definition.denominator?.where);
      const numeratorWhere = whereOf(definition.numerator?.where);
      const key = referrals ? 'r.encounter_person_key' : 'r.person_key';
      select = `, keyed AS (SELECT period, grp, ${key} AS person_key FROM scoped r WHERE ${denominatorWhere} AND ${numeratorWhere})
        , persons AS (SELECT period, grp, count(*) AS n FROM keyed WHERE person_key IS NOT NULL GROUP BY period, grp, person_key)
        , counted AS (SELECT period, grp, count(*) FILTER (WHERE n >= ${params.add(definition.minEncounters ?? 1, '::int')})::int AS numerator,
                             count(*)::int AS denominator FROM persons GROUP BY 1, 2)
        SELECT k.period, k.grp AS "group", coalesce(c.numerator, 0) AS numerator, coalesce(c.denominator, 0) AS denominator,
               count(*) FILTER (WHERE k.person_key IS NULL)::int AS excluded, NULL::float8[] AS percentiles, NULL::float8 AS total
          FROM keyed k LEFT JOIN counted c ON c.period = k.period AND c.grp = k.grp
         GROUP BY k.period, k.grp, c.numerator, c.denominator`;
      break;
    }
  }
  return {
    sql: `WITH ${scoped} ${select} ORDER BY 1, 2`,
    params: params.values,
  };
}

/**
 * Whole minutes between the interval's two timestamps of record `r` (null
 * when either is unknown). Whole minutes, as dispatch systems report them,
 * also let the histogram rollups answer percentiles exactly.
 */
export function intervalMinutes(definition: MetricDefinition): string {
  const from = `r.${ident(definition.interval?.from ?? '')}`;
  const to = `r.${ident(definition.interval?.to ?? '')}`;
  return `floor(date_part('epoch', ${to} - ${from}) / 60)::int`;
}

/** Kinds whose numerator, denominator, excluded and total add up across cells (so rollups can answer them). */
export const isAdditive = (definition: MetricDefinition) =>
  definition.kind === 'count' ||
  definition.kind === 'ratio' ||
  definition.kind === 'sum';

/**
 * The aggregate expressions of an additive metric over records `r`: the
 * numerator within the denominator's records whose needed fields are known,
 * those left out as unknown, and (sum kinds) the divided total.
 */
export function additiveAggregates(
  definition: MetricDefinition,
  params: Params,
) {
  const where = (conditions: Condition[] | undefined) =>
    all((conditions ?? []).map((c) => conditionSql(definition, c, params)));
  const denominatorWhere = where(definition.denominator?.where);
  const numeratorWhere =
    definition.kind === 'sum' ? 'true' : where(definition.numerator?.where);
  const known = all(
    knownFieldsOf(definition).map((f) => `r.${ident(f)} IS NOT NULL`),
  );
  switch (definition.kind) {
    case 'count':
      return {
        numerator: `count(*) FILTER (WHERE ${numeratorWhere})`,
        denominator: 'NULL',
        excluded: '0',
        total: 'NULL::float8',
      };
    case 'ratio':
      return {
        numerator: `count(*) FILTER (WHERE ${denominatorWhere} AND ${known} AND ${numeratorWhere})`,
        denominator: `count(*) FILTER (WHERE ${denominatorWhere} AND ${known})`,
        excluded: `count(*) FILTER (WHERE ${denominatorWhere} AND NOT (${known}))`,
        total: 'NULL::float8',
      };
    case 'sum': {
      const field = `r.${ident(definition.sum?.field ?? '')}`;
      return {
        numerator: `count(*) FILTER (WHERE ${denominatorWhere} AND ${field} IS NOT NULL)`,
        denominator: 'NULL',
        excluded: `count(*) FILTER (WHERE ${denominatorWhere} AND ${field} IS NULL)`,
        total: `coalesce(sum(${field}) FILTER (WHERE ${denominatorWhere}), 0)::float8 / ${params.add(definition.sum?.divideBy ?? 1, '::float8')}`,
      };
    }
    default:
      throw new Error(`${definition.id} (${definition.kind}) is not additive`);
  }
}

/** The top-most ancestor of the area alias given (its district or precinct). */
export function rootOf(alias: string): string {
  return `WITH RECURSIVE up (agency_id, id, parent_id, code) AS (
      SELECT ${alias}.agency_id, ${alias}.id, ${alias}.parent_id, ${alias}.code
      UNION ALL SELECT p.agency_id, p.id, p.parent_id, p.code FROM areas p JOIN up ON p.agency_id = up.agency_id AND p.id = up.parent_id)
    SELECT code FROM up WHERE parent_id IS NULL LIMIT 1`;
}
