export {
  checkMetricDefinitionFiles,
  formatMetricDefinitionProblem,
  listMetricDefinitionFiles,
  loadMetricDefinitions,
  MetricDefinitionError,
  type MetricDefinitionProblem,
} from './load-metric-definitions';
export {
  type Condition,
  conditionSchema,
  type ConditionValue,
  METRIC_KINDS,
  METRIC_UNITS,
  type MetricDefinition,
  metricDefinitionSchema,
  type MetricKind,
  type MetricUnit,
} from './metric-definition.schema';
export type {
  MetricDefinitionRule,
  MetricRuleContext,
  MetricRuleProblem,
} from './metric-definition-rule';
export {
  fieldsOf,
  fieldType,
  fieldTypesOf,
  knownFieldsOf,
} from './metric-fields.util';
export { METRIC_DEFINITION_RULES } from './rules';
export { unitOfKind } from './rules/unit-fits-kind.rule';
