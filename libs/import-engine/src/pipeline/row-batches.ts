import Papa from 'papaparse';

import {
  compileRowMapper,
  type MappedEncounter,
  type MappedRow,
  type RejectReason,
} from '../mapping/compile-row-mapper';
import type { ImportRequest } from './run-import';
import { CopyFields, type StagedRow } from './staging-row';

export interface PendingReject {
  row: number;
  column: string | null;
  reason: RejectReason;
  detail: string;
  raw: string;
}

/** An encounter whose area needs the database before it can be staged. */
export interface PendingRow {
  kind: 'pending';
  encounter: MappedEncounter;
  row: number;
  raw: string;
}

/** A row staged for COPY, or one still pending. */
export type BatchRow = StagedRow | PendingRow;

export interface Batch {
  rows: BatchRow[];
  /** The binary COPY tuples of the staged rows, each row a span of them (shared memory). */
  fields: CopyFields;
  /** Where finishTuples finds what to fill in of each staged tuple, and its person's identity (shared memory). */
  marks: CopyFields;
  /** The staged rows' text in the file (StagedRow.rawAt). */
  raws: CopyFields;
  rejects: PendingReject[];
  rowsRead: number;
  filtered: number;
  bytesRead: number;
  /** RowBatches.redactLine. */
  redactLine(raw: string): string;
}

/** Where a reader's rows go. */
export interface BatchSink {
  /** Rows per batch (and per transaction). */
  size: number;
  /**
   * An encounter staged as it is read, so that a batch waiting for the
   * database holds its rows' COPY text rather than their parsed fields; or
   * pending when staging it needs the database (a new area). `raw` is the
   * row's text, kept for a reject (a repeated record id) found on writing.
   * A staged row's tuple is written to `fields`, and marked in `marks`.
   */
  stage(
    encounter: MappedEncounter,
    row: number,
    raw: string,
    batch: Pick<Batch, 'fields' | 'marks' | 'raws'>,
  ): BatchRow;
  /**
   * Finishes a full batch's staged tuples (finishTuples), while the batches
   * before it are written and the reader goes on.
   */
  finish(batch: Batch): Promise<void>;
  write(batch: Batch): Promise<void>;
}

/** Reads a file with its profile, handing full batches to the sink. */
export type BatchReader = (
  request: ImportRequest,
  sink: BatchSink,
) => Promise<void>;

/** A row a file reader could not read as fields: rejected with this reason. */
export interface UnreadableRow {
  reason: RejectReason;
  detail: string;
}

const MAX_RAW_LINE = 10_000;
/**
 * Full batches waiting to be written (or being written) before the reader
 * waits: two, so that the reader and the database each go on when the other
 * takes longer for a batch.
 */
const QUEUED_BATCHES = 2;

/** A new batch, writing into the buffers of a written one when there is one. */
const newBatch = (
  redactLine: (raw: string) => string,
  written?: Batch,
): Batch => ({
  redactLine,
  rows: [],
  fields: written?.fields.emptied() ?? new CopyFields(true),
  marks: written?.marks.emptied() ?? new CopyFields(true),
  raws: written?.raws.emptied() ?? new CopyFields(),
  rejects: [],
  rowsRead: 0,
  filtered: 0,
  bytesRead: 0,
});

/**
 * What every file format shares once its rows are fields: the title rows
 * above the header, the header itself, each row mapped by the profile (an
 * encounter, a reject with its reason, or filtered), and batches written one
 * at a time while the reader goes on (QUEUED_BATCHES), so at most three
 * batches are in memory. Identifier columns are blanked in the raw text of rejects.
 */
export class RowBatches {
  private rowsBeforeHeader: number;
  private header: string[] | undefined;
  private mapRow: ((row: string[]) => MappedRow) | undefined;
  private readonly identifiers = new Set<number>();
  private batch = newBatch((raw) => this.redactLine(raw));
  /**
   * Written batches, whose buffers the next batches fill again: grown to a
   * batch's size once, not allocated anew (and grown again) for each batch.
   */
  private readonly written: Batch[] = [];
  /** Batches are written one after another, in order. */
  private writing: Promise<void> = Promise.resolve();
  /** The writes of the batches handed on and not yet waited for. */
  private readonly queue: Promise<void>[] = [];
  /** How a row's fields are written as one line: the CSV file's way, or CSV's defaults for a workbook. */
  private readonly lineFormat: { delimiter: string; quoteChar: string };

  constructor(
    private readonly request: ImportRequest,
    private readonly sink: BatchSink,
  ) {
    const file = request.profile.profile.file;
    this.rowsBeforeHeader = file.headerRow - 1;
    this.lineFormat =
      file.format === 'csv'
        ? { delimiter: file.delimiter, quoteChar: file.quote }
        : { delimiter: ',', quoteChar: '"' };
  }

  /** A row's fields as one line of text, quoted where needed. */
  lineOf(fields: string[]): string {
    return Papa.unparse([fields], { ...this.lineFormat, newline: '' });
  }

  /** The header has been read. */
  get started(): boolean {
    return this.header !== undefined;
  }

  /** How many columns the header has (0 before it is read). */
  get width(): number {
    return this.header?.length ?? 0;
  }

  private fits(fields: string[]): boolean {
    return fields.length === this.header?.length;
  }

  /**
   * Takes a title row or the header (true), or leaves a data row to `add`
   * (false).
   */
  takeHeading(fields: string[]): boolean {
    if (this.rowsBeforeHeader > 0) {
      this.rowsBeforeHeader--;
      return true;
    }
    if (this.header) return false;
    this.header = fields.map((name, i) =>
      i === 0 ? name.replace(/^\uFEFF/, '') : name,
    );
    const { profile } = this.request.profile;
    this.mapRow = compileRowMapper(
      profile,
      this.header,
      this.request.personKeySecret,
    );
    const names = this.header.map((h) => h.trim());
    const { person_key, age_band } = profile.fields;
    // A date of birth read for the age band is an identifier too, and so
    // is what the profile redacts (free text that may name a person).
    for (const c of [
      ...(person_key?.columns ?? []),
      ...(age_band?.format && age_band.column ? [age_band.column] : []),
      ...(profile.redact ?? []),
    ])
      this.identifiers.add(names.indexOf(c));
    return true;
  }

  /**
   * One data row: `raw` gives its text as it was in the file, from its
   * fields with identifiers blanked (null when there are none to blank).
   */
  add(
    fields: string[],
    row: number,
    raw: (fields: string[] | null) => string,
    unreadable?: UnreadableRow,
  ) {
    const batch = this.batch;
    batch.rowsRead++;
    const reject = (
      column: string | null,
      reason: RejectReason,
      detail: string,
    ) =>
      batch.rejects.push({
        row,
        column,
        reason,
        detail,
        raw: this.redacted(fields, unreadable, raw).slice(0, MAX_RAW_LINE),
      });
    // Empty fields past the header's last column (a delimiter at the end of
    // every data row, as some exporters write) hold nothing to lose.
    if (
      fields.length > this.width &&
      fields.every((field, i) => i < this.width || field.trim() === '')
    )
      fields = fields.slice(0, this.width);
    if (unreadable) {
      reject(null, unreadable.reason, unreadable.detail);
    } else if (!this.fits(fields)) {
      reject(
        null,
        'ragged_row',
        `line ${row} has ${fields.length} fields; the header has ${this.header?.length}`,
      );
    } else {
      const mapped = (this.mapRow as (row: string[]) => MappedRow)(fields);
      if (mapped.kind === 'encounter')
        batch.rows.push(this.sink.stage(mapped, row, raw(null), batch));
      else if (mapped.kind === 'filtered') batch.filtered++;
      else reject(mapped.column, mapped.reason, mapped.detail);
    }
  }

  /** The text of a staged row (its `raw`) as a reject keeps it, identifiers blanked. */
  redactLine(raw: string): string {
    if (!this.identifiers.size) return raw;
    const { delimiter, quoteChar } = this.lineFormat;
    const fields =
      Papa.parse<string[]>(raw, { delimiter, quoteChar, escapeChar: quoteChar })
        .data[0] ?? [];
    return this.redacted(fields, undefined, (redacted) =>
      redacted ? this.lineOf(redacted) : raw,
    );
  }

  /** The raw text of a reject; a row whose identifiers cannot be told apart is left out. */
  private redacted(
    fields: string[],
    unreadable: UnreadableRow | undefined,
    raw: (fields: string[] | null) => string,
  ): string {
    if (!this.identifiers.size) return raw(null);
    if (unreadable || !this.fits(fields)) return '';
    return raw(fields.map((f, i) => (this.identifiers.has(i) ? '' : f)));
  }

  /** Hands the batch to `write` once it is full, waiting for the one before. */
  async flushWhenFull(bytesRead: number) {
    if (this.batch.rows.length + this.batch.rejects.length >= this.sink.size)
      await this.flush(bytesRead);
  }

  /** Writes what is left; `empty` names the file when it had no header. */
  async finish(bytesRead: number, empty: () => Error) {
    if (!this.header) throw empty();
    await this.flush(bytesRead);
    await this.writing;
  }

  private async flush(bytesRead: number) {
    const full = this.batch;
    this.batch = newBatch(full.redactLine, this.written.pop());
    full.bytesRead = bytesRead;
    const finished = this.sink.finish(full);
    // Handled when the write comes to it (below).
    finished.catch(() => undefined);
    this.writing = this.writing.then(async () => {
      await finished;
      await this.sink.write(full);
      this.written.push(full);
    });
    // Handled here so that a failed write waits, unreported, for the
    // reader to reach it (below, or in finish).
    this.writing.catch(() => undefined);
    this.queue.push(this.writing);
    if (this.queue.length > QUEUED_BATCHES) await this.queue.shift();
  }
}
