WITH scoped AS (
  SELECT e.*, 'total' AS period, CASE WHEN e.area_id IN (WITH RECURSIVE tree (agency_id, id) AS (SELECT agency_id, area_id FROM program_areas WHERE program_id = $3::uuid
  UNION SELECT a.agency_id, a.id FROM areas a JOIN tree t ON a.agency_id = t.agency_id AND a.parent_id = t.id)
  SELECT id FROM tree) THEN 'program areas' WHEN e.area_id IS NULL THEN 'unknown' ELSE 'comparison areas' END AS grp
  FROM encounters e
  JOIN agencies ag ON ag.id = e.agency_id
  CROSS JOIN LATERAL (SELECT e.occurred_at AT TIME ZONE ag.time_zone AS local_at) x
  WHERE (e.occurred_at >= $1::timestamptz) AND (e.occurred_at < $2::timestamptz)) SELECT period, grp AS "group", count(*) FILTER (WHERE true AND (r."arrest" IS NOT NULL) AND (r."jail_booking" IS NOT NULL) AND (r."voluntary_treatment" IS NOT NULL) AND (r."referral_made" IS NOT NULL) AND (r."resolved_on_scene" IS NOT NULL) AND ((r."voluntary_treatment" = $4::boolean OR r."referral_made" = $5::boolean OR r."resolved_on_scene" = $6::boolean)) AND (r."arrest" = $7::boolean) AND (r."jail_booking" = $8::boolean))::int AS numerator, count(*) FILTER (WHERE true AND (r."arrest" IS NOT NULL) AND (r."jail_booking" IS NOT NULL) AND (r."voluntary_treatment" IS NOT NULL) AND (r."referral_made" IS NOT NULL) AND (r."resolved_on_scene" IS NOT NULL))::int AS denominator,
  count(*) FILTER (WHERE true AND NOT ((r."arrest" IS NOT NULL) AND (r."jail_booking" IS NOT NULL) AND (r."voluntary_treatment" IS NOT NULL) AND (r."referral_made" IS NOT NULL) AND (r."resolved_on_scene" IS NOT NULL)))::int AS excluded, NULL::float8[] AS percentiles, NULL::float8 AS total FROM scoped r GROUP BY 1, 2 ORDER BY 1, 2;
-- params: ["2024-01-01T06:00:00.000Z","2025-01-01T06:00:00.000Z","22222222-2222-4222-8222-222222222222",true,true,true,false,false]
