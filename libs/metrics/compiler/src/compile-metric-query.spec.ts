import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadMetricDefinitions } from '@crosswalk/metrics/spec';

import { compileMetricQuery } from './compile-metric-query';
import type { MetricQuery } from './metric-query';

const definitions = new Map(
  loadMetricDefinitions(join(__dirname, '../../../../metrics-definitions')).map(
    (d) => [d.id, d],
  ),
);

const from = new Date('2024-01-01T06:00:00Z');
const to = new Date('2025-01-01T06:00:00Z');
const area = '11111111-1111-4111-8111-111111111111';
const program = '22222222-2222-4222-8222-222222222222';

/** Compiled SQL and parameters, compared with __snapshots__/<name>.postgres.sql (jest -u rewrites). */
function expectSqlSnapshot(
  name: string,
  compiled: { sql: string; params: unknown[] },
) {
  const text = `${compiled.sql.replace(/\n\s+/g, '\n  ')};\n-- params: ${JSON.stringify(compiled.params)}\n`;
  const file = join(__dirname, '__snapshots__', `${name}.postgres.sql`);
  const state = expect.getState() as {
    snapshotState?: { _updateSnapshot?: string };
  };
  if (
    state.snapshotState?._updateSnapshot === 'all' ||
    (!existsSync(file) && !process.env['CI'])
  ) {
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const cases: [string, string, MetricQuery][] = [
  ['arrest-rate__month', 'arrest_rate', { grain: 'month', from, to }],
  [
    'use-of-force-rate__area',
    'use_of_force_rate',
    { grain: 'total', from, to, groupBy: ['area'] },
  ],
  [
    'bh-call-volume__hour-of-week__one-area',
    'bh_call_volume',
    { grain: 'hour_of_week', from, to, filters: { areaIds: [area] } },
  ],
  [
    'response-time-median__response-model',
    'response_time_median',
    { grain: 'quarter', from, to, groupBy: ['response_model'] },
  ],
  [
    'repeat-encounter-rate__year',
    'repeat_encounter_rate',
    { grain: 'year', from, to, filters: { agencyIds: [area] } },
  ],
  [
    'connected-to-care-rate__month',
    'connected_to_care_rate',
    { grain: 'month', from, to },
  ],
  [
    'officer-hours__district',
    'officer_hours',
    { grain: 'total', from, to, groupBy: ['district'] },
  ],
  [
    'diversion-rate__program-area',
    'diversion_rate',
    { grain: 'total', from, to, groupBy: ['program_area'], program },
  ],
  [
    'police-backup-rate__week__filtered',
    'police_backup_rate',
    {
      grain: 'week',
      from,
      to,
      filters: { responseModels: ['mobile_crisis'], callOrigins: ['988'] },
    },
  ],
];

describe('compileMetricQuery', () => {
  it.each(cases)('compiles %s', (name, id, query) => {
    const definition = definitions.get(id);
    if (!definition) throw new Error(`no definition ${id}`);
    expectSqlSnapshot(name, compileMetricQuery(definition, query));
  });

  it('passes every value as a parameter, never as SQL text', () => {
    const definition = definitions.get('arrest_rate');
    if (!definition) throw new Error('no arrest_rate');
    const hostile = "x'); DROP TABLE encounters; --";
    const { sql, params } = compileMetricQuery(definition, {
      grain: 'month',
      from,
      to,
      filters: { responseModels: [hostile] },
    });
    expect(sql).not.toContain('DROP TABLE');
    expect(params).toContainEqual([hostile]);
  });

  it('refuses the cost metric, which is computed from others', () => {
    const definition = definitions.get('cost_savings');
    if (!definition) throw new Error('no cost_savings');
    expect(() =>
      compileMetricQuery(definition, { grain: 'total', from, to }),
    ).toThrow('computed from other metrics');
  });
});
