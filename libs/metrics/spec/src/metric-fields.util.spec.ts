import { metricDefinitionSchema } from './metric-definition.schema';
import {
  aFieldOfKind,
  fieldConditionsOf,
  fieldsOf,
  fieldType,
  knownFieldsOf,
} from './metric-fields.util';

const ratio = (extra: object) =>
  metricDefinitionSchema.parse({
    id: 'probe',
    version: 1,
    title: 'Probe',
    description: 'Probe.',
    kind: 'ratio',
    unit: 'percent',
    betterDirection: 'lower',
    source: 'Test',
    public: true,
    ...extra,
  });

describe('fieldsOf', () => {
  it('lists each field once, nested anyOf included, in order of use', () => {
    expect(
      fieldsOf([
        { field: 'arrest', equals: false },
        {
          anyOf: [
            { field: 'referral_made', equals: true },
            {
              anyOf: [
                { field: 'arrest', equals: true },
                { field: 'force_level', notIn: ['none'] },
              ],
            },
          ],
        },
      ]),
    ).toEqual(['arrest', 'referral_made', 'force_level']);
    expect(fieldsOf([])).toEqual([]);
  });
});

describe('knownFieldsOf', () => {
  it('defaults to the numerator fields, not the denominator ones', () => {
    const definition = ratio({
      numerator: {
        where: [{ field: 'police_backup_requested', equals: true }],
      },
      denominator: {
        where: [{ field: 'response_model', in: ['mobile_crisis'] }],
      },
    });
    expect(knownFieldsOf(definition)).toEqual(['police_backup_requested']);
  });

  it('uses known when given', () => {
    const definition = ratio({
      numerator: { where: [{ field: 'arrest', equals: true }] },
      denominator: {},
      known: ['arrest', 'jail_booking'],
    });
    expect(knownFieldsOf(definition)).toEqual(['arrest', 'jail_booking']);
  });
});

describe('fieldConditionsOf', () => {
  it('gives each compared value its YAML path', () => {
    const definition = ratio({
      numerator: {
        where: [
          {
            anyOf: [
              { field: 'arrest', equals: true },
              { field: 'response_model', in: ['cit_officer', 'co_responder'] },
            ],
          },
        ],
      },
      denominator: { where: [{ field: 'force_level', notIn: ['lethal'] }] },
    });
    expect(fieldConditionsOf(definition)).toEqual([
      {
        field: 'arrest',
        path: ['numerator', 'where', 0, 'anyOf', 0],
        values: [
          {
            value: true,
            path: ['numerator', 'where', 0, 'anyOf', 0, 'equals'],
          },
        ],
      },
      {
        field: 'response_model',
        path: ['numerator', 'where', 0, 'anyOf', 1],
        values: [
          {
            value: 'cit_officer',
            path: ['numerator', 'where', 0, 'anyOf', 1, 'in', 0],
          },
          {
            value: 'co_responder',
            path: ['numerator', 'where', 0, 'anyOf', 1, 'in', 1],
          },
        ],
      },
      {
        field: 'force_level',
        path: ['denominator', 'where', 0],
        values: [
          { value: 'lethal', path: ['denominator', 'where', 0, 'notIn', 0] },
        ],
      },
    ]);
  });
});

describe('fieldType', () => {
  it('looks fields up in the record the metric counts', () => {
    expect(fieldType({ from: 'encounters' }, 'arrest')).toEqual({
      kind: 'boolean',
    });
    expect(fieldType({ from: 'referrals' }, 'arrest')).toBeUndefined();
    expect(fieldType({ from: 'referrals' }, 'connected_within_30d')).toEqual({
      kind: 'boolean',
    });
    expect(fieldType({ from: 'encounters' }, 'toString')).toBeUndefined();
  });

  it('names a field type with its article', () => {
    expect(aFieldOfKind('integer')).toBe('an integer field');
    expect(aFieldOfKind('enum')).toBe('an enum field');
    expect(aFieldOfKind('boolean')).toBe('a boolean field');
  });
});
