/**
 * Keeps the named range CSE_TODAY at today's date, so formulas that pass it as their `today`
 * argument recompute each day (Sheets recomputes a custom function only when an argument
 * changes, and forbids volatile arguments such as TODAY()).
 *
 * The date lives in B1 of a hidden sheet the add-on owns, written as a plain date value (a
 * Sheets serial number with a date format, the same calendar day in every time zone). It is
 * rewritten only when the day has changed, so opening the menu twice recalculates nothing.
 */
import type { CellValue } from '../core/cells';
import { type DayNumber, dayOfDate, readDay, sheetsSerialOfDay } from '../core/dates';
import { TODAY_SHEET } from '../core/owned-sheets';
import { asWrittenRows } from '../core/sheet-input';
import { TODAY_RANGE_NAME } from '../functions/today';
import { ownedSheet } from './owned-sheet';

/** Stamps the day in CSE_TODAY, creating the range and its hidden sheet on first use. */
function stampToday(book: GoogleAppsScript.Spreadsheet.Spreadsheet, today: DayNumber): void {
  const timeZone = book.getSpreadsheetTimeZone();
  let cell = book.getRangeByName(TODAY_RANGE_NAME);
  if (!cell) {
    const sheet = ownedSheet(book, TODAY_SHEET, { width: 2, hidden: true });
    sheet
      .getRange(1, 1, 2, 1)
      .setValues(
        asWrittenRows([
          ['Today'],
          ['CS Engine keeps B1 at today’s date (named range CSE_TODAY) for formulas to use.'],
        ]),
      );
    cell = sheet.getRange(1, 2);
    book.setNamedRange(TODAY_RANGE_NAME, cell);
  }
  const current = readDay(cell.getValue() as CellValue, timeZone);
  if (current === today) return;
  cell.setNumberFormat('yyyy-mm-dd').setValue(sheetsSerialOfDay(today));
}

/**
 * Stamps CSE_TODAY in the active spreadsheet, for the menu, the sidebar and the daily trigger.
 * In AuthMode.NONE (onOpen before the add-on is enabled in this file) the spreadsheet cannot
 * be read, so nothing is done. A failure is logged, never thrown: a stale date costs a day of
 * freshness, while a thrown error would cost the user the menu or the alert run.
 */
export function stampTodayInActiveBook(authMode?: GoogleAppsScript.Script.AuthMode): void {
  if (authMode === ScriptApp.AuthMode.NONE) return;
  try {
    const book = SpreadsheetApp.getActiveSpreadsheet();
    if (!book) return;
    stampToday(book, dayOfDate(new Date(), book.getSpreadsheetTimeZone()));
  } catch (error) {
    console.warn(`CS Engine could not update ${TODAY_RANGE_NAME}: ${String(error)}`);
  }
}
