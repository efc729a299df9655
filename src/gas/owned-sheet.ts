/**
 * Creating the sheets CS Engine owns. Two rules of Sheets shape this:
 * - insertSheet makes the new sheet the active one, which would move the user off the sheet
 *   they were working on: the previous sheet is made active again;
 * - a new sheet is 1,000 rows x 26 columns, and every cell of every sheet's grid counts
 *   toward the spreadsheet's 10 million cells: an owned sheet keeps only the columns it uses.
 */
import { asWrittenRows } from '../core/sheet-input';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OwnedSheetShape {
  /** Columns the sheet uses; extra columns of the default grid are deleted. */
  readonly width: number;
  /** Written bold and frozen as row 1 when the sheet is created. */
  readonly header?: readonly string[];
  readonly hidden?: boolean;
}

/**
 * The owned sheet `name`, created at the end of the tabs if missing, without moving the user.
 * A sheet an earlier version made narrower grows to `width`, its header extended with the
 * new columns' names (a column is only ever added at the right, so its rows keep their places).
 */
export function ownedSheet(book: Spreadsheet, name: string, shape: OwnedSheetShape): Sheet {
  const existing = book.getSheetByName(name);
  if (existing) {
    trimColumns(existing, shape.width);
    if (shape.header) extendHeader(existing, shape.header);
    return existing;
  }
  const previous = book.getActiveSheet();
  const sheet = book.insertSheet(name, book.getNumSheets());
  trimColumns(sheet, shape.width);
  if (shape.header) {
    sheet
      .getRange(1, 1, 1, shape.header.length)
      .setValues(asWrittenRows([shape.header]))
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  if (shape.hidden) sheet.hideSheet();
  if (previous) book.setActiveSheet(previous);
  return sheet;
}

/** Adds the header's missing names at the right of row 1, where nothing is written yet. */
function extendHeader(sheet: Sheet, header: readonly string[]): void {
  const last = sheet.getLastColumn();
  if (last === 0 || last >= header.length) return;
  const max = sheet.getMaxColumns();
  if (max < header.length) sheet.insertColumnsAfter(max, header.length - max);
  sheet
    .getRange(1, last + 1, 1, header.length - last)
    .setValues(asWrittenRows([header.slice(last)]))
    .setFontWeight('bold');
}

/**
 * Deletes the columns right of `width`, unless something is written there (a sheet made by an
 * earlier version may hold data there; the user's cells are never removed).
 */
function trimColumns(sheet: Sheet, width: number): void {
  const max = sheet.getMaxColumns();
  if (width < 1 || max <= width) return;
  if (sheet.getLastColumn() > width) return;
  sheet.deleteColumns(width + 1, max - width);
}
