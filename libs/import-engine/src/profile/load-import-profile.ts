import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import {
  ENCOUNTER_FIELDS,
  type EncounterFieldType,
  REFERRAL_FIELDS,
  TIME_PRECISIONS,
  type TimePrecision,
} from '@crosswalk/domain';
import { format as formatDate, isValid, parse as parseDate } from 'date-fns';
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  stringify,
} from 'yaml';
import {
  ZodDiscriminatedUnion,
  type ZodIssue,
  ZodObject,
  type ZodTypeAny,
} from 'zod';

import {
  CHAIN_TIMESTAMPS,
  type ChainTimestamp,
  type ImportProfile,
  importProfileSchema,
  type TimestampField,
  type ValueField,
} from './import-profile.schema';
import { nearestName } from './nearest-name';

export interface LoadedImportProfile {
  /** Profile name: the file name without .yaml. */
  name: string;
  path: string;
  profile: ImportProfile;
}

/**
 * What an unknown key likely meant, by the map it is in (its path without
 * list positions), where its spelling alone does not tell: keys of one file
 * format given for the other, and the domain guide's name for a field.
 */
const KEY_HINTS: Record<string, Record<string, string>> = {
  file: {
    delimiter: ' (an XLSX workbook has none: it is a key of CSV files)',
    quote: ' (an XLSX workbook has none: it is a key of CSV files)',
    encoding: ' (an XLSX workbook has none: it is a key of CSV files)',
    sheet: ' (it is a key of XLSX workbooks: add format: xlsx)',
  },
  'fields.referrals': { type: ' (a referral\'s type is "referral_type")' },
};

/** A profile that cannot be used; the message names the file, line and key. */
export class ImportProfileError extends Error {}

/** Shipped profiles, one YAML file each. */
export function shippedProfilesDir(root: string): string {
  return join(root, 'import-profiles');
}

export function listImportProfiles(dir: string): LoadedImportProfile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => loadImportProfile(join(dir, file), dir));
}

/**
 * Loads a profile by shipped name or by path, validating its shape and its
 * meaning before any data file is read.
 */
export function loadImportProfile(
  nameOrPath: string,
  dir: string,
  cwd = process.cwd(),
): LoadedImportProfile {
  const byPath = /[/\\]|\.ya?ml$/.test(nameOrPath);
  const path = byPath
    ? resolve(cwd, nameOrPath)
    : join(dir, `${nameOrPath}.yaml`);
  if (!existsSync(path)) {
    if (byPath) throw new ImportProfileError(`No profile file at ${path}.`);
    const available = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => f.slice(0, -5))
      : [];
    throw new ImportProfileError(
      `Unknown import profile "${nameOrPath}". Available profiles: ${available.join(', ') || 'none'} (or give a path to a .yaml file).`,
    );
  }
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const where = (offset: number | undefined) =>
    `${path}${offset === undefined ? '' : ` line ${lineCounter.linePos(offset).line}`}`;
  if (doc.errors.length) {
    throw new ImportProfileError(
      `${where(doc.errors[0].pos[0])}: YAML syntax error: ${doc.errors[0].message.split('\n')[0]}`,
    );
  }

  const fail = (
    path: (string | number)[],
    message: string,
    key?: string,
  ): never => {
    const offset = offsetOf(doc, path, key);
    const at = path.join('.') || '(top level)';
    throw new ImportProfileError(
      `${where(offset)}: ${key !== undefined ? `${at}: ${message}` : `${at} ${message}`}`,
    );
  };

  const parsed = importProfileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const { issues } = parsed.error;
    // A misspelt key is also a missing one: the misspelling is the news.
    const issue: ZodIssue =
      issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      const meant = closestKey(issue.path, key);
      const hints =
        KEY_HINTS[issue.path.filter((s) => typeof s === 'string').join('.')];
      const hint =
        hints && Object.hasOwn(hints, key)
          ? hints[key]
          : meant
            ? ` (did you mean "${meant}"?)`
            : '';
      fail(issue.path, `unknown key "${key}"${hint}`, key);
    }
    if (issue.code === 'invalid_type') {
      if (issue.received === 'undefined')
        fail(
          issue.path.slice(0, -1),
          `is missing required key "${String(issue.path.at(-1))}"`,
        );
      const value = issue.path.reduce<unknown>(
        (node, step) => (node as Record<string, unknown> | null)?.[step],
        doc.toJS(),
      );
      const wanted = TYPE_NAMES[issue.expected];
      if (wanted)
        fail(
          issue.path,
          `must be ${issue.expected === 'array' && typeof value === 'string' ? `a list, as ${asFlowList(value)}` : wanted}, got ${JSON.stringify(value)}`,
        );
    }
    fail(
      issue.path,
      issue.message.charAt(0).toLowerCase() + issue.message.slice(1),
    );
  }
  const profile = parsed.data as ImportProfile;
  checkMeaning(profile, fail);
  return { name: basename(path).replace(/\.ya?ml$/, ''), path, profile };
}

type Fail = (path: (string | number)[], message: string, key?: string) => never;

/** How a type the profile's schema expects is named in an error. */
const TYPE_NAMES: Partial<Record<string, string>> = {
  array: 'a list',
  object: 'a map of keys',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** Every key path the profile format accepts, e.g. fields.area.parents.level. */
export const PROFILE_KEYS = schemaKeys(importProfileSchema);

function schemaKeys(schema: ZodTypeAny, prefix = ''): string[] {
  let inner: ZodTypeAny = schema;
  for (;;) {
    const def = inner._def as {
      innerType?: ZodTypeAny;
      schema?: ZodTypeAny;
      type?: ZodTypeAny;
      typeName: string;
    };
    if (def.innerType) inner = def.innerType;
    else if (def.typeName === 'ZodEffects' && def.schema) inner = def.schema;
    else if (def.typeName === 'ZodArray' && def.type) inner = def.type;
    else break;
  }
  if (inner instanceof ZodDiscriminatedUnion)
    return [
      ...new Set(
        (inner.options as ZodTypeAny[]).flatMap((o) => schemaKeys(o, prefix)),
      ),
    ];
  if (!(inner instanceof ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, ZodTypeAny>).flatMap(
    ([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...schemaKeys(value, path)];
    },
  );
}

/** The key of the map at `path` nearest in spelling to an unknown one, if one is near. */
function closestKey(
  path: (string | number)[],
  unknown: string,
): string | undefined {
  const at = path.filter((step) => typeof step === 'string').join('.');
  const keys = PROFILE_KEYS.filter((k) => !at || k.startsWith(`${at}.`))
    .map((k) => k.slice(at ? at.length + 1 : 0))
    .filter((k) => !k.includes('.'));
  return nearestName(unknown, keys);
}

/**
 * Where a path (or a key of the map at a path) starts in the YAML text. Keys
 * are compared as text, because YAML reads `911:` as a number; when a node
 * has no position of its own, the nearest enclosing one is used.
 */
function offsetOf(
  doc: Document,
  path: (string | number)[],
  key?: string,
): number | undefined {
  const matches = (item: unknown, name: string | number) =>
    isPair(item) &&
    isScalar(item.key) &&
    String(item.key.value) === String(name);
  const nodeAt = (at: (string | number)[]): unknown => {
    let node: unknown = doc.contents;
    for (const step of at) {
      if (isMap(node)) node = node.items.find((i) => matches(i, step))?.value;
      else if (isSeq(node) && typeof step === 'number') node = node.items[step];
      else return undefined;
    }
    return node;
  };
  if (key !== undefined) {
    const node = nodeAt(path);
    const pair = isMap(node)
      ? node.items.find((i) => matches(i, key))
      : undefined;
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = nodeAt(path.slice(0, depth));
    const range = (node as { range?: [number] } | undefined)?.range;
    if (range) return range[0];
  }
  return undefined;
}

/** Rules the shape cannot express: one source per field, valid formats, values of the right type. */
function checkMeaning(profile: ImportProfile, fail: Fail) {
  for (const [path, zone] of [
    [['agency', 'timeZone'], profile.agency.timeZone],
    [['timeZone'], profile.timeZone],
  ] as const) {
    if (zone !== undefined && !isTimeZone(zone))
      fail([...path], `is not an IANA time zone: "${zone}"`);
  }
  const identifiers = new Set(profile.fields.person_key?.columns ?? []);
  profile.recordId.columns.forEach((column, i) => {
    if (identifiers.has(column))
      fail(
        ['recordId', 'columns', i],
        `"${column}" is a person_key column: the record id is stored as written, so it must not hold a person's identifiers`,
      );
  });
  // An area is its level and its code, so a path names each level once.
  const area = profile.fields.area;
  area?.parents.forEach(({ level }, i) => {
    const below = [area.level, ...area.parents.slice(0, i).map((p) => p.level)];
    if (below.includes(level))
      fail(
        ['fields', 'area', 'parents', i, 'level'],
        `is a ${level}, a level already named below it: each parent is a coarser level than the areas it holds`,
      );
  });
  for (const key of ['filter', 'exclude'] as const) {
    profile[key]?.forEach((condition, i) => {
      if (!condition.matches && !condition.equals)
        fail([key, i], 'needs "matches" or "equals"');
    });
  }
  for (const [name, field] of Object.entries(profile.fields)) {
    if (!field) continue;
    const path = ['fields', name];
    if (name === 'area' || name === 'person_key' || name === 'referrals')
      continue;
    const type: EncounterFieldType =
      ENCOUNTER_FIELDS[name as keyof typeof ENCOUNTER_FIELDS];
    if (type.kind === 'timestamp') {
      const timestamp = field as TimestampField;
      checkTimestamp(timestamp, path, fail);
      // A year and a month say nothing finer; a finer claim would put every
      // encounter at midnight on the 1st in hourly and daily views.
      if (timestamp.year !== undefined) {
        const [parts, finest]: [string, TimePrecision] =
          timestamp.hour !== undefined
            ? ['a year, a month, a day and an hour', 'hour']
            : timestamp.day !== undefined
              ? ['a year, a month and a day', 'day']
              : ['a year and a month', 'month'];
        const allowed = TIME_PRECISIONS.slice(TIME_PRECISIONS.indexOf(finest));
        if (!allowed.includes(profile.timePrecision))
          fail(
            path,
            `is read from ${parts}, so timePrecision must be ${allowed.map((p) => `"${p}"`).join(' or ')} (it is "${profile.timePrecision}")`,
          );
      }
      // Likewise a date without a time of day puts every encounter at
      // midnight. (A list that also reads times makes the rows it reads as
      // a date alone known to the day.)
      const formats = formatList(timestamp.format);
      if (
        name === 'occurred_at' &&
        timestamp.column !== undefined &&
        formats.every(
          (format) => format !== 'iso' && !readsTimeOfDay(format),
        ) &&
        !['day', 'month'].includes(profile.timePrecision)
      )
        fail(
          path,
          `is a date without a time of day ("${formats.join('", "')}"), so timePrecision must be "day" (it is "${profile.timePrecision}")`,
        );
    } else
      checkValueField(field as ValueField, type, path, profile.fields, fail);
  }
  profile.fields.referrals?.forEach((referral, i) => {
    const path = ['fields', 'referrals', i];
    const mapped = Object.entries(referral);
    if (!mapped.some(([, field]) => field.column !== undefined))
      fail(
        path,
        'needs a field read from a "column": a row gives the referral when such a field has a value',
      );
    for (const [name, field] of mapped)
      checkValueField(
        field,
        REFERRAL_FIELDS[name as keyof typeof REFERRAL_FIELDS],
        [...path, name],
        profile.fields,
        fail,
      );
  });
}

function checkTimestamp(field: TimestampField, path: string[], fail: Fail) {
  const sources = [
    field.column !== undefined,
    field.date !== undefined || field.time !== undefined,
    field.year !== undefined || field.month !== undefined,
  ];
  if (sources.filter(Boolean).length !== 1) {
    fail(
      path,
      'needs exactly one source: "column" (with "format"), "date" and "time", or "year" and "month" (with "day" and "hour")',
    );
  }
  if (field.day !== undefined && field.year === undefined)
    fail(path, '"day" goes with "year" and "month"', 'day');
  if (field.hour !== undefined && field.day === undefined)
    fail(path, '"hour" goes with "year", "month" and "day"', 'hour');
  if ((field.date === undefined) !== (field.time === undefined))
    fail(path, 'needs both "date" and "time"');
  if ((field.year === undefined) !== (field.month === undefined))
    fail(path, 'needs both "year" and "month"');
  if (field.format !== undefined && field.column === undefined)
    fail(path, '"format" goes with "column"', 'format');
  checkDateFormats(field.format, [...path, 'format'], fail);
  checkDateFormats(field.date?.format, [...path, 'date', 'format'], fail);
  checkDateFormats(field.time?.format, [...path, 'time', 'format'], fail);
}

/** A `format`: one date format, or each of a list (named by its position). */
function checkDateFormats(
  format: string | string[] | undefined,
  at: (string | number)[],
  fail: Fail,
) {
  if (typeof format === 'string') checkDateFormat(format, at, fail);
  else format?.forEach((f, i) => checkDateFormat(f, [...at, i], fail));
}

/** A profile's `format`: one, or several tried in order (`iso` when none is given). */
export const formatList = (format: string | string[] | undefined) =>
  typeof format === 'string' ? [format] : (format ?? ['iso']);

/**
 * A date-fns pattern must format and parse back; `iso` means ISO 8601. Two
 * slips that parse without error but read the wrong thing are refused too:
 * a 12-hour clock without AM/PM, and minutes (`mm`) where months (`MM`) were
 * meant.
 */
export function checkDateFormat(
  pattern: string,
  path: (string | number)[],
  fail: Fail,
) {
  if (pattern === 'iso') return;
  const unusable = (reason: string) =>
    fail(path, `is not a usable date format "${pattern}": ${reason}`);
  const letters = dateFormatLetters(pattern);
  // date-fns refuses these too, but only after printing a warning.
  if (letters.includes('Y'))
    unusable('"Y" is the week-numbering year; the calendar year is "y"');
  if (letters.includes('D'))
    unusable('"D" is the day of the year; the day of the month is "d"');
  const sample = new Date(2023, 10, 4, 18, 8, 26);
  try {
    const back = parseDate(formatDate(sample, pattern), pattern, sample);
    if (!isValid(back)) throw new Error('it does not parse what it formats');
  } catch (error) {
    unusable((error as Error).message.split('. ')[0]);
  }
  if (/[hK]/.test(letters) && !/[aB]/.test(letters))
    unusable(
      '"h" is the 12-hour clock and needs "a" for AM/PM; use "H" for the 24-hour clock',
    );
  if (letters.includes('m') && !/[hHkK]/.test(letters))
    unusable('"m" is minutes and there is no hour; months are "M"');
}

/** The pattern letters of a date-fns format, without quoted literal text. */
export function dateFormatLetters(pattern: string): string {
  return pattern.replace(/'(?:[^']|'')*'?/g, '').replace(/[^A-Za-z]/g, '');
}

/** Whether a date-fns format reads a time of day (an hour, or a Unix time). */
export const readsTimeOfDay = (format: string) =>
  /[hHkKtT]/.test(dateFormatLetters(format));

/** A value field of the record (`fields.<name>`) or of one of its referrals (`fields.referrals.<i>.<name>`). */
function checkValueField(
  field: ValueField,
  type: EncounterFieldType,
  path: (string | number)[],
  fields: ImportProfile['fields'],
  fail: Fail,
) {
  const name = String(path.at(-1));
  const sources = [field.column, field.constant, field.between];
  if (sources.filter((source) => source !== undefined).length !== 1) {
    fail(
      path,
      name.endsWith('_minutes')
        ? 'needs exactly one of "column", "constant" or "between"'
        : 'needs exactly one of "column" or "constant"',
    );
  }
  if (field.between) checkBetween(field.between, fields, path, fail);
  if (field.format !== undefined) {
    if (path.join('.') !== 'fields.age_band')
      fail(path, '"format" goes with age_band (a date of birth)', 'format');
    checkDateFormats(field.format, [...path, 'format'], fail);
    for (const key of ['map', 'rules', 'default'] as const)
      if (field[key] !== undefined)
        fail(path, `"${key}" does not go with "format" (a date of birth)`, key);
  }
  if (field.unit !== undefined && type.kind !== 'integer')
    fail(
      path,
      '"unit" goes with officer_minutes and clinician_minutes',
      'unit',
    );
  if (field.constant !== undefined || field.between !== undefined) {
    const source = field.constant !== undefined ? 'constant' : 'between';
    for (const key of [
      'extract',
      'unit',
      'format',
      'map',
      'rules',
      'unknown',
      'default',
    ] as const)
      if (field[key] !== undefined)
        fail(path, `"${key}" goes with "column", not "${source}"`, key);
  }
  const check = (value: unknown, at: (string | number)[]) => {
    if (value === null) return;
    const ok =
      type.kind === 'enum'
        ? (typeof value === 'string' || typeof value === 'number') &&
          type.values.includes(String(value))
        : type.kind === 'boolean'
          ? typeof value === 'boolean'
          : type.kind === 'integer'
            ? Number.isInteger(value) && (value as number) >= 0
            : type.kind === 'number'
              ? typeof value === 'number'
              : typeof value === 'string' || typeof value === 'number';
    if (!ok) {
      const expected =
        type.kind === 'enum'
          ? `one of ${type.values.join(', ')}`
          : type.kind === 'boolean'
            ? 'true or false'
            : type.kind === 'integer'
              ? 'a whole number of minutes'
              : `a ${type.kind}`;
      fail(
        at,
        `must be ${expected} (or null for unknown), got ${JSON.stringify(value)}`,
      );
    }
  };
  if (field.constant !== undefined)
    check(field.constant, [...path, 'constant']);
  if (field.default !== undefined) check(field.default, [...path, 'default']);
  for (const [raw, value] of Object.entries(field.map ?? {}))
    check(value, [...path, 'map', raw]);
  field.rules?.forEach((rule, i) =>
    check(rule.value, [...path, 'rules', i, 'value']),
  );
}

/**
 * `between` gives minutes for the minutes fields, from a mapped timestamp
 * of the chain to a later one: the chain's order check keeps them >= 0.
 */
function checkBetween(
  [from, to]: [ChainTimestamp, ChainTimestamp],
  fields: ImportProfile['fields'],
  path: (string | number)[],
  fail: Fail,
) {
  const at = [...path, 'between'];
  if (!/^fields\.\w+_minutes$/.test(path.join('.')))
    fail(
      at,
      'gives minutes, so it goes with officer_minutes and clinician_minutes',
    );
  else if (CHAIN_TIMESTAMPS.indexOf(from) >= CHAIN_TIMESTAMPS.indexOf(to))
    fail(at, `needs the earlier timestamp first: ${to} comes before ${from}`);
  for (const name of [from, to])
    if (!fields[name])
      fail(at, `reads ${name}, which the profile does not map`);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A one-item YAML flow list, quoted where YAML needs it: ['Case #'], not [Case #], whose ' #' starts a comment. */
function asFlowList(value: string): string {
  return stringify([value], {
    collectionStyle: 'flow',
    flowCollectionPadding: false,
    singleQuote: true,
  }).trim();
}
