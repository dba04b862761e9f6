import type { MetricDefinition, MetricUnit } from '../metric-definition.schema';
import type { MetricDefinitionRule } from '../metric-definition-rule';

/** The unit each kind of metric is reported in. */
export function unitOfKind(definition: MetricDefinition): MetricUnit {
  switch (definition.kind) {
    case 'count':
      return definition.from;
    case 'ratio':
      return 'percent';
    case 'distinct_persons':
      return definition.perPerson ? 'percent' : 'persons';
    case 'percentile':
      return 'minutes';
    case 'sum':
      return 'hours';
    case 'cost':
      return 'dollars';
  }
}

/** The unit follows from the kind, so charts and tables label values rightly. */
export const unitFitsKindRule: MetricDefinitionRule = {
  name: 'unit-fits-kind',
  check(definition) {
    const expected = unitOfKind(definition);
    if (definition.unit === expected) return [];
    const kind =
      definition.kind === 'distinct_persons'
        ? `distinct_persons with perPerson ${String(definition.perPerson ?? false)}`
        : definition.kind === 'count'
          ? `count of ${definition.from}`
          : definition.kind;
    return [
      {
        path: ['unit'],
        message: `must be ${expected} for ${kind} (it is ${definition.unit})`,
      },
    ];
  },
};
