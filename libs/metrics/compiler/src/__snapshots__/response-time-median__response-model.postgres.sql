WITH scoped AS (
  SELECT e.*, to_char(x.local_at, 'YYYY-"Q"Q') AS period, coalesce(e."response_model"::text, 'unknown') AS grp
  FROM encounters e
  JOIN agencies ag ON ag.id = e.agency_id
  CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
  WHERE (e.occurred_at >= $1::timestamptz) AND (e.occurred_at < $2::timestamptz)) SELECT period, grp AS "group", count(*) FILTER (WHERE true AND floor(date_part('epoch', r."arrived_at" - r."dispatched_at") / 60)::int IS NOT NULL)::int AS numerator, NULL::int AS denominator,
  count(*) FILTER (WHERE true AND floor(date_part('epoch', r."arrived_at" - r."dispatched_at") / 60)::int IS NULL)::int AS excluded,
  percentile_cont($3::float8[]) WITHIN GROUP (ORDER BY floor(date_part('epoch', r."arrived_at" - r."dispatched_at") / 60)::int)
  FILTER (WHERE true AND floor(date_part('epoch', r."arrived_at" - r."dispatched_at") / 60)::int IS NOT NULL) AS percentiles,
  NULL::float8 AS total FROM scoped r GROUP BY 1, 2 ORDER BY 1, 2;
-- params: ["2024-01-01T06:00:00.000Z","2025-01-01T06:00:00.000Z",[0.5,0.9]]
