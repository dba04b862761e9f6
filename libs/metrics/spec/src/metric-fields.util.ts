import {
  ENCOUNTER_FIELDS,
  type EncounterFieldType,
  REFERRAL_FIELDS,
} from '@crosswalk/domain';

import type {
  Condition,
  ConditionValue,
  MetricDefinition,
} from './metric-definition.schema';

export type YamlPath = (string | number)[];

/** A condition on one field, where it sits in the definition. */
export interface FieldCondition {
  field: string;
  /** The compared values with their paths (one for `equals`). */
  values: { value: ConditionValue; path: YamlPath }[];
  path: YamlPath;
}

/** The fields some conditions use, nested `anyOf` included, in first-use order. */
export function fieldsOf(conditions: readonly Condition[]): string[] {
  const fields = new Set<string>();
  const visit = (condition: Condition) => {
    if ('anyOf' in condition) condition.anyOf.forEach(visit);
    else fields.add(condition.field);
  };
  conditions.forEach(visit);
  return [...fields];
}

/**
 * The fields a ratio needs known (not null) for a record to count at all:
 * `known` when given, else the fields of the numerator's conditions.
 */
export function knownFieldsOf(definition: MetricDefinition): string[] {
  return definition.known ?? fieldsOf(definition.numerator?.where ?? []);
}

/** The fields a definition can use: the encounter's or the referral's. */
export function fieldTypesOf(
  definition: Pick<MetricDefinition, 'from'>,
): Readonly<Record<string, EncounterFieldType>> {
  return definition.from === 'referrals' ? REFERRAL_FIELDS : ENCOUNTER_FIELDS;
}

/** The type of a field, or undefined when the record has no such field. */
export function fieldType(
  definition: Pick<MetricDefinition, 'from'>,
  field: string,
): EncounterFieldType | undefined {
  const types = fieldTypesOf(definition);
  return Object.hasOwn(types, field) ? types[field] : undefined;
}

/** Every single-field condition of the numerator and denominator. */
export function fieldConditionsOf(
  definition: MetricDefinition,
): FieldCondition[] {
  const found: FieldCondition[] = [];
  const visit = (condition: Condition, path: YamlPath) => {
    if ('anyOf' in condition) {
      condition.anyOf.forEach((inner, i) =>
        visit(inner, [...path, 'anyOf', i]),
      );
    } else if ('equals' in condition) {
      found.push({
        field: condition.field,
        values: [{ value: condition.equals, path: [...path, 'equals'] }],
        path,
      });
    } else {
      const key = 'in' in condition ? 'in' : 'notIn';
      const values = 'in' in condition ? condition.in : condition.notIn;
      found.push({
        field: condition.field,
        values: values.map((value, i) => ({ value, path: [...path, key, i] })),
        path,
      });
    }
  };
  for (const part of ['numerator', 'denominator'] as const) {
    definition[part]?.where.forEach((condition, i) =>
      visit(condition, [part, 'where', i]),
    );
  }
  return found;
}

/** "an integer field", "a boolean field": a field type in a sentence. */
export function aFieldOfKind(kind: EncounterFieldType['kind']): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} field`;
}
