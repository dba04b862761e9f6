import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { breakdownsUseEnumFieldsRule } from './breakdowns-use-enum-fields.rule';

describeRuleFixtures(breakdownsUseEnumFieldsRule, [
  [
    'text_breakdown.yaml',
    6,
    'breakdowns[0]: "final_call_type" is a text field; a breakdown needs an enum field',
  ],
  [
    'breakdown_twice.yaml',
    12,
    'breakdowns[2]: "response_model" is listed twice',
  ],
]);
