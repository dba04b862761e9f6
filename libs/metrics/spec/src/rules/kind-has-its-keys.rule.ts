import type { MetricDefinition, MetricKind } from '../metric-definition.schema';
import type {
  MetricDefinitionRule,
  MetricRuleProblem,
} from '../metric-definition-rule';

/** Keys that only some kinds of metric use. */
const KIND_SPECIFIC_KEYS = [
  'numerator',
  'denominator',
  'known',
  'breakdowns',
  'minEncounters',
  'perPerson',
  'interval',
  'percentiles',
  'sum',
  'cost',
] as const satisfies readonly (keyof MetricDefinition)[];

type KindSpecificKey = (typeof KIND_SPECIFIC_KEYS)[number];

const KEYS_OF_KIND: Record<
  MetricKind,
  { required: KindSpecificKey[]; optional: KindSpecificKey[] }
> = {
  count: { required: [], optional: ['numerator', 'breakdowns'] },
  ratio: {
    required: ['numerator', 'denominator'],
    optional: ['known', 'breakdowns'],
  },
  distinct_persons: { required: ['minEncounters', 'perPerson'], optional: [] },
  percentile: { required: ['interval', 'percentiles'], optional: [] },
  sum: { required: ['sum'], optional: [] },
  cost: { required: ['cost'], optional: [] },
};

/** Kinds that can count referrals; the others are about encounters or persons. */
const KINDS_FROM_REFERRALS: readonly MetricKind[] = ['count', 'ratio'];

/**
 * Each kind has the keys it needs and no keys of another kind, so a
 * definition says exactly what it computes.
 */
export const kindHasItsKeysRule: MetricDefinitionRule = {
  name: 'kind-has-its-keys',
  check(definition) {
    const { required, optional } = KEYS_OF_KIND[definition.kind];
    const problems: MetricRuleProblem[] = required
      .filter((key) => definition[key] === undefined)
      .map((key) => ({
        path: ['kind'],
        message: `${definition.kind} needs "${key}"`,
      }));
    for (const key of KIND_SPECIFIC_KEYS) {
      if (
        definition[key] !== undefined &&
        !required.includes(key) &&
        !optional.includes(key)
      )
        problems.push({
          path: [key],
          message: `does not go with kind ${definition.kind}`,
        });
    }
    if (
      definition.from === 'referrals' &&
      !KINDS_FROM_REFERRALS.includes(definition.kind)
    )
      problems.push({
        path: ['from'],
        message: `referrals can be counted (kind count or ratio), not used for kind ${definition.kind}`,
      });
    return problems;
  },
};
