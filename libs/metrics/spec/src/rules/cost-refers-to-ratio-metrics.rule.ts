import type {
  MetricDefinitionRule,
  MetricRuleProblem,
} from '../metric-definition-rule';

/**
 * A cost multiplies the change in an outcome rate by encounters and a unit
 * cost, so each outcome must be another definition's ratio of encounters
 * where lower is better (a fall is an outcome avoided), counted once; officer
 * hours must come from a sum metric in hours.
 */
export const costRefersToRatioMetricsRule: MetricDefinitionRule = {
  name: 'cost-refers-to-ratio-metrics',
  check(definition, { definitions, invalid }) {
    if (!definition.cost) return [];
    const problems: MetricRuleProblem[] = [];
    const seen = new Set<string>();
    definition.cost.outcomes.forEach(({ metric }, i) => {
      const path = ['cost', 'outcomes', i, 'metric'];
      const target = definitions.get(metric);
      let message: string | undefined;
      if (seen.has(metric)) message = `"${metric}" is listed twice`;
      else if (invalid.has(metric))
        message = undefined; // reported in its own file
      else if (!target) message = `"${metric}" is not a metric definition`;
      else if (target.kind !== 'ratio' || target.from !== 'encounters')
        message = `"${metric}" is a ${target.kind} metric of ${target.from}; outcomes must be ratio metrics of encounters`;
      else if (target.betterDirection !== 'lower')
        message = `"${metric}" has betterDirection ${target.betterDirection}; an outcome's rate must be better lower (a fall is an outcome avoided)`;
      seen.add(metric);
      if (message) problems.push({ path, message });
    });
    const hours = definition.cost.officerHours;
    if (hours) {
      const target = definitions.get(hours.metric);
      const path = ['cost', 'officerHours', 'metric'];
      if (invalid.has(hours.metric)) return problems;
      if (!target)
        problems.push({
          path,
          message: `"${hours.metric}" is not a metric definition`,
        });
      else if (target.kind !== 'sum' || target.unit !== 'hours')
        problems.push({
          path,
          message: `"${hours.metric}" is a ${target.kind} metric in ${target.unit}; officer hours must be a sum metric in hours`,
        });
    }
    return problems;
  },
};
