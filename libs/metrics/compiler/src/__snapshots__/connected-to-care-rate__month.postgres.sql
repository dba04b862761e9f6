WITH scoped AS (
  SELECT r.*, e.person_key AS encounter_person_key, to_char(x.local_at, 'YYYY-MM') AS period, 'all' AS grp
  FROM referrals r JOIN encounters e ON e.agency_id = r.agency_id AND e.id = r.encounter_id
  JOIN agencies ag ON ag.id = e.agency_id
  CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
  WHERE (e.occurred_at >= $1::timestamptz) AND (e.occurred_at < $2::timestamptz)) SELECT period, grp AS "group", count(*) FILTER (WHERE true AND (r."connected_within_30d" IS NOT NULL) AND (r."connected_within_30d" = $3::boolean))::int AS numerator, count(*) FILTER (WHERE true AND (r."connected_within_30d" IS NOT NULL))::int AS denominator,
  count(*) FILTER (WHERE true AND NOT ((r."connected_within_30d" IS NOT NULL)))::int AS excluded, NULL::float8[] AS percentiles, NULL::float8 AS total FROM scoped r GROUP BY 1, 2 ORDER BY 1, 2;
-- params: ["2024-01-01T06:00:00.000Z","2025-01-01T06:00:00.000Z",true]
