/**
 * What a script's write puts in a cell. Range.setValue(s) and Sheet.appendRow store a string
 * the way Sheets stores what a user types into the cell: "00123" becomes the number 123,
 * "1,234" 1234, "$1,234.50" 1234.5, "45%" 0.45, "1e3" 1000, "2026-01-05" and "1/5/2026"
 * dates, "10:30" a time, "TRUE" / "false" booleans; and the cell, when it is on Automatic,
 * takes the format of what was typed ("45%" shows as 45%, "$1,234.50" as $1,234.50). Google's
 * reference does not say which texts Sheets converts; the reading of the text is the numfmt
 * library's spreadsheet parser (en_US, like the spreadsheets this runtime models), not rules
 * written here.
 *
 * Except:
 * - a string starting with an apostrophe is text, stored without the apostrophe ("'00123"
 *   stores "00123"; "'=1" stores "=1"), as when typing;
 * - in a cell formatted as plain text ("@"), everything typed stays text, "=..." included;
 * - a string starting with "=" is a formula.
 *
 * Numbers, booleans and Dates are stored as given; a Date in a cell on Automatic gives the cell
 * the date-time format (see number-format.ts). Where Google's documentation is silent the
 * stricter choice is made: NaN, Infinity and invalid Dates are refused (with a message saying
 * so) instead of being written as something else.
 */
import * as numfmt from 'numfmt';
import { DATE_TIME_FORMAT, PLAIN_TEXT_FORMAT, serialToDate } from './number-format';
import { isDate } from './realm';
import { checkCellText } from './sheet-limits';
import type { CellValue } from './spreadsheet';

/** What a write leaves in a cell. */
export type Written =
  | { readonly kind: 'blank' }
  | { readonly kind: 'formula'; readonly formula: string }
  | {
      readonly kind: 'value';
      readonly value: CellValue;
      /** the format the cell takes if it is on Automatic (what was typed: 45% -> "0%") */
      readonly format?: string;
    };

/** Where the write happens. */
export interface TypingContext {
  /** the spreadsheet's time zone: typed dates are its wall-clock dates */
  readonly timeZone: string;
  /** the current year in the spreadsheet's time zone ("3/4" is March 4 of this year) */
  readonly year: () => number;
}

export const TYPING_MESSAGES = {
  // Not Google's wording: Google does not document what happens; the runtime refuses.
  notFinite: (value: number) =>
    `The local runtime refuses to write ${String(value)} to a cell: Google does not document what a cell holds then, and a sheet should never show it.`,
  invalidDate: 'The local runtime refuses to write an invalid Date to a cell.',
};

const BLANK: Written = { kind: 'blank' };

/**
 * Turns what a script writes into what the cell stores; `format` is the cell's number format
 * (undefined for Automatic).
 */
export function typedValue(
  input: unknown,
  context: TypingContext,
  format: string | undefined,
): Written {
  if (input === null || input === undefined || input === '') return BLANK;
  if (typeof input === 'string') return typedText(input, context, format);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new Error(TYPING_MESSAGES.notFinite(input));
    return { kind: 'value', value: input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (isDate(input)) {
    const time = input.getTime();
    if (Number.isNaN(time)) throw new Error(TYPING_MESSAGES.invalidDate);
    return { kind: 'value', value: new Date(time), format: DATE_TIME_FORMAT };
  }
  return typedText(String(input), context, format);
}

function typedText(text: string, context: TypingContext, format: string | undefined): Written {
  checkCellText(text);
  if (text.startsWith("'"))
    return text.length > 1 ? { kind: 'value', value: text.slice(1) } : BLANK;
  if (format === PLAIN_TEXT_FORMAT) return { kind: 'value', value: text };
  if (text.startsWith('=')) return { kind: 'formula', formula: text };
  const parsed = parseTyped(text);
  if (!parsed) return { kind: 'value', value: text };
  const { v, z } = parsed;
  if (typeof v === 'boolean') return { kind: 'value', value: v };
  if (typeof v !== 'number') return { kind: 'value', value: text };
  if (z !== undefined && numfmt.isDateFormat(z)) {
    const parts = numfmt.getFormatDateInfo(z);
    const serial = parts.month && !parts.year ? inYear(v, context.year()) : v;
    return { kind: 'value', value: serialToDate(serial, context.timeZone), format: z };
  }
  return z === undefined ? { kind: 'value', value: v } : { kind: 'value', value: v, format: z };
}

/** A date typed without a year ("3/4"): the same day in `year` (numfmt reads the host's clock). */
function inYear(serial: number, year: number): number {
  const day = Math.floor(serial);
  const date = new Date((day - 25_569) * 86_400_000);
  const moved = Date.UTC(year, date.getUTCMonth(), date.getUTCDate()) / 86_400_000 + 25_569;
  return moved + (serial - day);
}

type Parsed = { v: unknown; z?: string } | null;

// numfmt takes tens of microseconds to reject a text, and books hold thousands of names and
// ids: only texts made of what a number, date, time or boolean can contain reach it, and its
// answers are remembered (the same texts come back in every column of a book).
const MONTH_OR_MARK =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|am|pm|a|p)\b|\de[+-]?\d/gi;
const NUMERIC_CHARACTERS = /^[\d\s$€£¥()+\-.,%:/]*$/;
const BOOLEAN = /^\s*(?:true|false)\s*$/i;
const cache = new Map<string, Parsed>();
const CACHE_SIZE = 20_000;

function parseTyped(text: string): Parsed {
  const known = cache.get(text);
  if (known !== undefined) return known;
  let parsed: Parsed = null;
  if (BOOLEAN.test(text)) parsed = numfmt.parseValue(text) as Parsed;
  else if (/\d/.test(text) && NUMERIC_CHARACTERS.test(text.replace(MONTH_OR_MARK, '0'))) {
    parsed = numfmt.parseValue(text) as Parsed;
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(text, parsed);
  return parsed;
}
