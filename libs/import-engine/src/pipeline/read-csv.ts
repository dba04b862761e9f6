import { createReadStream } from 'node:fs';

import iconv from 'iconv-lite';
import Papa from 'papaparse';

import { ImportFileError } from '../mapping/compile-row-mapper';
import type { CsvFile } from '../profile/import-profile.schema';
import { type BatchReader, RowBatches } from './row-batches';

/** PapaParse's incremental parser (what its streamers use), fed chunk by chunk. */
const ParserHandle = (
  Papa as unknown as {
    ParserHandle: new (config: Papa.ParseConfig<string[]>) => {
      parse(
        input: string,
        baseIndex: number,
        ignoreLastRow: boolean,
      ): Papa.ParseResult<string[]>;
    };
  }
).ParserHandle;

/**
 * Streams a CSV file through PapaParse into batches. Parsing pauses only
 * while the previous batch is still being written, so parsing overlaps the
 * database work. The decoded text is kept just long enough to give each row
 * its raw line for the rejects table.
 */
export const readCsv: BatchReader = async (request, sink) => {
  const file = request.profile.profile.file as CsvFile;
  const batches = new RowBatches(request, sink);
  const source = createReadStream(request.file);
  // latin1 is read as Windows-1252, as web browsers read it: what Windows
  // exports labelled latin1 hold, with ’ “ ” – € where ISO-8859-1 has
  // control characters no export means. (Node 20's TextDecoder reads
  // windows-1252 as ISO-8859-1.)
  const singleByte =
    file.encoding === 'latin1' ? iconv.getDecoder('windows-1252') : undefined;
  if (!singleByte)
    source.setEncoding(file.encoding === 'utf-8' ? 'utf8' : 'utf16le');
  // The text being parsed: the unparsed rest of the last chunk and this one.
  let text = '';
  let textStart = 0;
  let cursor = 0;
  let line = 1;
  // Whether that text holds a NUL or a replacement character at all, so
  // that rows are searched for them only when it does.
  let nul = false;
  let replaced = false;

  const handle = (fields: string[], errors: Papa.ParseError[], end: number) => {
    let raw = text.slice(cursor - textStart, end - textStart);
    cursor = end;
    let blank = 0;
    while (raw[blank] === '\n' || raw[blank] === '\r') blank++;
    const row = line + newlines(raw, 0, blank);
    line += newlines(raw, 0, raw.length);
    if (blank) raw = raw.slice(blank);
    if (batches.takeHeading(fields)) return;
    let length = raw.length;
    if (raw[length - 1] === '\n') length--;
    if (raw[length - 1] === '\r') length--;
    if (length < raw.length) raw = raw.slice(0, length);
    if (nul && raw.includes('\0')) raw = raw.replaceAll('\0', '\uFFFD');
    record(fields, errors, raw, row);
  };

  const parseLine = (text: string) =>
    Papa.parse<string[]>(text, {
      delimiter: file.delimiter,
      quoteChar: file.quote,
      escapeChar: file.quote,
    });

  /** One data record, with what the parser made of it. */
  const record = (
    fields: string[],
    errors: Papa.ParseError[],
    raw: string,
    row: number,
  ) => {
    // A bad quote makes the parser run on to the next quote, swallowing the
    // rows in between; those lines are taken one by one again, so only the
    // malformed line itself is rejected.
    if (errors.length && raw.includes('\n')) {
      raw.split('\n').forEach((lineText, i) => {
        const text = lineText.replace(/\r$/, '');
        if (!text) return;
        const parsed = parseLine(text);
        record(parsed.data[0] ?? [], parsed.errors, text, row + i);
      });
      return;
    }
    if (!batches.started) return;
    const rawText = (redacted: string[] | null) =>
      redacted ? batches.lineOf(redacted).replaceAll('\0', '\uFFFD') : raw;
    batches.add(
      fields,
      row,
      rawText,
      errors.length
        ? {
            reason: 'malformed_csv',
            detail: `line ${row}: ${errors[0].message}`,
          }
        : (nul || replaced) && raw.includes('\uFFFD')
          ? {
              reason: 'invalid_utf8',
              detail: `line ${row} has bytes that are not valid ${file.encoding}`,
            }
          : undefined,
    );
  };

  // PapaParse's own stream reader keeps reading while paused; driving its
  // parser chunk by chunk from an async iterator gives real backpressure.
  const parser = new ParserHandle({
    delimiter: file.delimiter,
    quoteChar: file.quote,
    escapeChar: file.quote,
    skipEmptyLines: true,
    step: (results: Papa.ParseStepResult<string[]>) =>
      handle(results.data, results.errors, results.meta.cursor),
  });
  // Where the parser is in the file: the text from there is parsed with the next chunk.
  let base = 0;
  try {
    for await (const chunk of source) {
      // Rows before the cursor are done with; appending to a long text would
      // copy all of it again on the next slice.
      text =
        text.slice(cursor - textStart) +
        (singleByte ? singleByte.write(chunk as Buffer) : (chunk as string));
      textStart = cursor;
      nul = text.includes('\0');
      replaced = text.includes('\uFFFD');
      base = parser.parse(text.slice(base - textStart), base, true).meta.cursor;
      await batches.flushWhenFull(source.bytesRead);
    }
  } catch (error) {
    if (
      error instanceof ImportFileError ||
      !(error as NodeJS.ErrnoException).code
    )
      throw error;
    throw new ImportFileError(
      `Cannot read ${request.file}: ${(error as Error).message}`,
    );
  }
  const rest = text.slice(base - textStart);
  if (rest) parser.parse(rest, base, false);
  await batches.finish(
    source.bytesRead,
    () =>
      new ImportFileError(`${request.file} is empty: there is no header row.`),
  );
};

/** How many line feeds text[from, to) holds. */
function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (
    let i = text.indexOf('\n', from);
    i >= 0 && i < to;
    i = text.indexOf('\n', i + 1)
  )
    count++;
  return count;
}
