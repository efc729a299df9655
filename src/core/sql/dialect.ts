/**
 * The two SQL dialects the health model compiles to: BigQuery Standard SQL, where it runs for
 * real, and DuckDB, where the tests run it against the add-on. Everything that is spelled
 * differently lives here and nowhere else; docs/bigquery.md lists the same differences.
 */

import { ArgumentError } from '../models';

export type DialectName = 'bigquery' | 'duckdb';

export const DIALECT_NAMES: readonly DialectName[] = ['bigquery', 'duckdb'];

export interface Dialect {
  readonly name: DialectName;
  /** Type names. */
  readonly float: string;
  readonly int: string;
  readonly text: string;
  /** A table path such as project.dataset.accounts, quoted. */
  table(path: string): string;
  /** A column name, quoted. */
  column(name: string): string;
  /** A string literal. */
  string(text: string): string;
  /** A floating-point literal that is exactly the JavaScript number `value`. */
  number(value: number): string;
  /** CAST that gives NULL instead of failing. */
  tryCast(expression: string, type: string): string;
  /** True when the pattern matches somewhere in the text (patterns anchor themselves). */
  matches(expression: string, pattern: string): string;
  /** Every match of the pattern replaced. */
  replaceAll(expression: string, pattern: string, replacement: string): string;
  /**
   * The capturing groups of one match, as SQL expressions ('' when a group or the whole
   * pattern does not match): `prepare` is a column named `alias`, computed in a stage before
   * the one that uses `read`.
   */
  groups(
    expression: string,
    pattern: string,
    names: readonly string[],
    alias: string,
  ): { readonly prepare: string; readonly read: readonly string[] };
  /**
   * The text decomposed with compatibility mappings (Unicode NFKD), so that accents become
   * separate marks that normalizeKey drops.
   */
  decompose(expression: string): string;
  /** A DATE from "YYYY-MM-DD" text, NULL when it names no real day. */
  dateFromText(expression: string): string;
  /** The calendar day, in a time zone, of a date-time text with an offset ("...Z", "+02:00"). */
  dayOfInstant(expression: string, timeZone: string): string;
  /** DATE literal. */
  date(iso: string): string;
  /** Today in a time zone. */
  currentDate(timeZone: string): string;
  /** Whole days from `from` to `to` (dates). */
  daysBetween(from: string, to: string): string;
  /** The columns of the source and every stage, but the internal ones. */
  selectAllBut(columns: readonly string[]): string;
  /** Create or replace a view. */
  view(name: string, query: string): string;
}

/** A JavaScript number's shortest round-trip spelling; SQL engines parse it back exactly. */
function spelled(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as an SQL number.`);
  return Object.is(value, -0) ? '0' : String(value);
}

/** Refuses names that could end a quoted identifier or hide a second statement. */
function checkedName(name: string, forbidden: RegExp, what: string): string {
  if (name === '' || forbidden.test(name) || /[\u0000-\u001f]/.test(name)) {
    throw new ArgumentError(`${what} "${name}" cannot be written in SQL.`);
  }
  return name;
}

/** BigQuery reads a regular expression best from a raw string, where \ is itself. */
function bigQueryPattern(pattern: string): string {
  return /['\n\r]/.test(pattern) ? BIGQUERY.string(pattern) : `r'${pattern}'`;
}

export const BIGQUERY: Dialect = {
  name: 'bigquery',
  float: 'FLOAT64',
  int: 'INT64',
  text: 'STRING',
  table: (path) => `\`${checkedName(path, /[`\\]/, 'The table name')}\``,
  column: (name) => `\`${checkedName(name, /[`\\]/, 'The column name')}\``,
  string: (text) =>
    `'${text
      .replace(/\\/g, '\\\\')
      .replace(/'/g, "\\'")
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')}'`,
  // BigQuery reads a literal with a point or an exponent as FLOAT64, correctly rounded.
  number: (value) => {
    const text = spelled(value);
    const literal = /[.e]/.test(text) ? text : `${text}.0`;
    return value < 0 ? `(${literal})` : literal;
  },
  tryCast: (expression, type) => `SAFE_CAST(${expression} AS ${type})`,
  matches: (expression, pattern) => `REGEXP_CONTAINS(${expression}, ${bigQueryPattern(pattern)})`,
  replaceAll: (expression, pattern, replacement) =>
    `REGEXP_REPLACE(${expression}, ${bigQueryPattern(pattern)}, ${BIGQUERY.string(replacement)})`,
  // REGEXP_EXTRACT returns one group: one REGEXP_REPLACE writes them all, "|" between them
  // (no group of the patterns used can hold a "|").
  groups: (expression, pattern, names, alias) => ({
    prepare: `(CASE WHEN ${BIGQUERY.matches(expression, pattern)} THEN REGEXP_REPLACE(${expression}, ${bigQueryPattern(
      pattern,
    )}, r'${names.map((_, index) => `\\${index + 1}`).join('|')}') ELSE '${'|'.repeat(names.length - 1)}' END)`,
    read: names.map((_, index) => `SPLIT(${alias}, '|')[OFFSET(${index})]`),
  }),
  decompose: (expression) => `NORMALIZE(${expression}, NFKD)`,
  dateFromText: (expression) => `SAFE_CAST(${expression} AS DATE)`,
  dayOfInstant: (expression, timeZone) =>
    `DATE(SAFE_CAST(${expression} AS TIMESTAMP), ${BIGQUERY.string(timeZone)})`,
  date: (iso) => `DATE ${BIGQUERY.string(iso)}`,
  currentDate: (timeZone) => `CURRENT_DATE(${BIGQUERY.string(timeZone)})`,
  daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  selectAllBut: (columns) => `* EXCEPT (${columns.join(', ')})`,
  view: (name, query) => `CREATE OR REPLACE VIEW ${BIGQUERY.table(name)} AS\n${query}`,
};

export const DUCKDB: Dialect = {
  name: 'duckdb',
  float: 'DOUBLE',
  int: 'BIGINT',
  text: 'VARCHAR',
  table: (path) =>
    path
      .split('.')
      .map((part) => `"${checkedName(part, /"/, 'The table name')}"`)
      .join('.'),
  column: (name) => `"${checkedName(name, /"/, 'The column name')}"`,
  string: (text) => `'${text.replace(/'/g, "''")}'`,
  // DuckDB reads 0.19 as a DECIMAL: the number goes through text to a DOUBLE instead.
  number: (value) => {
    const text = spelled(value);
    return /[.e]/.test(text) ? `CAST('${text}' AS DOUBLE)` : `CAST(${text} AS DOUBLE)`;
  },
  tryCast: (expression, type) => `TRY_CAST(${expression} AS ${type})`,
  matches: (expression, pattern) => `regexp_matches(${expression}, ${DUCKDB.string(pattern)})`,
  replaceAll: (expression, pattern, replacement) =>
    `regexp_replace(${expression}, ${DUCKDB.string(pattern)}, ${DUCKDB.string(replacement)}, 'g')`,
  // One match gives every group at once, as a struct.
  groups: (expression, pattern, names, alias) => ({
    prepare: `regexp_extract(${expression}, ${DUCKDB.string(pattern)}, [${names
      .map((name) => DUCKDB.string(name))
      .join(', ')}])`,
    read: names.map((name) => `${alias}.${name}`),
  }),
  // DuckDB has no NFKD: strip_accents drops the accents, not other compatibility forms.
  decompose: (expression) => `strip_accents(${expression})`,
  dateFromText: (expression) => `TRY_CAST(${expression} AS DATE)`,
  dayOfInstant: (expression, timeZone) =>
    `CAST(timezone(${DUCKDB.string(timeZone)}, TRY_CAST(${expression} AS TIMESTAMPTZ)) AS DATE)`,
  date: (iso) => `DATE ${DUCKDB.string(iso)}`,
  currentDate: (timeZone) =>
    `CAST(timezone(${DUCKDB.string(timeZone)}, CAST(current_timestamp AS TIMESTAMPTZ)) AS DATE)`,
  daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
  selectAllBut: (columns) => `* EXCLUDE (${columns.join(', ')})`,
  view: (name, query) => `CREATE OR REPLACE VIEW ${DUCKDB.table(name)} AS\n${query}`,
};

export function dialectNamed(name: DialectName): Dialect {
  return name === 'bigquery' ? BIGQUERY : DUCKDB;
}
