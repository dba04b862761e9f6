import { ENCOUNTER_FIELDS } from '@crosswalk/domain';

import {
  type FieldValue,
  type MappedEncounter,
  VALUE_FIELDS,
} from '../mapping/compile-row-mapper';
import { markTuple } from './finish-tuples';

/**
 * The columns a staged encounter's COPY tuple gives, in order: of
 * encounters, and of the staging table its changed rows are copied to.
 */
export const STAGING_COLUMNS = [
  'agency_id',
  'source_system',
  'import_batch_id',
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
  agency_id uuid NOT NULL,
  source_system text NOT NULL,
  import_batch_id uuid NOT NULL,
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

/**
 * Fields in PostgreSQL's binary COPY format: each its byte length (an
 * int32, -1 for NULL) and its value as the type's binary form (big-endian).
 * Binary spares PostgreSQL parsing text into timestamps, numbers and uuids,
 * and spares the importer writing them as text.
 */
export class CopyFields {
  private buffer: Buffer;
  length = 0;

  /** `shared`: in memory a worker thread can use too (`memory`). */
  constructor(private readonly shared = false) {
    this.buffer = this.allocate(1 << 16);
  }

  private allocate(bytes: number): Buffer {
    return this.shared
      ? Buffer.from(new SharedArrayBuffer(bytes))
      : Buffer.allocUnsafe(bytes);
  }

  private room(bytes: number) {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = this.allocate(
      Math.max(this.buffer.length * 2, this.length + bytes),
    );
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }

  /** The shared memory the fields are written to (from its start), until they grow. */
  get memory(): SharedArrayBuffer {
    if (!this.shared) throw new Error('these fields are not in shared memory');
    return this.buffer.buffer as SharedArrayBuffer;
  }

  /** The fields written, copied out; the writer starts again. */
  take(): Buffer {
    const fields = Buffer.from(this.buffer.subarray(0, this.length));
    this.length = 0;
    return fields;
  }

  /** These fields, all cleared to be written again. */
  emptied(): this {
    this.length = 0;
    return this;
  }

  /** The text field (written by `text`) that starts at `offset`. */
  textAt(offset: number): string {
    const length = this.buffer.readInt32BE(offset);
    return this.buffer.toString('utf8', offset + 4, offset + 4 + length);
  }

  /**
   * The bytes from `from` to `to`, as a view: it holds them until these
   * fields are written again (emptied, or grown by a write).
   */
  view(from: number, to: number): Buffer {
    return this.buffer.subarray(from, to);
  }

  /** Copies the bytes from `from` to `to` of other fields. */
  append(source: CopyFields, from: number, to: number) {
    this.room(to - from);
    this.length += source.buffer.copy(this.buffer, this.length, from, to);
  }

  /** A bare int32, not a field (finishTuples' marks). */
  int32(value: number) {
    this.room(4);
    this.length = int32At(this.buffer, this.length, value);
  }

  /** A field of `bytes` bytes whose value is written later (finishTuples). */
  reserve(bytes: number) {
    this.room(4 + bytes);
    this.length = int32At(this.buffer, this.length, bytes) + bytes;
  }

  null() {
    this.room(4);
    this.length = int32At(this.buffer, this.length, -1);
  }

  text(value: string) {
    const { length } = value;
    this.room(4 + length * 3);
    const buffer = this.buffer;
    const at = this.length + 4;
    // Short ASCII text, most of a row's, is copied here: cheaper than a
    // call out to the UTF-8 encoder.
    let i = 0;
    if (length <= 32)
      for (let code; i < length && (code = value.charCodeAt(i)) < 0x80; i++)
        buffer[at + i] = code;
    const bytes = i === length ? length : buffer.write(value, at);
    int32At(buffer, this.length, bytes);
    this.length = at + bytes;
  }

  /** A uuid as PostgreSQL writes it (8-4-4-4-12 hex digits): its 16 bytes, read here without a copy of the text. */
  uuid(value: string) {
    this.room(20);
    const buffer = this.buffer;
    let at = int32At(buffer, this.length, 16);
    for (let i = 0; i < 36; i += 2) {
      if (value.charCodeAt(i) === 45) i++; // -
      buffer[at++] = (hexDigit(value, i) << 4) | hexDigit(value, i + 1);
    }
    this.length = at;
  }

  boolean(value: boolean) {
    this.room(5);
    const { buffer, length } = this;
    buffer[length] = buffer[length + 1] = buffer[length + 2] = 0;
    buffer[length + 3] = 1;
    buffer[length + 4] = value ? 1 : 0;
    this.length = length + 5;
  }

  integer(value: number) {
    this.room(8);
    this.length = int32At(
      this.buffer,
      int32At(this.buffer, this.length, 4),
      value,
    );
  }

  double(value: number) {
    this.room(12);
    this.length = this.buffer.writeDoubleBE(
      value,
      int32At(this.buffer, this.length, 8),
    );
  }

  /** A timestamptz: microseconds since 2000-01-01 UTC, as an int64. */
  timestamp(ms: number) {
    const micros = Math.round((ms - POSTGRES_EPOCH_MS) * 1000);
    const high = Math.floor(micros / 2 ** 32);
    this.room(12);
    const { buffer } = this;
    const at = int32At(buffer, int32At(buffer, this.length, 8), high);
    this.length = int32At(buffer, at, micros - high * 2 ** 32);
  }

  /** Raw bytes, as they were taken. */
  bytes(value: Buffer) {
    this.room(value.length);
    this.length += value.copy(this.buffer, this.length);
  }

  /** A tuple's field count (an int16), starting a tuple. */
  count(fields: number) {
    this.room(2);
    this.length = this.buffer.writeInt16BE(fields, this.length);
  }
}

/**
 * Writes a big-endian int32 (an unsigned one too) at `at`, returning where
 * it ends: byte stores, which cost less than Buffer's checked writes.
 */
function int32At(buffer: Buffer, at: number, value: number): number {
  buffer[at] = value >>> 24;
  buffer[at + 1] = value >>> 16;
  buffer[at + 2] = value >>> 8;
  buffer[at + 3] = value;
  return at + 4;
}

/** The value of the hex digit at text[i]. */
function hexDigit(text: string, i: number): number {
  const code = text.charCodeAt(i) | 0x20; // A-F as a-f
  return code >= 97 ? code - 87 : code - 48;
}

const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
/** The binary COPY header: signature, flags, header extension length. */
export const COPY_BINARY_HEADER = Buffer.concat([
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  Buffer.alloc(8),
]);
/** The binary COPY trailer: a field count of -1. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

type Write = (fields: CopyFields, value: never) => void;
const writers = VALUE_FIELDS.map((field): Write => {
  const kind = ENCOUNTER_FIELDS[field].kind;
  if (kind === 'timestamp') return (f, v: number) => f.timestamp(v);
  if (kind === 'boolean') return (f, v: boolean) => f.boolean(v);
  if (kind === 'integer') return (f, v: number) => f.integer(v);
  if (kind === 'number') return (f, v: number) => f.double(v);
  return (f, v: unknown) => f.text(String(v));
});

/**
 * How every tuple of an import starts: its field count, then its agency,
 * source system and import batch (the first of STAGING_COLUMNS).
 */
export function tupleStart(
  agencyId: string,
  sourceSystem: string,
  batchId: string,
): Buffer {
  const start = new CopyFields();
  start.count(STAGING_COLUMNS.length);
  start.uuid(agencyId);
  start.text(sourceSystem);
  start.uuid(batchId);
  return start.take();
}

/**
 * A staged encounter: its row's binary COPY tuple is the bytes from `tuple`
 * to `end` of its batch's fields (the tuple's start, then the row's own
 * fields from `start`, its record id first and MD5 last), and its text in
 * the file is at `rawAt` of the batch's raw lines. Neither is a string of
 * the file's text: a row holds on to none of it while it waits to be
 * written. The rows of a batch follow one another in its fields, so a run
 * of them is COPYed as it is.
 */
export interface StagedRow {
  kind: 'staged';
  tuple: number;
  start: number;
  end: number;
  /** occurred_at, epoch milliseconds. */
  occurred: number;
  /** The row's number in the file. */
  row: number;
  rawAt: number;
  /** The row's referrals (MappedEncounter's), or null for none. */
  referrals: FieldValue[][] | null;
}

/** A staged row's record id. */
export function recordIdOf(fields: CopyFields, row: StagedRow): string {
  return fields.textAt(row.start);
}

/** The MD5 a staged row's fields end with. */
export function rowHash(fields: CopyFields, row: StagedRow): string {
  return fields.view(row.end - 32, row.end).toString('latin1');
}

const OCCURRED = VALUE_FIELDS.indexOf('occurred_at');

/**
 * Writes the encounter's COPY tuple to `batch.fields`: the import's tuple
 * start (`tupleStart`), then the encounter's values as binary COPY fields,
 * its person key and the MD5 of its values and referrals (an identical
 * re-import is recognised as unchanged without comparing columns) left
 * for finishTuples, which keys the person's identity, as `batch.marks`
 * mark them; and the row's text to `batch.raws`.
 */
export function stageEncounter(
  encounter: MappedEncounter,
  areaId: string | null,
  row: number,
  raw: string,
  batch: { fields: CopyFields; marks: CopyFields; raws: CopyFields },
  start: Buffer,
): StagedRow {
  const { fields: staging, raws } = batch;
  const tuple = staging.length;
  staging.bytes(start);
  const fieldsAt = staging.length;
  staging.text(encounter.recordId);
  for (let i = 0; i < writers.length; i++) {
    const value = encounter.values[i];
    if (value === null) staging.null();
    else writers[i](staging, value as never);
  }
  if (areaId === null) staging.null();
  else staging.uuid(areaId);
  const personKeyAt = staging.length + 4;
  if (encounter.person === null) staging.null();
  else staging.reserve(32);
  staging.text(encounter.timePrecision);
  staging.reserve(32);
  markTuple(
    batch.marks,
    fieldsAt,
    staging.length,
    encounter.person,
    personKeyAt,
    encounter.referrals && JSON.stringify(encounter.referrals),
  );
  const rawAt = raws.length;
  raws.text(raw);
  return {
    kind: 'staged',
    tuple,
    start: fieldsAt,
    end: staging.length,
    occurred: encounter.values[OCCURRED] as number,
    row,
    rawAt,
    referrals: encounter.referrals,
  };
}
