/**
 * What the add-on hands to Range.setValues, so that every cell it writes holds exactly the
 * value it means. This module is the one owner of that rule; the sheet-writing ports in
 * src/gas pass every grid through asWrittenRows, so no caller can forget it.
 *
 * Sheets parses a string written with setValues the way it parses typing: "=..." becomes a
 * formula, "1,200" a number, "2026-11-23" a date, "TRUE" a boolean (and other spreadsheet
 * programs a file may be exported to also run text starting with "+", "-" or "@"). Text
 * that came from a user's sheet (an account named `=HYPERLINK(...)`), and even the add-on's
 * own text ("2026-11-23" in History), must stay text. A leading apostrophe
 * tells Sheets "this is text"; Sheets hides it and getValues returns the text without it,
 * which is why every write, rewrites of the add-on's own sheets included, needs it again.
 * Text that itself starts with an apostrophe gets one more, so it survives too.
 *
 * A cell formatted as plain text ("@", Format > Number > Plain text) is the exception: Sheets
 * stores what is written there as it is, without parsing it, so an apostrophe would stay in
 * the text (and grow by one at every rewrite). Text for such a cell is written bare.
 *
 * The formulas the add-on does mean to write (the Dashboard's live figures) are a separate,
 * explicit value: a SheetFormula, written as its formula text and never escaped.
 */

/** A formula the add-on means to write, such as "=SUM('Accounts'!D2:D)". */
export class SheetFormula {
  constructor(readonly formula: string) {}
}

/** Marks `text` (starting with "=") as a formula to write as a formula. */
export function sheetFormula(text: string): SheetFormula {
  return new SheetFormula(text.startsWith('=') ? text : `=${text}`);
}

/**
 * A Sheets cell holds at most 50,000 characters (setValues fails on more). The apostrophe is
 * counted too, to be safe, so the text itself keeps one character less.
 */
export const MAX_CELL_TEXT = 50_000;
const TRUNCATED = '…';

/** The text cut to what a cell holds, with an ellipsis where it was cut. */
export function fitCellText(text: string): string {
  const room = MAX_CELL_TEXT - 1;
  return text.length > room ? `${text.slice(0, room - TRUNCATED.length)}${TRUNCATED}` : text;
}

/** The number format of a plain-text cell. */
export const PLAIN_TEXT_FORMAT = '@';

/**
 * The value to give setValues so that the cell holds `value` as it is: a string stays exactly
 * that text (an apostrophe in front, except in a plain-text cell; "" stays a blank cell), a
 * SheetFormula becomes its formula, numbers, booleans and Dates are left alone, null and
 * undefined write a blank. `numberFormat` is the target cell's (Range.getNumberFormats).
 */
export function asWrittenCell(value: unknown, numberFormat?: string): unknown {
  if (typeof value === 'string') {
    if (value === '') return '';
    const text = fitCellText(value);
    return numberFormat === PLAIN_TEXT_FORMAT ? text : `'${text}`;
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof SheetFormula) return value.formula;
  if (Object.prototype.toString.call(value) === '[object Date]') return value;
  return asWrittenCell(String(value), numberFormat);
}

/**
 * Every cell of a grid through asWrittenCell, with the target cells' number formats when
 * known (fresh arrays: the caller's rows are kept).
 */
export function asWrittenRows(
  rows: readonly (readonly unknown[])[],
  numberFormats?: readonly (readonly string[])[],
): unknown[][] {
  return rows.map((row, r) => row.map((cell, c) => asWrittenCell(cell, numberFormats?.[r]?.[c])));
}
