import type { MetricDefinitionRule } from '../metric-definition-rule';
import { aFieldOfKind, fieldType } from '../metric-fields.util';

/** The timestamps of a call in the order they happen. */
const CALL_TIMELINE = [
  'received_at',
  'dispatched_at',
  'arrived_at',
  'cleared_at',
];

/**
 * A percentile's interval runs between two different timestamps of the
 * record, forwards in the call's timeline (dispatched before arrived).
 */
export const intervalUsesTimestampsRule: MetricDefinitionRule = {
  name: 'interval-uses-timestamps',
  check(definition) {
    const { interval } = definition;
    if (!interval) return [];
    const notTimestamps = (['from', 'to'] as const).flatMap((end) => {
      const type = fieldType(definition, interval[end]);
      return type && type.kind !== 'timestamp'
        ? [
            {
              path: ['interval', end],
              message: `"${interval[end]}" is ${aFieldOfKind(type.kind)}, not a timestamp`,
            },
          ]
        : [];
    });
    if (notTimestamps.length) return notTimestamps;
    if (interval.from === interval.to)
      return [
        {
          path: ['interval', 'to'],
          message: `must differ from interval.from ("${interval.from}")`,
        },
      ];
    const from = CALL_TIMELINE.indexOf(interval.from);
    const to = CALL_TIMELINE.indexOf(interval.to);
    if (from >= 0 && to >= 0 && to < from)
      return [
        {
          path: ['interval'],
          message: `runs backwards: "${interval.to}" comes before "${interval.from}" in a call (${CALL_TIMELINE.join(' -> ')})`,
        },
      ];
    return [];
  },
};
