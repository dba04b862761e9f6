import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { fieldsExistRule } from './fields-exist.rule';

describeRuleFixtures(fieldsExistRule, [
  [
    'misspelled_field.yaml',
    8,
    'numerator.where[0].field: "arrested" is not an encounter field (did you mean "arrest"?)',
  ],
  [
    'unknown_field_in_any_of.yaml',
    11,
    'numerator.where[0].anyOf[1].field: "bystander_injured" is not an encounter field',
  ],
  [
    'encounter_field_in_referral_metric.yaml',
    13,
    'denominator.where[0].field: "arrest" is not a referral field',
  ],
  [
    'unknown_known_field.yaml',
    12,
    'known[1]: "booking_status" is not an encounter field',
  ],
  [
    'unknown_breakdown_field.yaml',
    6,
    'breakdowns[0]: "origin" is not an encounter field',
  ],
  [
    'unknown_interval_field.yaml',
    8,
    'interval.to: "on_scene_at" is not an encounter field',
  ],
  [
    'unknown_sum_field.yaml',
    7,
    'sum.field: "officer_hours" is not an encounter field',
  ],
]);
