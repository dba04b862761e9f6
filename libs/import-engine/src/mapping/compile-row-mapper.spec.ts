import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PersonKeys } from '../pipeline/finish-tuples';
import { loadImportProfile } from '../profile/load-import-profile';
import {
  compileRowMapper,
  ImportFileError,
  type MappedEncounter,
  type MappedRow,
  VALUE_FIELDS,
} from './compile-row-mapper';

const dir = mkdtempSync(join(tmpdir(), 'crosswalk-row-mapper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2024-06-01T00:00:00Z');
let profiles = 0;

/**
 * A row mapper for `fields` (YAML, indented under `fields:`) over a header,
 * through the real loader so every profile here is a valid one.
 */
function mapper(
  fields: string,
  header: string[],
  { extra = '', recordId = '{ columns: [id] }', secret = 'test-secret' } = {},
) {
  const path = join(dir, `p${++profiles}.yaml`);
  writeFileSync(
    path,
    `title: Test
agency: { code: test, name: Test PD, timeZone: America/Los_Angeles }
sourceSystem: test
recordId: ${recordId}
${extra}
fields:
${fields}`,
  );
  const { profile } = loadImportProfile(path, dir);
  const map = compileRowMapper(profile, header, secret, () => NOW);
  return (cells: Record<string, string>) =>
    map(header.map((column) => cells[column] ?? ''));
}

const OCCURRED = '  occurred_at: { column: occurred }';
const value = (row: MappedRow, field: string) => {
  if (row.kind !== 'encounter')
    throw new Error(`expected an encounter, got ${JSON.stringify(row)}`);
  return row.values[VALUE_FIELDS.indexOf(field as never)];
};
const iso = (row: MappedRow, field: string) => {
  const ms = value(row, field);
  return ms === null ? null : new Date(ms as number).toISOString();
};
const base = { id: '1', occurred: '2024-01-15T10:00:00' };

describe('value maps, rules, unknown and default', () => {
  const map = mapper(
    `${OCCURRED}
  bh_category:
    column: final
    map: { ' Person in Crisis ': mental_health, Overdose: substance_use }
    rules:
      - { match: suicid, value: suicide }
      - { match: '^welfare', value: welfare_check }
      - { column: initial, match: crisis, value: mental_health }
    unknown: [UNK, '-']
    default: other
  call_origin: { column: origin, map: { 911: 911 } }`,
    ['id', 'occurred', 'final', 'initial', 'origin'],
  );
  const category = (final: string, initial = '') =>
    value(map({ ...base, final, initial }), 'bh_category');

  it('maps exact text, ignoring case and surrounding spaces', () => {
    expect(category('Person in Crisis')).toBe('mental_health');
    expect(category('  PERSON IN CRISIS ')).toBe('mental_health');
    expect(category('overdose')).toBe('substance_use');
  });

  it('tries the rules in order as case-insensitive JavaScript regular expressions', () => {
    expect(category('ATTEMPTED SUICIDE')).toBe('suicide');
    expect(category('Welfare check')).toBe('welfare_check');
    // Not anchored unless the pattern says so.
    expect(category('CHECK WELFARE')).toBe('other');
  });

  it('lets a rule read another column', () => {
    expect(category('ASSIST PUBLIC', 'CRISIS COMPLAINT')).toBe('mental_health');
    // An empty or unknown cell of the field's own column still lets it apply.
    expect(category('', 'crisis')).toBe('mental_health');
    expect(category('UNK', 'crisis')).toBe('mental_health');
    // The field's own column wins when it matches first.
    expect(category('suicide attempt', 'crisis')).toBe('suicide');
  });

  it('reads empty and unknown cells as unknown (null), never as the default', () => {
    expect(category('')).toBeNull();
    expect(category('unk')).toBeNull();
    expect(category(' - ')).toBeNull();
  });

  it('gives the default to text nothing else matched', () => {
    expect(category('THEFT')).toBe('other');
  });

  it('treats a number in the profile as the text of an enumeration value', () => {
    expect(
      value(map({ ...base, final: 'x', origin: '911' }), 'call_origin'),
    ).toBe('911');
  });

  it('without a map entry, rule or default, reads the text as the field type', () => {
    expect(
      value(map({ ...base, origin: 'Officer_Initiated' }), 'call_origin'),
    ).toBe('officer_initiated');
    expect(map({ ...base, origin: 'radio' })).toEqual({
      kind: 'reject',
      column: 'origin',
      reason: 'unmapped_value',
      detail:
        '"radio" in "origin" is not mapped to one of 911, 988, officer_initiated, referral, other',
    });
  });
});

describe('age bands', () => {
  const map = mapper(
    `${OCCURRED}
  age_band: { column: age, unknown: ['999', 'UNK'] }`,
    ['id', 'occurred', 'age'],
  );
  const band = (age: string) => value(map({ ...base, age }), 'age_band');

  it('puts an age in years in its band and keeps bands as written', () => {
    expect(band('17')).toBe('<18');
    expect(band('18')).toBe('18-24');
    expect(band('34')).toBe('25-34');
    expect(band('34.0')).toBe('25-34');
    expect(band('64')).toBe('55-64');
    expect(band('65')).toBe('65+');
    expect(band('25-34')).toBe('25-34');
    expect(band('Adult')).toBe('Adult');
    expect(band('999')).toBeNull();
    expect(band('')).toBeNull();
  });

  it('rejects an age no one reaches, naming its column', () => {
    expect(map({ ...base, age: '150' })).toMatchObject({
      kind: 'reject',
      column: 'age',
      reason: 'invalid_number',
      detail:
        '"150" in "age" is not an age in years (0-120); a code for an unknown age goes in "unknown"',
    });
  });
});

describe('age bands from a date of birth', () => {
  const map = mapper(
    `${OCCURRED}
  age_band: { column: dob, format: ['MM/dd/yyyy', 'yyyy-MM-dd'], unknown: ['00/00/0000'] }`,
    ['id', 'occurred', 'dob'],
  );
  const band = (dob: string) => value(map({ ...base, dob }), 'age_band');

  it('is the age on the day of occurred_at, in the profile zone', () => {
    // occurred 2024-01-15 10:00 in Los Angeles.
    expect(band('01/15/2006')).toBe('18-24');
    expect(band('01/16/2006')).toBe('<18');
    expect(band('1959-01-15')).toBe('65+');
    expect(band('00/00/0000')).toBeNull();
    expect(band('')).toBeNull();
    expect(map({ ...base, dob: '01/15/1900' })).toMatchObject({
      reason: 'invalid_date',
      detail: 'the date of birth in "dob" gives an age of 124 at occurred_at',
    });
  });
});

describe('booleans, numbers, text and constants', () => {
  const map = mapper(
    `${OCCURRED}
  arrest: { column: arrest }
  citation: { column: disposition, map: { CITATION ISSUED: true }, default: false }
  emergency_detention: { column: hold, map: { '': false } }
  latitude: { column: lat }
  officer_minutes: { column: minutes }
  final_call_type: { column: type }
  response_model: { constant: co_responder }
  peer_specialist_involved: { constant: null }`,
    [
      'id',
      'occurred',
      'arrest',
      'disposition',
      'hold',
      'lat',
      'minutes',
      'type',
    ],
  );

  it('reads yes/no words and 1/0 as booleans', () => {
    for (const [text, expected] of [
      ['Y', true],
      ['yes', true],
      ['TRUE', true],
      ['t', true],
      ['1', true],
      ['n', false],
      ['No', false],
      ['false', false],
      ['F', false],
      ['0', false],
      ['', null],
    ] as const)
      expect(value(map({ ...base, arrest: text }), 'arrest')).toBe(expected);
    expect(map({ ...base, arrest: 'maybe' })).toMatchObject({
      kind: 'reject',
      column: 'arrest',
      reason: 'invalid_boolean',
    });
  });

  it('maps dispositions to true and everything else to the default', () => {
    const row = (disposition: string) => map({ ...base, disposition });
    expect(value(row('Citation issued'), 'citation')).toBe(true);
    expect(value(row('REPORT WRITTEN'), 'citation')).toBe(false);
    expect(value(row(''), 'citation')).toBeNull();
    // A map entry for "" gives empty cells a value.
    expect(value(row(''), 'emergency_detention')).toBe(false);
    expect(value(map({ ...base, hold: 'yes' }), 'emergency_detention')).toBe(
      true,
    );
  });

  it('reads numbers, refusing text', () => {
    const row = map({ ...base, lat: '47.61703719', minutes: '42' });
    expect(value(row, 'latitude')).toBe(47.61703719);
    expect(value(row, 'officer_minutes')).toBe(42);
    expect(map({ ...base, lat: '47,6' })).toMatchObject({
      reason: 'invalid_number',
      column: 'lat',
    });
  });

  it('reads minutes as whole minutes, from a number or h:mm(:ss)', () => {
    const minutes = (text: string) =>
      value(map({ ...base, minutes: text }), 'officer_minutes');
    expect(minutes('4.5')).toBe(5);
    expect(minutes('0')).toBe(0);
    expect(minutes('1:25')).toBe(85);
    expect(minutes('01:25:40')).toBe(86);
    for (const text of ['-5', 'about 10', '1:75', '1e3', '99999999999'])
      expect(map({ ...base, minutes: text })).toMatchObject({
        reason: 'invalid_number',
        column: 'minutes',
        detail: `"${text}" in "minutes" is not a duration: a number of minutes or h:mm(:ss)`,
      });
  });

  it('reads minutes from seconds or hours with a unit', () => {
    const inUnits = mapper(
      `${OCCURRED}
  officer_minutes: { column: seconds, unit: seconds }
  clinician_minutes: { column: hours, unit: hours }`,
      ['id', 'occurred', 'seconds', 'hours'],
    );
    const row = inUnits({ ...base, seconds: '2710', hours: '1.25' });
    expect(value(row, 'officer_minutes')).toBe(45);
    expect(value(row, 'clinician_minutes')).toBe(75);
    // A clock duration is hours and minutes whatever the unit.
    expect(
      value(inUnits({ ...base, seconds: '0:45' }), 'officer_minutes'),
    ).toBe(45);
  });

  it('keeps text as written, trimmed, and fills constants', () => {
    const row = map({ ...base, type: '  --CRISIS COMPLAINT - GENERAL ' });
    expect(value(row, 'final_call_type')).toBe('--CRISIS COMPLAINT - GENERAL');
    expect(value(row, 'response_model')).toBe('co_responder');
    expect(value(row, 'peer_specialist_involved')).toBeNull();
    expect(value(row, 'cleared_at')).toBeNull();
  });
});

describe('timestamps', () => {
  const header = [
    'id',
    'occurred',
    'arrived',
    'date',
    'time',
    'year',
    'month',
    'day',
    'hour',
  ];
  const twelveHour = mapper(
    `  occurred_at: { column: occurred, format: 'MM/dd/yyyy h:mm:ss a' }
  arrived_at: { column: arrived, format: 'MM/dd/yyyy hh:mm:ss a' }`,
    header,
  );
  const at = (occurred: string) =>
    iso(twelveHour({ id: '1', occurred }), 'occurred_at');

  it('reads a 12-hour clock with AM/PM as local time of the agency', () => {
    // Seattle, PDT (UTC-7) until 5 November 2023.
    expect(at('11/04/2023 6:08:26 PM')).toBe('2023-11-05T01:08:26.000Z');
    expect(at('11/04/2023 6:08:26 am')).toBe('2023-11-04T13:08:26.000Z');
    expect(at('11/04/2023 12:08:26 AM')).toBe('2023-11-04T07:08:26.000Z');
    expect(at('11/04/2023 12:08:26 PM')).toBe('2023-11-04T19:08:26.000Z');
    // PST (UTC-8) in winter.
    expect(at('12/29/2018 4:38:34 PM')).toBe('2018-12-30T00:38:34.000Z');
    // hh accepts one digit as well as two.
    expect(
      iso(
        twelveHour({
          ...base,
          occurred: '1/2/2023 1:00:00 PM',
          arrived: '01/02/2023 1:05:00 PM',
        }),
        'arrived_at',
      ),
    ).toBe('2023-01-02T21:05:00.000Z');
  });

  it('takes the first of a repeated autumn hour and moves a skipped spring time on', () => {
    // 5 November 2023, 1:30 AM happens twice in Los Angeles: PDT first.
    expect(at('11/05/2023 1:30:00 AM')).toBe('2023-11-05T08:30:00.000Z');
    expect(at('11/05/2023 2:30:00 AM')).toBe('2023-11-05T10:30:00.000Z');
    // 12 March 2023, 2:30 AM does not exist: read as 3:30 AM PDT.
    expect(at('03/12/2023 2:30:00 AM')).toBe('2023-03-12T10:30:00.000Z');
  });

  it('rejects text that does not match the format', () => {
    for (const text of [
      '11/04/2023 18:08:26',
      '2023-11-04',
      '13/01/2023 1:00:00 PM',
      '02/30/2023 1:00:00 PM',
    ])
      expect(twelveHour({ id: '1', occurred: text })).toEqual({
        kind: 'reject',
        column: 'occurred',
        reason: 'invalid_date',
        detail: `"${text}" in "occurred" does not match the date format MM/dd/yyyy h:mm:ss a`,
      });
  });

  it('reads ISO 8601 by default: naive as local time, with an offset as an instant', () => {
    const map = mapper(`  occurred_at: { column: occurred }`, header);
    const read = (occurred: string) => {
      const row = map({ id: '1', occurred });
      if (row.kind === 'encounter') return iso(row, 'occurred_at');
      return row.kind === 'reject' ? row.reason : row.kind;
    };
    expect(read('2024-01-15T10:00:00')).toBe('2024-01-15T18:00:00.000Z');
    expect(read('2024-01-15 10:00')).toBe('2024-01-15T18:00:00.000Z');
    expect(read('2024-01-15T10:00:00.250')).toBe('2024-01-15T18:00:00.250Z');
    expect(read('2024-01-15')).toBe('2024-01-15T08:00:00.000Z');
    expect(read('2024-01-15T10:00:00Z')).toBe('2024-01-15T10:00:00.000Z');
    expect(read('2024-01-15T10:00:00-05:00')).toBe('2024-01-15T15:00:00.000Z');
    expect(read('2024-01-15T10:00:00+0530')).toBe('2024-01-15T04:30:00.000Z');
    expect(read('2024-02-29')).toBe('2024-02-29T08:00:00.000Z');
    // The shapes read without the regular expression.
    expect(read('2024-01-15 10:00:00')).toBe('2024-01-15T18:00:00.000Z');
    expect(read('2024-01-15t10:00:00z')).toBe('2024-01-15T10:00:00.000Z');
    expect(read('2024-01-15T10:00:00+05:30')).toBe('2024-01-15T04:30:00.000Z');
    expect(read('2024-01-15T10:00:00 -05:00')).toBe('2024-01-15T15:00:00.000Z');
    for (const bad of [
      '2024-02-30T10:00:00',
      '2024-01-15T10:00:60',
      '2024-01-15T1a:00:00',
      '2024-01-15T10:00:00-05-00',
      '2024-01-15T10:00:00+5:300',
      '2024-01-15T10:00:00X',
      '01/15/2024',
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '0099-01-01',
      '2024-13-01',
      '2024-01-15T25:00',
      'Jan 15 2024',
    ])
      expect(read(bad)).toBe('invalid_date');
  });

  it('reads an offset in a date-fns format as an instant', () => {
    const map = mapper(
      `  occurred_at: { column: occurred, format: 'yyyy-MM-dd HH:mm:ss xx' }`,
      header,
    );
    expect(
      iso(
        map({ id: '1', occurred: '2023-11-04 18:08:26 -0800' }),
        'occurred_at',
      ),
    ).toBe('2023-11-05T02:08:26.000Z');
  });

  it('reads Unix time in seconds (t) or milliseconds (T) as an instant', () => {
    const map = mapper(
      `  occurred_at: { column: occurred, format: t }
  arrived_at: { column: arrived, format: T }`,
      header,
    );
    const row = map({
      id: '1',
      occurred: '1699121306',
      arrived: '1699121400250',
    });
    expect(iso(row, 'occurred_at')).toBe('2023-11-04T18:08:26.000Z');
    expect(iso(row, 'arrived_at')).toBe('2023-11-04T18:10:00.250Z');
  });

  it('puts two-digit years 00-49 in this century and 50-99 in the last', () => {
    const map = mapper(
      `  occurred_at: { column: occurred, format: 'MM/dd/yy HH:mm' }`,
      header,
    );
    expect(
      iso(map({ id: '1', occurred: '11/04/23 18:08' }), 'occurred_at'),
    ).toBe('2023-11-05T01:08:00.000Z');
    expect(
      iso(map({ id: '1', occurred: '11/04/99 18:08' }), 'occurred_at'),
    ).toBe('1999-11-05T02:08:00.000Z');
  });

  it('rejects a date that reads as a year before 1900', () => {
    // date-fns reads "24" with yyyy as the year 24.
    const map = mapper(
      `  occurred_at: { column: occurred, format: 'M/d/yyyy H:mm' }`,
      header,
    );
    expect(map({ id: '1', occurred: '3/5/24 10:00' })).toEqual({
      kind: 'reject',
      column: 'occurred',
      reason: 'invalid_date',
      detail:
        '"3/5/24 10:00" in "occurred" reads as the year 24 with the format M/d/yyyy H:mm; a year before 1900 is taken as a misreading (a two-digit year is "yy")',
    });
    expect(
      mapper(
        `  occurred_at: { column: occurred }`,
        header,
      )({
        id: '1',
        occurred: '0202-01-15T10:00:00',
      }),
    ).toMatchObject({ reason: 'invalid_date' });
  });

  it('knows a row to the day when its occurred_at cell is a date alone', () => {
    // A hand-typed sheet where some rows lack the time: the list reads both.
    const listed = mapper(
      `  occurred_at: { column: occurred, format: ['M/d/yyyy H:mm', 'M/d/yyyy'] }`,
      header,
    );
    const timed = listed({ id: '1', occurred: '3/5/2024 10:00' });
    expect(iso(timed, 'occurred_at')).toBe('2024-03-05T18:00:00.000Z');
    expect(timed).toMatchObject({ timePrecision: 'minute' });
    const dated = listed({ id: '1', occurred: '3/5/2024' });
    expect(iso(dated, 'occurred_at')).toBe('2024-03-05T08:00:00.000Z');
    expect(dated).toMatchObject({ timePrecision: 'day' });
    // ISO text may or may not hold a time of day.
    const isoMap = mapper(OCCURRED, header);
    expect(isoMap({ id: '1', occurred: '2024-03-05T10:00:00' })).toMatchObject({
      timePrecision: 'minute',
    });
    expect(isoMap({ id: '1', occurred: '2024-03-05 10:00' })).toMatchObject({
      timePrecision: 'minute',
    });
    expect(isoMap({ id: '1', occurred: '2024-03-05' })).toMatchObject({
      timePrecision: 'day',
    });
    // A month-precision source stays at the month.
    const monthly = mapper(OCCURRED, header, { extra: 'timePrecision: month' });
    expect(monthly({ id: '1', occurred: '2024-03-05' })).toMatchObject({
      timePrecision: 'month',
    });
  });

  it('tries a list of formats in order, the first that reads the cell wins', () => {
    const map = mapper(
      `  occurred_at:
    column: occurred
    format: ['M/d/yyyy H:mm', 'M/d/yy H:mm', 'yyyy-MM-dd HH:mm']
  arrived_at:
    date: { column: date, format: ['MM/dd/yyyy', 'd-MMM-yy'] }
    time: { column: time, format: ['HHmm', 'h:mm a'] }`,
      header,
    );
    const occurred = (text: string) =>
      iso(map({ id: '1', occurred: text }), 'occurred_at');
    // Hand-typed years, four digits and two, and another style altogether.
    expect(occurred('3/5/2024 10:00')).toBe('2024-03-05T18:00:00.000Z');
    expect(occurred('3/5/24 10:00')).toBe('2024-03-05T18:00:00.000Z');
    expect(occurred('2024-03-05 10:00')).toBe('2024-03-05T18:00:00.000Z');
    expect(map({ id: '1', occurred: '5.3.2024 10:00' })).toMatchObject({
      reason: 'invalid_date',
      detail:
        '"5.3.2024 10:00" in "occurred" does not match the date format M/d/yyyy H:mm or M/d/yy H:mm or yyyy-MM-dd HH:mm',
    });
    const arrived = (date: string, time: string) =>
      iso(
        map({ id: '1', occurred: '3/5/2024 10:00', date, time }),
        'arrived_at',
      );
    expect(arrived('03/05/2024', '1015')).toBe('2024-03-05T18:15:00.000Z');
    expect(arrived('5-Mar-24', '10:15 AM')).toBe('2024-03-05T18:15:00.000Z');
    expect(
      map({
        id: '1',
        occurred: '3/5/2024 10:00',
        date: '03/05/2024',
        time: '25:00',
      }),
    ).toMatchObject({
      reason: 'invalid_date',
      detail: '"25:00" in "time" does not match the time format HHmm or h:mm a',
    });
  });

  it('combines a date column and a time column', () => {
    const map = mapper(
      `  occurred_at:
    date: { column: date, format: 'MM/dd/yyyy' }
    time: { column: time, format: 'HHmm' }
  arrived_at:
    date: { column: date, format: 'MM/dd/yyyy' }
    time: { column: arrived }`,
      header,
    );
    const row = map({
      id: '1',
      date: '07/04/2023',
      time: '2130',
      arrived: '21:45:30',
    });
    expect(iso(row, 'occurred_at')).toBe('2023-07-05T04:30:00.000Z');
    expect(iso(row, 'arrived_at')).toBe('2023-07-05T04:45:30.000Z');
    expect(row).toMatchObject({ timePrecision: 'minute' });
    // An empty time leaves midnight, known to the day only; an empty date
    // leaves no timestamp.
    const untimed = map({ id: '1', date: '07/04/2023' });
    expect(iso(untimed, 'occurred_at')).toBe('2023-07-04T07:00:00.000Z');
    expect(untimed).toMatchObject({ timePrecision: 'day' });
    // A date with an offset is the date that instant is in the zone.
    const utcDates = mapper(
      `  occurred_at:
    date: { column: date, format: 'yyyy/MM/dd HH:mm:ssX' }
    time: { column: time, format: 'H' }`,
      header,
    );
    expect(
      iso(
        utcDates({ id: '1', date: '2023/07/04 07:00:00+00', time: '13' }),
        'occurred_at',
      ),
    ).toBe('2023-07-04T20:00:00.000Z');
    expect(
      iso(
        utcDates({ id: '1', date: '2023/07/05 02:00:00+00', time: '0' }),
        'occurred_at',
      ),
    ).toBe('2023-07-04T07:00:00.000Z');
    expect(map({ id: '1', time: '2130' })).toMatchObject({
      reason: 'missing_required',
    });
    expect(map({ id: '1', date: '07/04/2023', time: '9:30' })).toMatchObject({
      reason: 'invalid_date',
      column: 'time',
    });
  });

  it('reads a year and a month (number, name or abbreviation) as the 1st of the month', () => {
    const map = mapper(`  occurred_at: { year: year, month: month }`, header, {
      extra: 'timePrecision: month',
    });
    const month = (year: string, month: string) => {
      const row = map({ id: '1', year, month });
      return row.kind === 'encounter' ? iso(row, 'occurred_at') : row;
    };
    expect(month('2014', 'January')).toBe('2014-01-01T08:00:00.000Z');
    expect(month('2014', 'july')).toBe('2014-07-01T07:00:00.000Z');
    expect(month('2014', 'Sept')).toBe('2014-09-01T07:00:00.000Z');
    expect(month('2014', '12')).toBe('2014-12-01T08:00:00.000Z');
    expect(month('2014', 'Smarch')).toMatchObject({
      reason: 'invalid_date',
      column: 'month',
      detail: '"Smarch" in "month" is not a month',
    });
    expect(month('14', 'May')).toMatchObject({
      reason: 'invalid_date',
      column: 'year',
    });
    expect(month('', '')).toMatchObject({
      reason: 'missing_required',
      column: 'year',
    });
    expect(map({ id: '1', year: '2014', month: '5' })).toMatchObject({
      timePrecision: 'month',
    });
  });

  it('adds a day column and an hour column to a year and a month', () => {
    const map = mapper(
      `  occurred_at: { year: year, month: month, day: day, hour: hour }`,
      header,
      { extra: 'timePrecision: hour' },
    );
    const read = (day: string, hour: string, month = 'February') =>
      map({ id: '1', year: '2024', month, day, hour });
    expect(read('29', '13')).toMatchObject({ timePrecision: 'hour' });
    expect(iso(read('29', '13'), 'occurred_at')).toBe(
      '2024-02-29T21:00:00.000Z',
    );
    expect(iso(read('03', '0', 'Mar'), 'occurred_at')).toBe(
      '2024-03-03T08:00:00.000Z',
    );
    // An empty hour is known to the day; an empty day to the month.
    expect(read('29', '')).toMatchObject({ timePrecision: 'day' });
    expect(iso(read('29', ''), 'occurred_at')).toBe('2024-02-29T08:00:00.000Z');
    expect(read('', '')).toMatchObject({ timePrecision: 'month' });
    expect(iso(read('', ''), 'occurred_at')).toBe('2024-02-01T08:00:00.000Z');
    expect(read('30', '1')).toMatchObject({
      reason: 'invalid_date',
      column: 'day',
      detail: '"30" in "day" is not a day of 2024-02',
    });
    expect(read('1', '24')).toMatchObject({
      reason: 'invalid_date',
      column: 'hour',
      detail: '"24" in "hour" is not an hour (0-23)',
    });
    expect(read('1', '1.5')).toMatchObject({ column: 'hour' });
  });
});

describe('row rules', () => {
  const map = mapper(
    `  occurred_at: { column: occurred }
  received_at: { column: received }
  dispatched_at: { column: dispatched }
  arrived_at: { column: arrived }
  cleared_at: { column: cleared }`,
    ['id', 'part', 'occurred', 'received', 'dispatched', 'arrived', 'cleared'],
    { recordId: "{ columns: [id, part], separator: '/' }" },
  );

  it('joins a record id from several columns', () => {
    const row = map({ id: '2024-17', part: 'B', occurred: '2024-01-15T10:00' });
    expect(row).toMatchObject({ kind: 'encounter', recordId: '2024-17/B' });
  });

  it('rejects a row without any record id or occurred_at', () => {
    expect(map({ occurred: '2024-01-15T10:00' })).toMatchObject({
      reason: 'missing_record_id',
      column: 'id',
    });
    expect(map({ id: '1' })).toMatchObject({
      reason: 'missing_required',
      column: 'occurred',
    });
  });

  it('rejects any timestamp more than five minutes in the future', () => {
    expect(map({ id: '1', occurred: '2024-05-31T17:04' })).toMatchObject({
      kind: 'encounter',
    });
    expect(map({ id: '1', occurred: '2024-05-31T17:06' })).toMatchObject({
      reason: 'future_date',
      column: 'occurred',
    });
    expect(
      map({
        id: '1',
        occurred: '2024-01-15T10:00',
        cleared: '2025-01-15T10:00',
      }),
    ).toMatchObject({
      reason: 'future_date',
      column: 'cleared',
      detail: 'cleared_at 2025-01-15 10:00:00 is in the future',
    });
  });

  it('rejects received, dispatched, arrived and cleared out of order, skipping empty ones', () => {
    const times = {
      id: '1',
      occurred: '2024-01-15T10:00',
      received: '2024-01-15T10:00',
      dispatched: '2024-01-15T10:02',
      arrived: '2024-01-15T10:10',
      cleared: '2024-01-15T11:00',
    };
    expect(map(times)).toMatchObject({ kind: 'encounter' });
    expect(map({ ...times, arrived: '2024-01-15T10:01' })).toEqual({
      kind: 'reject',
      column: 'arrived',
      reason: 'time_order',
      detail:
        'arrived_at (2024-01-15 10:01:00) is before dispatched_at (2024-01-15 10:02:00)',
    });
    expect(
      map({ ...times, arrived: '', cleared: '2024-01-15T10:01' }),
    ).toMatchObject({
      reason: 'time_order',
      column: 'cleared',
    });
  });
});

describe('area', () => {
  const map = mapper(
    `${OCCURRED}
  area:
    column: beat
    unknown: ['-', x, ' OOJ ']
    parents:
      - { column: sector, level: sector }
      - { column: precinct, level: precinct }`,
    ['id', 'occurred', 'beat', 'sector', 'precinct'],
  );
  const area = (beat: string, sector = 'CHARLIE', precinct = 'EAST') =>
    (map({ ...base, beat, sector, precinct }) as MappedEncounter).areaPath;

  it('reads the code with its parents, trimmed and upper-cased', () => {
    expect(area(' c3 ', 'Charlie', 'east')).toEqual([
      { code: 'C3', level: 'beat' },
      { code: 'CHARLIE', level: 'sector' },
      { code: 'EAST', level: 'precinct' },
    ]);
  });

  it('counts unknown codes and empty cells as unknown area', () => {
    for (const code of ['-', 'X', 'x', 'ooj', ''])
      expect(area(code)).toBeNull();
  });

  it('stops the path at an unknown parent', () => {
    expect(area('C3', '-')).toEqual([{ code: 'C3', level: 'beat' }]);
    expect(area('C3', 'CHARLIE', 'OOJ')).toEqual([
      { code: 'C3', level: 'beat' },
      { code: 'CHARLIE', level: 'sector' },
    ]);
  });
});

describe('minutes between two timestamps', () => {
  const map = mapper(
    `${OCCURRED}
  dispatched_at: { column: dispatched }
  arrived_at: { column: arrived }
  cleared_at: { column: cleared }
  officer_minutes: { between: [arrived_at, cleared_at] }
  clinician_minutes: { between: [dispatched_at, cleared_at] }`,
    ['id', 'occurred', 'dispatched', 'arrived', 'cleared'],
  );
  const row = (dispatched: string, arrived: string, cleared: string) =>
    map({ ...base, dispatched, arrived, cleared });

  it('are whole minutes, rounded, from the earlier to the later', () => {
    const mapped = row(
      '2024-01-15T10:00:00',
      '2024-01-15T10:12:00',
      '2024-01-15T10:56:30',
    );
    expect(value(mapped, 'officer_minutes')).toBe(45);
    expect(value(mapped, 'clinician_minutes')).toBe(57);
  });

  it('are unknown when either timestamp is, and never negative', () => {
    const mapped = row('2024-01-15T10:00:00', '', '2024-01-15T10:56:00');
    expect(value(mapped, 'officer_minutes')).toBeNull();
    expect(value(mapped, 'clinician_minutes')).toBe(56);
    expect(
      row('2024-01-15T10:00:00', '2024-01-15T11:00:00', '2024-01-15T10:30:00'),
    ).toMatchObject({ reason: 'time_order', column: 'cleared' });
  });
});

describe('extract', () => {
  const map = mapper(
    `${OCCURRED}
  latitude: { column: location, extract: 'POINT \\(\\S+ (\\S+)\\)' }
  longitude: { column: location, extract: 'POINT \\((\\S+) ' }
  call_origin:
    column: source
    extract: '^(\\w+) -'
    map: { E911: '911', SELF: officer_initiated }
  area:
    column: beat
    extract: 'beat (\\w+)'
    parents: [{ column: district, extract: 'district (\\d+)', level: district }]`,
    ['id', 'occurred', 'location', 'source', 'beat', 'district'],
  );

  it('reads the part of the cell the capturing group captures', () => {
    const row = map({
      ...base,
      location: 'POINT (-90.0715 29.9511)',
      source: 'E911 - Phone',
      beat: 'Beat 3B ',
      district: 'DISTRICT 3',
    });
    expect(value(row, 'latitude')).toBe(29.9511);
    expect(value(row, 'longitude')).toBe(-90.0715);
    expect(value(row, 'call_origin')).toBe('911');
    expect((row as MappedEncounter).areaPath).toEqual([
      { code: '3B', level: 'beat' },
      { code: '3', level: 'district' },
    ]);
  });

  it('reads a cell the pattern does not match as an empty cell', () => {
    const row = map({ ...base, location: 'POINT EMPTY', source: 'SELF' });
    expect(value(row, 'latitude')).toBeNull();
    expect(value(row, 'call_origin')).toBeNull();
    expect((row as MappedEncounter).areaPath).toBeNull();
  });
});

describe('person key', () => {
  const header = ['id', 'occurred', 'last', 'first', 'dob'];
  const fields = `${OCCURRED}
  person_key: { columns: [last, first, dob] }`;
  const identity = (cells: Record<string, string>) =>
    (mapper(fields, header)({ ...base, ...cells }) as MappedEncounter).person;
  const key = (cells: Record<string, string>, secret = 'test-secret') => {
    const person = identity(cells);
    return person === null
      ? null
      : Buffer.from(
          new PersonKeys(secret).of(Buffer.from(person)),
          'latin1',
        ).toString('hex');
  };

  it('is HMAC-SHA256 of the normalized identifiers with the secret', () => {
    const normalized = ['lee', 'ann marie', '1980-02-03'].join('\u001f');
    expect(
      identity({ last: 'Lee', first: 'Ann Marie', dob: '1980-02-03' }),
    ).toBe(normalized);
    expect(key({ last: 'Lee', first: 'Ann Marie', dob: '1980-02-03' })).toBe(
      createHmac('sha256', 'test-secret').update(normalized).digest('hex'),
    );
    // Case, surrounding and repeated spaces do not change it.
    expect(
      identity({ last: ' LEE ', first: 'ann   MARIE', dob: '1980-02-03' }),
    ).toBe(normalized);
  });

  it('changes with the secret and with the identifiers', () => {
    expect(key({ last: 'Lee', first: 'Ann' })).not.toBe(
      key({ last: 'Lee', first: 'Ann' }, 'another-secret'),
    );
    expect(key({ last: 'Lee', first: 'Ann' })).not.toBe(
      key({ last: 'Lee', first: 'Anne' }),
    );
  });

  it('is unknown when an identifier is a placeholder listed in unknown', () => {
    const withPlaceholders = mapper(
      `${OCCURRED}
  person_key: { columns: [last, first, dob], unknown: [Unknown, ' John  Doe'] }`,
      ['id', 'occurred', 'last', 'first', 'dob'],
    );
    const keyOf = (cells: Record<string, string>) =>
      (withPlaceholders({ ...base, ...cells }) as MappedEncounter).person;
    expect(keyOf({ last: 'UNKNOWN', dob: '1980-02-03' })).toBeNull();
    expect(keyOf({ last: 'Lee', first: 'john doe' })).toBeNull();
    expect(keyOf({ last: 'Lee', first: 'Ann' })).toBe(
      identity({ last: 'Lee', first: 'Ann' }),
    );
  });

  it('is unknown when every identifier is empty', () => {
    expect(key({})).toBeNull();
  });

  it('needs the deployment secret', () => {
    expect(() => mapper(fields, header, { secret: '' })).toThrow(
      /CROSSWALK_PERSON_KEY_SECRET/,
    );
  });
});

describe('referrals', () => {
  const map = mapper(
    `${OCCURRED}
  referrals:
    - provider: { column: referred }
      referral_type:
        column: referred
        rules: [{ match: detox, value: substance_use }]
        default: outpatient
      connected_within_30d: { column: engaged, unknown: [pending] }
    - provider: { column: second }
      referral_type: { constant: peer_support }`,
    ['id', 'occurred', 'referred', 'engaged', 'second'],
  );
  const referrals = (cells: Record<string, string>) =>
    (map({ ...base, ...cells }) as MappedEncounter).referrals;

  it('gives each referral whose columns have a value, in the order listed', () => {
    expect(
      referrals({ referred: 'Harbor Detox', engaged: 'yes', second: 'Peers' }),
    ).toEqual([
      ['Harbor Detox', 'substance_use', true],
      ['Peers', 'peer_support', null],
    ]);
    expect(referrals({ second: 'Peers' })).toEqual([
      ['Peers', 'peer_support', null],
    ]);
    expect(referrals({ referred: 'Clinic', engaged: 'pending' })).toEqual([
      ['Clinic', 'outpatient', null],
    ]);
  });

  it('gives none when no column of any referral has a value (constants do not count)', () => {
    expect(referrals({})).toBeNull();
    expect(referrals({ engaged: 'pending' })).toBeNull();
  });

  it('rejects the row for a referral value it cannot read', () => {
    expect(map({ ...base, referred: 'Clinic', engaged: 'maybe' })).toEqual({
      kind: 'reject',
      column: 'engaged',
      reason: 'invalid_boolean',
      detail: '"maybe" in "engaged" is not yes/no; map it in the profile',
    });
  });
});

describe('filter', () => {
  const map = mapper(
    `${OCCURRED}
  final_call_type: { column: final }`,
    ['id', 'occurred', 'initial', 'final'],
    {
      extra: `filter:
  - { column: initial, matches: ['crisis|suicid', '^welfare'] }
  - { column: final, equals: [' MH ', 'Person in Crisis'] }`,
    },
  );
  const kind = (initial: string, final: string, occurred = base.occurred) =>
    map({ id: '1', occurred, initial, final }).kind;

  it('imports a row when any condition holds', () => {
    expect(kind('SUICIDE - CRITICAL', 'ASSIST')).toBe('encounter');
    expect(kind('welfare check', 'ASSIST')).toBe('encounter');
    expect(kind('THEFT', 'mh')).toBe('encounter');
    expect(kind('THEFT', 'person in crisis')).toBe('encounter');
  });

  it('leaves out the others without checking them', () => {
    expect(kind('THEFT', 'BURGLARY')).toBe('filtered');
    expect(kind('CHECK WELFARE', 'MH REPORT')).toBe('filtered');
    expect(kind('THEFT', 'BURGLARY', 'not a date')).toBe('filtered');
  });

  it('leaves out a row any exclude condition holds for, even one a filter keeps', () => {
    const excluding = mapper(
      OCCURRED,
      ['id', 'occurred', 'type', 'disposition'],
      {
        extra: `filter:
  - { column: type, matches: [crisis] }
exclude:
  - { column: disposition, equals: [Cancelled], matches: ['^DUP'] }`,
      },
    );
    const kindOf = (type: string, disposition: string) =>
      excluding({ id: '1', occurred: base.occurred, type, disposition }).kind;
    expect(kindOf('CRISIS', 'REPORT WRITTEN')).toBe('encounter');
    expect(kindOf('CRISIS', '')).toBe('encounter');
    expect(kindOf('CRISIS', ' cancelled ')).toBe('filtered');
    expect(kindOf('CRISIS', 'DUPLICATE EVENT')).toBe('filtered');
    expect(kindOf('THEFT', 'REPORT WRITTEN')).toBe('filtered');
  });
});

describe('the file header', () => {
  it('must hold every column the profile maps', () => {
    expect(() =>
      mapper(`${OCCURRED}\n  final_call_type: { column: Final Call Type }`, [
        'id',
        'occurred',
        'Initial Call Type',
      ]),
    ).toThrow(
      new ImportFileError(
        'Column "Final Call Type" (used by fields.final_call_type) is not in the file\'s header. The header has: "id", "occurred", "Initial Call Type"',
      ),
    );
  });

  it('names every missing column at once', () => {
    expect(() =>
      mapper(
        `${OCCURRED}\n  final_call_type: { column: Final }\n  initial_call_type: { column: Initial }`,
        ['id', 'occurred', 'final', 'initial'],
      ),
    ).toThrow(
      'Columns "Initial" (used by fields.initial_call_type), "Final" (used by fields.final_call_type) are not in the file\'s header. Did you mean "initial" for "Initial", "final" for "Final"? The header has: "id", "occurred", "final", "initial"',
    );
  });

  it('suggests the header name spelled like a missing column', () => {
    expect(() =>
      mapper(`  occurred_at: { column: Incident Date }`, [
        'id',
        'Incident.Date',
        'Incident.Type',
      ]),
    ).toThrow(
      'Column "Incident Date" (used by fields.occurred_at) is not in the file\'s header. Did you mean "Incident.Date"? The header has: "id", "Incident.Date", "Incident.Type"',
    );
  });

  it('does not repeat a row of data read as the header, which may name a person', () => {
    const read = () =>
      mapper(
        `${OCCURRED}\n  final_call_type: { column: type }\n  person_key: { columns: [name] }`,
        ['CR-0001', '2024-01-15', 'Welfare check', 'Sarah King'],
        { extra: 'file: { headerRow: 3 }' },
      );
    expect(read).toThrow(
      'Row 3 of the file, read as its header (file.headerRow: 3, counting non-blank rows), lacks 4 of the 4 columns the profile reads: "id" (used by recordId), "occurred" (used by fields.occurred_at), "type" (used by fields.final_call_type), "name" (used by fields.person_key). Is the header on another row? Its cells are not shown, as a row of data may identify a person.',
    );
    expect(read).not.toThrow(/Sarah|King|CR-0001/);
  });
});
