import { basename, join } from 'node:path';

import {
  checkMetricDefinitionFiles,
  listMetricDefinitionFiles,
} from '../load-metric-definitions';
import type { MetricDefinitionRule } from '../metric-definition-rule';

/** metrics-definitions/__fixtures__: valid/ and invalid/<rule-name>/. */
export const FIXTURES_DIR = join(
  __dirname,
  '../../../../../metrics-definitions/__fixtures__',
);

export const VALID_FIXTURES_DIR = join(FIXTURES_DIR, 'valid');

/** An invalid fixture: its file name, and the line and message it must give. */
export type InvalidFixture = [file: string, line: number, message: string];

/**
 * The spec of a rule: it passes every valid fixture, and each of its invalid
 * fixtures, loaded alongside the valid ones (for cross-references), gives
 * exactly one problem, from this rule, at the expected line.
 */
export function describeRuleFixtures(
  rule: MetricDefinitionRule,
  invalid: InvalidFixture[],
): void {
  const validFiles = listMetricDefinitionFiles(VALID_FIXTURES_DIR);
  const invalidDir = join(FIXTURES_DIR, 'invalid', rule.name);

  describe(`rule ${rule.name}`, () => {
    it('passes every valid fixture', () => {
      const { definitions, problems } = checkMetricDefinitionFiles(validFiles);
      expect(problems).toEqual([]);
      const byId = new Map(definitions.map((d) => [d.id, d]));
      for (const definition of definitions) {
        expect({
          id: definition.id,
          problems: rule.check(definition, {
            file: `${definition.id}.yaml`,
            definitions: byId,
            invalid: new Set(),
          }),
        }).toEqual({ id: definition.id, problems: [] });
      }
    });

    it('has an expectation for each of its invalid fixtures', () => {
      expect(
        listMetricDefinitionFiles(invalidDir).map((f) => basename(f)),
      ).toEqual(invalid.map(([file]) => file).sort());
    });

    it.each(invalid)('rejects %s at line %i', (file, line, message) => {
      const path = join(invalidDir, file);
      expect(
        checkMetricDefinitionFiles([path, ...validFiles]).problems,
      ).toEqual([{ file: path, line, rule: rule.name, message }]);
    });
  });
}
