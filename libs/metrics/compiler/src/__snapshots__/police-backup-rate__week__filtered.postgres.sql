WITH scoped AS (
  SELECT e.*, CASE WHEN e.time_precision IN ('minute', 'hour', 'day') THEN to_char(date_trunc('week', x.local_at), 'YYYY-MM-DD') ELSE 'unknown' END AS period, 'all' AS grp
  FROM encounters e
  JOIN agencies ag ON ag.id = e.agency_id
  CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
  WHERE (e.occurred_at >= $1::timestamptz) AND (e.occurred_at < $2::timestamptz) AND (e."response_model" = ANY($3::text[])) AND (e."call_origin" = ANY($4::text[]))) SELECT period, grp AS "group", count(*) FILTER (WHERE (r."response_model" = ANY($5::text[])) AND (r."police_backup_requested" IS NOT NULL) AND (r."police_backup_requested" = $6::boolean))::int AS numerator, count(*) FILTER (WHERE (r."response_model" = ANY($5::text[])) AND (r."police_backup_requested" IS NOT NULL))::int AS denominator,
  count(*) FILTER (WHERE (r."response_model" = ANY($5::text[])) AND NOT ((r."police_backup_requested" IS NOT NULL)))::int AS excluded, NULL::float8[] AS percentiles, NULL::float8 AS total FROM scoped r GROUP BY 1, 2 ORDER BY 1, 2;
-- params: ["2024-01-01T06:00:00.000Z","2025-01-01T06:00:00.000Z",["mobile_crisis"],["988"],["civilian_alternative","mobile_crisis"],true]
