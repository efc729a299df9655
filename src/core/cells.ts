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

/** A quoted cell longer than `longest` characters keeps its first `kept` and "...". */
export const QUOTE_LIMIT = { longest: 40, kept: 37 } as const;

/** How a cell is quoted back to the user in a message. */
export function describeCell(value: unknown): string {
  if (isDate(value)) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  }
  const text = String(value).trim();
  return text.length > QUOTE_LIMIT.longest ? `${text.slice(0, QUOTE_LIMIT.kept)}...` : text;
}

// The number grammar below is data for src/core/sql/ too, which compiles it to SQL.
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  mm: 1e6,
  b: 1e9,
  bn: 1e9,
};
export const NUMBER_TEXT =
  /^([-+])?\s*(?:[$€£¥]|usd|eur|gbp)?\s*([-+])?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(k|m|mm|b|bn)?\s*(%)?\s*(?:usd|eur|gbp)?$/i;

/** Digits with thousands separators must group them by three: "1,200", not "12,00". */
export const GROUPED_DIGITS = /^\d{1,3}(,\d{3})*(\.\d+)?$/;

interface NumberText {
  readonly value: number;
  readonly percent: boolean;
}

/**
 * Parses number text: "1,200", "$120,000", "1.2k", "3M", "45%", "(1,200)" (accounting
 * negative), "-5%". Returns undefined for anything else.
 */
export function parseNumberText(text: string): NumberText | undefined {
  // Books repeat the same texts ("45%", "$50,000") many times; parse each once.
  if (numberTextCache.has(text)) return numberTextCache.get(text);
  const parsed = parseNumberTextUncached(text);
  if (numberTextCache.size >= 20_000) numberTextCache.clear();
  numberTextCache.set(text, parsed);
  return parsed;
}

const numberTextCache = new Map<string, NumberText | undefined>();

function parseNumberTextUncached(text: string): NumberText | undefined {
  let trimmed = text.trim();
  let negative = false;
  if (trimmed.startsWith('(') && trimmed.endsWith(')')) {
    negative = true;
    trimmed = trimmed.slice(1, -1);
  }
  const match = NUMBER_TEXT.exec(trimmed);
  if (!match) return undefined;
  const [, sign1, sign2, digits = '', suffix, percent] = match;
  if (digits.includes(',') && !GROUPED_DIGITS.test(digits)) return undefined;
  let value = Number(digits.replace(/,/g, ''));
  if (suffix) value *= MULTIPLIERS[suffix.toLowerCase()] ?? 1;
  if (sign1 === '-' || sign2 === '-') negative = !negative;
  return Object.freeze({ value: negative ? -value : value, percent: percent === '%' });
}

/** A plain number (a count, an amount). "45%" reads as 0.45. */
export function readNumber(cell: CellValue): Read<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : invalid(cell);
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'string') {
    const parsed = parseNumberText(cell);
    if (parsed) return parsed.percent ? parsed.value / 100 : parsed.value;
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
  if (!Number.isFinite(value) || value < 0) return invalid(cell);
  const ratio = percent || value > 1 ? value / 100 : value;
  return ratio > 1 ? invalid(cell) : ratio;
}

/**
 * A signed change such as a month-over-month usage change: "-35%", -0.35, or -35 (a whole
 * percentage). Returned as a fraction (-0.35).
 */
export function readChange(cell: CellValue): Read<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return invalid(cell);
    return Math.abs(cell) > 1 ? cell / 100 : cell;
  }
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'string') {
    const parsed = parseNumberText(cell);
    if (parsed) {
      const { value, percent } = parsed;
      return percent || Math.abs(value) > 1 ? value / 100 : value;
    }
  }
  return invalid(cell);
}

export const TRUE_WORDS: ReadonlySet<string> = new Set([
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
export const FALSE_WORDS: ReadonlySet<string> = new Set([
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
