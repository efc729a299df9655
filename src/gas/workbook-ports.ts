/** The workbook's ports over Apps Script: the active spreadsheet's sheets and properties. */
import type { KeyValueStore, Rows, SheetStore, WorkbookPorts } from '../app/workbook/ports';
import { asWrittenRows } from '../core/sheet-input';
import { currentTimeZone, now } from './environment';
import { ownedSheet } from './owned-sheet';

export function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  if (!book) throw new Error(NO_DOCUMENT);
  return book;
}

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Writes rows into a range so that each cell holds exactly its value (asWrittenRows); the
 * range's number formats are read first, in one call, because a plain-text cell takes text
 * as it is written.
 */
function writeRows(range: Range, rows: Rows): Range {
  return range.setValues(asWrittenRows(rows, range.getNumberFormats()));
}

function ensureSheet(
  name: string,
  width: number,
  header?: readonly string[],
): GoogleAppsScript.Spreadsheet.Sheet {
  return ownedSheet(spreadsheet(), name, { width, header });
}

/** Sheets start with 1,000 rows: make room before writing past them, as Sheets requires. */
function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
}

/** Sheets start with 26 columns: make room before writing past them. */
function ensureColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastColumn: number): void {
  const max = sheet.getMaxColumns();
  if (lastColumn > max) sheet.insertColumnsAfter(max, lastColumn - max);
}

/**
 * Every write goes through writeRows: text stays text even when it looks like a formula, a
 * number or a date, on the first write and on every rewrite of a row read back.
 */
const sheets: SheetStore = {
  spreadsheetName: () => spreadsheet().getName(),
  sheetUrl(name) {
    const sheet = spreadsheet().getSheetByName(name);
    return `${spreadsheet().getUrl()}#gid=${sheet ? sheet.getSheetId() : 0}`;
  },
  sheetNames: () =>
    spreadsheet()
      .getSheets()
      .map((sheet) => sheet.getName()),
  read(name) {
    const sheet = spreadsheet().getSheetByName(name);
    return sheet ? sheet.getDataRange().getValues() : undefined;
  },
  header(name) {
    const sheet = spreadsheet().getSheetByName(name);
    const width = sheet ? sheet.getLastColumn() : 0;
    return sheet && width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
  },
  readFrom(name, startRow, width) {
    const sheet = spreadsheet().getSheetByName(name);
    if (!sheet) return [];
    const last = sheet.getLastRow();
    if (last < startRow) return [];
    // Columns the sheet does not have yet (made by an earlier version) read as blank.
    const columns = Math.min(width, sheet.getMaxColumns());
    const values = sheet.getRange(startRow, 1, last - startRow + 1, columns).getValues();
    if (columns === width) return values;
    const blanks = new Array<string>(width - columns).fill('');
    return values.map((row) => [...row, ...blanks]);
  },
  writeAll(name, rows) {
    if (rows.length === 0) return;
    const width = rows[0]?.length ?? 0;
    const sheet = ensureSheet(name, width);
    ensureRows(sheet, rows.length);
    ensureColumns(sheet, width);
    writeRows(sheet.getRange(1, 1, rows.length, width), rows);
    // Rows left from a longer earlier write are removed, so the sheet holds only what was written.
    const last = sheet.getLastRow();
    if (last > rows.length) sheet.deleteRows(rows.length + 1, last - rows.length);
    if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  },
  append(name, header, rows) {
    if (rows.length === 0) return;
    const sheet = ensureSheet(name, header.length, header);
    const start = Math.max(sheet.getLastRow(), 1) + 1;
    ensureRows(sheet, start + rows.length - 1);
    ensureColumns(sheet, rows[0]?.length ?? header.length);
    writeRows(sheet.getRange(start, 1, rows.length, rows[0]?.length ?? header.length), rows);
  },
  writeBlock(name, startRow, rows) {
    if (rows.length === 0) return;
    const sheet = ensureSheet(name, rows[0]?.length ?? 0);
    ensureRows(sheet, startRow + rows.length - 1);
    ensureColumns(sheet, rows[0]?.length ?? 0);
    writeRows(sheet.getRange(startRow, 1, rows.length, rows[0]?.length ?? 0), rows);
  },
  lastRow(name) {
    const sheet = spreadsheet().getSheetByName(name);
    return sheet ? sheet.getLastRow() : 0;
  },
  deleteRows(name, startRow, count) {
    const sheet = spreadsheet().getSheetByName(name);
    if (!sheet || count <= 0) return;
    // Sheets refuses to delete every row that is not frozen: keep one blank row.
    if (sheet.getMaxRows() - count <= sheet.getFrozenRows()) {
      sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    }
    sheet.deleteRows(startRow, count);
  },
  cellsUsed: () =>
    spreadsheet()
      .getSheets()
      .reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0),
};

/** Said when a run has no spreadsheet to work in (Google returns null then, not an error). */
export const NO_DOCUMENT =
  'CS Engine could not open its spreadsheet from the daily alert run (the file may have been deleted, or the add-on removed from it).';

function documentProperties(): KeyValueStore {
  // One store per execution: the write after each email must be a single call, so that an
  // execution dying right after a send has the smallest possible window.
  const store = PropertiesService.getDocumentProperties();
  if (!store) throw new Error(NO_DOCUMENT);
  return {
    get: (key) => store.getProperty(key),
    set: (key, value) => {
      store.setProperty(key, value);
    },
    remove: (key) => {
      store.deleteProperty(key);
    },
  };
}

/** The workbook every use case reads: the active spreadsheet, its properties, clock and zone. */
export function workbookPorts(): WorkbookPorts {
  return { sheets, properties: documentProperties(), now, timeZone: currentTimeZone() };
}
