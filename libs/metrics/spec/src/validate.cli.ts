// npm run metrics:validate [-- <folder>]  (default: metrics-definitions/)
import { join, relative, resolve } from 'node:path';

import {
  formatMetricDefinitionProblem,
  loadMetricDefinitions,
  MetricDefinitionError,
} from './load-metric-definitions';

function main(): number {
  const root = resolve(__dirname, '../../../..');
  const dir = process.argv[2]
    ? resolve(process.argv[2])
    : join(root, 'metrics-definitions');
  try {
    const definitions = loadMetricDefinitions(dir);
    if (definitions.length === 0) {
      process.stderr.write(`No metric definitions (*.yaml) in ${dir}\n`);
      return 1;
    }
    process.stdout.write(
      definitions.length === 1
        ? '1 metric definition is valid\n'
        : `${definitions.length} metric definitions are valid\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof MetricDefinitionError)) throw error;
    for (const problem of error.problems) {
      const nearby = relative(process.cwd(), problem.file);
      const file = nearby.startsWith('..') ? problem.file : nearby;
      process.stderr.write(
        `${formatMetricDefinitionProblem({ ...problem, file })}\n`,
      );
    }
    return 1;
  }
}

process.exitCode = main();
