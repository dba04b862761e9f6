import type { MetricDefinition } from '@crosswalk/metrics/spec';

import {
  additiveAggregates,
  all,
  conditionSql,
  dimensionSql,
  filterSql,
  intervalMinutes,
  isAdditive,
  Params,
  PERIOD,
  rootOf,
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
 * ratio and sum metric; the hour-of-week table adds the hour for counts.
 */
export type RollupTable =
  'metric_rollups' | 'metric_hour_rollups' | 'metric_histogram_rollups';

export const inRollups = isAdditive;
export const inHourRollups = (definition: MetricDefinition) =>
  isAdditive(definition) &&
  definition.kind === 'count' &&
  definition.from === 'encounters';

export const inHistogramRollups = (definition: MetricDefinition) =>
  definition.kind === 'percentile' && definition.from === 'encounters';

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
  if (!(query.groupBy ?? []).every((d) => ROLLUP_DIMENSIONS.includes(d)))
    return undefined;
  if (query.grain === 'hour_of_week')
    return inHourRollups(definition) ? 'metric_hour_rollups' : undefined;
  if (!['month', 'quarter', 'year', 'total'].includes(query.grain))
    return undefined;
  if (inHistogramRollups(definition)) return 'metric_histogram_rollups';
  return inRollups(definition) ? 'metric_rollups' : undefined;
}

/**
 * Recomputes one agency's rollups for the local months overlapping
 * [from, to] (all months without a range): one DELETE and one INSERT per
 * table, each a single scan of the encounters computing every metric at once.
 */
export function compileRollupRefresh(
  definitions: readonly MetricDefinition[],
  table: RollupTable,
  range: { agencyId: string; from?: Date; to?: Date },
): CompiledQuery[] {
  const hour = table === 'metric_hour_rollups';
  const metrics = definitions.filter(hour ? inHourRollups : inRollups);
  // One INSERT per kind of counted record, each one scan computing all its metrics.
  const inserts =
    table === 'metric_histogram_rollups'
      ? definitions
          .filter(inHistogramRollups)
          .map((d) => histogramInsertFor(d, range))
      : (['encounters', 'referrals'] as const)
          .map((from) => metrics.filter((d) => d.from === from))
          .filter((group) => group.length)
          .map((group) => insertFor(group, table, range));
  const del = new Params();
  const dAgency = del.add(range.agencyId, '::uuid');
  const dFrom = del.add(range.from ?? null, '::timestamptz');
  const dTo = del.add(range.to ?? null, '::timestamptz');
  return [
    {
      sql: `DELETE FROM ${table} t USING agencies a
             WHERE a.id = ${dAgency} AND t.agency_id = a.id
               AND (${dFrom} IS NULL OR t.month >= date_trunc('month', ${dFrom} AT TIME ZONE a.time_zone)::date)
               AND (${dTo} IS NULL OR t.month <= date_trunc('month', ${dTo} AT TIME ZONE a.time_zone)::date)`,
      params: del.values,
    },
    ...inserts,
  ];
}

/** Month bounds in the agency's zone as instants, so the time index is used. */
function boundsSql(
  params: Params,
  range: { agencyId: string; from?: Date; to?: Date },
) {
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

function histogramInsertFor(
  definition: MetricDefinition,
  range: { agencyId: string; from?: Date; to?: Date },
): CompiledQuery {
  const params = new Params();
  const { agency, bounds } = boundsSql(params, range);
  const where = all(
    (definition.denominator?.where ?? []).map((c) =>
      conditionSql(definition, c, params),
    ),
  );
  const sql = `WITH ${bounds}
    INSERT INTO metric_histogram_rollups (agency_id, metric_id, month, area_id, response_model, minute, n)
    SELECT r.agency_id, ${params.add(definition.id, '::text')}, date_trunc('month', r.occurred_at AT TIME ZONE b.time_zone)::date,
           r.area_id, r.response_model, ${intervalMinutes(definition)}, count(*)
      FROM bounds b JOIN encounters r ON r.agency_id = ${agency} AND r.occurred_at >= b.lo AND r.occurred_at < b.hi
     WHERE ${where}
     GROUP BY 1, 2, 3, 4, 5, 6`;
  return { sql, params: params.values };
}

function insertFor(
  metrics: MetricDefinition[],
  table: RollupTable,
  range: { agencyId: string; from?: Date; to?: Date },
): CompiledQuery {
  const params = new Params();
  const agency = params.add(range.agencyId, '::uuid');
  const from = params.add(range.from ?? null, '::timestamptz');
  const to = params.add(range.to ?? null, '::timestamptz');
  // Month bounds in the agency's zone as instants, so the time index is used.
  const bounds = `bounds AS (
    SELECT coalesce(date_trunc('month', ${from} AT TIME ZONE time_zone) AT TIME ZONE time_zone, '-infinity') AS lo,
           coalesce((date_trunc('month', ${to} AT TIME ZONE time_zone) + interval '1 month') AT TIME ZONE time_zone, 'infinity') AS hi,
           time_zone
      FROM agencies WHERE id = ${agency})`;
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
    : `encounters r CROSS JOIN LATERAL (SELECT r.agency_id, r.occurred_at, r.area_id, r.response_model) e`;
  const sql = `WITH ${bounds}
    INSERT INTO ${table} (agency_id, metric_id, month, ${hour ? 'hour_of_week, ' : ''}area_id, response_model, numerator, denominator, excluded, total)
    SELECT g.agency_id, m.metric_id, g.month, ${hour ? 'g.hour_of_week, ' : ''}g.area_id, g.response_model, m.numerator, m.denominator, m.excluded, m.total
      FROM (SELECT e.agency_id, date_trunc('month', x.local_at)::date AS month,
                   ${hour ? `((extract(isodow FROM x.local_at)::int - 1) * 24 + extract(hour FROM x.local_at)::int) AS hour_of_week,` : ''}
                   e.area_id, e.response_model, ${columns.join(',\n                   ')}
              FROM bounds b JOIN ${source} ON true
              CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE b.time_zone AS local_at) x
             WHERE e.agency_id = ${agency} AND e.occurred_at >= b.lo AND e.occurred_at < b.hi
             GROUP BY 1, 2, 3, 4${hour ? ', 5' : ''}) g
     CROSS JOIN LATERAL (VALUES ${values.join(', ')}) m (metric_id, numerator, denominator, excluded, total)`;
  return { sql, params: params.values };
}

/** The query answered from a rollup table: sums of the stored parts, grouped as asked. */
export function compileRollupQuery(
  definition: MetricDefinition,
  query: MetricQuery,
  table: RollupTable,
): CompiledQuery {
  const params = new Params();
  const groupBy = query.groupBy ?? [];
  const joinsArea = groupBy.includes('area') || groupBy.includes('district');
  const where = [
    `e.metric_id = ${params.add(definition.id, '::text')}`,
    `e.month >= (${params.add(query.from, '::timestamptz')} AT TIME ZONE ag.time_zone)::date`,
    `e.month < (${params.add(query.to, '::timestamptz')} AT TIME ZONE ag.time_zone)::date`,
    ...filterSql(query.filters ?? {}, params),
  ];
  const period =
    query.grain === 'hour_of_week'
      ? 'e.hour_of_week::text'
      : PERIOD[query.grain];
  const group = groupBy.length
    ? groupBy.map((d) => dimensionSql(d, query, params)).join(` || ' / ' || `)
    : `'all'`;
  const from = `FROM ${table} e
      JOIN agencies ag ON ag.id = e.agency_id
      CROSS JOIN LATERAL (SELECT e.month::timestamp AS local_at) x
      ${joinsArea ? 'LEFT JOIN areas area ON area.agency_id = e.agency_id AND area.id = e.area_id' : ''}
      ${groupBy.includes('district') ? `LEFT JOIN LATERAL (${rootOf('area')}) root ON true` : ''}
     WHERE ${all(where)}`;
  if (table === 'metric_histogram_rollups') {
    return {
      sql: histogramPercentilesSql(definition, from, period, group, params),
      params: params.values,
    };
  }
  const sql = `WITH scoped AS (
    SELECT e.numerator, e.denominator, e.excluded, e.total, ${period} AS period, ${group} AS grp
      ${from})
    SELECT period, grp AS "group", sum(numerator)::int AS numerator, sum(denominator)::int AS denominator,
           coalesce(sum(excluded), 0)::int AS excluded, NULL::float8[] AS percentiles,
           ${definition.kind === 'sum' ? 'coalesce(sum(total), 0)' : 'NULL::float8'} AS total
      FROM scoped GROUP BY 1, 2 ORDER BY 1, 2`;
  return { sql, params: params.values };
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
  return `WITH scoped AS (
      SELECT ${period} AS period, ${group} AS grp, e.minute, sum(e.n) AS n
        ${from}
       GROUP BY 1, 2, 3),
    measured AS (
      SELECT period, grp, minute, sum(n) OVER (PARTITION BY period, grp ORDER BY minute) AS cum,
             sum(n) OVER (PARTITION BY period, grp) AS total
        FROM scoped WHERE minute IS NOT NULL),
    answered AS (
      SELECT period, grp, ARRAY[${percentiles.join(', ')}]::float8[] AS percentiles FROM measured GROUP BY 1, 2)
    SELECT s.period, s.grp AS "group", (coalesce(sum(s.n) FILTER (WHERE s.minute IS NOT NULL), 0))::int AS numerator,
           NULL::int AS denominator, (coalesce(sum(s.n) FILTER (WHERE s.minute IS NULL), 0))::int AS excluded,
           a.percentiles, NULL::float8 AS total
      FROM scoped s LEFT JOIN answered a ON a.period = s.period AND a.grp = s.grp
     GROUP BY s.period, s.grp, a.percentiles ORDER BY 1, 2`;
}
