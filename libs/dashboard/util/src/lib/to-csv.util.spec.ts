import { describe, expect, it } from 'vitest';

import { fileNamePart, toCsv } from './to-csv.util';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['month', 'value'],
        [
          ['2024-01', 0.25],
          ['2024-02', null],
        ],
      ),
    ).toBe('month,value\r\n2024-01,0.25\r\n2024-02,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['name'], [['Smith, "Jo"\nline']])).toBe(
      'name\r\n"Smith, ""Jo""\nline"\r\n',
    );
  });

  it('keeps text that looks like a formula as text, but not numbers', () => {
    expect(toCsv(['a', 'b', 'c'], [['=1+1', '@SUM(A1)', -0.5]])).toBe(
      "a,b,c\r\n'=1+1,'@SUM(A1),-0.5\r\n",
    );
  });

  it('writes booleans and drops non-finite numbers', () => {
    expect(toCsv(['a', 'b'], [[true, Number.NaN]])).toBe('a,b\r\ntrue,\r\n');
  });
});

describe('fileNamePart', () => {
  it('slugs titles', () => {
    expect(fileNamePart('Arrest rate (by area)')).toBe('arrest-rate-by-area');
    expect(fileNamePart('***')).toBe('export');
  });
});
