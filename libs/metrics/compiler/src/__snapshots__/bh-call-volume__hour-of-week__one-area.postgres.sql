WITH scoped AS (
  SELECT e.*, CASE WHEN e.time_precision IN ('minute', 'hour') THEN ((date_part('isodow', x.local_at)::int - 1) * 24 + date_part('hour', x.local_at)::int)::text ELSE 'unknown' END AS period, 'all' AS grp
  FROM encounters e
  JOIN agencies ag ON ag.id = e.agency_id
  CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
  WHERE (e.occurred_at >= $1::timestamptz) AND (e.occurred_at < $2::timestamptz) AND (e.area_id = ANY(ARRAY(WITH RECURSIVE tree (agency_id, id) AS (SELECT agency_id, id FROM areas WHERE id = ANY($3::uuid[])
  UNION SELECT a.agency_id, a.id FROM areas a JOIN tree t ON a.agency_id = t.agency_id AND a.parent_id = t.id)
  SELECT id FROM tree)))) SELECT period, grp AS "group", count(*) FILTER (WHERE true)::int AS numerator, NULL::int AS denominator,
  0::int AS excluded, NULL::float8[] AS percentiles, NULL::float8 AS total FROM scoped r GROUP BY 1, 2 ORDER BY 1, 2;
-- params: ["2024-01-01T06:00:00.000Z","2025-01-01T06:00:00.000Z",["11111111-1111-4111-8111-111111111111"]]
