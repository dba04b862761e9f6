import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { type Document, LineCounter, parseDocument } from 'yaml';
import type { ZodIssue } from 'zod';

import {
  type MetricDefinition,
  metricDefinitionSchema,
} from './metric-definition.schema';
import type { YamlPath } from './metric-fields.util';
import { METRIC_DEFINITION_RULES } from './rules';
import { lineOf } from './yaml-location.util';

/** One problem of one definition file. */
export interface MetricDefinitionProblem {
  file: string;
  line: number;
  /** The rule that found it: a semantic rule, `shape` or `yaml-syntax`. */
  rule: string;
  message: string;
}

/** Definitions that cannot be used; one line per problem, across all files. */
export class MetricDefinitionError extends Error {
  constructor(readonly problems: readonly MetricDefinitionProblem[]) {
    super(problems.map(formatMetricDefinitionProblem).join('\n'));
    this.name = 'MetricDefinitionError';
  }
}

export function formatMetricDefinitionProblem({
  file,
  line,
  rule,
  message,
}: MetricDefinitionProblem): string {
  return `${file} line ${line}: ${rule}: ${message}`;
}

/** The definition files of a folder: its *.yaml, not its subfolders (fixtures). */
export function listMetricDefinitionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/**
 * Loads every definition of a folder, sorted by id. Throws a
 * MetricDefinitionError listing every problem of every file.
 */
export function loadMetricDefinitions(dir: string): MetricDefinition[] {
  const { definitions, problems } = checkMetricDefinitionFiles(
    listMetricDefinitionFiles(dir),
  );
  if (problems.length) throw new MetricDefinitionError(problems);
  return definitions;
}

/**
 * Validates in two steps, as MetricFlow does: the shape of each file (zod,
 * its first issue), then every semantic rule on each file whose shape is
 * valid, with all of them as context for cross-references.
 */
export function checkMetricDefinitionFiles(files: readonly string[]): {
  definitions: MetricDefinition[];
  problems: MetricDefinitionProblem[];
} {
  const problems: MetricDefinitionProblem[] = [];
  const parsed: {
    file: string;
    doc: Document;
    lineCounter: LineCounter;
    definition: MetricDefinition;
  }[] = [];

  for (const file of files) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), {
      lineCounter,
      prettyErrors: false,
    });
    if (doc.errors.length) {
      const [error] = doc.errors;
      problems.push({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        rule: 'yaml-syntax',
        message: error.message.split('\n')[0],
      });
      continue;
    }
    const result = metricDefinitionSchema.safeParse(doc.toJS());
    if (!result.success) {
      const { path, at, message } = describeIssue(result.error.issues[0]);
      problems.push({
        file,
        line: lineOf(doc, lineCounter, at),
        rule: 'shape',
        message: withPath(path, message),
      });
      continue;
    }
    parsed.push({ file, doc, lineCounter, definition: result.data });
  }

  const stem = (file: string) => basename(file).replace(/\.yaml$/, '');
  const definitions = new Map(
    parsed.map(({ file, definition }) => [stem(file), definition]),
  );
  const valid = new Set(parsed.map(({ file }) => file));
  const invalid = new Set(files.filter((file) => !valid.has(file)).map(stem));
  for (const { file, doc, lineCounter, definition } of parsed) {
    for (const rule of METRIC_DEFINITION_RULES) {
      for (const problem of rule.check(definition, {
        file: basename(file),
        definitions,
        invalid,
      })) {
        problems.push({
          file,
          line: lineOf(doc, lineCounter, problem.path),
          rule: rule.name,
          message: withPath(problem.path, problem.message),
        });
      }
    }
  }

  const fileOrder = new Map(files.map((file, i) => [file, i]));
  problems.sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      a.line - b.line,
  );
  return {
    definitions: parsed
      .map(({ definition }) => definition)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    problems,
  };
}

/** `numerator.where[0].field: message`, or the message alone at the top level. */
function withPath(path: YamlPath, message: string): string {
  const text = path
    .map((step, i) =>
      typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`,
    )
    .join('');
  return text ? `${text}: ${message}` : message;
}

/**
 * A zod issue in words: the path it is about, the path whose line to show
 * (`at`) and what is wrong. A condition that fits none of its forms is
 * explained by the form it fits most nearly, when one is nearest.
 */
function describeIssue(issue: ZodIssue): {
  path: YamlPath;
  at: YamlPath;
  message: string;
} {
  if (isMissing(issue)) {
    const parent = issue.path.slice(0, -1);
    return {
      path: parent,
      at: parent,
      message: `missing required key "${String(issue.path.at(-1))}"`,
    };
  }
  if (issue.code === 'invalid_union') {
    const types = issue.unionErrors.flatMap(({ issues: [inner] }) =>
      inner?.code === 'invalid_type' ? [inner] : [],
    );
    if (types.length === issue.unionErrors.length)
      return {
        path: issue.path,
        at: issue.path,
        message: `expected ${types.map((inner) => inner.expected).join(', ')}, received ${types[0].received}`,
      };
    const scores = issue.unionErrors.map((error) =>
      error.issues.reduce((sum, inner) => sum + misfit(inner), 0),
    );
    const best = Math.min(...scores);
    if (scores.filter((score) => score === best).length === 1)
      return describeIssue(issue.unionErrors[scores.indexOf(best)].issues[0]);
    return {
      path: issue.path,
      at: issue.path,
      message:
        'is not a condition: use "field" with one of "equals", "in" or "notIn", or "anyOf"',
    };
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return {
      path: issue.path,
      at: [...issue.path, key],
      message: `unknown key "${key}"`,
    };
  }
  if (issue.code === 'invalid_enum_value') {
    return {
      path: issue.path,
      at: issue.path,
      message: `must be one of ${issue.options.join(', ')} (got ${JSON.stringify(issue.received)})`,
    };
  }
  return {
    path: issue.path,
    at: issue.path,
    message: issue.message.charAt(0).toLowerCase() + issue.message.slice(1),
  };
}

/** How far an issue puts a value from a form: keys it has too many or lacks. */
function misfit(issue: ZodIssue): number {
  if (issue.code === 'unrecognized_keys') return issue.keys.length;
  return isMissing(issue) ? 1 : 0;
}

/** A required key that is absent (a union of scalars reports it per member). */
function isMissing(issue: ZodIssue): boolean {
  if (issue.code === 'invalid_type') return issue.received === 'undefined';
  return (
    issue.code === 'invalid_union' &&
    issue.unionErrors.every(
      (error) =>
        error.issues[0]?.path.length === issue.path.length &&
        isMissing(error.issues[0]),
    )
  );
}
