import { stringify } from 'csv-stringify/browser/esm/sync';

/** One cell: text as it is, numbers in plain notation, null as an empty cell. */
export type CsvCell = string | number | null;

export interface CsvTable {
  /** The header row: the column names as the UI shows them (in the UI language). */
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

export const CSV_MIME = 'text/csv;charset=utf-8';

/**
 * RFC 4180 text of a table: a header row, CRLF line ends, fields with commas, quotes or line
 * breaks quoted (quotes doubled), and a UTF-8 byte order mark first, without which Excel reads
 * the file as Windows-1252 and mangles umlauts. Text beginning like a formula (=, +, -, @) gets a
 * leading apostrophe: author names and post texts come from strangers, and a spreadsheet would
 * otherwise run them (OWASP "CSV injection"). Numbers are never changed.
 */
export function buildCsv(table: CsvTable): string {
  const width = table.columns.length;
  const records = [table.columns.map(String), ...table.rows.map((row) => padded(row, width))];
  return stringify(records, {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    // With CRLF as the record end, the library would leave a field with a bare LF unquoted; Excel
    // and RFC 4180 readers then split the record. Any line break inside a field is quoted.
    quoted_match: /[\r\n]/,
    cast: { number: (value) => plainNumber(value) },
  });
}

/** Rows shorter than the header get empty cells, so that every record has the same field count (RFC 4180 §2.4). */
function padded(row: readonly CsvCell[], width: number): (string | number | null)[] {
  const cells: (string | number | null)[] = [...row];
  while (cells.length < width) cells.push(null);
  return cells;
}

/** 0.125 stays "0.125", 1e21 does not turn into "1e+21": spreadsheets read both, but not every tool reads exponents. */
function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Math.abs(value) < 1e21) return String(value);
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** The file as the browser downloads it (UTF-8; the BOM is part of the text). */
export function csvBlob(table: CsvTable): Blob {
  return new Blob([buildCsv(table)], { type: CSV_MIME });
}
