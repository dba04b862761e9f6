import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { knownCoversNumeratorRule } from './known-covers-numerator.rule';

describeRuleFixtures(knownCoversNumeratorRule, [
  [
    'injury_known_one_side.yaml',
    15,
    'known: must include "officer_injured", used by the numerator (unknown is not false)',
  ],
]);
