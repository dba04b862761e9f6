import { hash } from 'node:crypto';

import { ENCOUNTER_FIELDS } from '@crosswalk/domain';

import {
  type MappedEncounter,
  VALUE_FIELDS,
} from '../mapping/compile-row-mapper';

/** Columns of the staging table, in COPY order. */
export const STAGING_COLUMNS = [
  'source_record_id',
  ...VALUE_FIELDS,
  'area_id',
  'person_key',
  'time_precision',
  'row_hash',
];

const SQL_TYPES: Record<string, string> = {
  timestamp: 'timestamptz',
  boolean: 'boolean',
  text: 'text',
  enum: 'text',
  integer: 'integer',
  number: 'double precision',
};

export const STAGING_TABLE_SQL = `CREATE TEMP TABLE import_staging (
  source_record_id text NOT NULL,
  ${VALUE_FIELDS.map((f) => `${f} ${SQL_TYPES[ENCOUNTER_FIELDS[f].kind]}`).join(',\n  ')},
  area_id uuid,
  person_key bytea,
  time_precision text NOT NULL,
  row_hash text NOT NULL
)`;

/** Escapes text for PostgreSQL's COPY text format. */
export function copyText(value: string): string {
  return /[\\\n\r\t]/.test(value)
    ? value
        .replace(/\\/g, '\\\\')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t')
    : value;
}

const DAY_MS = 86_400_000;
/** 'YYYY-MM-DDT' of recent UTC days: rows of an export share their days. */
const dayPrefixes = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

// The times of one row are often the same instant (received, dispatched).
let lastMs = NaN;
let lastText = '';

/** An instant as ISO 8601 UTC text, as toISOString writes it, without a Date per value. */
export function isoInstant(ms: number): string {
  if (ms === lastMs) return lastText;
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayPrefixes.size >= 10_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const time = ms - day * DAY_MS;
  const milli = time % 1000;
  lastMs = ms;
  lastText = `${prefix}${two(Math.floor(time / 3_600_000))}:${two(Math.floor(time / 60_000) % 60)}:${two(Math.floor(time / 1000) % 60)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  return lastText;
}

const formatters = VALUE_FIELDS.map((field) => {
  const kind = ENCOUNTER_FIELDS[field].kind;
  if (kind === 'timestamp')
    return (value: unknown) => isoInstant(value as number);
  if (kind === 'boolean') return (value: unknown) => (value ? 't' : 'f');
  if (kind === 'integer' || kind === 'number')
    return (value: unknown) => String(value);
  return (value: unknown) => copyText(String(value));
});

/** An encounter as the COPY text of its row. */
export interface StagedRow {
  kind: 'staged';
  recordId: string;
  /** STAGING_COLUMNS without the hash. */
  content: string;
  /** MD5 of the content: an identical re-import is recognised as unchanged without comparing columns. */
  hash: string;
  /** occurred_at, epoch milliseconds. */
  occurred: number;
  /** The row's number and text in the file. */
  row: number;
  raw: string;
}

const OCCURRED = VALUE_FIELDS.indexOf('occurred_at');

/** The encounter's values as COPY text and their MD5. */
export function stageEncounter(
  encounter: MappedEncounter,
  areaId: string | null,
  row: number,
  raw: string,
): StagedRow {
  const parts: string[] = [copyText(encounter.recordId)];
  for (let i = 0; i < formatters.length; i++) {
    const value = encounter.values[i];
    parts.push(value === null ? '\\N' : formatters[i](value));
  }
  parts.push(
    areaId ?? '\\N',
    encounter.personKey ? `\\\\x${encounter.personKey}` : '\\N',
  );
  const content = parts.join('\t');
  const { timePrecision } = encounter;
  return {
    kind: 'staged',
    recordId: encounter.recordId,
    content: `${content}\t${timePrecision}`,
    hash: hash('md5', timePrecision + content),
    occurred: encounter.values[OCCURRED] as number,
    row,
    raw,
  };
}
