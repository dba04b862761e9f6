import { createHash } from 'node:crypto';

import { parse } from 'csv-parse/sync';

import {
  csvText,
  demoEncountersCsv,
  ENCOUNTER_CSV_COLUMNS,
} from './encounter-csv';

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

describe('the demo CSV', () => {
  const csv = demoEncountersCsv({ encounters: 20_000, seed: 1 });
  const rows: string[][] = parse(csv);
  const records = rows
    .slice(1)
    .map((row) =>
      Object.fromEntries(row.map((value, i) => [rows[0][i], value])),
    );

  it('is byte-for-byte identical for the same seed and count', () => {
    expect(sha256(demoEncountersCsv({ encounters: 20_000, seed: 1 }))).toBe(
      sha256(csv),
    );
  });

  it('differs for another seed', () => {
    const other = demoEncountersCsv({ encounters: 20_000, seed: 2 });
    expect(sha256(other)).not.toBe(sha256(csv));
    expect(other.split('\n', 2)[1]).not.toBe(csv.split('\n', 2)[1]);
  });

  it('has a header of record fields in snake_case with area_code, then one row per encounter', () => {
    expect(rows[0]).toEqual(ENCOUNTER_CSV_COLUMNS);
    expect(rows[0]).toContain('area_code');
    expect(rows[0]).not.toContain('area_id');
    expect(rows).toHaveLength(20_001);
    expect(
      rows.filter((row) => row.length !== ENCOUNTER_CSV_COLUMNS.length),
    ).toEqual([]);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('writes instants with the agency offset, keys as hex and unknown as empty', () => {
    const first = records[0];
    expect(first['source_system']).toBe('crosswalk-demo');
    expect(first['source_record_id']).toBe('DEMO-000000001');
    expect(first['occurred_at']).toMatch(/^2023-01-01T\d\d:\d\d:00-06:00$/);
    expect(first['time_precision']).toBe('minute');
    const summer = records.find((r) => r['occurred_at'].startsWith('2024-07-'));
    expect(summer?.['occurred_at']).toMatch(/-05:00$/);
    const malformed = records.filter(
      (r) =>
        !/^\d{4}-\d\d-\d\dT\d\d:\d\d:00-0[56]:00$/.test(r['occurred_at']) ||
        !/^([0-9a-f]{64})?$/.test(r['person_key']) ||
        !['true', 'false', ''].includes(r['arrest']),
    );
    expect(malformed).toEqual([]);
    const unknown = records.filter((r) => r['arrest'] === '');
    expect(unknown.length).toBeGreaterThan(0);
    expect(
      unknown.every(
        (r) => r['force_level'] === '' && r['referral_made'] === '',
      ),
    ).toBe(true);
  });

  it('writes up to two referrals after the record, empty columns for none', () => {
    expect(rows[0].slice(-6)).toEqual([
      'referral_1_provider',
      'referral_1_type',
      'referral_1_connected_within_30d',
      'referral_2_provider',
      'referral_2_type',
      'referral_2_connected_within_30d',
    ]);
    const referred = records.filter((r) => r['referral_made'] === 'true');
    expect(referred.length).toBeGreaterThan(0);
    expect(referred.filter((r) => r['referral_1_provider'] === '')).toEqual([]);
    expect(
      records.filter(
        (r) =>
          r['referral_made'] !== 'true' &&
          (r['referral_1_provider'] !== '' || r['referral_2_provider'] !== ''),
      ),
    ).toEqual([]);
    expect(
      new Set(records.map((r) => r['referral_1_connected_within_30d'])),
    ).toEqual(new Set(['true', 'false', '']));
  });

  it('quotes text only when needed and keeps empty text apart from null', () => {
    expect(csvText('WELFARE CHECK')).toBe('WELFARE CHECK');
    expect(csvText('A, "B"')).toBe('"A, ""B"""');
    expect(csvText('')).toBe('""');
    expect(csvText(null)).toBe('');
  });
});
