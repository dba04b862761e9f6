import type { MetricDefinition } from './metric-definition.schema';
import type { YamlPath } from './metric-fields.util';

export interface MetricRuleContext {
  /** The definition's file name, e.g. `arrest_rate.yaml`. */
  file: string;
  /**
   * Every definition loaded with it whose shape is valid, by file name
   * without `.yaml` (its id, unless id-matches-file-name reports otherwise).
   */
  definitions: ReadonlyMap<string, MetricDefinition>;
  /**
   * Definitions that were loaded but whose YAML or shape is invalid, by file
   * name: already reported, so references to them are not reported again.
   */
  invalid: ReadonlySet<string>;
}

/** A problem a rule found: where in the YAML (a key path) and what. */
export interface MetricRuleProblem {
  path: YamlPath;
  message: string;
}

/** One semantic rule over a definition whose shape is already valid. */
export interface MetricDefinitionRule {
  /** kebab-case; names the rule in error lines and its fixture folder. */
  name: string;
  check(
    definition: MetricDefinition,
    context: MetricRuleContext,
  ): MetricRuleProblem[];
}
