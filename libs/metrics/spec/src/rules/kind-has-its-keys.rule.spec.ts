import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { kindHasItsKeysRule } from './kind-has-its-keys.rule';

describeRuleFixtures(kindHasItsKeysRule, [
  ['ratio_without_denominator.yaml', 5, 'kind: ratio needs "denominator"'],
  [
    'count_with_denominator.yaml',
    10,
    'denominator: does not go with kind count',
  ],
  [
    'percentile_without_percentiles.yaml',
    5,
    'kind: percentile needs "percentiles"',
  ],
  [
    'persons_without_per_person.yaml',
    5,
    'kind: distinct_persons needs "perPerson"',
  ],
  ['sum_with_known.yaml', 9, 'known: does not go with kind sum'],
  [
    'persons_from_referrals.yaml',
    6,
    'from: referrals can be counted (kind count or ratio), not used for kind distinct_persons',
  ],
]);
