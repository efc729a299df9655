/**
 * Reading one cell value the way a CS team types it.
 *
 * Sheets hands custom functions numbers, strings, booleans, Date objects and "" for blanks;
 * a cell that shows an error (#N/A, #REF!...) arrives as its error text. People type money
 * as "$120,000" or "1.2k", ratios as "45%", flags as "yes" or "✓". Every reader here returns
 * either a value, "blank", or "invalid" with what was found, so that the caller can tell the
 * user which column held what.
 */

export type CellValue = string | number | boolean | Date | null | undefined;

/** A cell that could not be read, with what it held, quoted for the user. */
export class Invalid {
  constructor(readonly found: string) {}
}

/**
 * What a reader returns: the value, `undefined` for a blank cell, or an Invalid. Values are
 * returned bare, not wrapped, because readers run for every cell of books of 100,000 rows.
 */
export type Read<T> = T | undefined | Invalid;

export function invalid(found: unknown): Invalid {
  return new Invalid(describeCell(found));
}

/**
 * Dates from Sheets may come from another JavaScript realm (the local runtime runs the bundle
 * in node:vm), where `instanceof Date` is false, so the tag is checked instead.
 */
export function isDate(value: unknown): value is Date {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.toString.call(value) === '[object Date]'
  );
}

export function isBlank(value: unknown): boolean {
  return (
    value === '' ||
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '')
  );
}

/** The text of a cell that shows a Sheets error (also compiled to SQL, src/core/sql/). */
export const SHEETS_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!)/i;

/** True for the text of a cell that shows a Sheets error, such as "#N/A" or "#REF!". */
export function isSheetsError(value: unknown): boolean {
  return typeof value === 'string' && SHEETS_ERROR.test(value.trim());
}

/** How long a cell's quote in a message may be: enough to recognise it, never a whole essay. */
export const EXCERPT_LENGTH = 40;

/**
 * How a cell is quoted back to the user in a message: trimmed, and cut to `max` characters
 * with "..." (a name shown in a document title or an email may use a longer `max`).
 */
export function describeCell(value: unknown, max = EXCERPT_LENGTH): string {
  if (isDate(value)) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  }
  const text = String(value).trim();
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** The longest account name shown whole in an email or a document title. */
export const NAME_LENGTH = 100;

/**
 * The longest text tried as a number, percentage or date. "$1,234,567,890.00 USD" is 21
 * characters; anything much longer is not a figure someone typed. Refusing it before any
 * parsing keeps every reader's time flat however long the cell (a cell holds 50,000).
 */
export const MAX_FIGURE_TEXT = 64;

/**
 * The largest magnitude read as a number: no customer-success figure (an ARR, a seat count,
 * a weight) comes near a quadrillion, and refusing more keeps every sum, product and average
 * of a book's cells finite (10 million cells of 1e15 add up to 1e22, far below 1e308).
 */
export const MAX_MAGNITUDE = 1e15;

/** Digits with thousands separators group them by three: "1,200", not "12,00". */
export const GROUPED_DIGITS = /^\d{1,3}(?:,\d{3})*(?:\.\d+)?$/;

interface NumberText {
  readonly value: number;
  readonly percent: boolean;
}

/**
 * Parses number text: "1,200", "$120,000", "1.2k", "3M", "45%", "(1,200)" (accounting
 * negative), "-5%", "USD 5,000", "5,000 eur". Returns undefined for anything else, and for
 * text longer than MAX_FIGURE_TEXT.
 */
export function parseNumberText(text: string): NumberText | undefined {
  // Books repeat the same texts ("45%", "$50,000") many times; parse each once. Long texts
  // (refused, unless spaces around a number) stay out of the cache.
  if (text.length > MAX_FIGURE_TEXT) return parseNumberTextUncached(text);
  if (numberTextCache.has(text)) return numberTextCache.get(text);
  const parsed = parseNumberTextUncached(text);
  if (numberTextCache.size >= 20_000) numberTextCache.clear();
  numberTextCache.set(text, parsed);
  return parsed;
}

const numberTextCache = new Map<string, NumberText | undefined>();

/**
 * A single left-to-right scan: each character is looked at once, so the time is linear in
 * the text (a regular expression with several optional spaces in a row took seconds on a
 * run of a few thousand spaces). The grammar, with spaces allowed between the parts, or all
 * of it between parentheses (an accounting negative):
 *   [sign] [$ € £ ¥ | usd eur gbp] [sign] digits [k m mm b bn] [%] [usd eur gbp]
 */
function parseNumberTextUncached(text: string): NumberText | undefined {
  let trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_FIGURE_TEXT) return undefined;
  let negative = false;
  if (trimmed.startsWith('(') && trimmed.endsWith(')')) {
    negative = true;
    trimmed = trimmed.slice(1, -1);
  }
  const t = trimmed;
  const end = t.length;
  let i = skipSpaces(t, 0);
  let minus = false;
  if (t[i] === '-' || t[i] === '+') minus = t[i++] === '-';
  i = skipSpaces(t, i);
  if (t[i] === '$' || t[i] === '€' || t[i] === '£' || t[i] === '¥') i++;
  else i += currencyCodeAt(t, i);
  i = skipSpaces(t, i);
  if (t[i] === '-' || t[i] === '+') minus = t[i++] === '-' || minus;
  i = skipSpaces(t, i);
  const from = i;
  if (isDigitAt(t, i)) {
    while (isDigitAt(t, i) || t[i] === ',') i++;
  } else if (t[i] !== '.') return undefined;
  if (t[i] === '.') {
    if (!isDigitAt(t, ++i)) return undefined;
    while (isDigitAt(t, i)) i++;
  }
  const digits = t.slice(from, i);
  i = skipSpaces(t, i);
  const [multiplier, suffixLength] = multiplierAt(t, i);
  i = skipSpaces(t, i + suffixLength);
  const percent = t[i] === '%';
  if (percent) i = skipSpaces(t, i + 1);
  i = skipSpaces(t, i + currencyCodeAt(t, i));
  if (i < end) return undefined;
  if (digits.includes(',') && !GROUPED_DIGITS.test(digits)) return undefined;
  const value = Number(digits.replace(/,/g, '')) * multiplier;
  if (minus) negative = !negative;
  return Object.freeze({ value: negative ? -value : value, percent });
}

function isDigitAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 48 && code <= 57;
}

/** The index of the first character at or after `at` that is not a space. */
function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** What /\s/ matches: ASCII and Unicode spaces, including the no-break space Sheets types. */
function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The length of "usd", "eur" or "gbp" (any case) at `at`, else 0. */
function currencyCodeAt(text: string, at: number): number {
  const code = text.slice(at, at + 3).toLowerCase();
  return code === 'usd' || code === 'eur' || code === 'gbp' ? 3 : 0;
}

/** The multiplier of a "k", "m", "mm", "b" or "bn" suffix at `at` (any case), and its length. */
function multiplierAt(text: string, at: number): [number, number] {
  const first = text[at]?.toLowerCase();
  const second = text[at + 1]?.toLowerCase();
  if (first === 'k') return [1e3, 1];
  if (first === 'm') return second === 'm' ? [1e6, 2] : [1e6, 1];
  if (first === 'b') return second === 'n' ? [1e9, 2] : [1e9, 1];
  return [1, 0];
}

/** A number read from a Sheets number cell: finite and within MAX_MAGNITUDE. */
function isReadableNumber(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_MAGNITUDE;
}

/** A plain number (a count, an amount). "45%" reads as 0.45. */
export function readNumber(cell: CellValue): Read<number> {
  if (typeof cell === 'number') return isReadableNumber(cell) ? cell : invalid(cell);
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'string') {
    const parsed = parseNumberText(cell);
    if (parsed && isReadableNumber(parsed.value)) {
      return parsed.percent ? parsed.value / 100 : parsed.value;
    }
  }
  return invalid(cell);
}

/** A count: a whole number of seats, tickets, meetings... never negative. */
export function readCount(cell: CellValue): Read<number> {
  const read = readNumber(cell);
  return typeof read === 'number' && read < 0 ? invalid(cell) : read;
}

/** Money: "$120,000", "120k", 120000. Never negative. */
export function readMoney(cell: CellValue): Read<number> {
  return readCount(cell);
}

/**
 * A ratio between 0 and 1: 0.45, "45%", "0.45", or 45 (a whole percentage typed without
 * the sign). Values above 100 are not a ratio.
 */
export function readRatio(cell: CellValue): Read<number> {
  if (typeof cell === 'number') return ratioFromNumber(cell, false, cell);
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'string') {
    const parsed = parseNumberText(cell);
    if (parsed) return ratioFromNumber(parsed.value, parsed.percent, cell);
  }
  return invalid(cell);
}

function ratioFromNumber(value: number, percent: boolean, cell: CellValue): Read<number> {
  if (!isReadableNumber(value) || value < 0) return invalid(cell);
  const ratio = percent || value > 1 ? value / 100 : value;
  return ratio > 1 ? invalid(cell) : ratio;
}

/**
 * A signed change such as a month-over-month usage change: "-35%", -0.35, or -35 (a whole
 * percentage). Returned as a fraction (-0.35).
 */
export function readChange(cell: CellValue): Read<number> {
  if (typeof cell === 'number') {
    if (!isReadableNumber(cell)) return invalid(cell);
    return Math.abs(cell) > 1 ? cell / 100 : cell;
  }
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'string') {
    const parsed = parseNumberText(cell);
    if (parsed && isReadableNumber(parsed.value)) {
      const { value, percent } = parsed;
      return percent || Math.abs(value) > 1 ? value / 100 : value;
    }
  }
  return invalid(cell);
}

// The words of a flag (also compiled to SQL, src/core/sql/).
export const TRUE_WORDS = new Set([
  'yes',
  'y',
  'true',
  't',
  '1',
  '✓',
  '✔',
  '☑',
  'x',
  'checked',
  'on',
]);
export const FALSE_WORDS = new Set([
  'no',
  'n',
  'false',
  'f',
  '0',
  '✗',
  '✘',
  '☐',
  'unchecked',
  'off',
]);

/** A yes/no flag: booleans (checkboxes), yes/no, y/n, true/false, 1/0, ✓/✗, x. */
export function readBoolean(cell: CellValue): Read<boolean> {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') {
    if (cell === 1) return true;
    if (cell === 0) return false;
    return invalid(cell);
  }
  if (typeof cell === 'string') {
    if (booleanTextCache.has(cell)) return booleanTextCache.get(cell);
    const known = booleanFromText(cell);
    if (booleanTextCache.size < 1000) booleanTextCache.set(cell, known);
    return known;
  }
  if (isBlank(cell)) return undefined;
  return invalid(cell);
}

// A flag column holds a handful of distinct texts: each is interpreted once.
const booleanTextCache = new Map<string, Read<boolean>>();

function booleanFromText(text: string): Read<boolean> {
  if (isBlank(text)) return undefined;
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return invalid(text);
}

/** Plain text, trimmed. Numbers and booleans are written out as text. */
export function readText(cell: CellValue): Read<string> {
  if (isBlank(cell)) return undefined;
  if (isDate(cell)) return describeCell(cell);
  return String(cell).trim();
}
