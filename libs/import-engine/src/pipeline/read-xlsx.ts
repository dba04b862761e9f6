import { createReadStream } from 'node:fs';

import ExcelJS from 'exceljs';

import { ImportFileError } from '../mapping/compile-row-mapper';
import type { XlsxFile } from '../profile/import-profile.schema';
import { type BatchReader, RowBatches } from './row-batches';

/** The 1900 date system's day 0: a cell holding only a time of day falls on it. */
const EXCEL_DAY_ZERO = '1899-12-30';

/**
 * Streams one worksheet of an XLSX workbook into batches (ExcelJS's
 * streaming reader: shared strings are kept, rows are not). Cells become the
 * text the rows of a CSV export would hold; rows are numbered as in Excel.
 */
export const readXlsx: BatchReader = async (request, sink) => {
  const file = request.profile.profile.file as XlsxFile;
  const batches = new RowBatches(request, sink);
  const source = createReadStream(request.file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    // Styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const unreadable = (error: unknown) =>
    new ImportFileError(
      `Cannot read ${request.file} as an XLSX workbook: ${(error as Error).message}`,
    );
  const sheetNames = () =>
    (
      (workbook as unknown as { model?: { sheets?: { name: string }[] } }).model
        ?.sheets ?? []
    ).map((s) => s.name);
  let found = false;
  try {
    for await (const sheet of iterate(workbook, unreadable)) {
      const { name } = sheet as unknown as { name: string };
      const wanted =
        typeof file.sheet === 'string'
          ? name === file.sheet
          : sheetNames()[file.sheet - 1] === name;
      if (!wanted || found) {
        // The entry must be read through for the workbook to go on.
        const skipped = iterate(sheet, unreadable);
        while (!(await skipped.next()).done);
        continue;
      }
      found = true;
      for await (const row of iterate(sheet, unreadable)) {
        const fields = rowText(row);
        if (fields.every((f) => f === '')) continue;
        if (batches.takeHeading(trimEnd(fields, 0))) continue;
        const cells = trimEnd(fields, batches.width);
        batches.add(cells, row.number, (redacted) =>
          batches.lineOf(redacted ?? cells),
        );
        await batches.flushWhenFull(source.bytesRead);
      }
    }
  } finally {
    source.destroy();
  }
  if (!found) {
    throw new ImportFileError(
      `${request.file} has no worksheet ${typeof file.sheet === 'string' ? `"${file.sheet}"` : `number ${file.sheet}`}; its worksheets are: ${sheetNames()
        .map((n) => `"${n}"`)
        .join(', ')}`,
    );
  }
  await batches.finish(
    source.bytesRead,
    () =>
      new ImportFileError(
        `The worksheet of ${request.file} is empty: there is no header row.`,
      ),
  );
};

/** An async iterable whose own failures (not the loop body's) become `wrap(error)`. */
async function* iterate<T>(
  iterable: AsyncIterable<T>,
  wrap: (error: unknown) => Error,
): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<T>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw wrap(error);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** Cells past `width` that are empty go; cells before it that are missing are empty. */
function trimEnd(fields: string[], width: number): string[] {
  let end = fields.length;
  while (end > width && fields[end - 1] === '') end--;
  const cells = fields.slice(0, end);
  while (cells.length < width) cells.push('');
  return cells;
}

function rowText(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const fields: string[] = [];
  for (let i = 1; i < values.length; i++) fields.push(cellText(values[i]));
  return fields;
}

/**
 * A cell as text: numbers as JavaScript writes them, TRUE / FALSE, formulas
 * as their result, rich text as its letters. Dates as ISO 8601 wall time,
 * to the second: a date alone (2024-03-01), a time alone (14:05:00), or both
 * (2024-03-01T14:05:00).
 */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = new Date(
      Math.round(value.getTime() / 1000) * 1000,
    ).toISOString();
    const [date, time] = [iso.slice(0, 10), iso.slice(11, 19)];
    if (date === EXCEL_DAY_ZERO) return time;
    return time === '00:00:00' ? date : `${date}T${time}`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('text' in value)
    return typeof value.text === 'string'
      ? value.text
      : cellText(value.text as ExcelJS.CellValue);
  return '';
}
