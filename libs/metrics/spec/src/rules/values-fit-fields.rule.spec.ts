import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { valuesFitFieldsRule } from './values-fit-fields.rule';

describeRuleFixtures(valuesFitFieldsRule, [
  [
    'yes_for_boolean.yaml',
    9,
    'numerator.where[0].equals: "yes" does not fit boolean field "jail_booking": use true or false',
  ],
  [
    'unknown_enum_value.yaml',
    9,
    'numerator.where[0].in[1]: "co-responder" does not fit enum field "response_model": use one of police_only, cit_officer, co_responder, mobile_crisis, civilian_alternative',
  ],
  [
    'unquoted_call_origin.yaml',
    9,
    'numerator.where[0].equals: 988 does not fit enum field "call_origin": use "988" (quoted)',
  ],
  [
    'fraction_for_integer.yaml',
    9,
    'numerator.where[0].in[1]: 45.5 does not fit integer field "officer_minutes": use an integer',
  ],
  [
    'timestamp_condition.yaml',
    8,
    'numerator.where[0].field: "occurred_at" is a timestamp field: time windows come from the query, not from the definition',
  ],
]);
