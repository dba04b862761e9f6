import type { MetricDefinitionRule } from '../metric-definition-rule';
import { aFieldOfKind, fieldType } from '../metric-fields.util';

/**
 * A breakdown makes one series per value, so it needs a field with a fixed
 * list of values (an enum), not free text, and each field once.
 */
export const breakdownsUseEnumFieldsRule: MetricDefinitionRule = {
  name: 'breakdowns-use-enum-fields',
  check(definition) {
    return (definition.breakdowns ?? []).flatMap((field, i, all) => {
      const path = ['breakdowns', i];
      if (all.indexOf(field) !== i)
        return [{ path, message: `"${field}" is listed twice` }];
      const type = fieldType(definition, field);
      return type && type.kind !== 'enum'
        ? [
            {
              path,
              message: `"${field}" is ${aFieldOfKind(type.kind)}; a breakdown needs an enum field`,
            },
          ]
        : [];
    });
  },
};
