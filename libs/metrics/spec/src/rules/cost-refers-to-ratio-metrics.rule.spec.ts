import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { costRefersToRatioMetricsRule } from './cost-refers-to-ratio-metrics.rule';

describeRuleFixtures(costRefersToRatioMetricsRule, [
  [
    'cost_of_unknown_metric.yaml',
    10,
    'cost.outcomes[1].metric: "jail_booking_share" is not a metric definition',
  ],
  [
    'cost_of_a_count.yaml',
    8,
    'cost.outcomes[0].metric: "crisis_line_calls" is a count metric of encounters; outcomes must be ratio metrics of encounters',
  ],
  [
    'cost_of_a_referral_rate.yaml',
    8,
    'cost.outcomes[0].metric: "treatment_referrals_connected" is a ratio metric of referrals; outcomes must be ratio metrics of encounters',
  ],
  [
    'cost_of_a_higher_is_better_rate.yaml',
    8,
    'cost.outcomes[0].metric: "diverted_share" has betterDirection higher; an outcome\'s rate must be better lower (a fall is an outcome avoided)',
  ],
  [
    'cost_outcome_twice.yaml',
    10,
    'cost.outcomes[1].metric: "arrest_share" is listed twice',
  ],
  [
    'officer_hours_from_a_ratio.yaml',
    11,
    'cost.officerHours.metric: "backup_share" is a ratio metric in percent; officer hours must be a sum metric in hours',
  ],
]);
