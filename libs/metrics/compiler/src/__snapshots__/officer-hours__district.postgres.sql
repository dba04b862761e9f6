WITH scoped AS (
  SELECT e.*, 'total' AS period, coalesce(root.code, 'unknown') AS grp
  FROM encounters e
  JOIN agencies ag ON ag.id = e.agency_id
  CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
  LEFT JOIN areas area ON area.agency_id = e.agency_id AND area.id = e.area_id
  LEFT JOIN LATERAL (WITH RECURSIVE up (agency_id, id, parent_id, code) AS (
  SELECT area.agency_id, area.id, area.parent_id, area.code
  UNION ALL SELECT p.agency_id, p.id, p.parent_id, p.code FROM areas p JOIN up ON p.agency_id = up.agency_id AND p.id = up.parent_id)
  SELECT code FROM up WHERE parent_id IS NULL LIMIT 1) root ON true
  WHERE (e.occurred_at >= $1::timestamptz) AND (e.occurred_at < $2::timestamptz)) SELECT period, grp AS "group", count(*) FILTER (WHERE true AND r."officer_minutes" IS NOT NULL)::int AS numerator, NULL::int AS denominator,
  count(*) FILTER (WHERE true AND r."officer_minutes" IS NULL)::int AS excluded, NULL::float8[] AS percentiles, coalesce(sum(r."officer_minutes") FILTER (WHERE true), 0)::float8 / $3::float8 AS total FROM scoped r GROUP BY 1, 2 ORDER BY 1, 2;
-- params: ["2024-01-01T06:00:00.000Z","2025-01-01T06:00:00.000Z",60]
