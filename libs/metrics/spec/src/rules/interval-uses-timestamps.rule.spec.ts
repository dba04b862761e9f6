import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { intervalUsesTimestampsRule } from './interval-uses-timestamps.rule';

describeRuleFixtures(intervalUsesTimestampsRule, [
  [
    'interval_from_a_number.yaml',
    7,
    'interval.from: "officer_minutes" is an integer field, not a timestamp',
  ],
  [
    'interval_of_no_time.yaml',
    8,
    'interval.to: must differ from interval.from ("arrived_at")',
  ],
  [
    'interval_runs_backwards.yaml',
    6,
    'interval: runs backwards: "arrived_at" comes before "cleared_at" in a call (received_at -> dispatched_at -> arrived_at -> cleared_at)',
  ],
]);
