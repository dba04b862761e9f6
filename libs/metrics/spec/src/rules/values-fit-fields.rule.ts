import type { EncounterFieldType } from '@crosswalk/domain';

import type { ConditionValue } from '../metric-definition.schema';
import type {
  MetricDefinitionRule,
  MetricRuleProblem,
} from '../metric-definition-rule';
import { fieldConditionsOf, fieldType } from '../metric-fields.util';

/**
 * A condition compares a field with values of its own type: an enum with
 * its values, a boolean with true or false. A value that cannot occur would
 * silently match nothing (or, in notIn, everything).
 */
export const valuesFitFieldsRule: MetricDefinitionRule = {
  name: 'values-fit-fields',
  check(definition) {
    const problems: MetricRuleProblem[] = [];
    for (const condition of fieldConditionsOf(definition)) {
      const type = fieldType(definition, condition.field);
      if (!type) continue; // fields-exist reports it
      if (type.kind === 'timestamp') {
        problems.push({
          path: [...condition.path, 'field'],
          message: `"${condition.field}" is a timestamp field: time windows come from the query, not from the definition`,
        });
        continue;
      }
      for (const { value, path } of condition.values) {
        const expected = expectedFor(type, value);
        if (expected)
          problems.push({
            path,
            message: `${JSON.stringify(value)} does not fit ${type.kind} field "${condition.field}": use ${expected}`,
          });
      }
    }
    return problems;
  },
};

/** What the field takes, when the value does not fit it. */
function expectedFor(
  type: Exclude<EncounterFieldType, { kind: 'timestamp' }>,
  value: ConditionValue,
): string | undefined {
  switch (type.kind) {
    case 'enum':
      if (typeof value === 'string' && type.values.includes(value))
        return undefined;
      // YAML reads an unquoted 911 as a number.
      return type.values.includes(String(value))
        ? `"${String(value)}" (quoted)`
        : `one of ${type.values.join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'text':
      return typeof value === 'string' ? undefined : 'a string';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'an integer';
    case 'number':
      return typeof value === 'number' ? undefined : 'a number';
  }
}
