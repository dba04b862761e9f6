import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { sumUsesANumberRule } from './sum-uses-a-number.rule';

describeRuleFixtures(sumUsesANumberRule, [
  [
    'sum_of_a_flag.yaml',
    7,
    'sum.field: "arrest" is a boolean field; a sum needs a numeric field (latitude, longitude, officer_minutes, clinician_minutes)',
  ],
]);
