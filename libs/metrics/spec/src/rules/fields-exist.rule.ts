import type {
  MetricDefinitionRule,
  MetricRuleProblem,
} from '../metric-definition-rule';
import {
  fieldConditionsOf,
  fieldType,
  fieldTypesOf,
  type YamlPath,
} from '../metric-fields.util';

/**
 * Every field a definition names is a field of what it counts: encounter
 * fields, or referral fields when `from: referrals`.
 */
export const fieldsExistRule: MetricDefinitionRule = {
  name: 'fields-exist',
  check(definition) {
    const named: { field: string; path: YamlPath }[] = [
      ...fieldConditionsOf(definition).map(({ field, path }) => ({
        field,
        path: [...path, 'field'],
      })),
      ...(definition.known ?? []).map((field, i) => ({
        field,
        path: ['known', i],
      })),
      ...(definition.breakdowns ?? []).map((field, i) => ({
        field,
        path: ['breakdowns', i],
      })),
    ];
    if (definition.interval) {
      named.push(
        { field: definition.interval.from, path: ['interval', 'from'] },
        { field: definition.interval.to, path: ['interval', 'to'] },
      );
    }
    if (definition.sum) {
      named.push({ field: definition.sum.field, path: ['sum', 'field'] });
    }
    const record = definition.from === 'referrals' ? 'referral' : 'encounter';
    const fields = Object.keys(fieldTypesOf(definition));
    return named
      .filter(({ field }) => !fieldType(definition, field))
      .map(({ field, path }): MetricRuleProblem => {
        const near = closest(field, fields);
        return {
          path,
          message: `"${field}" is not ${record === 'encounter' ? 'an' : 'a'} ${record} field${near ? ` (did you mean "${near}"?)` : ''}`,
        };
      });
  },
};

/** The field within two edits of a misspelling, if there is exactly one nearest. */
function closest(name: string, fields: string[]): string | undefined {
  const scored = fields
    .map((field) => ({ field, distance: editDistance(name, field) }))
    .filter(({ distance }) => distance <= 2)
    .sort((a, b) => a.distance - b.distance);
  if (scored.length === 0) return undefined;
  if (scored.length > 1 && scored[1].distance === scored[0].distance)
    return undefined;
  return scored[0].field;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
