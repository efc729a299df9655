/**
 * The last check on what a custom function hands back to Sheets, applied by every wrapper in
 * src/index.ts: whatever a function computes, each cell gets something a cell can show.
 *
 * Functions word their own messages for the cases they know (an amount too large, a period
 * out of range); this guard only makes sure that nothing slips through: a number that is not
 * finite (Sheets would show #NUM! or a bare "Infinity"), undefined, null or an object (shown
 * as blank or "[object Object]"), text over the 50,000 characters a cell holds (Sheets
 * refuses the whole result), rows of uneven width, or a result wider than the grid.
 */
import { fitCellText } from '../core/sheet-input';
import { ArgumentError } from '../core/models';

/** The widest sheet Sheets allows: columns A to ZZZ. */
const MAX_COLUMNS = 18_278;

/** What a cell shows in place of a number too large to compute. */
const OUT_OF_RANGE =
  'Out of range: the result is too large to compute. Check for amounts or periods far beyond real ones.';

/** One output cell, made showable. */
function outputCell(value: unknown): string | number | boolean | Date {
  if (typeof value === 'number') return Number.isFinite(value) ? value : OUT_OF_RANGE;
  if (typeof value === 'string') return fitCellText(value);
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return Number.isNaN((value as Date).getTime()) ? '' : (value as Date);
  }
  return fitCellText(String(value));
}

/**
 * A custom function's result as Sheets should receive it: a single value, or a rectangular
 * grid (short rows padded with blanks). Throws a clear error for a grid wider than a sheet.
 */
export function sheetOutput(result: unknown): unknown {
  if (!Array.isArray(result)) return outputCell(result);
  const rows = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (width > MAX_COLUMNS) {
    throw new ArgumentError(
      `The result would be ${width} columns wide; a sheet holds at most ${MAX_COLUMNS}.`,
    );
  }
  if (rows.length === 0) return '';
  return rows.map((row) => {
    const out = row.map(outputCell);
    while (out.length < width) out.push('');
    return out;
  });
}
