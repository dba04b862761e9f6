import { join } from 'node:path';

import { ENCOUNTER_FIELDS } from '@crosswalk/domain';

import { loadMetricDefinitions } from './load-metric-definitions';
import { knownFieldsOf } from './metric-fields.util';

const DEFINITIONS_DIR = join(__dirname, '../../../../metrics-definitions');

// The shipped catalogue (DOMAIN.md section 3).
describe('metrics-definitions/', () => {
  const definitions = loadMetricDefinitions(DEFINITIONS_DIR);
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const definition = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`no definition ${id}`);
    return found;
  };

  it('holds the 20 metrics of the catalogue', () => {
    expect(definitions.map((d) => d.id)).toEqual([
      'arrest_rate',
      'bh_call_volume',
      'connected_to_care_rate',
      'cost_savings',
      'dispatch_identification_rate',
      'diversion_rate',
      'ed_transport_rate',
      'emergency_detention_rate',
      'frequent_utilizers',
      'injury_rate',
      'jail_booking_rate',
      'officer_hours',
      'police_backup_rate',
      'referral_rate',
      'repeat_encounter_rate',
      'resolved_on_scene_rate',
      'response_time_median',
      'specialized_response_share',
      'time_on_scene_median',
      'use_of_force_rate',
    ]);
    // Version 2: the two time percentiles count whole minutes since then.
    expect(
      Object.fromEntries(
        definitions
          .filter((d) => d.version !== 1)
          .map((d) => [d.id, d.version]),
      ),
    ).toEqual({ response_time_median: 2, time_on_scene_median: 2 });
  });

  it('keeps the person-level-ish and modelled metrics off the public page', () => {
    expect(definitions.filter((d) => !d.public).map((d) => d.id)).toEqual([
      'cost_savings',
      'frequent_utilizers',
    ]);
  });

  it('prices cost outcomes with the seeded unit cost keys', () => {
    expect(definition('cost_savings').cost?.outcomes).toEqual([
      {
        metric: 'jail_booking_rate',
        unitCost: 'jail_bed_day',
        unitsPerEvent: 1,
      },
      {
        metric: 'emergency_detention_rate',
        unitCost: 'ed_boarding',
        unitsPerEvent: 1,
      },
      {
        metric: 'ed_transport_rate',
        unitCost: 'police_time_per_averted_ed_referral',
        unitsPerEvent: 1,
      },
    ]);
  });

  it('leaves out as unknown every field a rate is about', () => {
    expect(knownFieldsOf(definition('diversion_rate')).sort()).toEqual([
      'arrest',
      'jail_booking',
      'referral_made',
      'resolved_on_scene',
      'voluntary_treatment',
    ]);
    expect(knownFieldsOf(definition('injury_rate'))).toEqual([
      'subject_injured',
      'officer_injured',
    ]);
    expect(knownFieldsOf(definition('arrest_rate'))).toEqual(['arrest']);
    expect(knownFieldsOf(definition('police_backup_rate'))).toEqual([
      'police_backup_requested',
    ]);
  });

  it('reports every boolean outcome of the record as a rate', () => {
    const outcomes = [
      'arrest',
      'jail_booking',
      'emergency_detention',
      'ed_transport',
      'referral_made',
      'resolved_on_scene',
    ] as const;
    for (const field of outcomes) {
      expect(ENCOUNTER_FIELDS[field].kind).toBe('boolean');
      const rate = definitions.find(
        (d) =>
          d.kind === 'ratio' &&
          JSON.stringify(d.numerator?.where) ===
            JSON.stringify([{ field, equals: true }]),
      );
      expect({ field, denominator: rate?.denominator }).toEqual({
        field,
        denominator: { where: [] },
      });
    }
  });
});
