import {
  ageBandOf,
  ENCOUNTER_FIELDS,
  type EncounterFieldType,
  REFERRAL_FIELDS,
  TIME_PRECISIONS,
  type TimePrecision,
} from '@crosswalk/domain';
import { utc } from '@date-fns/utc';
import { parse as parseDate } from 'date-fns';

import type {
  DURATION_UNITS,
  ImportProfile,
  TimestampField,
  ValueField,
} from '../profile/import-profile.schema';
import {
  dateFormatLetters,
  formatList,
  readsTimeOfDay,
} from '../profile/load-import-profile';
import { nearestName } from '../profile/nearest-name';
import { ZoneOffsets } from './zone-offsets';

/** The record's value fields in staging-table order (area and person key come after). */
export const VALUE_FIELDS = Object.keys(
  ENCOUNTER_FIELDS,
) as (keyof typeof ENCOUNTER_FIELDS)[];

export type FieldValue = string | number | boolean | null;

export interface MappedEncounter {
  kind: 'encounter';
  recordId: string;
  /** Values in VALUE_FIELDS order; timestamps as epoch milliseconds. */
  values: FieldValue[];
  /** Area codes from the finest level up (beat, sector, precinct), or null for unknown area. */
  areaPath: { code: string; level: string }[] | null;
  /**
   * The person's identity: their identifier cells, normalized and joined,
   * or null. It is never stored: finishTuples keys it with the deployment
   * secret into the person key.
   */
  person: string | null;
  /** The profile's, or coarser when the row's occurred_at cells leave part of the time out (rowPrecision). */
  timePrecision: TimePrecision;
  /** The referrals the row gives, each its values in REFERRAL_VALUE_FIELDS order; null for none. */
  referrals: FieldValue[][] | null;
}

/** A referral's value fields, in the order of its values. */
export const REFERRAL_VALUE_FIELDS = Object.keys(
  REFERRAL_FIELDS,
) as (keyof typeof REFERRAL_FIELDS)[];

export interface RejectedRow {
  kind: 'reject';
  column: string | null;
  reason: RejectReason;
  detail: string;
}

export type RejectReason =
  | 'missing_record_id'
  | 'duplicate_record_id'
  | 'missing_required'
  | 'invalid_date'
  | 'future_date'
  | 'time_order'
  | 'unmapped_value'
  | 'invalid_number'
  | 'invalid_boolean'
  | 'ragged_row'
  | 'invalid_utf8'
  | 'malformed_csv';

export type MappedRow = MappedEncounter | RejectedRow | { kind: 'filtered' };

/** A file that cannot be imported with the profile (e.g. a mapped column is missing). */
export class ImportFileError extends Error {}

class Reject {
  constructor(
    readonly column: string | null,
    readonly reason: RejectReason,
    readonly detail: string,
  ) {}
}

type Cell = (row: string[]) => string;
type Extract = (row: string[]) => FieldValue;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** A little slack for clocks that run ahead of the database's. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Text in lower (or upper) case: the text itself when it is already, as
 * most cells are, since toLowerCase copies even then.
 */
const lower = (text: string) =>
  hasLetterToChange(text, 65) ? text.toLowerCase() : text;
const upper = (text: string) =>
  hasLetterToChange(text, 97) ? text.toUpperCase() : text;

/** Whether the text holds an ASCII letter from `first` (A or a) on, or any non-ASCII character. */
function hasLetterToChange(text: string, first: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= first && code < first + 26) || code > 127) return true;
  }
  return false;
}

/**
 * Compiles a profile against a file's header into a function from one CSV row
 * to an encounter, a reject with its reason, or "filtered". Columns are looked
 * up once here; a mapped column missing from the header is an ImportFileError,
 * as is a profile mapping person_key with no deployment secret to key it.
 */
export function compileRowMapper(
  profile: ImportProfile,
  header: string[],
  personKeySecret: string | undefined,
  now: () => number = Date.now,
): (row: string[]) => MappedRow {
  const names = header.map((h) => h.trim());
  const found = new Set<string>();
  const missing = new Map<string, string>();
  /** A column's trimmed cell, or the part of it `extract` captures ('' when it does not match). */
  const cell = (column: string, usedBy: string, extract?: string): Cell => {
    const index = names.indexOf(column);
    if (index < 0) {
      if (!missing.has(column)) missing.set(column, usedBy);
      return () => '';
    }
    found.add(column);
    if (extract === undefined) return (row) => (row[index] ?? '').trim();
    const part = new RegExp(extract, 'i');
    return (row) => part.exec((row[index] ?? '').trim())?.[1]?.trim() ?? '';
  };
  const zone = new ZoneOffsets(profile.timeZone ?? profile.agency.timeZone);
  /** An instant as the source's clock showed it, for reject details. */
  const local = (ms: number) =>
    new Date(zone.toWall(ms)).toISOString().slice(0, 19).replace('T', ' ');

  const recordIdCells = profile.recordId.columns.map((c) =>
    cell(c, 'recordId'),
  );
  const readRecordId =
    recordIdCells.length === 1
      ? recordIdCells[0]
      : (row: string[]) =>
          recordIdCells.every((read) => read(row) === '')
            ? ''
            : recordIdCells
                .map((read) => read(row))
                .join(profile.recordId.separator);
  const conditions = (key: 'filter' | 'exclude') =>
    (profile[key] ?? []).map((condition, i) => {
      const read = cell(condition.column, `${key}.${i}`);
      const patterns = (condition.matches ?? []).map((p) => new RegExp(p, 'i'));
      const equals = new Set(
        (condition.equals ?? []).map((e) => e.trim().toLowerCase()),
      );
      return (row: string[]) => {
        const value = read(row);
        return equals.has(lower(value)) || patterns.some((p) => p.test(value));
      };
    });
  const filters = conditions('filter');
  const excludes = conditions('exclude');
  // Redacted columns are only blanked (RowBatches), but must be there: a
  // misspelt one would leave the real column's text in the rejects.
  for (const c of profile.redact ?? []) cell(c, 'redact');

  // A spreadsheet's date cells arrive as ISO 8601 text (read-xlsx.ts).
  const isoToo = profile.file.format === 'xlsx';
  // Whether the row's occurred_at cell gave a time of day, as it was read.
  const occurredRead = { timed: true };
  const extractors: Extract[] = VALUE_FIELDS.map((name) => {
    const field = profile.fields[name];
    if (!field) return () => null;
    const type: EncounterFieldType = ENCOUNTER_FIELDS[name];
    return type.kind === 'timestamp'
      ? compileTimestamp(
          field as TimestampField,
          `fields.${name}`,
          cell,
          zone,
          isoToo,
          name === 'occurred_at' ? occurredRead : undefined,
        )
      : name === 'age_band'
        ? compileAgeBand(field as ValueField, type, cell, isoToo)
        : compileValue(field as ValueField, type, `fields.${name}`, cell);
  });
  // A date of birth is read as a date and made the age band at occurred_at.
  const birthDate = profile.fields.age_band?.format
    ? VALUE_FIELDS.indexOf('age_band')
    : -1;
  const timeIndexes = [
    'received_at',
    'dispatched_at',
    'arrived_at',
    'cleared_at',
  ].map((f) => VALUE_FIELDS.indexOf(f as never));
  const occurredIndex = VALUE_FIELDS.indexOf('occurred_at');
  const allTimeIndexes = [occurredIndex, ...timeIndexes];
  // Minutes from one timestamp of the chain to a later one (`between`).
  const spans = VALUE_FIELDS.flatMap((name, index) => {
    const between = (profile.fields[name] as ValueField | undefined)?.between;
    return between
      ? [
          {
            index,
            from: VALUE_FIELDS.indexOf(between[0]),
            to: VALUE_FIELDS.indexOf(between[1]),
          },
        ]
      : [];
  });
  const precisionOf = rowPrecision(profile, cell, occurredRead);

  const area = profile.fields.area;
  const areaLevels = area ? [area, ...area.parents] : [];
  const areaCells = areaLevels.map((l) =>
    cell(l.column, 'fields.area', l.extract),
  );
  const unknownAreas = new Set(
    (area?.unknown ?? []).map((u) => u.trim().toUpperCase()),
  );

  const personField = profile.fields.person_key;
  const personCells =
    personField?.columns.map((c) => cell(c, 'fields.person_key')) ?? [];
  const normalize = (text: string) => {
    const folded = lower(text.normalize('NFC'));
    return /\s/.test(folded) ? folded.replace(/\s+/g, ' ') : folded;
  };
  const unknownPeople = new Set(
    (personField?.unknown ?? []).map((u) => normalize(u.trim())),
  );
  // Each referral's fields; a row gives it when one read from a column has a value.
  const referralReaders = (profile.fields.referrals ?? []).map(
    (referral, i) => {
      const fields = REFERRAL_VALUE_FIELDS.map((name) => referral[name]);
      return {
        extractors: fields.map((field, j) =>
          field
            ? compileValue(
                field,
                REFERRAL_FIELDS[REFERRAL_VALUE_FIELDS[j]],
                `fields.referrals.${i}.${REFERRAL_VALUE_FIELDS[j]}`,
                cell,
              )
            : () => null,
        ),
        fromColumns: fields.flatMap((field, j) =>
          field?.column === undefined ? [] : [j],
        ),
      };
    },
  );
  const readReferrals = (row: string[]): FieldValue[][] | null => {
    let referrals: FieldValue[][] | null = null;
    for (const { extractors, fromColumns } of referralReaders) {
      const values = extractors.map((extract) => extract(row));
      if (fromColumns.some((j) => values[j] !== null))
        (referrals ??= []).push(values);
    }
    return referrals;
  };

  if (personField && !personKeySecret) {
    throw new ImportFileError(
      'This profile maps person_key, which needs the deployment secret CROSSWALK_PERSON_KEY_SECRET.',
    );
  }

  if (missing.size) throw headerError(profile, names, found, missing);

  return (row) => {
    try {
      if (
        (filters.length && !anyHolds(filters, row)) ||
        anyHolds(excludes, row)
      )
        return { kind: 'filtered' };
      const recordId = readRecordId(row);
      if (recordId === '') {
        throw new Reject(
          profile.recordId.columns[0],
          'missing_record_id',
          'the record id is empty',
        );
      }
      // Made holding null, not numbers: an array that starts with a number
      // is copied (and its numbers boxed) when a text or boolean follows.
      const values = new Array<FieldValue>(extractors.length).fill(null);
      for (let i = 0; i < extractors.length; i++)
        values[i] = extractors[i](row);
      const occurred = values[occurredIndex] as number | null;
      if (occurred === null) {
        throw new Reject(
          columnOf(profile.fields.occurred_at),
          'missing_required',
          'occurred_at is required and the cell is empty',
        );
      }
      const latest = now() + FUTURE_SLACK_MS;
      for (const index of allTimeIndexes) {
        const at = values[index] as number | null;
        if (at !== null && at > latest) {
          const name = VALUE_FIELDS[index];
          throw new Reject(
            columnOf(profile.fields[name] as TimestampField),
            'future_date',
            `${name} ${local(at)} is in the future`,
          );
        }
      }
      let previous = -1;
      for (const index of timeIndexes) {
        const at = values[index] as number | null;
        if (at === null) continue;
        const before = values[previous] as number;
        if (previous >= 0 && at < before) {
          throw new Reject(
            columnOf(profile.fields[VALUE_FIELDS[index]] as TimestampField),
            'time_order',
            `${VALUE_FIELDS[index]} (${local(at)}) is before ${VALUE_FIELDS[previous]} (${local(before)})`,
          );
        }
        previous = index;
      }
      // The order check above keeps these from being negative.
      for (const { index, from, to } of spans) {
        const start = values[from] as number | null;
        const end = values[to] as number | null;
        values[index] =
          start === null || end === null
            ? null
            : Math.round((end - start) / 60_000);
      }
      if (birthDate >= 0 && values[birthDate] !== null)
        values[birthDate] = ageBandAt(
          values[birthDate] as number,
          zone.toWall(occurred),
          profile.fields.age_band?.column as string,
        );
      let areaPath: MappedEncounter['areaPath'] = null;
      if (areaCells.length) {
        const code = upper(areaCells[0](row));
        if (code && !unknownAreas.has(code)) {
          areaPath = [{ code, level: areaLevels[0].level }];
          for (let i = 1; i < areaCells.length; i++) {
            const levelCode = upper(areaCells[i](row));
            if (!levelCode || unknownAreas.has(levelCode)) break;
            areaPath.push({ code: levelCode, level: areaLevels[i].level });
          }
        }
      }
      let person: string | null = null;
      if (personCells.length) {
        let identity = '';
        let given = false;
        let unknown = false;
        for (let i = 0; i < personCells.length; i++) {
          const part = normalize(personCells[i](row));
          given ||= part !== '';
          unknown ||= unknownPeople.has(part);
          identity = i === 0 ? part : `${identity}\u001f${part}`;
        }
        if (given && !unknown) person = identity;
      }
      return {
        kind: 'encounter',
        recordId,
        values,
        areaPath,
        person,
        timePrecision: precisionOf(row),
        referrals: referralReaders.length ? readReferrals(row) : null,
      };
    } catch (error) {
      if (error instanceof Reject)
        return {
          kind: 'reject',
          column: error.column,
          reason: error.reason,
          detail: error.detail,
        };
      throw error;
    }
  };
}

/** Whether any of the conditions holds for the row (a loop: no closure per row). */
function anyHolds(conditions: ((row: string[]) => boolean)[], row: string[]) {
  for (const holds of conditions) if (holds(row)) return true;
  return false;
}

/**
 * A header without columns the profile reads. When most of them are missing
 * the row is likely not the header but data (a wrong `headerRow`), which may
 * hold a person's name: its cells are then not repeated in the message.
 */
function headerError(
  profile: ImportProfile,
  names: string[],
  found: Set<string>,
  missing: Map<string, string>,
): ImportFileError {
  const list = (columns: [string, string][]) =>
    columns.map(([c, usedBy]) => `"${c}" (used by ${usedBy})`).join(', ');
  if (missing.size > found.size) {
    const { headerRow } = profile.file;
    return new ImportFileError(
      `Row ${headerRow} of the file, read as its header (file.headerRow: ${headerRow}, counting non-blank rows), lacks ${missing.size} of the ${missing.size + found.size} columns the profile reads: ${list([...missing].slice(0, 5))}${missing.size > 5 ? ', ...' : ''}. Is the header on another row? Its cells are not shown, as a row of data may identify a person.`,
    );
  }
  // Header names spelled like a missing column ("Incident.Date" for "Incident Date").
  const near = [...missing.keys()].flatMap((column) => {
    const name = nearestName(column, names);
    if (name === undefined) return [];
    return missing.size === 1 ? [`"${name}"`] : [`"${name}" for "${column}"`];
  });
  return new ImportFileError(
    `${missing.size === 1 ? 'Column' : 'Columns'} ${list([...missing])} ${missing.size === 1 ? 'is' : 'are'} not in the file's header.${near.length ? ` Did you mean ${near.join(', ')}?` : ''} The header has: ${names.map((n) => `"${n}"`).join(', ')}`,
  );
}

/**
 * The time precision of a row: the profile's, or coarser where the cells of
 * `occurred_at` leave out part of it. A date with an empty time is known to
 * the day; a year and month with an empty day to the month, with a day but an
 * empty hour to the day.
 */
function rowPrecision(
  profile: ImportProfile,
  cell: (c: string, u: string) => Cell,
  occurredRead: { timed: boolean },
): (row: string[]) => TimePrecision {
  const stated = profile.timePrecision;
  const coarser = (precision: TimePrecision) =>
    TIME_PRECISIONS.indexOf(precision) > TIME_PRECISIONS.indexOf(stated)
      ? precision
      : stated;
  const { column, format, time, day, hour } = profile.fields.occurred_at;
  const read = (column: string | undefined) =>
    column === undefined ? undefined : cell(column, 'fields.occurred_at');
  const readTime = read(time?.column);
  const readDay = read(day);
  const readHour = read(hour);
  const untimed = coarser('day');
  const undated = coarser('month');
  // A cell the format of a date alone reads (`2024-03-05` as ISO, or with
  // the `M/d/yyyy` of a list) is known to the day; occurred_at is read
  // before this is asked.
  if (
    column !== undefined &&
    untimed !== stated &&
    formatList(format).some((f) => f === 'iso' || !readsTimeOfDay(f))
  )
    return () => (occurredRead.timed ? stated : untimed);
  if (readTime) return (row) => (readTime(row) ? stated : untimed);
  if (readDay)
    return (row) =>
      !readDay(row) ? undated : readHour && !readHour(row) ? untimed : stated;
  return () => stated;
}

function columnOf(field: TimestampField | undefined): string | null {
  return field?.column ?? field?.date?.column ?? field?.year ?? null;
}

const DAY_MS = 86_400_000;
/**
 * What parts a format leaves out come from this date, and two-digit years
 * land in the century nearest to it: 00-49 are 2000-2049, 50-99 are 1950-1999.
 */
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const ISO_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;

/**
 * A point in time read from text: wall-clock time (read as if UTC), or an
 * instant when the text carried its offset; `timed` when the text gave a
 * time of day, not only a date.
 */
interface ReadTime {
  ms: number;
  instant: boolean;
  timed: boolean;
}

/**
 * The one ReadTime every read fills in and returns: a read's result holds
 * until the next read, so reading a million cells allocates nothing.
 */
const lastRead: ReadTime = { ms: NaN, instant: false, timed: false };

function readAs(ms: number, instant: boolean, timed: boolean): ReadTime {
  lastRead.ms = ms;
  lastRead.instant = instant;
  lastRead.timed = timed;
  return lastRead;
}

/** Milliseconds of a wall time read as if UTC, or NaN when a part is out of range. */
function utcWall(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  fraction = '',
): number {
  // Date.UTC would read the years 0-99 as 1900-1999.
  return year >= 100 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour < 24 &&
    minute < 60 &&
    second < 60
    ? Date.UTC(
        year,
        month - 1,
        day,
        hour,
        minute,
        second,
        fraction ? Number(fraction.padEnd(3, '0').slice(0, 3)) : 0,
      )
    : NaN;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** The number written by `count` ASCII digits of text from `start`, or NaN. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * The shape exports write by the million, `2023-01-01T00:08:00` with no
 * offset, `Z` or `-06:00`, read without the regular expression; anything
 * else (or a part out of range) is left to ISO_DATE_TIME. Same results.
 */
function readIsoSeconds(text: string): ReadTime | undefined {
  const length = text.length;
  const separator = text.charCodeAt(10);
  if (
    (length !== 19 && length !== 20 && length !== 25) ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    (separator !== 84 && separator !== 116 && separator !== 32) || // T t space
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  )
    return undefined;
  const wall = utcWall(
    digitsAt(text, 0, 4),
    digitsAt(text, 5, 2),
    digitsAt(text, 8, 2),
    digitsAt(text, 11, 2),
    digitsAt(text, 14, 2),
    digitsAt(text, 17, 2),
  );
  if (Number.isNaN(wall)) return undefined;
  if (length === 19) return readAs(wall, false, true);
  const sign = text.charCodeAt(19);
  if (length === 20)
    return sign === 90 || sign === 122 // Z z
      ? readAs(wall, true, true)
      : undefined;
  const minutes = digitsAt(text, 20, 2) * 60 + digitsAt(text, 23, 2);
  if (
    (sign !== 43 && sign !== 45) ||
    text.charCodeAt(22) !== 58 ||
    !(minutes >= 0)
  )
    return undefined;
  return readAs(wall - (sign === 45 ? -1 : 1) * minutes * 60_000, true, true);
}

/** ISO 8601 date or date-time (`T` or a space between), with or without an offset. */
function readIso(text: string): ReadTime {
  const fast = readIsoSeconds(text);
  if (fast) return fast;
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return readAs(NaN, false, false);
  const [, y, mo, d, h, mi, sec, fraction, offset] = m;
  const timed = h !== undefined;
  const wall = utcWall(
    +y,
    +mo,
    +d,
    +(h ?? 0),
    +(mi ?? 0),
    +(sec ?? 0),
    fraction,
  );
  if (!offset) return readAs(wall, false, timed);
  if (offset.toUpperCase() === 'Z') return readAs(wall, true, timed);
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = +digits.slice(0, 2) * 60 + +(digits.slice(2) || 0);
  return readAs(wall - sign * minutes * 60_000, true, timed);
}

/** A clock time as milliseconds since midnight. */
function readClock(text: string, format: string, isoToo: boolean): number {
  if (format !== 'iso') {
    const ms = parseDate(text, format, REFERENCE_DATE, { in: utc }).getTime();
    if (!Number.isNaN(ms)) return ms - Math.floor(ms / DAY_MS) * DAY_MS;
    if (!isoToo) return NaN;
  }
  const m = ISO_TIME.exec(text);
  if (!m) return NaN;
  const [, h, mi, sec, fraction] = m;
  return utcWall(1970, 1, 1, +h, +mi, +(sec ?? 0), fraction);
}

/**
 * A date or date-time in the given format. A date-fns format with an offset
 * token (X or x) or a Unix time (t, T) reads an instant; any other reads
 * wall-clock time. With
 * `isoToo`, text the format does not match is also tried as ISO 8601: that
 * is how the date cells of a spreadsheet are read.
 */
function readTime(text: string, format: string, isoToo: boolean): ReadTime {
  if (format === 'iso') return readIso(text);
  const ms = parseDate(text, format, REFERENCE_DATE, { in: utc }).getTime();
  if (Number.isNaN(ms) && isoToo) return readIso(text);
  const { instant, timed } = formatTraits(format);
  return readAs(ms, instant, timed);
}

const traits = new Map<string, { instant: boolean; timed: boolean }>();

/** Whether a date-fns format reads an instant (an offset or Unix time) and whether it reads a time of day. */
function formatTraits(format: string): { instant: boolean; timed: boolean } {
  let known = traits.get(format);
  if (!known) {
    known = {
      instant: /[XxtT]/.test(dateFormatLetters(format)),
      timed: readsTimeOfDay(format),
    };
    traits.set(format, known);
  }
  return known;
}

/**
 * A date before FIRST_YEAR is a misreading (`3/5/24` read with `yyyy` is
 * the year 24); one far ahead is a future_date. A year column is read from
 * FIRST_YEAR to LAST_YEAR.
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
const EARLIEST_MS = Date.UTC(FIRST_YEAR, 0, 1);

/**
 * The date (and time) the first of the formats reads from the text with a
 * year from FIRST_YEAR on, or a reject naming what went wrong.
 */
function readDateCell(
  text: string,
  formats: string[],
  isoToo: boolean,
  column: string,
): ReadTime {
  let misread: { format: string; year: number } | undefined;
  for (const format of formats) {
    const time = readTime(text, format, isoToo);
    if (time.ms >= EARLIEST_MS) return time;
    if (!misread && !Number.isNaN(time.ms))
      misread = { format, year: new Date(time.ms).getUTCFullYear() };
  }
  throw new Reject(
    column,
    'invalid_date',
    misread
      ? `"${text}" in "${column}" reads as the year ${misread.year} with the format ${misread.format}; a year before ${FIRST_YEAR} is taken as a misreading (a two-digit year is "yy")`
      : `"${text}" in "${column}" does not match the date format ${formats.join(' or ')}`,
  );
}

function compileTimestamp(
  field: TimestampField,
  usedBy: string,
  cell: (c: string, u: string) => Cell,
  zone: ZoneOffsets,
  isoToo: boolean,
  /** Told, for a `column`, whether the cell gave a time of day. */
  read?: { timed: boolean },
): Extract {
  if (field.column) {
    const readCell = cell(field.column, usedBy);
    const formats = formatList(field.format);
    const column = field.column;
    return (row) => {
      const text = readCell(row);
      if (!text) return null;
      const time = readDateCell(text, formats, isoToo, column);
      if (read) read.timed = time.timed;
      return time.instant ? time.ms : zone.toUtc(time.ms);
    };
  }
  if (field.date && field.time) {
    const { date, time } = field;
    const readDate = cell(date.column, usedBy);
    const readTimeCell = cell(time.column, usedBy);
    const dateFormats = formatList(date.format);
    const timeFormats = formatList(time.format);
    return (row) => {
      const dateText = readDate(row);
      if (!dateText) return null;
      const day = readDateCell(dateText, dateFormats, isoToo, date.column);
      // A date with an offset (open data writing local midnight in UTC) is
      // the date that instant is in the zone.
      const wall = day.instant ? zone.toWall(day.ms) : day.ms;
      const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
      const timeText = readTimeCell(row);
      if (!timeText) return zone.toUtc(midnight);
      let clock = NaN;
      for (const format of timeFormats) {
        clock = readClock(timeText, format, isoToo);
        if (!Number.isNaN(clock)) break;
      }
      if (Number.isNaN(clock))
        throw new Reject(
          time.column,
          'invalid_date',
          `"${timeText}" in "${time.column}" does not match the time format ${timeFormats.join(' or ')}`,
        );
      return zone.toUtc(midnight + clock);
    };
  }
  const readYear = cell(field.year as string, usedBy);
  const readMonth = cell(field.month as string, usedBy);
  const readDay = field.day ? cell(field.day, usedBy) : undefined;
  const readHour = field.hour ? cell(field.hour, usedBy) : undefined;
  /** A whole number from min to max in the column, or an invalid_date. */
  const whole = (
    text: string,
    column: string,
    [min, max]: [number, number],
    what: string,
  ) => {
    const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max))
      throw new Reject(
        column,
        'invalid_date',
        `"${text}" in "${column}" is not ${what}`,
      );
    return n;
  };
  return (row) => {
    const yearText = readYear(row);
    const monthText = readMonth(row);
    if (!yearText && !monthText) return null;
    const year = Number(yearText);
    const monthNumber = /^\d+$/.test(monthText)
      ? Number(monthText)
      : MONTHS.findIndex(
          (m) => monthText.length >= 3 && m.startsWith(monthText.toLowerCase()),
        ) + 1;
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new Reject(
        field.year as string,
        'invalid_date',
        `"${yearText}" in "${field.year}" is not a year`,
      );
    }
    if (monthNumber < 1 || monthNumber > 12) {
      throw new Reject(
        field.month as string,
        'invalid_date',
        `"${monthText}" in "${field.month}" is not a month`,
      );
    }
    // An empty day gives the 1st, an empty hour midnight (see precisionOf).
    const dayText = readDay?.(row) ?? '';
    const day = dayText
      ? whole(
          dayText,
          field.day as string,
          [1, daysInMonth(year, monthNumber)],
          `a day of ${year}-${String(monthNumber).padStart(2, '0')}`,
        )
      : 1;
    const hourText = (dayText && readHour?.(row)) || '';
    const hour = hourText
      ? whole(hourText, field.hour as string, [0, 23], 'an hour (0-23)')
      : 0;
    return zone.toUtc(Date.UTC(year, monthNumber - 1, day, hour));
  };
}

const AGE = /^\d+(?:\.\d+)?$/;
const OLDEST = 120;

/**
 * age_band: with a `format`, a date of birth (made the band at occurred_at
 * once that is read); otherwise bands as written, and an age in years
 * (`34`, or `34.0` from a spreadsheet) put in its band (`25-34`), as ages
 * are not kept.
 */
function compileAgeBand(
  field: ValueField,
  type: EncounterFieldType,
  cell: (c: string, u: string, extract?: string) => Cell,
  isoToo: boolean,
): Extract {
  if (field.format) return compileBirthDate(field, cell, isoToo);
  const extract = compileValue(field, type, 'fields.age_band', cell);
  const column = field.column;
  return (row) => {
    const value = extract(row);
    if (typeof value !== 'string' || !AGE.test(value)) return value;
    const years = Number(value);
    if (years > OLDEST)
      throw new Reject(
        column ?? null,
        'invalid_number',
        `"${value}"${column ? ` in "${column}"` : ''} is not an age in years (0-${OLDEST}); a code for an unknown age goes in "unknown"`,
      );
    return ageBandOf(Math.floor(years));
  };
}

/** A date of birth (`age_band` with a `format`) as its wall-clock midnight, for ageBandAt. */
function compileBirthDate(
  field: ValueField,
  cell: (c: string, u: string, extract?: string) => Cell,
  isoToo: boolean,
): Extract {
  const column = field.column as string;
  const read = cell(column, 'fields.age_band', field.extract);
  const formats = formatList(field.format);
  const unknown = new Set(
    (field.unknown ?? []).map((u) => u.trim().toLowerCase()),
  );
  return (row) => {
    const text = read(row);
    if (!text || unknown.has(lower(text))) return null;
    try {
      return readDateCell(text, formats, isoToo, column).ms;
    } catch {
      // A date of birth identifies a person: the detail does not repeat it.
      throw new Reject(
        column,
        'invalid_date',
        `the date of birth in "${column}" does not match the date format ${formats.join(' or ')}`,
      );
    }
  };
}

/** The age band of someone born on `born` at `at` (both wall-clock time). */
function ageBandAt(born: number, at: number, column: string): string {
  const birth = new Date(born);
  const now = new Date(at);
  // One year less before the birthday: (month, day) compared as one number.
  const years =
    now.getUTCFullYear() -
    birth.getUTCFullYear() -
    (now.getUTCMonth() * 32 + now.getUTCDate() <
    birth.getUTCMonth() * 32 + birth.getUTCDate()
      ? 1
      : 0);
  if (born > at || years > OLDEST)
    throw new Reject(
      column,
      'invalid_date',
      `the date of birth in "${column}" ${born > at ? 'is after occurred_at' : `gives an age of ${years} at occurred_at`}`,
    );
  return ageBandOf(years);
}

function compileValue(
  field: ValueField,
  type: EncounterFieldType,
  usedBy: string,
  cell: (c: string, u: string, extract?: string) => Cell,
): Extract {
  // YAML reads 911 as a number; enumeration and text values are text.
  const typed = (value: FieldValue): FieldValue =>
    typeof value === 'number' && (type.kind === 'enum' || type.kind === 'text')
      ? String(value)
      : value;
  if (field.constant !== undefined) {
    const constant = typed(field.constant);
    return () => constant;
  }
  // Filled in from the row's timestamps once they are read and checked.
  if (field.between) return () => null;
  const column = field.column as string;
  const read = cell(column, usedBy, field.extract);
  const map = new Map(
    Object.entries(field.map ?? {}).map(([raw, value]) => [
      raw.trim().toLowerCase(),
      typed(value),
    ]),
  );
  const rules = (field.rules ?? []).map((rule) => ({
    read: rule.column === undefined ? undefined : cell(rule.column, usedBy),
    pattern: new RegExp(rule.match, 'i'),
    value: typed(rule.value),
  }));
  const unknown = new Set(
    (field.unknown ?? []).map((u) => u.trim().toLowerCase()),
  );
  const fallback =
    field.default === undefined ? undefined : typed(field.default);
  // A value listed as unknown counts as an empty cell; an empty cell is
  // unknown (null) unless the map gives "" a value or a rule on another
  // column matches. Rules never match an empty cell.
  return (row) => {
    let raw = read(row);
    if (unknown.size && unknown.has(lower(raw))) raw = '';
    if (map.size) {
      const value = map.get(lower(raw));
      if (value !== undefined) return value;
    }
    for (const rule of rules) {
      const text = rule.read ? rule.read(row) : raw;
      if (text !== '' && rule.pattern.test(text)) return rule.value;
    }
    if (raw === '') return null;
    if (fallback !== undefined) return fallback;
    return type.kind === 'integer'
      ? readMinutes(raw, field.unit ?? 'minutes', column)
      : convert(raw, type, column);
  };
}

type DurationUnit = (typeof DURATION_UNITS)[number];
const MINUTES_PER: Record<DurationUnit, number> = {
  seconds: 1 / 60,
  minutes: 1,
  hours: 60,
};
const CLOCK_DURATION = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;
/** The most minutes the record holds (a PostgreSQL integer). */
const MOST_MINUTES = 2_147_483_647;

/**
 * A duration as whole minutes (rounded): a number of the unit (`45`, `0.75`
 * hours, `2700` seconds), or a clock duration `h:mm` or `h:mm:ss`.
 */
function readMinutes(raw: string, unit: DurationUnit, column: string): number {
  const clock = CLOCK_DURATION.exec(raw);
  const minutes = clock
    ? Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60
    : /^\d*\.?\d+$/.test(raw)
      ? Number(raw) * MINUTES_PER[unit]
      : NaN;
  const whole = Math.round(minutes);
  if (!(whole <= MOST_MINUTES))
    throw new Reject(
      column,
      'invalid_number',
      `"${raw}" in "${column}" is not a duration: a number of ${unit} or h:mm(:ss)`,
    );
  return whole;
}

const BOOLEAN_TEXT = new Map<string, boolean>([
  ['true', true],
  ['t', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['false', false],
  ['f', false],
  ['no', false],
  ['n', false],
  ['0', false],
]);

/** Raw text that no map, rule or default matched, read as the field's type. */
function convert(
  raw: string,
  type: EncounterFieldType,
  column: string,
): FieldValue {
  switch (type.kind) {
    case 'text':
      return raw;
    case 'number': {
      const value = Number(raw);
      if (!Number.isFinite(value))
        throw new Reject(
          column,
          'invalid_number',
          `"${raw}" in "${column}" is not a number`,
        );
      return value;
    }
    case 'boolean': {
      const value = BOOLEAN_TEXT.get(lower(raw));
      if (value === undefined)
        throw new Reject(
          column,
          'invalid_boolean',
          `"${raw}" in "${column}" is not yes/no; map it in the profile`,
        );
      return value;
    }
    case 'enum': {
      const value = lower(raw);
      if (type.values.includes(value)) return value;
      throw new Reject(
        column,
        'unmapped_value',
        `"${raw}" in "${column}" is not mapped to one of ${type.values.join(', ')}`,
      );
    }
    default:
      throw new Error(`no conversion for ${type.kind}`);
  }
}
