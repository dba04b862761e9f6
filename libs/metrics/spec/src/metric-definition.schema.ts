import { z } from 'zod';

// The shape of a metric definition (metrics-definitions/*.yaml). Filters are
// structured conditions over encounter fields: no SQL, no template strings.
// Meaning (fields exist, values fit their field, ...) is checked by the rules
// in ./rules, one per file.

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: z.string().min(1), equals: scalar }).strict(),
    z.object({ field: z.string().min(1), in: z.array(scalar).min(1) }).strict(),
    z
      .object({ field: z.string().min(1), notIn: z.array(scalar).min(1) })
      .strict(),
    z.object({ anyOf: z.array(conditionSchema).min(2) }).strict(),
  ]),
);

export type ConditionValue = string | number | boolean;

export type Condition =
  | { field: string; equals: ConditionValue }
  | { field: string; in: ConditionValue[] }
  | { field: string; notIn: ConditionValue[] }
  | { anyOf: Condition[] };

/** Conditions that must all hold (an empty list: every record). */
const where = z.array(conditionSchema).default([]);

export const METRIC_KINDS = [
  'count',
  'ratio',
  'distinct_persons',
  'percentile',
  'sum',
  'cost',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const METRIC_UNITS = [
  'encounters',
  'referrals',
  'percent',
  'persons',
  'minutes',
  'hours',
  'dollars',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const metricDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
    version: z.number().int().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    kind: z.enum(METRIC_KINDS),
    /** What is counted: encounters (default) or referrals. */
    from: z.enum(['encounters', 'referrals']).default('encounters'),
    /**
     * count: the records counted (every record when absent). ratio: the
     * denominator's records that also meet these conditions, so the
     * numerator is always a part of the denominator.
     */
    numerator: z.object({ where }).strict().optional(),
    /** ratio: the records the rate is out of. */
    denominator: z.object({ where }).strict().optional(),
    /**
     * ratio: fields whose unknown (null) value leaves a record out of the
     * numerator and denominator; by default the fields the numerator's
     * conditions use (see `knownFieldsOf`).
     */
    known: z.array(z.string()).optional(),
    /**
     * count, ratio: enum fields the metric is also reported by, one series
     * per value (e.g. use of force by force level).
     */
    breakdowns: z.array(z.string()).min(1).optional(),
    /** distinct_persons: persons with at least this many encounters in the window. */
    minEncounters: z.number().int().min(1).optional(),
    /** distinct_persons: divided by persons with at least one encounter (a rate) or not (a count). */
    perPerson: z.boolean().optional(),
    /** percentile: minutes between two timestamps of the record. */
    interval: z
      .object({ from: z.string(), to: z.string() })
      .strict()
      .optional(),
    percentiles: z.array(z.number().gt(0).lt(1)).min(1).optional(),
    /** sum: a numeric field, divided by `divideBy` (e.g. minutes to hours). */
    sum: z
      .object({ field: z.string(), divideBy: z.number().positive().default(1) })
      .strict()
      .optional(),
    /**
     * cost: per outcome, (baseline rate - period rate) x period encounters x
     * unitsPerEvent x the unit cost with key `unitCost` (unit costs are data).
     */
    cost: z
      .object({
        outcomes: z
          .array(
            z
              .object({
                metric: z.string(),
                unitCost: z.string(),
                unitsPerEvent: z.number().positive().default(1),
              })
              .strict(),
          )
          .min(1),
        officerHours: z
          .object({ metric: z.string(), unitCost: z.string() })
          .strict()
          .optional(),
        programCost: z.string().optional(),
      })
      .strict()
      .optional(),
    unit: z.enum(METRIC_UNITS),
    betterDirection: z.enum(['lower', 'higher', 'neutral']),
    source: z.string().min(1),
    public: z.boolean(),
  })
  .strict();

export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;
