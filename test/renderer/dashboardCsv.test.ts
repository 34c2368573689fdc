// The CSV export of the dashboard's charts: RFC 4180 text with a UTF-8 BOM and CRLF, read back
// with a different library (csv-parse) to prove that German text, emoji, commas, quotes and line
// breaks survive the round trip.
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { buildCsv, csvBlob, type CsvTable } from '../../src/shared/export/csv';

const BOM = '\uFEFF';

function readBack(text: string): string[][] {
  // csv-parse's `bom` option strips the mark, as Excel does; the test checks separately that it is there.
  // A bare LF also ends a record here (as in most readers): an unquoted line break would split a row.
  return parse(text, { bom: true, relax_column_count: false, record_delimiter: ['\r\n', '\n'] }) as string[][];
}

const awkward: CsvTable = {
  columns: ['Zeitraum', 'Erwähnungen', 'Größte Quelle', 'Text'],
  rows: [
    ['2024-03-31 Sonntag', 12, 'Kundenforum „Straße & Söhne“', 'Grüße aus Zürich, schöne Öffnungszeiten!'],
    ['Montag', 0, 'He said "hi"', 'Zeile eins\nZeile zwei\r\nZeile drei'],
    ['Emoji', 3, '👩‍👩‍👧‍👦 Familie, 🏳️‍🌈 Flagge', '👍🏽 „Top“, sagt @kunde'],
    ['Leer', null, '', ',;,'],
  ],
};

describe('buildCsv', () => {
  test('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    const text = buildCsv({ columns: ['a', 'b'], rows: [['1', 2], ['3', 4]] });
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('a,b\r\n1,2\r\n3,4\r\n');
    // No bare LF anywhere outside quoted fields.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('round-trips German text, quotes „…“ and "…", emoji ZWJ sequences, commas and line breaks', () => {
    const text = buildCsv(awkward);
    const records = readBack(text);
    expect(records[0]).toEqual([...awkward.columns]);
    expect(records.slice(1)).toEqual(awkward.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
  });

  test('quotes exactly the fields that need it and doubles inner quotes (RFC 4180 §2.6, §2.7)', () => {
    const text = buildCsv({ columns: ['x'], rows: [['plain'], ['a,b'], ['say "hi"'], ['two\nlines']] });
    expect(text.slice(1)).toBe('x\r\nplain\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n');
  });

  test('gives short rows empty cells so that every record has as many fields as the header', () => {
    const records = readBack(buildCsv({ columns: ['a', 'b', 'c'], rows: [['1'], ['1', 2, 3]] }));
    expect(records).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
      ['1', '2', '3'],
    ]);
  });

  test('defuses text that a spreadsheet would run as a formula, but leaves numbers alone', () => {
    const records = readBack(buildCsv({ columns: ['author', 'score'], rows: [['=HYPERLINK("http://x")', -3], ['+49 123', 0.125]] }));
    expect(records[1]).toEqual([`'=HYPERLINK("http://x")`, '-3']);
    expect(records[2]).toEqual([`'+49 123`, '0.125']);
  });

  test('the download blob holds the same UTF-8 bytes, BOM first', async () => {
    const blob = csvBlob(awkward);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(buildCsv(awkward));
  });
});
