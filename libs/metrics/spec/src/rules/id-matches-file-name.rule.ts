import type { MetricDefinitionRule } from '../metric-definition-rule';

/** One metric per file, found by its id: `arrest_rate` lives in `arrest_rate.yaml`. */
export const idMatchesFileNameRule: MetricDefinitionRule = {
  name: 'id-matches-file-name',
  check(definition, { file }) {
    const expected = file.replace(/\.yaml$/, '');
    return definition.id === expected
      ? []
      : [
          {
            path: ['id'],
            message: `"${definition.id}" must match the file name (expected "${expected}")`,
          },
        ];
  },
};
