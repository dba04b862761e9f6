import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { unitFitsKindRule } from './unit-fits-kind.rule';

describeRuleFixtures(unitFitsKindRule, [
  [
    'ratio_in_encounters.yaml',
    12,
    'unit: must be percent for ratio (it is encounters)',
  ],
  [
    'repeat_rate_in_persons.yaml',
    8,
    'unit: must be percent for distinct_persons with perPerson true (it is persons)',
  ],
  [
    'referral_count_in_encounters.yaml',
    7,
    'unit: must be referrals for count of referrals (it is encounters)',
  ],
  ['hours_in_minutes.yaml', 9, 'unit: must be hours for sum (it is minutes)'],
]);
