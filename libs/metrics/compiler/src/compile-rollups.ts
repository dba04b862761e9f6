import type { MetricDefinition } from '@crosswalk/metrics/spec';

import {
  additiveAggregates,
  all,
  conditionSql,
  dimensionSql,
  filterSql,
  hourOfWeekSql,
  intervalMinutes,
  isAdditive,
  Params,
  periodSql,
  preciseSql,
  rootOf,
  shiftSql,
} from './compile-metric-query';
import type {
  CompiledQuery,
  Dimension,
  MetricFilters,
  MetricQuery,
} from './metric-query';

/**
 * Rollups: per agency, metric, local month, area and response model, the
 * additive parts (numerator, denominator, excluded, total) of every count,
 * ratio and sum metric; the hour-of-week table adds the hour for counts; the
 * histograms hold whole minutes (and the shift) for percentiles; the totals
 * tables sum those per agency; the person table is agency-wide. Encounters
 * not timed to the hour have a null hour of week and the shift 'unknown'.
 */
export type RollupTable =
  | 'metric_rollups'
  | 'metric_hour_rollups'
  | 'metric_histogram_rollups'
  | 'metric_histogram_totals'
  | 'metric_rollup_totals'
  | 'metric_person_rollups';

export const inRollups = isAdditive;
export const inHourRollups = (definition: MetricDefinition) =>
  isAdditive(definition) &&
  definition.kind === 'count' &&
  definition.from === 'encounters';

export const inHistogramRollups = (definition: MetricDefinition) =>
  definition.kind === 'percentile' && definition.from === 'encounters';

/** Distinct-person metrics of encounters: rolled up per agency and month, without areas. */
export const inPersonRollups = (definition: MetricDefinition) =>
  definition.kind === 'distinct_persons' && definition.from === 'encounters';

const ROLLUP_FILTERS: (keyof MetricFilters)[] = [
  'agencyIds',
  'areaIds',
  'programId',
  'responseModels',
];
const ROLLUP_DIMENSIONS: Dimension[] = [
  'area',
  'district',
  'program_area',
  'response_model',
];
/** The minute histograms are also kept by shift (response times by shift). */
const HISTOGRAM_DIMENSIONS: Dimension[] = [...ROLLUP_DIMENSIONS, 'shift'];

/** The rollup table that can answer the query exactly, or undefined (then the raw table answers). */
export function rollupFor(
  definition: MetricDefinition,
  query: MetricQuery,
): RollupTable | undefined {
  const filters = Object.entries(query.filters ?? {}).filter(
    ([, value]) =>
      value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
  if (
    !filters.every(([key]) =>
      ROLLUP_FILTERS.includes(key as keyof MetricFilters),
    )
  )
    return undefined;
  const dimensions = inHistogramRollups(definition)
    ? HISTOGRAM_DIMENSIONS
    : ROLLUP_DIMENSIONS;
  if (!(query.groupBy ?? []).every((d) => dimensions.includes(d)))
    return undefined;
  const agencyWide =
    filters.every(([key]) => key === 'agencyIds') && !query.groupBy?.length;
  if (query.grain === 'hour_of_week')
    return inHourRollups(definition) ? 'metric_hour_rollups' : undefined;
  if (!['month', 'quarter', 'year', 'total'].includes(query.grain))
    return undefined;
  if (inPersonRollups(definition))
    return agencyWide ? 'metric_person_rollups' : undefined;
  if (inHistogramRollups(definition))
    return agencyWide ? 'metric_histogram_totals' : 'metric_histogram_rollups';
  if (!inRollups(definition)) return undefined;
  return agencyWide ? 'metric_rollup_totals' : 'metric_rollups';
}

/**
 * What a refresh of one agency's rollups covers: the local months
 * overlapping [from, to] (all months without them), recomputed; or, with
 * `added`, the encounters of those import batches (all within [from, to]),
 * added to the rollups that already hold every other encounter but those of
 * `unrolled` batches (imports still running).
 */
export interface RollupScope {
  agencyId: string;
  from?: Date;
  to?: Date;
  added?: { batchIds: string[]; unrolledBatchIds: string[] };
}

/**
 * The statements that refresh one table of an agency's rollups. Recomputing
 * is one DELETE of the months and one INSERT per kind of counted record,
 * each a single scan of the encounters computing every metric at once.
 * Adding batches appends rows for their encounters alone (rollup answers
 * are sums, so rows of the same cell add up); for distinct persons, the
 * counts of the batches' people with them minus those without them; then
 * the rows of those months are merged, one per cell. The agency totals are
 * recomputed for the months either way.
 */
export function compileRollupRefresh(
  definitions: readonly MetricDefinition[],
  table: RollupTable,
  range: RollupScope,
): CompiledQuery[] {
  const hour = table === 'metric_hour_rollups';
  const metrics = definitions.filter(hour ? inHourRollups : inRollups);
  // A person's encounters in later months count from their earlier ones, so
  // a refresh from a month on recomputes every month after it.
  const person = table === 'metric_person_rollups';
  // One INSERT per kind of counted record, each one scan computing all its metrics.
  const inserts =
    table === 'metric_histogram_rollups'
      ? definitions.some(inHistogramRollups)
        ? [histogramInsert(definitions.filter(inHistogramRollups), range)]
        : []
      : person
        ? personGroups(definitions).map((group) =>
            personInsertFor(group, range),
          )
        : (['encounters', 'referrals'] as const)
            .map((from) => metrics.filter((d) => d.from === from))
            .filter((group) => group.length)
            .map((group) => insertFor(group, table, range));
  const del = new Params();
  const months = monthsSql(del, {
    ...range,
    to: person ? undefined : range.to,
  });
  const deleteMonths = {
    sql: `DELETE FROM ${table} t USING agencies a WHERE ${months}`,
    params: del.values,
  };
  if (table in AGENCY_TOTALS)
    return [
      deleteMonths,
      totalsInsert(table as keyof typeof AGENCY_TOTALS, range),
    ];
  if (!range.added) return [deleteMonths, ...inserts];
  // Merged, the months of an agency importing every day keep one row per cell.
  const { keys, sums } = CELLS[table as keyof typeof CELLS];
  return [
    ...inserts,
    {
      sql: `WITH merged AS (DELETE FROM ${table} t USING agencies a WHERE ${months} RETURNING t.*)
        INSERT INTO ${table} (${[...keys, ...sums].join(', ')})
        SELECT ${[...keys, ...sums.map((c) => `sum(${c})`)].join(', ')} FROM merged
         GROUP BY ${keys.join(', ')}${person ? ' HAVING sum(n) <> 0' : ''}`,
      params: del.values,
    },
  ];
}

/** The cells of the rollup tables built from the encounters, and what is summed in them. */
const CELLS = {
  metric_rollups: {
    keys: ['agency_id', 'metric_id', 'month', 'area_id', 'response_model'],
    sums: ['numerator', 'denominator', 'excluded', 'total'],
  },
  metric_hour_rollups: {
    keys: [
      'agency_id',
      'metric_id',
      'month',
      'hour_of_week',
      'area_id',
      'response_model',
    ],
    sums: ['numerator', 'denominator', 'excluded', 'total'],
  },
  metric_histogram_rollups: {
    keys: [
      'agency_id',
      'metric_id',
      'month',
      'area_id',
      'response_model',
      'shift',
      'minute',
    ],
    sums: ['n'],
  },
  metric_person_rollups: {
    keys: ['agency_id', 'metric_id', 'month', 'k', 'reach', 'before'],
    sums: ['n'],
  },
} as const;

/** The rollup rows `t` of the agency `a` in the local months overlapping [from, to]. */
function monthsSql(params: Params, range: RollupScope): string {
  const agency = params.add(range.agencyId, '::uuid');
  const from = params.add(range.from ?? null, '::timestamptz');
  const to = params.add(range.to ?? null, '::timestamptz');
  return `a.id = ${agency} AND t.agency_id = a.id
    AND (${from} IS NULL OR t.month >= date_trunc('month', ${from} AT TIME ZONE a.time_zone)::date)
    AND (${to} IS NULL OR t.month <= date_trunc('month', ${to} AT TIME ZONE a.time_zone)::date)`;
}

/**
 * Agency-wide tables summed from the per-area, per-model ones (refreshed
 * first): whole-agency views (the Overview) read a row or a few per month.
 */
const AGENCY_TOTALS = {
  metric_rollup_totals: {
    source: 'metric_rollups',
    keys: [],
    sums: ['numerator', 'denominator', 'excluded', 'total'],
  },
  metric_histogram_totals: {
    source: 'metric_histogram_rollups',
    keys: ['minute'],
    sums: ['n'],
  },
} as const;

function totalsInsert(
  table: keyof typeof AGENCY_TOTALS,
  range: RollupScope,
): CompiledQuery {
  const { source, keys, sums } = AGENCY_TOTALS[table];
  const params = new Params();
  const grouped = ['agency_id', 'metric_id', 'month', ...keys];
  return {
    sql: `INSERT INTO ${table} (${[...grouped, ...sums].join(', ')})
      SELECT ${[...grouped.map((c) => `t.${c}`), ...sums.map((c) => `sum(t.${c})`)].join(', ')}
        FROM ${source} t JOIN agencies a ON ${monthsSql(params, range)}
       GROUP BY ${grouped.map((_, i) => i + 1).join(', ')}`,
    params: params.values,
  };
}

/** Month bounds in the agency's zone as instants, so the time index is used. */
function boundsSql(params: Params, range: RollupScope) {
  const agency = params.add(range.agencyId, '::uuid');
  const from = params.add(range.from ?? null, '::timestamptz');
  const to = params.add(range.to ?? null, '::timestamptz');
  return {
    agency,
    bounds: `bounds AS (
    SELECT coalesce(date_trunc('month', ${from} AT TIME ZONE time_zone) AT TIME ZONE time_zone, '-infinity') AS lo,
           coalesce((date_trunc('month', ${to} AT TIME ZONE time_zone) + interval '1 month') AT TIME ZONE time_zone, 'infinity') AS hi,
           time_zone
      FROM agencies WHERE id = ${agency})`,
  };
}

/** With batches added: only their encounters (`alias` is the encounter). */
function addedSql(params: Params, range: RollupScope, alias: string): string {
  return range.added
    ? `AND ${alias}.import_batch_id = ANY(${params.add(range.added.batchIds, '::uuid[]')})`
    : '';
}

/**
 * The minute histograms of every percentile metric in one scan: encounters
 * are first counted by their cell and each metric's minutes (and whether
 * they count for it), then those counts are summed per metric.
 */
function histogramInsert(
  definitions: MetricDefinition[],
  range: RollupScope,
): CompiledQuery {
  const params = new Params();
  const { agency, bounds } = boundsSql(params, range);
  const columns = definitions.map((definition, i) => {
    const where = all(
      (definition.denominator?.where ?? []).map((c) =>
        conditionSql(definition, c, params),
      ),
    );
    return `${where} AS c${i}, ${intervalMinutes(definition)} AS m${i}`;
  });
  const measured = definitions.map(
    (d, i) => `(${params.add(d.id, '::text')}, c.c${i}, c.m${i})`,
  );
  const keys = Array.from(
    { length: 5 + 2 * definitions.length },
    (_, i) => i + 1,
  );
  const sql = `WITH ${bounds},
    cells AS (
      SELECT r.agency_id, date_trunc('month', x.local_at)::date AS month, r.area_id, r.response_model,
             CASE WHEN ${preciseSql('hour', 'r')} THEN ${shiftSql('x.local_at')} ELSE 'unknown' END AS shift, ${columns.join(', ')}, count(*) AS n
        FROM bounds b JOIN encounters r ON r.agency_id = ${agency} AND r.occurred_at >= b.lo AND r.occurred_at < b.hi
             ${addedSql(params, range, 'r')}
       CROSS JOIN LATERAL (SELECT r.occurred_at AT TIME ZONE b.time_zone AS local_at) x
       GROUP BY ${keys.join(', ')})
    INSERT INTO metric_histogram_rollups (agency_id, metric_id, month, area_id, response_model, shift, minute, n)
    SELECT c.agency_id, m.metric_id, c.month, c.area_id, c.response_model, c.shift, m.minute, sum(c.n)
      FROM cells c CROSS JOIN LATERAL (VALUES ${measured.join(', ')}) m (metric_id, counted, minute)
     WHERE m.counted
     GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  return { sql, params: params.values };
}

/**
 * Distinct persons from counted encounters: a person has k or more
 * encounters in a period starting at F exactly when one of them (their k-th
 * there) has its (k-1)-th previous encounter at or after F and its k-th
 * previous before F (or none). So each encounter is counted under its month,
 * k, and the months of those two previous encounters ("reach" and "before";
 * for k = 1 the reach is the encounter itself), for k = 1 (persons) and k =
 * minEncounters (the numerator); k = 0 counts encounters without a person
 * key (excluded). Any period of whole months is then a sum.
 */
function personInsertFor(
  group: MetricDefinition[],
  range: RollupScope,
): CompiledQuery {
  const params = new Params();
  const { agency, bounds } = boundsSql(params, range);
  const [first] = group;
  const where = all(
    personConditions(first).map((c) => conditionSql(first, c, params)),
  );
  const ks = group.map((d) => d.minEncounters ?? 1);
  const offsets = [...new Set([1, ...ks.flatMap((k) => [k - 1, k])])]
    .filter((j) => j > 0)
    .sort((a, b) => a - b);
  const depth = offsets[offsets.length - 1];
  // Each encounter's local month, computed once; l<j> is the month of its j-th previous encounter.
  const lagOf = (j: number) => (j === 0 ? 'month' : `l${j}`);
  const metrics = `(VALUES ${group.map((d) => `(${params.add(d.id, '::text')})`).join(', ')}) m (metric_id)`;
  const added = range.added
    ? {
        batches: params.add(range.added.batchIds, '::uuid[]'),
        unrolled: params.add(range.added.unrolledBatchIds, '::uuid[]'),
      }
    : undefined;
  // The last few encounters of a person before the refreshed months (as
  // many as the deepest previous encounter needed), for their months.
  const earlier = (person: string, rolledUp: string) => `
         SELECT r.occurred_at, false FROM encounters r
          WHERE r.agency_id = ${agency} AND r.person_key = ${person} AND r.person_key IS NOT NULL
            AND r.occurred_at < b.lo AND ${where}${rolledUp}
          ORDER BY r.occurred_at DESC LIMIT ${depth}`;
  let history: string;
  if (added) {
    // Adding batches: every encounter from the refreshed months on of the
    // people the batches have encounters of, but those of imports still
    // running, each marked whether it is of the batches; their chains are
    // counted with (+1) and without (-1) the batches' encounters.
    const rolledUp = ` AND NOT coalesce(r.import_batch_id = ANY(${added.unrolled}), false)`;
    history = `people AS MATERIALIZED (
      SELECT DISTINCT r.person_key FROM bounds b
        JOIN encounters r ON r.agency_id = ${agency} AND r.occurred_at >= b.lo AND r.occurred_at < b.hi
       WHERE r.import_batch_id = ANY(${added.batches}) AND r.person_key IS NOT NULL AND ${where}),
    history AS (
      SELECT p.person_key, h.occurred_at, h.added FROM bounds b CROSS JOIN people p
       CROSS JOIN LATERAL (
         SELECT r.occurred_at, coalesce(r.import_batch_id = ANY(${added.batches}), false) AS added FROM encounters r
          WHERE r.agency_id = ${agency} AND r.person_key = p.person_key AND r.person_key IS NOT NULL
            AND r.occurred_at >= b.lo AND ${where}${rolledUp}
         UNION ALL (${earlier('p.person_key', rolledUp)})) h)`;
  } else if (range.from) {
    // A refresh from a month on reads the encounters from then on, and of
    // their people the last few before, looked up by the person index.
    history = `recent AS MATERIALIZED (
      SELECT r.person_key, r.occurred_at FROM bounds b
        JOIN encounters r ON r.agency_id = ${agency} AND r.occurred_at >= b.lo AND r.person_key IS NOT NULL
       WHERE ${where}),
    people AS MATERIALIZED (SELECT DISTINCT person_key FROM recent),
    history AS (
      SELECT person_key, occurred_at, false AS added FROM recent
      UNION ALL
      SELECT p.person_key, h.occurred_at, false FROM bounds b CROSS JOIN people p
       CROSS JOIN LATERAL (${earlier('p.person_key', '')}) h)`;
  } else {
    history = `history AS (
      SELECT r.person_key, r.occurred_at, false AS added FROM encounters r
       WHERE r.agency_id = ${agency} AND r.person_key IS NOT NULL AND ${where})`;
  }
  // Ties in time give the same months in either order.
  const chain = (sign: number, only: string) => `
      SELECT h.occurred_at AS at, ${sign} AS sign, x.month, ${offsets.map((j) => `lag(x.month, ${j}) OVER w AS l${j}`).join(', ')}
        FROM history h CROSS JOIN bounds b
       CROSS JOIN LATERAL (SELECT date_trunc('month', h.occurred_at AT TIME ZONE b.time_zone)::date AS month) x
       ${only}
      WINDOW w AS (PARTITION BY h.person_key ORDER BY h.occurred_at)`;
  const n = added ? 'sum(sign)' : 'count(*)';
  const changed = added ? `HAVING sum(sign) <> 0` : '';
  const deeper = group
    .filter((d) => (d.minEncounters ?? 1) > 1)
    .map((d) => {
      const k = d.minEncounters as number;
      return `SELECT ${params.add(d.id, '::text')}, month, ${k}, ${lagOf(k - 1)}, ${lagOf(k)}, ${n}
        FROM chained, bounds b WHERE at >= b.lo AND ${lagOf(k - 1)} IS NOT NULL GROUP BY 2, 4, 5 ${changed}`;
    });
  const sql = `WITH ${bounds}, ${history},
    chained AS (${chain(1, '')}${
      added
        ? `
      UNION ALL${chain(-1, 'WHERE NOT h.added')}`
        : ''
    }),
    firsts AS (
      SELECT month, l1 AS before, ${n} AS n
        FROM chained, bounds b WHERE at >= b.lo GROUP BY 1, 2 ${changed}),
    unkeyed AS (
      SELECT date_trunc('month', r.occurred_at AT TIME ZONE b.time_zone)::date AS month, count(*) AS n
        FROM bounds b JOIN encounters r ON r.agency_id = ${agency} AND r.occurred_at >= b.lo
       WHERE r.person_key IS NULL AND ${where} ${addedSql(params, range, 'r')} GROUP BY 1)
    INSERT INTO metric_person_rollups (agency_id, metric_id, month, k, reach, before, n)
    SELECT ${agency}, c.* FROM (
      SELECT m.metric_id, f.month, 1, f.month, f.before, f.n FROM firsts f CROSS JOIN ${metrics}
      UNION ALL
      SELECT m.metric_id, u.month, 0, u.month, NULL::date, u.n FROM unkeyed u CROSS JOIN ${metrics}
      ${deeper.map((q) => `UNION ALL ${q}`).join('\n      ')}) c`;
  return { sql, params: params.values };
}

/** Distinct-person metrics by their conditions: one pass over the people per set. */
function personGroups(
  definitions: readonly MetricDefinition[],
): MetricDefinition[][] {
  const groups = new Map<string, MetricDefinition[]>();
  for (const definition of definitions.filter(inPersonRollups)) {
    const key = JSON.stringify(personConditions(definition));
    groups.set(key, [...(groups.get(key) ?? []), definition]);
  }
  return [...groups.values()];
}

/** The conditions a distinct-person metric counts encounters by. */
const personConditions = (definition: MetricDefinition) => [
  ...(definition.denominator?.where ?? []),
  ...(definition.numerator?.where ?? []),
];

function insertFor(
  metrics: MetricDefinition[],
  table: RollupTable,
  range: RollupScope,
): CompiledQuery {
  const params = new Params();
  const { agency, bounds } = boundsSql(params, range);
  const hour = table === 'metric_hour_rollups';
  const referrals = metrics[0].from === 'referrals';
  const columns = metrics.map((definition, i) => {
    const agg = additiveAggregates(definition, params);
    return `${agg.numerator}::bigint AS n${i}, ${agg.denominator}::bigint AS d${i}, ${agg.excluded}::bigint AS x${i}, ${agg.total}::float8 AS t${i}`;
  });
  const values = metrics.map(
    (d, i) =>
      `(${params.add(d.id, '::text')}, g.n${i}, g.d${i}, g.x${i}, g.t${i})`,
  );
  // Records are read as r; their encounter (time, area, response model) as e.
  const source = referrals
    ? `referrals r JOIN encounters e ON e.agency_id = r.agency_id AND e.id = r.encounter_id`
    : `encounters r CROSS JOIN LATERAL (SELECT r.agency_id, r.occurred_at, r.time_precision, r.area_id, r.response_model, r.import_batch_id) e`;
  const sql = `WITH ${bounds}
    INSERT INTO ${table} (agency_id, metric_id, month, ${hour ? 'hour_of_week, ' : ''}area_id, response_model, numerator, denominator, excluded, total)
    SELECT g.agency_id, m.metric_id, g.month, ${hour ? 'g.hour_of_week, ' : ''}g.area_id, g.response_model, m.numerator, m.denominator, m.excluded, m.total
      FROM (SELECT e.agency_id, date_trunc('month', x.local_at)::date AS month,
                   ${hour ? `CASE WHEN ${preciseSql('hour', 'e')} THEN ${hourOfWeekSql('x.local_at')} END AS hour_of_week,` : ''}
                   e.area_id, e.response_model, ${columns.join(',\n                   ')}
              FROM bounds b JOIN ${source} ON true
              CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE b.time_zone AS local_at) x
             WHERE e.agency_id = ${agency} AND e.occurred_at >= b.lo AND e.occurred_at < b.hi ${addedSql(params, range, 'e')}
             GROUP BY 1, 2, 3, 4${hour ? ', 5' : ''}) g
     CROSS JOIN LATERAL (VALUES ${values.join(', ')}) m (metric_id, numerator, denominator, excluded, total)`;
  return { sql, params: params.values };
}

/**
 * What a rollup answer computes beyond sums (the sum, the percentiles, the
 * encounters per person): metrics alike in it are answered by one query.
 */
export const rollupShape = (definition: MetricDefinition) =>
  JSON.stringify([
    definition.kind === 'sum',
    definition.percentiles ?? null,
    definition.minEncounters ?? null,
  ]);

/**
 * The query answered from a rollup table for metrics of one shape: sums of
 * the stored parts, grouped as asked, a row per metric (its id in `metric`),
 * period and group. Rows are aggregated by their period's first month (or
 * hour of the week), a date or number; the period's label is written once
 * per answer row.
 */
export function compileRollupQuery(
  definitions: readonly MetricDefinition[],
  query: MetricQuery,
  table: RollupTable,
): CompiledQuery {
  const [definition] = definitions;
  if (!definitions.every((d) => rollupShape(d) === rollupShape(definition)))
    throw new Error('compileRollupQuery: metrics of different shapes');
  const params = new Params();
  const groupBy = query.groupBy ?? [];
  const joinsArea = groupBy.includes('area') || groupBy.includes('district');
  const fromAt = params.add(query.from, '::timestamptz');
  const toAt = params.add(query.to, '::timestamptz');
  const where = [
    `e.metric_id = ANY(${params.add(
      definitions.map((d) => d.id),
      '::text[]',
    )})`,
    // The local months of every zone lie within a day of the UTC dates: a
    // constant range the planner can estimate (and so choose the index by).
    `e.month >= (${fromAt} AT TIME ZONE 'UTC')::date - 1`,
    `e.month < (${toAt} AT TIME ZONE 'UTC')::date + 1`,
    ...filterSql(query.filters ?? {}, params),
  ];
  const grain = query.grain;
  // The period's first month within the range (b.first for the total).
  const bucket =
    grain === 'hour_of_week'
      ? 'e.hour_of_week'
      : grain === 'month'
        ? 'e.month'
        : grain === 'total'
          ? 'b.first'
          : `greatest(date_trunc(${params.add(grain, '::text')}, e.month::timestamp)::date, b.first)`;
  const period =
    grain === 'hour_of_week'
      ? `coalesce(s.bucket::text, 'unknown')`
      : periodSql(grain, 's.bucket::timestamp');
  // Rollup months have no time of day: the shift is a column.
  const group = groupBy.length
    ? groupBy
        .map((d) =>
          d === 'shift' ? 'e.shift' : dimensionSql(d, query, params),
        )
        .join(` || ' / ' || `)
    : `'all'`;
  // OFFSET 0 keeps b a subquery of its own: its zone conversions are made
  // once per agency, not again for every rollup row the bucket is read from.
  const from = `FROM agencies ag
      CROSS JOIN LATERAL (SELECT (${fromAt} AT TIME ZONE ag.time_zone)::date AS lo,
                                 (${toAt} AT TIME ZONE ag.time_zone)::date AS hi,
                                 date_trunc('month', ${fromAt} AT TIME ZONE ag.time_zone)::date AS first
                         OFFSET 0) b
      JOIN ${table} e ON e.agency_id = ag.id AND e.month >= b.lo AND e.month < b.hi
      CROSS JOIN LATERAL (SELECT ${bucket} AS bucket) p
      ${joinsArea ? 'LEFT JOIN areas area ON area.agency_id = e.agency_id AND area.id = e.area_id' : ''}
      ${groupBy.includes('district') ? `LEFT JOIN LATERAL (${rootOf('area')}) root ON true` : ''}
     WHERE ${all(where)}`;
  if (
    table === 'metric_histogram_rollups' ||
    table === 'metric_histogram_totals'
  ) {
    return {
      sql: histogramPercentilesSql(definition, from, period, group, params),
      params: params.values,
    };
  }
  if (table === 'metric_person_rollups') {
    return {
      sql: personCountsSql(definition, from, period, params),
      params: params.values,
    };
  }
  const sql = `WITH scoped AS (
    SELECT e.metric_id, p.bucket, ${group} AS grp, sum(e.numerator) AS numerator, sum(e.denominator) AS denominator,
           sum(e.excluded) AS excluded, sum(e.total) AS total
      ${from}
     GROUP BY 1, 2, 3)
    SELECT s.metric_id AS metric, ${period} AS period, s.grp AS "group", s.numerator::int AS numerator, s.denominator::int AS denominator,
           coalesce(s.excluded, 0)::int AS excluded, NULL::float8[] AS percentiles,
           ${definition.kind === 'sum' ? 'coalesce(s.total, 0)' : 'NULL::float8'} AS total
      FROM scoped s ORDER BY 1, 2, 3`;
  return { sql, params: params.values };
}

/**
 * Persons with k or more encounters in each period [F, T), F its first
 * month within the range (see personInsertFor): numerator k = minEncounters,
 * denominator k = 1.
 */
function personCountsSql(
  definition: MetricDefinition,
  from: string,
  period: string,
  params: Params,
): string {
  const counted = (k: string) =>
    `coalesce(sum(e.n) FILTER (WHERE e.k = ${k} AND e.reach >= p.bucket AND (e.before IS NULL OR e.before < p.bucket)), 0)`;
  return `WITH scoped AS (
      SELECT e.metric_id, p.bucket, ${counted(params.add(definition.minEncounters ?? 1, '::int'))} AS numerator,
             ${counted('1')} AS denominator, coalesce(sum(e.n) FILTER (WHERE e.k = 0), 0) AS excluded
        ${from}
       GROUP BY 1, 2)
    SELECT s.metric_id AS metric, ${period} AS period, 'all' AS "group", s.numerator::int AS numerator, s.denominator::int AS denominator,
           s.excluded::int AS excluded, NULL::float8[] AS percentiles, NULL::float8 AS total
      FROM scoped s ORDER BY 1, 2, 3`;
}

/**
 * percentile_cont from summed whole-minute histograms: the value at position
 * h = p x (n - 1) of the sorted minutes, linear between its neighbours, the
 * same as percentile_cont over the raw records' whole minutes.
 */
function histogramPercentilesSql(
  definition: MetricDefinition,
  from: string,
  period: string,
  group: string,
  params: Params,
): string {
  const percentiles = (definition.percentiles ?? [0.5]).map((p) => {
    const h = `(${params.add(p, '::float8')} * (total - 1))`;
    const lo = `min(minute) FILTER (WHERE cum > floor(${h}))`;
    const hi = `min(minute) FILTER (WHERE cum > floor(${h}) + 1)`;
    return `${lo} + (max(${h}) - floor(max(${h}))) * (coalesce(${hi}, ${lo}) - ${lo})`;
  });
  // Counts as int: the running sums below are then bigint, not numeric.
  return `WITH scoped AS (
      SELECT e.metric_id, p.bucket, ${group} AS grp, e.minute, sum(e.n)::int AS n
        ${from}
       GROUP BY 1, 2, 3, 4),
    measured AS (
      SELECT metric_id, bucket, grp, minute, sum(n) OVER (PARTITION BY metric_id, bucket, grp ORDER BY minute) AS cum,
             sum(n) OVER (PARTITION BY metric_id, bucket, grp) AS total
        FROM scoped WHERE minute IS NOT NULL),
    answered AS (
      SELECT metric_id, bucket, grp, ARRAY[${percentiles.join(', ')}]::float8[] AS percentiles FROM measured GROUP BY 1, 2, 3),
    counted AS (
      SELECT metric_id, bucket, grp, sum(n) FILTER (WHERE minute IS NOT NULL) AS measured, sum(n) FILTER (WHERE minute IS NULL) AS unmeasured
        FROM scoped GROUP BY 1, 2, 3)
    SELECT s.metric_id AS metric, ${period} AS period, s.grp AS "group", coalesce(s.measured, 0)::int AS numerator,
           NULL::int AS denominator, coalesce(s.unmeasured, 0)::int AS excluded,
           a.percentiles, NULL::float8 AS total
      FROM counted s LEFT JOIN answered a ON a.metric_id = s.metric_id AND a.bucket = s.bucket AND a.grp = s.grp
     ORDER BY 1, 2, 3`;
}
