/**
 * Reading a column's cells in SQL exactly as the add-on reads a cell typed as text
 * (src/core/cells.ts, categories.ts, dates.ts, signals.ts): the words, patterns, limits and
 * ranges taken from those modules rather than retyped, the problem texts written by the
 * add-on's own describeProblem, and the one thing that cannot be taken, the number scanner,
 * written as a pattern that a test holds to it.
 *
 * Every column is read through its text (CAST AS STRING), so a table of text columns (a CSV
 * loaded as is) and a table of typed columns (numbers, booleans, dates) are read alike.
 */
import {
  EXCERPT_LENGTH,
  FALSE_WORDS,
  GROUPED_DIGITS,
  MAX_FIGURE_TEXT,
  MAX_MAGNITUDE,
  SHEETS_ERROR,
  TRUE_WORDS,
} from '../cells';
import { ISO_DAY } from '../dates';
import { describeProblem } from '../book';
import { NO_PERSON, type CellRule } from '../signals';
import type { Dialect } from './dialect';
import { type Query, STAGE, caseWhen, fromTemplate } from './query';

/**
 * JavaScript's white space (what String.prototype.trim removes and \s matches), by code
 * point: the ECMAScript WhiteSpace and LineTerminator characters.
 */
const JS_WHITE_SPACE: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

/** The same characters as an RE2 class body, runs of code points as ranges. */
const RE2_WHITE_SPACE = (() => {
  const hex = (code: number) => `\\x{${code.toString(16)}}`;
  let out = '';
  for (let i = 0; i < JS_WHITE_SPACE.length; i++) {
    const start = JS_WHITE_SPACE[i] as number;
    let end = start;
    while (JS_WHITE_SPACE[i + 1] === end + 1) end = JS_WHITE_SPACE[++i] as number;
    out +=
      end > start + 1
        ? `${hex(start)}-${hex(end)}`
        : end > start
          ? hex(start) + hex(end)
          : hex(start);
  }
  return out;
})();

/**
 * A JavaScript regular expression in RE2 syntax (BigQuery's and DuckDB's): \s becomes
 * JavaScript's white space, the i flag becomes (?i). Only the features the readers' patterns
 * use are translated; anything else is refused rather than guessed.
 */
export function re2(regex: RegExp): string {
  if (regex.flags.replace('i', '') !== '') {
    throw new Error(`No RE2 translation for the flags of ${String(regex)}.`);
  }
  let out = '';
  let inClass = false;
  const source = regex.source;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? RE2_WHITE_SPACE : `[${RE2_WHITE_SPACE}]`;
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) {
        out += `\\x{${source.slice(i + 1, i + 5)}}`;
        i += 4;
      } else if (next === '/') out += '/';
      else if ('d.$()[]?+*-{}|^'.includes(next) || next === '\\') out += `\\${next}`;
      else throw new Error(`No RE2 translation for \\${next} in ${String(regex)}.`);
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
  }
  return (regex.flags.includes('i') ? '(?i)' : '') + out;
}

/** A column as read: its text, its typed value (NULL when blank or invalid) and its problem. */
export interface ReadColumn {
  /** The trimmed text, NULL when blank. */
  readonly text: string;
  /** The value: a number, a boolean, a category's value or a date; NULL when none. */
  readonly value: string;
  /** The problem text of a cell that is neither blank nor valid; NULL otherwise. */
  readonly problem: string;
}

/** What a column holds: a signal (read by its rule) or a dimension's sub-score. */
type ColumnRule = CellRule | { readonly kind: 'subScore' };

export interface ColumnToRead {
  /** A short name for the internal columns. */
  readonly key: string;
  /** The column, quoted. */
  readonly column: string;
  readonly rule: ColumnRule;
  /** The header the problem texts name. */
  readonly header: string;
  /** What a valid cell holds, in the user's words. */
  readonly expected: string;
}

const WHITE_SPACE_CLASS = `[${RE2_WHITE_SPACE}]`;

/** The trimmed text of a column, NULL when blank (a regular expression: DuckDB's TRIM with a
 * set of characters is ten times slower). */
function trimmedText(d: Dialect, column: string): string {
  return `NULLIF(${d.replaceAll(
    `CAST(${column} AS ${d.text})`,
    `^${WHITE_SPACE_CLASS}+|${WHITE_SPACE_CLASS}+$`,
    '',
  )}, '')`;
}

/** Whether a column's cell is blank (isBlank), without trimming it. */
export function isBlankCell(d: Dialect, column: string): string {
  return `(${column} IS NULL OR NOT ${d.matches(`CAST(${column} AS ${d.text})`, `[^${RE2_WHITE_SPACE}]`)})`;
}

/** Adds the stages that read one column, and returns its text, value and problem. */
export function readColumn(q: Query, c: ColumnToRead, timeZone: string): ReadColumn {
  const d = q.dialect;
  const text = q.add(STAGE.text, `t_${c.key}`, trimmedText(d, c.column));
  let value: string;
  switch (c.rule.kind) {
    case 'text':
      value = text;
      break;
    case 'flag':
      value = flagOf(d, q.add(STAGE.parse, `lc_${c.key}`, `LOWER(${text})`));
      break;
    case 'presence': {
      // A yes/no word says what it says; any other text names a person, unless it names nobody.
      const lower = q.add(STAGE.parse, `lc_${c.key}`, `LOWER(${text})`);
      const key = q.add(STAGE.parse, `k_${c.key}`, normalizedKey(d, text));
      value = caseWhen([
        [
          `${text} IS NOT NULL`,
          `COALESCE(${flagOf(d, lower)}, NOT (${key} IN (${inList(d, NO_PERSON)})))`,
        ],
      ]);
      break;
    }
    case 'category': {
      const key = q.add(STAGE.parse, `k_${c.key}`, normalizedKey(d, text));
      const branches = [...c.rule.category.words].map(
        ([word, meaning]) => `WHEN ${d.string(word)} THEN ${d.string(meaning)}`,
      );
      value = `(CASE ${key} ${branches.join(' ')} END)`;
      break;
    }
    case 'day':
      value = dayOf(q, c.key, text, timeZone);
      break;
    default: {
      const { number, percent } = numberOf(q, c.key, text);
      const read = numberRead(d, c.rule, number, percent);
      value = `(CASE WHEN ${read.valid} THEN ${read.value} END)`;
    }
  }
  // Every reader gives NULL exactly when the cell is blank or not valid.
  const stored = q.add(STAGE.value, `v_${c.key}`, value);
  const found = q.add(
    STAGE.found,
    `f_${c.key}`,
    `(CASE WHEN ${text} IS NOT NULL AND ${stored} IS NULL THEN ${quoted(text)} END)`,
  );
  const problem = q.add(STAGE.problem, `p_${c.key}`, problemText(d, c, found));
  return { text, value: stored, problem };
}

function inList(d: Dialect, words: Iterable<string>): string {
  return [...words].map((word) => d.string(word)).join(', ');
}

/** readBoolean on text (given trimmed, in lower case): a yes/no word; NULL for anything else. */
function flagOf(d: Dialect, lower: string): string {
  return caseWhen([
    [`${lower} IN (${inList(d, TRUE_WORDS)})`, 'TRUE'],
    [`${lower} IN (${inList(d, FALSE_WORDS)})`, 'FALSE'],
  ]);
}

/** normalizeKey: decomposed, lower case, only a-z and 0-9 kept. */
function normalizedKey(d: Dialect, text: string): string {
  return d.replaceAll(`LOWER(${d.decompose(text)})`, '[^a-z0-9]', '');
}

/**
 * The grammar parseNumberText scans (src/core/cells.ts), as one pattern for the engines,
 * which read patterns in linear time: spaces anywhere between
 *   [sign] [$ € £ ¥ | usd eur gbp] [sign] digits [k m mm b bn] [%] [usd eur gbp]
 * with letters in either case as toLowerCase reads them (the Kelvin sign is a k). The
 * scanner is the rule; test/core/sql.test.ts holds this pattern to it on random texts.
 */
export const NUMBER_PATTERN =
  /^\s*([-+])?\s*(?:[$€£¥]|[uU][sS][dD]|[eE][uU][rR]|[gG][bB][pP])?\s*([-+])?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*([kK\u212a]|[mM][mM]?|[bB][nN]?)?\s*(%)?\s*(?:[uU][sS][dD]|[eE][uU][rR]|[gG][bB][pP])?\s*$/;

/** The multiplier of a suffix, by its first letter in lower case (mm and bn as m and b). */
const MULTIPLIERS: readonly (readonly [string, number])[] = [
  ['k', 1e3],
  ['\u212a', 1e3],
  ['m', 1e6],
  ['b', 1e9],
];

const NUMBER_GROUPS = ['sign1', 'sign2', 'digits', 'suffix', 'percent'] as const;

/**
 * parseNumberText: the number a text holds (signed, with its multiplier) and whether it was
 * a percentage; NULL when the text is no number.
 */
function numberOf(
  q: Query,
  key: string,
  text: string,
): { readonly number: string; readonly percent: string } {
  const d = q.dialect;
  // "(1,200)" is an accounting negative: the parentheses come off before the pattern.
  const paren = q.add(STAGE.parse, `np_${key}`, `COALESCE(${text} LIKE '(%)', FALSE)`);
  const inner = q.add(
    STAGE.parse,
    `ni_${key}`,
    `(CASE WHEN ${text} LIKE '(%)' THEN SUBSTR(${text}, 2, LENGTH(${text}) - 2) ELSE ${text} END)`,
  );
  const groups = d.groups(inner, re2(NUMBER_PATTERN), NUMBER_GROUPS, q.internal(`ng_${key}`));
  q.add(STAGE.groups, `ng_${key}`, groups.prepare);
  const [sign1, sign2, digits, suffix, percentSign] = groups.read as [
    string,
    string,
    string,
    string,
    string,
  ];
  const multiplier = caseWhen(
    MULTIPLIERS.map(([letter, factor]) => [
      `LOWER(SUBSTR(${suffix}, 1, 1)) = ${d.string(letter)}`,
      d.number(factor),
    ]),
  );
  // Text longer than any figure is no number, before any parsing (as the scanner does).
  const wellFormed = `(LENGTH(${text}) <= ${MAX_FIGURE_TEXT} AND ${digits} <> '' AND (${digits} NOT LIKE '%,%' OR ${d.matches(digits, re2(GROUPED_DIGITS))}))`;
  const magnitude = q.add(
    STAGE.pieces,
    `nm_${key}`,
    caseWhen([[wellFormed, `${d.tryCast(`CONCAT('0', REPLACE(${digits}, ',', ''))`, d.float)}`]]),
  );
  // No suffix multiplies by 1, which changes no number.
  const factor = q.add(STAGE.pieces, `nf_${key}`, caseWhen([[`${suffix} = ''`, '1']], multiplier));
  const negative = q.add(
    STAGE.pieces,
    `nn_${key}`,
    `(${paren} <> (${sign1} = '-' OR ${sign2} = '-'))`,
  );
  const percent = q.add(STAGE.pieces, `pct_${key}`, `(${percentSign} = '%')`);
  // Beyond MAX_MAGNITUDE (or not finite) a number is not read, whatever the reader.
  const scaled = `(${magnitude} * ${factor})`;
  const number = q.add(
    STAGE.number,
    `n_${key}`,
    caseWhen(
      [
        [`ABS(${scaled}) > ${d.number(MAX_MAGNITUDE)}`, 'NULL'],
        [negative, `-${scaled}`],
      ],
      scaled,
    ),
  );
  return { number, percent };
}

/** A number cell's value by its rule, and whether it is valid (NULL counts as not). */
function numberRead(
  d: Dialect,
  rule: ColumnRule,
  n: string,
  percent: string,
): { readonly value: string; readonly valid: string } {
  const hundred = d.number(100);
  // readNumber: a percentage is divided by 100.
  const plain = `(CASE WHEN ${percent} THEN ${n} / ${hundred} ELSE ${n} END)`;
  switch (rule.kind) {
    case 'count':
    case 'money':
      return { value: plain, valid: `(${plain} >= 0)` };
    case 'number':
      return {
        value: plain,
        valid: `(${plain} >= ${d.number(rule.min)} AND ${plain} <= ${d.number(rule.max)})`,
      };
    case 'ratio': {
      // A whole percentage typed without its sign (45) is a ratio too; above 100 is not.
      const ratio = `(CASE WHEN ${percent} OR ${n} > 1 THEN ${n} / ${hundred} ELSE ${n} END)`;
      return { value: ratio, valid: `(${n} >= 0 AND ${ratio} <= 1)` };
    }
    case 'change': {
      const change = `(CASE WHEN ${percent} OR ABS(${n}) > 1 THEN ${n} / ${hundred} ELSE ${n} END)`;
      return { value: change, valid: `(${n} IS NOT NULL)` };
    }
    case 'subScore':
      // A sub-score is read as written: "85%" is 85.
      return { value: n, valid: `(${n} >= 0 AND ${n} <= ${hundred})` };
    default:
      throw new Error(`No SQL reader for ${rule.kind} cells.`);
  }
}

/** A time of day, as JavaScript's Date reads it: HH:MM, then seconds and a fraction. */
const TIME = String.raw`([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?`;
/** The date-times read without an offset: the day as written (local time). */
const LOCAL_TIME = String.raw`^.{10}[T ]${TIME}$`;
/**
 * The date-times read with an offset: after a T, Z or +HH:MM (ECMAScript's format); after a
 * space, also +HH and +HHMM, which JavaScript's Date reads too and BigQuery writes for a
 * TIMESTAMP cast to text ("2026-11-23 09:30:00+00").
 */
const OFFSET_TIME = String.raw`^.{10}(T${TIME}([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)| ${TIME}([Zz]|[+-]([01]\d|2[0-3])(:?[0-5]\d)?))$`;

/**
 * readDay on text: "YYYY-MM-DD" is that day (years before 100 read as 19xx, as JavaScript's
 * Date.UTC does); with a time of day and no offset, the day as written (local time); with
 * an offset, the instant's day in the time zone.
 */
function dayOf(q: Query, key: string, text: string, timeZone: string): string {
  const d = q.dialect;
  const year = `${d.tryCast(`SUBSTR(${text}, 1, 4)`, d.int)}`;
  const mappedYear = `(CASE WHEN ${year} < 100 THEN ${year} + 1900 ELSE ${year} END)`;
  const written = `${d.dateFromText(
    `CONCAT(LPAD(CAST(${mappedYear} AS ${d.text}), 4, '0'), SUBSTR(${text}, 5, 6))`,
  )}`;
  const base = q.add(
    STAGE.parse,
    `dw_${key}`,
    `(CASE WHEN ${d.matches(text, re2(ISO_DAY))} THEN ${written} END)`,
  );
  // The canonical form both engines cast: "YYYY-MM-DD HH:MM:SS[.f]+HH:MM".
  const steps: [string, string][] = [
    [String.raw`^(.{10})T`, String.raw`\1 `],
    [String.raw`^(.{10} \d{2}:\d{2})([^:]|$)`, String.raw`\1:00\2`],
    ['[Zz]$', '+00:00'],
    [String.raw`([+-]\d{2})$`, String.raw`\1:00`],
    [String.raw`([+-]\d{2})(\d{2})$`, String.raw`\1:\2`],
  ];
  const instant = steps.reduce(
    (expression, [pattern, replacement]) => d.replaceAll(expression, pattern, replacement),
    text,
  );
  return caseWhen([
    [`${base} IS NULL OR LENGTH(${text}) > ${MAX_FIGURE_TEXT}`, 'NULL'],
    [`LENGTH(${text}) = 10`, base],
    [d.matches(text, LOCAL_TIME), base],
    [d.matches(text, OFFSET_TIME), d.dayOfInstant(instant, timeZone)],
  ]);
}

/** describeCell of a text: longer ones are cut, with "...". */
export function quoted(text: string, max = EXCERPT_LENGTH): string {
  return `(CASE WHEN LENGTH(${text}) > ${max} THEN CONCAT(SUBSTR(${text}, 1, ${max - 3}), '...') ELSE ${text} END)`;
}

/** describeProblem's text for a cell quoted as `found` (NULL when the cell is fine). */
function problemText(d: Dialect, c: ColumnToRead, found: string): string {
  const problem = (shown: string) =>
    describeProblem({ column: c.header, found: shown, expected: c.expected, source: 'account' });
  // describeProblem words a Sheets error such as #N/A its own way: that template is made
  // with one, which the cell's text then replaces.
  const sheetsError = '#N/A';
  const asError = (mark: string) => problem(sheetsError + mark).replace(sheetsError + mark, mark);
  return caseWhen([
    [`${found} IS NULL`, 'NULL'],
    [d.matches(found, re2(SHEETS_ERROR)), fromTemplate(d, (mark) => asError(mark), [found])],
    ['TRUE', fromTemplate(d, (mark) => problem(mark), [found])],
  ]);
}
