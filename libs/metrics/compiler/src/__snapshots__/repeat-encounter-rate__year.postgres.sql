WITH scoped AS (
  SELECT e.*, to_char(x.local_at, 'YYYY') AS period, 'all' AS grp
  FROM encounters e
  JOIN agencies ag ON ag.id = e.agency_id
  CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
  WHERE (e.occurred_at >= $1::timestamptz) AND (e.occurred_at < $2::timestamptz) AND (e.agency_id = ANY($3::uuid[]))) , keyed AS (SELECT period, grp, r.person_key AS person_key FROM scoped r WHERE true AND true)
  , persons AS (SELECT period, grp, count(*) AS n FROM keyed WHERE person_key IS NOT NULL GROUP BY period, grp, person_key)
  , counted AS (SELECT period, grp, count(*) FILTER (WHERE n >= $4::int)::int AS numerator,
  count(*)::int AS denominator FROM persons GROUP BY 1, 2)
  SELECT k.period, k.grp AS "group", coalesce(c.numerator, 0) AS numerator, coalesce(c.denominator, 0) AS denominator,
  count(*) FILTER (WHERE k.person_key IS NULL)::int AS excluded, NULL::float8[] AS percentiles, NULL::float8 AS total
  FROM keyed k LEFT JOIN counted c ON c.period = k.period AND c.grp = k.grp
  GROUP BY k.period, k.grp, c.numerator, c.denominator ORDER BY 1, 2;
-- params: ["2024-01-01T06:00:00.000Z","2025-01-01T06:00:00.000Z",["11111111-1111-4111-8111-111111111111"],2]
