import type { MetricDefinitionRule } from '../metric-definition-rule';
import { fieldsOf, fieldType } from '../metric-fields.util';

/**
 * Unknown is not false (DOMAIN.md section 2): a record whose numerator field
 * is unknown must leave the denominator too, so an explicit `known` lists
 * every field the numerator uses.
 */
export const knownCoversNumeratorRule: MetricDefinitionRule = {
  name: 'known-covers-numerator',
  check(definition) {
    if (!definition.known) return [];
    const known = definition.known;
    const missing = fieldsOf(definition.numerator?.where ?? []).filter(
      (field) => fieldType(definition, field) && !known.includes(field),
    );
    return missing.length
      ? [
          {
            path: ['known'],
            message: `must include ${missing.map((f) => `"${f}"`).join(', ')}, used by the numerator (unknown is not false)`,
          },
        ]
      : [];
  },
};
