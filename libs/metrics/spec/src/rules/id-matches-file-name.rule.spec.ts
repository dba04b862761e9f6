import { describeRuleFixtures } from '../testing/rule-fixtures.util';
import { idMatchesFileNameRule } from './id-matches-file-name.rule';

describeRuleFixtures(idMatchesFileNameRule, [
  [
    'arrest_rate_2.yaml',
    2,
    'id: "arrest_rate_v2" must match the file name (expected "arrest_rate_2")',
  ],
]);
