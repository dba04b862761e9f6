import { ENCOUNTER_FIELDS } from '@crosswalk/domain';

import type { MetricDefinitionRule } from '../metric-definition-rule';
import { aFieldOfKind, fieldType } from '../metric-fields.util';

const NUMERIC_FIELDS = Object.entries(ENCOUNTER_FIELDS)
  .filter(([, type]) => type.kind === 'integer' || type.kind === 'number')
  .map(([field]) => field);

/** A sum adds up a numeric field (minutes, not a flag or a label). */
export const sumUsesANumberRule: MetricDefinitionRule = {
  name: 'sum-uses-a-number',
  check(definition) {
    if (!definition.sum) return [];
    const type = fieldType(definition, definition.sum.field);
    if (!type || type.kind === 'integer' || type.kind === 'number') return [];
    return [
      {
        path: ['sum', 'field'],
        message: `"${definition.sum.field}" is ${aFieldOfKind(type.kind)}; a sum needs a numeric field (${NUMERIC_FIELDS.join(', ')})`,
      },
    ];
  },
};
