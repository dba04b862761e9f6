import type { MetricDefinitionRule } from '../metric-definition-rule';
import { breakdownsUseEnumFieldsRule } from './breakdowns-use-enum-fields.rule';
import { costRefersToRatioMetricsRule } from './cost-refers-to-ratio-metrics.rule';
import { fieldsExistRule } from './fields-exist.rule';
import { idMatchesFileNameRule } from './id-matches-file-name.rule';
import { intervalUsesTimestampsRule } from './interval-uses-timestamps.rule';
import { kindHasItsKeysRule } from './kind-has-its-keys.rule';
import { knownCoversNumeratorRule } from './known-covers-numerator.rule';
import { sumUsesANumberRule } from './sum-uses-a-number.rule';
import { unitFitsKindRule } from './unit-fits-kind.rule';
import { valuesFitFieldsRule } from './values-fit-fields.rule';

/** Every semantic rule, run on each definition whose shape is valid. */
export const METRIC_DEFINITION_RULES: readonly MetricDefinitionRule[] = [
  idMatchesFileNameRule,
  kindHasItsKeysRule,
  fieldsExistRule,
  valuesFitFieldsRule,
  knownCoversNumeratorRule,
  breakdownsUseEnumFieldsRule,
  intervalUsesTimestampsRule,
  sumUsesANumberRule,
  costRefersToRatioMetricsRule,
  unitFitsKindRule,
];
