import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { workspaceRoot } from '@crosswalk/api/database';
import {
  ImportFileError,
  type ImportSummary,
  type LoadedImportProfile,
  loadImportProfile,
  runImport,
  shippedProfilesDir,
} from '@crosswalk/import-engine';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { importScratch } from '../../support/import-scratch';

// XLSX workbooks import like CSV: a real file saved as a workbook gives the
// same encounters, and the spreadsheet's own kinds of cells (dates, times,
// numbers, booleans, formulas, rich text) are read as the text they show.

const TORONTO_2014 = join(
  workspaceRoot(),
  '..',
  'shared',
  'datasets',
  'toronto-police-persons-in-crisis',
  'pic_2014_analysis_data.csv',
);

const PROFILE = `
title: Spreadsheet test
agency: { code: xlsx-test, name: Spreadsheet test, timeZone: America/Chicago }
sourceSystem: xlsx-test
file: { format: xlsx, sheet: Calls, headerRow: 2 }
recordId: { columns: [Incident] }
fields:
  occurred_at:
    date: { column: Call Date, format: MM/dd/yyyy }
    time: { column: Call Time, format: 'hh:mm a' }
  arrived_at: { column: Arrived, format: 'MM/dd/yyyy HH:mm' }
  final_call_type: { column: Type }
  bh_category: { column: Type, map: { Crisis: mental_health, Suicide: suicide }, default: other }
  arrest: { column: Arrest }
  officer_minutes: { column: Minutes }
`;

describe('importing XLSX workbooks', () => {
  const scratch = importScratch('xlsx');

  const profileOf = (yaml: string): LoadedImportProfile => {
    writeFileSync(join(scratch.dir, 'xlsx-test.yaml'), yaml);
    return loadImportProfile(join(scratch.dir, 'xlsx-test.yaml'), scratch.dir);
  };
  const rejects = (summary: ImportSummary) =>
    scratch.dataSource.query(
      `SELECT row_number AS row, column_name AS column, reason, raw_line AS raw
         FROM import_rejects WHERE batch_id = $1 ORDER BY row_number`,
      [summary.batchId],
    );

  it('imports the Toronto 2014 file saved as a workbook exactly as the CSV: 22,229 encounters, the same counts by event type', async () => {
    const [header, ...rows]: string[][] = parse(readFileSync(TORONTO_2014));
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet('Notes')
      .addRow(['Exported from the open data portal']);
    const sheet = workbook.addWorksheet('PIC 2014');
    sheet.addRow(header);
    // Numbers as numbers, as a spreadsheet holds them.
    for (const row of rows)
      sheet.addRow(row.map((v) => (/^\d+$/.test(v) ? Number(v) : v)));
    const file = join(scratch.dir, 'pic_2014.xlsx');
    await workbook.xlsx.writeFile(file);

    const shipped = loadImportProfile(
      'toronto-pic',
      shippedProfilesDir(workspaceRoot()),
    );
    const summary = await runImport(scratch.dataSource, {
      profile: {
        ...shipped,
        profile: {
          ...shipped.profile,
          agency: { ...shipped.profile.agency, code: 'toronto-xlsx-test' },
          file: { format: 'xlsx', sheet: 2, headerRow: 1 },
        },
      },
      file,
      personKeySecret: 'test-secret',
    });
    expect(summary).toMatchObject({
      rowsRead: 22_229,
      inserted: 22_229,
      rejected: 0,
      filtered: 0,
    });
    const type = header.indexOf('event_type');
    const expected: Record<string, number> = {};
    for (const row of rows)
      expected[row[type]] = (expected[row[type]] ?? 0) + 1;
    const byType = await scratch.dataSource.query(
      `SELECT final_call_type AS type, count(*)::int AS n FROM encounters
        WHERE import_batch_id = $1 GROUP BY 1`,
      [summary.batchId],
    );
    expect(
      Object.fromEntries(
        byType.map((r: { type: string; n: number }) => [r.type, r.n]),
      ),
    ).toEqual(expected);
    const months = await scratch.dataSource.query(
      `SELECT to_char(occurred_at AT TIME ZONE 'America/Toronto', 'YYYY-MM-DD HH24:MI') AS at, count(*)::int AS n
         FROM encounters WHERE import_batch_id = $1 GROUP BY 1 ORDER BY 1 LIMIT 2`,
      [summary.batchId],
    );
    expect(months.map((m: { at: string }) => m.at)).toEqual([
      '2014-01-01 00:00',
      '2014-02-01 00:00',
    ]);
  });

  it('reads date, time, number, boolean, formula and rich-text cells as the text they show', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Summary').addRow(['not this sheet']);
    const sheet = workbook.addWorksheet('Calls');
    sheet.addRow(['Mobile crisis calls, March 2024']);
    sheet.addRow([
      'Incident',
      'Call Date',
      'Call Time',
      'Arrived',
      'Type',
      'Arrest',
      'Minutes',
    ]);
    const wall = (d: number, h = 0, m = 0) =>
      new Date(Date.UTC(2024, 2, d, h, m));
    const timeOfDay = (h: number, m: number) =>
      new Date(Date.UTC(1899, 11, 30, h, m));
    const rows: ExcelJS.CellValue[][] = [
      // Date and time cells, a date-time cell, a boolean, a number.
      [1001, wall(9), timeOfDay(14, 5), wall(9, 14, 30), 'Crisis', true, 45],
      // Text the profile's formats read; a formula; rich text.
      [
        1002,
        '03/08/2024',
        '02:15 AM',
        '03/08/2024 03:40',
        { richText: [{ text: 'Sui' }, { text: 'cide' }] },
        'no',
        { formula: '20+10', result: 30 },
      ],
      [],
      // Fewer cells than the header: the missing ones are empty.
      [1003, wall(11), timeOfDay(8, 0), null, 'Welfare'],
      // A date that is not one.
      [1004, '03/32/2024', '10:00 AM', null, 'Crisis'],
      // A value past the last column.
      [1005, wall(12), timeOfDay(9, 0), null, 'Crisis', false, 10, 'stray'],
    ];
    for (const row of rows) sheet.addRow(row);
    for (let r = 3; r <= 8; r++) {
      sheet.getCell(r, 2).numFmt = 'mm/dd/yyyy';
      sheet.getCell(r, 3).numFmt = 'hh:mm AM/PM';
      sheet.getCell(r, 4).numFmt = 'mm/dd/yyyy hh:mm';
    }
    const file = join(scratch.dir, 'calls.xlsx');
    await workbook.xlsx.writeFile(file);

    const summary = await runImport(scratch.dataSource, {
      profile: profileOf(PROFILE),
      file,
    });
    expect(summary).toMatchObject({
      rowsRead: 5,
      inserted: 3,
      rejected: 2,
      filtered: 0,
    });
    const encounters = await scratch.dataSource.query(
      `SELECT source_record_id AS id,
              to_char(occurred_at AT TIME ZONE 'America/Chicago', 'YYYY-MM-DD HH24:MI') AS occurred,
              to_char(arrived_at AT TIME ZONE 'America/Chicago', 'YYYY-MM-DD HH24:MI') AS arrived,
              final_call_type AS type, bh_category AS bh, arrest, officer_minutes AS minutes
         FROM encounters WHERE import_batch_id = $1 ORDER BY 1`,
      [summary.batchId],
    );
    expect(encounters).toEqual([
      {
        id: '1001',
        occurred: '2024-03-09 14:05',
        arrived: '2024-03-09 14:30',
        type: 'Crisis',
        bh: 'mental_health',
        arrest: true,
        minutes: 45,
      },
      {
        id: '1002',
        occurred: '2024-03-08 02:15',
        arrived: '2024-03-08 03:40',
        type: 'Suicide',
        bh: 'suicide',
        arrest: false,
        minutes: 30,
      },
      {
        id: '1003',
        occurred: '2024-03-11 08:00',
        arrived: null,
        type: 'Welfare',
        bh: 'other',
        arrest: null,
        minutes: null,
      },
    ]);
    expect(await rejects(summary)).toEqual([
      {
        row: 7,
        column: 'Call Date',
        reason: 'invalid_date',
        raw: '1004,03/32/2024,10:00 AM,,Crisis,,',
      },
      {
        row: 8,
        column: null,
        reason: 'ragged_row',
        raw: '1005,2024-03-12,09:00:00,,Crisis,FALSE,10,stray',
      },
    ]);
  });

  it('names the worksheets when the one asked for is missing, and says when the file is not a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Summary').addRow(['x']);
    workbook.addWorksheet('Calls 2024').addRow(['Incident']);
    const file = join(scratch.dir, 'other-sheets.xlsx');
    await workbook.xlsx.writeFile(file);
    await expect(
      runImport(scratch.dataSource, { profile: profileOf(PROFILE), file }),
    ).rejects.toThrow(
      `${file} has no worksheet "Calls"; its worksheets are: "Summary", "Calls 2024"`,
    );

    const csv = join(scratch.dir, 'calls.csv');
    writeFileSync(csv, 'Incident,Call Date\n1,03/01/2024\n');
    const error = await runImport(scratch.dataSource, {
      profile: profileOf(PROFILE),
      file: csv,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(
      `Cannot read ${csv} as an XLSX workbook`,
    );
  });
});
