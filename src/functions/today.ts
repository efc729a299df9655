/**
 * The optional `today` argument of every date-dependent custom function.
 *
 * Sheets caches a custom function's result and recomputes it only when an argument changes,
 * and volatile functions such as TODAY() are not allowed as arguments. A function that read
 * the clock itself would therefore freeze ("47 days to renewal" a month later). The add-on
 * keeps today's date in the named range CSE_TODAY (stamped daily), and formulas pass it in:
 * when that cell changes, Sheets recomputes them. Left out, the clock is read as before.
 */
import { describeCell, isBlank, Invalid } from '../core/cells';
import { type DayNumber, dayOfDate, readDay } from '../core/dates';
import { ArgumentError } from '../core/models';
import type { FunctionContext } from './context';
import { toGrid } from './ranges';

/** The named range the add-on keeps today's date in, for formulas to pass as `today`. */
export const TODAY_RANGE_NAME = 'CSE_TODAY';

/** The day a function should count from: the `today` cell, or the clock when it is blank. */
export function todayOf(fn: string, arg: unknown, context: FunctionContext): DayNumber {
  const cells = toGrid(arg).flat();
  if (cells.length > 1) {
    throw new ArgumentError(
      `${fn}: today should be a single date (such as ${TODAY_RANGE_NAME}), but it is a range of ${cells.length} cells.`,
    );
  }
  const cell = cells[0];
  if (isBlank(cell)) return dayOfDate(context.now, context.timeZone);
  const day = readDay(cell, context.timeZone);
  if (day === undefined || day instanceof Invalid) {
    throw new ArgumentError(
      `${fn}: today should be a date such as 2026-11-23 (or ${TODAY_RANGE_NAME}), found '${describeCell(cell)}'.`,
    );
  }
  return day;
}
