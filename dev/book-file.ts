/**
 * Reads a user's book from a CSV or Excel file, the way Google Sheets imports one, for the
 * playground (`npm start -- --book path`, or a file picked or dropped in the page). The parsing
 * is the kept libraries' (papaparse for CSV, SheetJS `xlsx` for workbooks), not rules written
 * here; this module only says what each cell becomes in the sheet:
 *
 * - a CSV cell is text typed into the cell: the sheet reads it as typing does ("$120,000" a
 *   number, "45%" a percentage, "1/30/2026" a date; see dev/runtime/typed-input.ts), as
 *   File > Import does with "Convert text to numbers, dates, and formulas";
 * - a workbook cell keeps its type (a number, a date, TRUE/FALSE, text stays text) and its
 *   number format, as Sheets opens an .xlsx; a formula cell brings the value Excel last
 *   computed;
 * - text starting with "=" stays text: the playground does not compute Sheets formulas, and a
 *   book's cell should never become one by being imported.
 *
 * Everything stays on this machine: the file is read here and written into the local runtime.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { serialToDate } from './runtime';

/** The largest file the playground reads (Sheets' own import limit is about 100 MB). */
export const MAX_BOOK_FILE_BYTES = 20 * 1024 * 1024;

const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'];
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods'];

/** What is wrong with a book file, in words for the user (no stack, no library internals). */
export class BookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BookFileError';
  }
}

export interface ImportedSheet {
  readonly name: string;
  /**
   * What is written into each cell with Range.setValues: a string is read as typed text (an
   * apostrophe first keeps it text), a number, boolean or Date is stored as it is.
   */
  readonly values: readonly (readonly unknown[])[];
  /** A workbook's number format for each cell, '' where the cell keeps what the write gave. */
  readonly formats?: readonly (readonly string[])[];
}

export interface ImportedBook {
  /** the spreadsheet's name: the file's name without its extension */
  readonly name: string;
  readonly sheets: readonly ImportedSheet[];
}

/** Text that typing would not keep as text (a formula) keeps it with a leading apostrophe. */
function typedText(text: string): string {
  return text.startsWith('=') ? `'${text}` : text;
}

/** Rows with nothing in them at the end of a file are not part of the book. */
function withoutTrailingBlankRows<T>(rows: T[][], blank: (cell: T) => boolean): T[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every(blank)) end--;
  return rows.slice(0, end);
}

/** UTF-8 (a byte-order mark dropped), else Windows-1252, as Excel writes a CSV on Windows. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function readCsv(bytes: Uint8Array, fileName: string, sheetName: string): ImportedSheet {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw new BookFileError(
      `"${fileName}" is not a text file, so it cannot be read as CSV; save the book as CSV (comma-separated values) or as an Excel workbook (.xlsx).`,
    );
  }
  // The delimiter is guessed from the lines that hold something: blank lines (a file's last
  // line, most often) would make papaparse doubt a two-column file. Then every line is read,
  // blank ones too, so that the sheet's row numbers are the file's.
  const { delimiter } = Papa.parse<string[]>(text, { preview: 100, skipEmptyLines: 'greedy' }).meta;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) {
    const row = typeof broken.row === 'number' ? ` in row ${broken.row + 1}` : '';
    throw new BookFileError(
      `"${fileName}" could not be read as CSV: a quoted cell${row} is never closed (a " is missing).`,
    );
  }
  const rows = withoutTrailingBlankRows(parsed.data, (cell) => cell.trim() === '');
  return { name: sheetName, values: rows.map((row) => row.map(typedText)) };
}

/** A workbook cell as the sheet would hold it, and its number format ('' for none). */
function workbookCell(cell: XLSX.CellObject | undefined, timeZone: string): [unknown, string] {
  if (!cell || cell.t === 'z' || cell.v === undefined) return ['', ''];
  const format = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : '';
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      if (!Number.isFinite(value)) return ['', ''];
      // A date is a serial number under a date format: the same wall-clock day in Sheets.
      if (format && XLSX.SSF.is_date(format)) return [serialToDate(value, timeZone), format];
      return [value, format];
    }
    case 'd': {
      const date = cell.v as Date;
      return Number.isNaN(date.getTime()) ? ['', ''] : [date, format];
    }
    case 'b':
      return [cell.v as boolean, ''];
    case 'e':
      // An error value (#N/A, #DIV/0!) comes as the text Excel shows.
      return [`'${cell.w ?? '#N/A'}`, ''];
    default: {
      const text = String(cell.v);
      return [text === '' ? '' : `'${text}`, ''];
    }
  }
}

/** The first bytes of a zip archive, which .xlsx, .xlsm and .ods files are. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

function readWorkbook(bytes: Uint8Array, fileName: string, timeZone: string): ImportedSheet[] {
  const damaged = new BookFileError(
    `"${fileName}" could not be read as a workbook: the file may be damaged or protected by a password. Open it in Excel or Sheets and save it again as .xlsx or .csv.`,
  );
  // SheetJS reads any text as a sheet; a file named .xlsx or .ods must be the archive it names
  // (an .xls may also be Excel's HTML or XML, which SheetJS reads).
  const zipped = ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte);
  if (!zipped && path.extname(fileName).toLowerCase() !== '.xls') throw damaged;
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false, dense: false });
  } catch {
    throw damaged;
  }
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name];
    const ref = sheet?.['!ref'];
    if (!sheet || !ref) return { name, values: [] };
    const range = XLSX.utils.decode_range(ref);
    const values: unknown[][] = [];
    const formats: string[][] = [];
    // From A1, as the sheet puts it: a book that starts lower keeps its place.
    for (let r = 0; r <= range.e.r; r++) {
      const line: unknown[] = [];
      const lineFormats: string[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const [value, format] = workbookCell(
          sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined,
          timeZone,
        );
        line.push(value);
        lineFormats.push(format);
      }
      values.push(line);
      formats.push(lineFormats);
    }
    const kept = withoutTrailingBlankRows(values, (cell) => cell === '');
    return { name, values: kept, formats: formats.slice(0, kept.length) };
  });
}

/** The file name without folders or extension, as the spreadsheet's (and a CSV's sheet) name. */
function baseName(fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName)).trim();
  return (base || 'Imported book').slice(0, 100);
}

function checkSize(bytes: number, shown: string): void {
  if (bytes <= MAX_BOOK_FILE_BYTES) return;
  const size = (bytes / (1024 * 1024)).toFixed(1);
  throw new BookFileError(
    `"${shown}" is ${size} MB; the playground reads books of up to ${MAX_BOOK_FILE_BYTES / (1024 * 1024)} MB.`,
  );
}

/**
 * The book in `bytes`, read by the file name's extension: .csv, .tsv or .txt as delimited text
 * (the delimiter found by papaparse), .xlsx, .xlsm, .xls or .ods as a workbook. Dates of a
 * workbook are read as wall-clock days of `timeZone` (the spreadsheet's).
 */
export function readBookFile(bytes: Uint8Array, fileName: string, timeZone: string): ImportedBook {
  const shown = path.basename(fileName);
  checkSize(bytes.byteLength, shown);
  const extension = path.extname(fileName).toLowerCase();
  const name = baseName(fileName);
  let sheets: ImportedSheet[];
  if (CSV_EXTENSIONS.includes(extension)) sheets = [readCsv(bytes, shown, name)];
  else if (WORKBOOK_EXTENSIONS.includes(extension)) sheets = readWorkbook(bytes, shown, timeZone);
  else {
    throw new BookFileError(
      `"${shown}" is not a CSV or Excel file: the playground reads ${[...CSV_EXTENSIONS, ...WORKBOOK_EXTENSIONS].join(', ')} files.`,
    );
  }
  if (!sheets.some((sheet) => sheet.values.length > 0)) {
    throw new BookFileError(
      `"${shown}" is empty: a book needs a header row (Account, ARR, Renewal date...) and a row per account.`,
    );
  }
  return { name, sheets };
}

/** The book in the file at `file` (see readBookFile); a missing or unreadable file is said so. */
export function loadBookFile(file: string, timeZone: string): ImportedBook {
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new BookFileError(`"${file}" is a folder, not a file.`);
    // Too large is said before the whole file is read.
    checkSize(stat.size, path.basename(file));
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof BookFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : ((error as Error).message ?? String(error));
    throw new BookFileError(`cannot read "${file}": ${reason}.`);
  }
  return readBookFile(bytes, file, timeZone);
}
