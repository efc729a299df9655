/**
 * What a cell shows: its value under its number format, as Range.getDisplayValues returns it.
 * The formatting itself is the numfmt library's (a spreadsheet number-format engine), not a
 * formatter written here; this module only feeds it what Sheets would:
 *
 * - a cell nobody formatted is on "Automatic": numbers as numfmt's General, booleans TRUE /
 *   FALSE, text as it is, and a date-time as "M/d/yyyy H:mm:ss" (the en_US default pattern
 *   of a DATE_TIME value, https://developers.google.com/workspace/sheets/api/guides/formats);
 * - dates and times are serial numbers of the spreadsheet's time zone: "the whole number
 *   portion of the value counts the days since December 30, 1899", and "Sheets correctly
 *   treats the year 1900 as a common year, not a leap year" (same page), hence leap1900: false.
 */
import * as numfmt from 'numfmt';
import { isDate } from './realm';
import type { CellValue } from './spreadsheet';
import { zonedParts } from './utilities';

/** The en_US pattern of a date-time value on Automatic (what a written Date shows). */
export const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
/** Plain text: what is typed stays text (Format > Number > Plain text). */
export const PLAIN_TEXT_FORMAT = '@';

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 (Sheets' epoch) to 1970-01-01. */
const EPOCH_OFFSET_DAYS = 25_569;

const OPTIONS = { leap1900: false, throws: false } as const;

const dateFormats = new Map<string, boolean>();

/** Whether a number format shows a date or a time (remembered: books reuse a few formats). */
export function isDateFormat(format: string): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = format !== PLAIN_TEXT_FORMAT && numfmt.isDateFormat(format);
    dateFormats.set(format, known);
  }
  return known;
}

/** The serial number of an instant, as the wall clock of `timeZone` reads it. */
function dateToSerial(date: Date, timeZone: string): number {
  const ms = date.getTime();
  const { offsetMinutes } = zonedParts(ms, timeZone);
  return (ms + offsetMinutes * 60_000) / DAY_MS + EPOCH_OFFSET_DAYS;
}

/** The instant at which the wall clock of `timeZone` reads the serial number `serial`. */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - EPOCH_OFFSET_DAYS) * DAY_MS);
  // The offset depends on the instant: guess with the wall time, then correct once (DST).
  const guess = wall - zonedParts(wall, timeZone).offsetMinutes * 60_000;
  return new Date(wall - zonedParts(guess, timeZone).offsetMinutes * 60_000);
}

/**
 * The text a cell shows. `format` is the cell's number format, undefined for Automatic.
 * A blank cell shows "".
 */
export function displayText(
  value: CellValue | undefined,
  format: string | undefined,
  timeZone: string,
): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    return numfmt.format(format ?? DATE_TIME_FORMAT, dateToSerial(value, timeZone), OPTIONS);
  }
  if (typeof value === 'number') return numfmt.format(format ?? 'General', value, OPTIONS);
  return format === undefined ? value : numfmt.format(format, value, OPTIONS);
}
