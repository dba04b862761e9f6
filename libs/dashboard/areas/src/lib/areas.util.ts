import type {
  Area,
  Metric,
  MetricPoint,
} from '@crosswalk/dashboard/data-access';
import { compareGroups } from '@crosswalk/dashboard/util';

export interface AreaRow {
  area: Area;
  /** The area it belongs to (e.g. its district), if any. */
  parent: Area | undefined;
  encounters: number;
  /** Encounters per 1,000 residents over the period. */
  perThousand: number | null;
  value: number | null;
  baselineValue: number | null;
  /** value - baselineValue, in the metric's unit. */
  change: number | null;
  point: MetricPoint | undefined;
}

/** Metrics that count things: mapped per 1,000 residents, not raw. */
export function isCountMetric(metric: Metric): boolean {
  return metric.unit !== 'percent' && metric.kind !== 'percentile';
}

/**
 * One row per area that records encounters (the areas the API groups by:
 * beats here), joined with its counts, the metric and its baseline.
 */
export function areaRows(
  areas: readonly Area[],
  volume: readonly MetricPoint[],
  current: readonly MetricPoint[],
  baseline: readonly MetricPoint[] | null,
): AreaRow[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const value = (points: readonly MetricPoint[], code: string) =>
    points.find((p) => p.group === code);
  const leaves = areas.filter((a) => !areas.some((b) => b.parentId === a.id));
  // Codes are unique per level: where a beat and a district share one, the
  // group is the beat.
  const byCode = new Map(
    [...areas.filter((a) => !leaves.includes(a)), ...leaves].map((a) => [
      a.code,
      a,
    ]),
  );
  const codes = new Set([
    ...leaves.map((a) => a.code),
    ...volume.map((p) => p.group),
  ]);
  return [...codes]
    .filter((code) => byCode.has(code))
    .sort(compareGroups)
    .map((code) => {
      const area = byCode.get(code) as Area;
      const encounters = value(volume, code)?.value ?? 0;
      const point = value(current, code);
      const base = baseline ? (value(baseline, code)?.value ?? null) : null;
      const now = point?.value ?? null;
      return {
        area,
        parent: area.parentId ? byId.get(area.parentId) : undefined,
        encounters,
        perThousand: area.population
          ? (encounters / area.population) * 1000
          : null,
        value: now,
        baselineValue: base,
        change: now != null && base != null ? now - base : null,
        point,
      };
    });
}
