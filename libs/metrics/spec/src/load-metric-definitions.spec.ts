import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import {
  checkMetricDefinitionFiles,
  listMetricDefinitionFiles,
  loadMetricDefinitions,
  MetricDefinitionError,
} from './load-metric-definitions';
import { METRIC_DEFINITION_RULES } from './rules';
import {
  FIXTURES_DIR,
  type InvalidFixture,
  VALID_FIXTURES_DIR,
} from './testing/rule-fixtures.util';

const DEFINITIONS_DIR = join(FIXTURES_DIR, '../');

describe('loadMetricDefinitions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'metric-definitions-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the valid fixtures sorted by id, with defaults filled in', () => {
    const definitions = loadMetricDefinitions(VALID_FIXTURES_DIR);
    const ids = definitions.map((d) => d.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(13);
    const all = definitions.find((d) => d.id === 'all_encounters');
    expect(all).toMatchObject({ kind: 'count', from: 'encounters' });
    expect(all?.numerator).toBeUndefined();
    const share = definitions.find((d) => d.id === 'arrest_share');
    expect(share?.denominator).toEqual({ where: [] });
    const cost = definitions.find((d) => d.id === 'averted_arrest_cost');
    expect(cost?.cost?.outcomes[1].unitsPerEvent).toBe(1);
  });

  it('reads only the *.yaml files of the folder, not its fixtures', () => {
    copyFileSync(
      join(VALID_FIXTURES_DIR, 'arrest_share.yaml'),
      join(dir, 'arrest_share.yaml'),
    );
    writeFileSync(join(dir, 'README.md'), '# not a definition\n');
    mkdirSync(join(dir, '__fixtures__'));
    writeFileSync(join(dir, '__fixtures__', 'broken.yaml'), 'id: [\n');
    expect(loadMetricDefinitions(dir).map((d) => d.id)).toEqual([
      'arrest_share',
    ]);
  });

  it('reports every problem of every file, one line each, in file and line order', () => {
    for (const file of readdirSync(DEFINITIONS_DIR).filter((f) =>
      f.endsWith('.yaml'),
    ))
      copyFileSync(join(DEFINITIONS_DIR, file), join(dir, file));
    const edit = (file: string, from: string, to: string) => {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(from);
      writeFileSync(path, text.replace(from, to));
    };
    edit('arrest_rate.yaml', 'field: arrest\n', 'field: arrested\n');
    edit('arrest_rate.yaml', 'unit: percent', 'unit: encounters');
    edit(
      'police_backup_rate.yaml',
      'in: [civilian_alternative',
      'in: [civilian',
    );
    edit('officer_hours.yaml', 'kind: sum', 'kind: summ');
    edit('jail_booking_rate.yaml', 'id: jail_booking_rate', 'id: booking_rate');
    // cost_savings refers to both: their own lines say what is wrong.
    edit('ed_transport_rate.yaml', 'betterDirection: lower', 'better: lower');

    const error = catchError(() => loadMetricDefinitions(dir));
    expect(error).toBeInstanceOf(MetricDefinitionError);
    expect(error.message.split('\n')).toEqual([
      `${dir}/arrest_rate.yaml line 14: fields-exist: numerator.where[0].field: "arrested" is not an encounter field (did you mean "arrest"?)`,
      `${dir}/arrest_rate.yaml line 18: unit-fits-kind: unit: must be percent for ratio (it is encounters)`,
      `${dir}/ed_transport_rate.yaml line 1: shape: missing required key "betterDirection"`,
      `${dir}/jail_booking_rate.yaml line 1: id-matches-file-name: id: "booking_rate" must match the file name (expected "jail_booking_rate")`,
      `${dir}/officer_hours.yaml line 11: shape: kind: must be one of count, ratio, distinct_persons, percentile, sum, cost (got "summ")`,
      `${dir}/police_backup_rate.yaml line 20: values-fit-fields: denominator.where[0].in[0]: "civilian" does not fit enum field "response_model": use one of police_only, cit_officer, co_responder, mobile_crisis, civilian_alternative`,
    ]);
    expect((error as MetricDefinitionError).problems).toHaveLength(6);
  });

  it('explains a cost outcome whose metric was renamed', () => {
    for (const file of [
      'cost_savings',
      'jail_booking_rate',
      'ed_transport_rate',
    ])
      copyFileSync(
        join(DEFINITIONS_DIR, `${file}.yaml`),
        join(dir, `${file}.yaml`),
      );
    expect(() => loadMetricDefinitions(dir)).toThrow(
      `${dir}/cost_savings.yaml line 31: cost-refers-to-ratio-metrics: cost.outcomes[1].metric: "emergency_detention_rate" is not a metric definition`,
    );
  });

  describe('shape (zod, the first issue of a file)', () => {
    const shape: InvalidFixture[] = [
      ['unknown_top_level_key.yaml', 6, 'unknown key "filters"'],
      ['missing_title.yaml', 1, 'missing required key "title"'],
      ['version_as_text.yaml', 2, 'version: expected number, received string'],
      [
        'unknown_kind.yaml',
        5,
        'kind: must be one of count, ratio, distinct_persons, percentile, sum, cost (got "rate")',
      ],
      [
        'condition_without_comparison.yaml',
        8,
        'numerator.where[0]: is not a condition: use "field" with one of "equals", "in" or "notIn", or "anyOf"',
      ],
      [
        'condition_with_extra_key.yaml',
        10,
        'numerator.where[0]: unknown key "note"',
      ],
      [
        'null_value.yaml',
        9,
        'numerator.where[0].equals: expected string, number, boolean, received null',
      ],
      [
        'sql_text_filter.yaml',
        7,
        'numerator.where: expected array, received string',
      ],
      [
        'any_of_one.yaml',
        8,
        'numerator.where[0].anyOf: array must contain at least 2 element(s)',
      ],
    ];
    expectFixtures('shape', shape);
  });

  describe('YAML syntax', () => {
    expectFixtures('yaml-syntax', [
      ['duplicate_key.yaml', 5, 'Map keys must be unique'],
    ]);

    // Not a fixture: Prettier (npm run format) cannot parse it either.
    it('rejects text that is not YAML, at the line it breaks', () => {
      const path = join(dir, 'unclosed_list.yaml');
      writeFileSync(
        path,
        'id: unclosed_list\nversion: 1\nknown: [arrest, jail_booking\nunit: percent\n',
      );
      expect(checkMetricDefinitionFiles([path]).problems).toEqual([
        {
          file: path,
          line: 4,
          rule: 'yaml-syntax',
          message:
            'Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ]);
    });
  });

  it('has invalid fixtures for every rule, and no folder without a rule', () => {
    const folders = readdirSync(join(FIXTURES_DIR, 'invalid')).sort();
    expect(folders).toEqual(
      [
        ...METRIC_DEFINITION_RULES.map((rule) => rule.name),
        'shape',
        'yaml-syntax',
      ].sort(),
    );
  });
});

function expectFixtures(rule: string, fixtures: InvalidFixture[]) {
  const folder = join(FIXTURES_DIR, 'invalid', rule);
  it('has an expectation for each fixture', () => {
    expect(listMetricDefinitionFiles(folder).map((f) => basename(f))).toEqual(
      fixtures.map(([file]) => file).sort(),
    );
  });
  it.each(fixtures)('rejects %s at line %i', (file, line, message) => {
    const path = join(folder, file);
    expect(checkMetricDefinitionFiles([path]).problems).toEqual([
      { file: path, line, rule, message },
    ]);
  });
}

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
