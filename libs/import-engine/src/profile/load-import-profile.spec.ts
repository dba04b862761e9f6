import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  ImportProfileError,
  listImportProfiles,
  loadImportProfile,
  PROFILE_KEYS,
} from './load-import-profile';

const FIXTURES = join(__dirname, '__fixtures__');
const VALID = join(FIXTURES, 'valid');
const INVALID = join(FIXTURES, 'invalid');
const ROOT = resolve(__dirname, '../../../..');

/** The error a profile gives, with the fixture folder cut from the front. */
function errorOf(nameOrPath: string, dir = INVALID): string {
  try {
    loadImportProfile(nameOrPath, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportProfileError);
    return (error as Error).message.replace(`${INVALID}/`, '');
  }
  throw new Error(`${nameOrPath} loaded without an error`);
}

describe('loadImportProfile', () => {
  it.each(readdirSync(VALID))('loads valid/%s', (file) => {
    expect(() => loadImportProfile(join(VALID, file), VALID)).not.toThrow();
  });

  it('loads every shipped profile', () => {
    const shipped = listImportProfiles(join(ROOT, 'import-profiles')).map(
      (p) => p.name,
    );
    expect(shipped).toEqual(
      expect.arrayContaining(['crosswalk-demo', 'seattle-cad', 'toronto-pic']),
    );
  });

  it('fills in the documented defaults', () => {
    const { name, profile } = loadImportProfile('minimal', VALID);
    expect(name).toBe('minimal');
    expect(profile.timePrecision).toBe('minute');
    expect(profile.timeZone).toBeUndefined();
    expect(profile.file).toEqual({
      format: 'csv',
      delimiter: ',',
      quote: '"',
      encoding: 'utf-8',
      headerRow: 1,
    });
    expect(profile.recordId).toEqual({ columns: ['id'], separator: '|' });
    expect(profile.filter).toBeUndefined();
  });

  it('reads numbers where text is meant as text', () => {
    const { profile } = loadImportProfile('every-key', VALID);
    expect(profile.fields.call_origin?.map).toEqual({
      '911': 911,
      '988': '988',
      OV: 'officer_initiated',
    });
    expect(profile.fields.area?.unknown).toEqual(['-', 'X', 'OOJ']);
    expect(profile.fields.area?.level).toBe('beat');
  });

  it('lists the available profiles when the name is unknown', () => {
    expect(errorOf('toronto', VALID)).toBe(
      'Unknown import profile "toronto". Available profiles: day-and-hour-columns, every-key, minimal, month-precision, workbook (or give a path to a .yaml file).',
    );
  });

  it('names the path when a profile file is not there', () => {
    expect(errorOf('./no/such/profile.yaml', VALID)).toBe(
      `No profile file at ${resolve('no/such/profile.yaml')}.`,
    );
  });

  // Each invalid fixture, the line its error points at and what it says.
  it.each([
    [
      'unknown-key',
      10,
      'fields.arrest: unknown key "colum" (did you mean "column"?)',
    ],
    [
      'unknown-top-level-key',
      7,
      '(top level): unknown key "timezone" (did you mean "timeZone"?)',
    ],
    [
      'filter-key-misspelt',
      8,
      'filter.0: unknown key "match" (did you mean "matches"?)',
    ],
    [
      'record-id-not-a-list',
      7,
      'recordId.columns must be a list, as [CAD.Event.Number], got "CAD.Event.Number"',
    ],
    [
      'record-id-with-a-hash-not-a-list',
      7,
      'recordId.columns must be a list, as [\'Case #\'], got "Case #"',
    ],
    [
      'double-quoted-word-boundary',
      12,
      'fields.bh_category.rules.0.match holds a control character: in a double-quoted YAML string "\\b" is a backspace, not a word boundary; write the pattern in single quotes, as \'\\bOD\\b\'',
    ],
    [
      'misspelt-required-key',
      6,
      'agency: unknown key "timezone" (did you mean "timeZone"?)',
    ],
    [
      'csv-key-for-a-workbook',
      8,
      'file: unknown key "delimiter" (an XLSX workbook has none: it is a key of CSV files)',
    ],
    [
      'bad-date-format',
      8,
      'fields.occurred_at.format is not a usable date format "MM/dd/YYYY HH:mm": "Y" is the week-numbering year; the calendar year is "y"',
    ],
    [
      'bad-date-format-in-list',
      10,
      'fields.occurred_at.format.1 is not a usable date format "M/d/YY H:mm": "Y" is the week-numbering year; the calendar year is "y"',
    ],
    [
      'area-level-named-twice',
      13,
      'fields.area.parents.1.level is a sector, a level already named below it: each parent is a coarser level than the areas it holds',
    ],
    [
      'unit-for-a-field-without-minutes',
      9,
      'fields.latitude: "unit" goes with officer_minutes and clinician_minutes',
    ],
    [
      'format-for-a-value-field',
      9,
      'fields.gender: "format" goes with age_band (a date of birth)',
    ],
    [
      'extract-without-capturing-group',
      9,
      'fields.latitude.extract needs exactly one capturing group (the part of the cell to read), and has 0',
    ],
    [
      'identifier-in-record-id',
      7,
      'recordId.columns.1 "Client Name" is a person_key column: the record id is stored as written, so it must not hold a person\'s identifiers',
    ],
    [
      'between-in-the-wrong-order',
      11,
      'fields.officer_minutes.between needs the earlier timestamp first: arrived_at comes before cleared_at',
    ],
    [
      'twelve-hour-clock-without-am-pm',
      8,
      'fields.occurred_at.format is not a usable date format "MM/dd/yyyy hh:mm:ss": "h" is the 12-hour clock and needs "a" for AM/PM; use "H" for the 24-hour clock',
    ],
    [
      'minutes-for-months',
      9,
      'fields.occurred_at.date.format is not a usable date format "mm/dd/yyyy": "m" is minutes and there is no hour; months are "M"',
    ],
    ['missing-record-id', 2, '(top level) is missing required key "recordId"'],
    ['missing-occurred-at', 8, 'fields is missing required key "occurred_at"'],
    [
      'bad-enum-value-in-map',
      12,
      'fields.bh_category.map.Person in Crisis must be one of mental_health, suicide, substance_use, welfare_check, other (or null for unknown), got "crisis"',
    ],
    [
      'bad-boolean-value-in-rule',
      11,
      'fields.arrest.rules.0.value must be true or false (or null for unknown), got "yes"',
    ],
    [
      'bad-regular-expression',
      12,
      'fields.bh_category.rules.0.match is not a valid regular expression: Invalid regular expression: /crisis(/i: Unterminated group',
    ],
    [
      'bad-time-zone',
      7,
      'agency.timeZone is not an IANA time zone: "Pacific Standard Time"',
    ],
    [
      'year-month-without-month-precision',
      8,
      'fields.occurred_at is read from a year and a month, so timePrecision must be "month" (it is "minute")',
    ],
    [
      'year-month-day-hour-with-minute-precision',
      8,
      'fields.occurred_at is read from a year, a month, a day and an hour, so timePrecision must be "hour" or "day" or "month" (it is "minute")',
    ],
    [
      'hour-without-day',
      9,
      'fields.occurred_at: "hour" goes with "year", "month" and "day"',
    ],
    [
      'date-without-day-precision',
      8,
      'fields.occurred_at is a date without a time of day ("yyyy-MM-dd"), so timePrecision must be "day" (it is "minute")',
    ],
    [
      'constant-with-default',
      11,
      'fields.call_origin: "default" goes with "column", not "constant"',
    ],
    [
      'two-sources-for-a-timestamp',
      9,
      'fields.occurred_at needs exactly one source: "column" (with "format"), "date" and "time", or "year" and "month" (with "day" and "hour")',
    ],
    ['filter-without-condition', 8, 'filter.0 needs "matches" or "equals"'],
    [
      'referral-from-constants-only',
      10,
      'fields.referrals.0 needs a field read from a "column": a row gives the referral when such a field has a value',
    ],
    [
      'referral-key-misspelt',
      11,
      'fields.referrals.0: unknown key "type" (a referral\'s type is "referral_type")',
    ],
    [
      'bad-boolean-value-in-referral',
      13,
      'fields.referrals.0.connected_within_30d.map.Attended must be true or false (or null for unknown), got "yes"',
    ],
    [
      'yaml-syntax-error',
      8,
      'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ],
    ['duplicate-key', 10, 'YAML syntax error: Map keys must be unique'],
  ])('refuses invalid/%s.yaml at line %i', (name, line, message) => {
    expect(errorOf(join(INVALID, `${name}.yaml`))).toBe(
      `${name}.yaml line ${line}: ${message}`,
    );
  });

  it('has a test for every invalid fixture', () => {
    const tested = new Set(
      readFileSync(__filename, 'utf8')
        .match(/^ {4}\[\s*'([a-z0-9-]+)',/gm)
        ?.map((m) => m.replace(/[\s[',]/g, '')),
    );
    for (const file of readdirSync(INVALID))
      expect(tested).toContain(file.replace(/\.yaml$/, ''));
  });
});
describe('the profile format', () => {
  const keys = PROFILE_KEYS;

  it('is used in full by the valid fixtures', () => {
    const used = new Set<string>();
    const walk = (value: unknown, prefix: string) => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, prefix));
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          const path = prefix ? `${prefix}.${key}` : key;
          used.add(path);
          walk(v, path);
        }
    };
    for (const file of readdirSync(VALID))
      walk(loadImportProfile(join(VALID, file), VALID).profile, '');
    // Each key of a timestamp or value field must be used by some such field.
    const kind = (key: string) =>
      // A referral's fields are value fields too.
      key.replace(/^fields\.(?:referrals\.(?=\w))?(\w+)/, (_, field: string) =>
        field.endsWith('_at')
          ? 'fields.<timestamp>'
          : field === 'area' || field === 'person_key'
            ? `fields.${field}`
            : 'fields.<value>',
      );
    const usedKinds = new Set([...used].map(kind));
    expect(
      [...new Set(keys.map(kind))].filter((k) => !usedKinds.has(k)),
    ).toEqual([]);
  });

  it('is documented key by key in docs/import-profiles.md', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'import-profiles.md'), 'utf8');
    const names = new Set(keys.map((k) => k.split('.').at(-1) as string));
    const missing = [...names].filter((name) => !docs.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
