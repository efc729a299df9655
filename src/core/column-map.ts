/**
 * Columns mapped, not renamed: a team's own header ("Most recent login") read as a column CS
 * Engine knows ("Last login"), without touching the team's sheet. The mapping is kept in the
 * Columns sheet, which the add-on owns:
 *
 * - row 1 holds, for each column of the book, the header CS Engine reads there: the canonical
 *   name of the column it was mapped to, the user's own header when it is recognised as it
 *   is, or a blank when it is ignored. A formula takes its headers from it:
 *   =HEALTHSCORE(Columns!A1:AZ1, Accounts!A2:AZ500, , CSE_TODAY);
 * - row 2 holds the book's own headers as they were when the mapping was saved, so that the
 *   mapping can be shown again, and a change of the book's headers (a column added, removed,
 *   renamed or moved) is seen: row 1 then no longer lines up with the book;
 * - row 4 says, in words, what the sheet is.
 *
 * The add-on itself never relies on the positions: it maps the book's headers by their text
 * (applyColumnMap), so a column that moved is still read right; only the formulas that point
 * at row 1 need the mapping saved again, and Check setup and the sidebar say so.
 */
import { type BookLayout, readLayout } from './book';
import { type CellValue, describeCell, readText } from './cells';
import { columnLetter } from './dashboard';
import { DIMENSION_IDS, DIMENSION_LABELS, type DimensionId } from './dimensions';
import { COLUMNS_SHEET } from './owned-sheets';
import { SIGNALS } from './signals';
import { listInWords, normalizeKey } from './text';

/** A column CS Engine reads, as a choice for a header it does not recognise. */
export interface MappingTarget {
  /** Stable: a signal's id, or "score:" and a dimension's id. */
  readonly value: string;
  /** The header CS Engine reads for it, as row 1 of the Columns sheet holds it. */
  readonly label: string;
  readonly group: 'Columns' | 'Dimension scores';
  /** What a cell of it holds, in the user's words. */
  readonly expected: string;
}

const byLabel = (a: MappingTarget, b: MappingTarget) =>
  a.label.toLowerCase() < b.label.toLowerCase() ? -1 : 1;

let targets: readonly MappingTarget[] | undefined;

/**
 * Every column a header can be mapped to, alphabetical within each group. Built when first
 * asked: the custom functions, which load this module with the alert run, never ask.
 */
export function mappingTargets(): readonly MappingTarget[] {
  targets ??= [
    ...SIGNALS.map((signal): MappingTarget => ({
      value: signal.id,
      label: signal.label,
      group: 'Columns',
      expected: signal.expected,
    })).sort(byLabel),
    ...DIMENSION_IDS.map((id: DimensionId): MappingTarget => ({
      value: `score:${id}`,
      label: `${DIMENSION_LABELS[id]} score`,
      group: 'Dimension scores',
      expected: 'a score 0-100',
    })).sort(byLabel),
  ];
  return targets;
}

function mappingTarget(value: string): MappingTarget | undefined {
  return mappingTargets().find((target) => target.value === value);
}

/** The target a header names as CS Engine reads it (a label, an alias), if any. */
function targetOfHeader(text: string): MappingTarget | undefined {
  const layout = readLayout([text]);
  const signal = layout.signals.values().next().value;
  if (signal) return mappingTarget(signal.key.id);
  const dimension = layout.subScores.values().next().value;
  return dimension ? mappingTarget(`score:${dimension.key}`) : undefined;
}

/** A header cell as text ('' for a blank one), as row 2 of the Columns sheet keeps it. */
export function headerText(cell: CellValue): string {
  const text = readText(cell);
  return typeof text === 'string' ? text : '';
}

/**
 * What makes two headers the same header: case, spacing and punctuation ignored, as the
 * signal dictionary compares them; a header of punctuation alone is compared as it is.
 */
function headerKey(cell: CellValue): string {
  const text = headerText(cell);
  return normalizeKey(text) || text;
}

export interface ColumnMap {
  /** What each mapped header is read as, by header: a target's label, or '' to ignore it. */
  readonly choices: ReadonlyMap<string, string>;
  /** The book's headers when the mapping was saved (row 2 of the Columns sheet). */
  readonly recorded: readonly string[];
}

export const NO_COLUMN_MAP: ColumnMap = { choices: new Map(), recorded: [] };

/** True when no header is mapped: the book is read as its headers say. */
export function isEmptyMap(map: ColumnMap): boolean {
  return map.choices.size === 0 && map.recorded.length === 0;
}

/**
 * The header row CS Engine reads: the book's own headers with the mapping applied, matched by
 * their text (a column that moved keeps its mapping). The book's cells are not changed.
 */
export function applyColumnMap(header: readonly CellValue[], map: ColumnMap): CellValue[] {
  if (map.choices.size === 0) return [...header];
  return header.map((cell) => {
    const key = headerKey(cell);
    const choice = key === '' ? undefined : map.choices.get(key);
    return choice === undefined ? cell : choice;
  });
}

/**
 * The first words of the note (row 4): how the add-on knows a Columns sheet is its own, even
 * after a user inserted or deleted a row below the mapping.
 */
const NOTE_START = 'CS Engine column mapping.';

/** The Columns sheet is at least as wide as A:AZ, the range its formula example names. */
export const COLUMNS_SHEET_MIN_WIDTH = 52;

/** The formula example for a book sheet, with its headers taken from the Columns sheet. */
export function mappedFormula(bookSheet: string): string {
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
  return `=HEALTHSCORE(${COLUMNS_SHEET}!A1:AZ1, ${quoted(bookSheet)}!A2:AZ500, , CSE_TODAY)`;
}

/** The Columns sheet's rows for a book's header row and its mapping, all text. */
export function columnsSheetRows(
  bookSheet: string,
  header: readonly CellValue[],
  map: ColumnMap,
): string[][] {
  const width = Math.max(header.length, COLUMNS_SHEET_MIN_WIDTH);
  const pad = (cells: string[]) => [...cells, ...new Array<string>(width - cells.length).fill('')];
  const note = `${NOTE_START} Row 1: the header CS Engine reads for each column of the "${bookSheet}" sheet (blank: ignored). Row 2: that sheet's own headers when they were mapped. Change them with CS Engine > Check my book’s columns; your sheet is never changed. Formulas take their headers from row 1: ${mappedFormula(bookSheet)}`;
  const rows = [
    pad(applyColumnMap(header, map).map(headerText)),
    pad(header.map(headerText)),
    pad([]),
    pad([note]),
  ];
  return rows;
}

export type ColumnsSheet =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ours'; readonly map: ColumnMap }
  /** A sheet of that name the user made: never read as a mapping, never written over. */
  | { readonly kind: 'foreign' };

/**
 * Reads the Columns sheet back. The user may have edited it: row 1 is taken as it is (any
 * header CS Engine recognises works there), and a header of row 2 whose row 1 is its own
 * text is read as it is.
 */
export function parseColumnsSheet(
  values: readonly (readonly CellValue[])[] | undefined,
): ColumnsSheet {
  if (!values) return { kind: 'missing' };
  if (!values.some((row) => headerText(row[0]).startsWith(NOTE_START))) {
    const blank = values.every((row) => row.every((cell) => headerText(cell) === ''));
    return blank ? { kind: 'missing' } : { kind: 'foreign' };
  }
  const mapped = values[0] ?? [];
  const recorded = (values[1] ?? []).map(headerText);
  while (recorded.length > 0 && recorded[recorded.length - 1] === '') recorded.pop();
  const choices = new Map<string, string>();
  recorded.forEach((text, index) => {
    const key = headerKey(text);
    if (key === '' || choices.has(key)) return;
    const read = headerText(mapped[index]);
    if (read !== text) choices.set(key, read);
  });
  return { kind: 'ours', map: { choices, recorded } };
}

function trimmed(headers: readonly string[]): string[] {
  const copy = [...headers];
  while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
  return copy;
}

const QUOTED_MAX = 3;

function quoteSome(headers: readonly string[]): string {
  const shown = headers.slice(0, QUOTED_MAX).map((header) => `"${describeCell(header)}"`);
  const more = headers.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : listInWords(shown, 'and');
}

/**
 * Said when the book's headers are no longer those the mapping was saved for, or null. The
 * add-on still reads every mapped header right (by its text); the Columns sheet's row 1, which
 * formulas read by position, is what no longer lines up.
 */
export function headerChange(
  bookSheet: string,
  header: readonly CellValue[],
  map: ColumnMap,
): string | null {
  if (isEmptyMap(map)) return null;
  const now = trimmed(header.map(headerText));
  const then = trimmed(map.recorded);
  if (now.length === then.length && now.every((text, i) => text === then[i])) return null;
  const thenKeys = new Set(then.map(headerKey));
  const nowKeys = new Set(now.map(headerKey));
  const added = now.filter((text) => text !== '' && !thenKeys.has(headerKey(text)));
  const gone = then.filter((text) => text !== '' && !nowKeys.has(headerKey(text)));
  const what: string[] = [];
  if (added.length > 0) what.push(`new ${quoteSome(added)}`);
  if (gone.length > 0) what.push(`gone ${quoteSome(gone)}`);
  if (what.length === 0) what.push('columns moved');
  return `The columns of "${bookSheet}" changed since they were mapped (${what.join('; ')}). Open CS Engine > Check my book’s columns and save the mapping again: formulas that take their headers from the Columns sheet read its row 1 by position.`;
}

/** One of the book's headers CS Engine does not recognise, with what it is mapped to. */
interface UnrecognisedHeader {
  readonly header: string;
  /** Its columns' letters: "C", or "C, F" when two columns have that header. */
  readonly columns: string;
  /** The target's value, or '' when it is ignored (or not mapped yet). */
  readonly target: string;
  /** Whether the saved mapping has a choice for it (false: a header new since). */
  readonly chosen: boolean;
}

interface RecognisedHeader {
  readonly header: string;
  readonly column: string;
  /** The column CS Engine reads it as. */
  readonly label: string;
}

export interface HeaderMapping {
  readonly unrecognised: readonly UnrecognisedHeader[];
  readonly recognised: readonly RecognisedHeader[];
}

/** The book's headers as the mapping step shows them: the unrecognised ones to choose for. */
export function headerMapping(header: readonly CellValue[], map: ColumnMap): HeaderMapping {
  const layout = readLayout(header);
  const recognised: RecognisedHeader[] = [];
  for (const column of layout.signals.values()) {
    recognised.push({
      header: column.header,
      column: columnLetter(column.index),
      label: column.key.label,
    });
  }
  for (const column of layout.subScores.values()) {
    recognised.push({
      header: column.header,
      column: columnLetter(column.index),
      label: `${DIMENSION_LABELS[column.key]} score`,
    });
  }
  recognised.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  const unknown = unrecognisedColumns(header, layout);
  const unrecognised = [...unknown.values()].map(({ header: text, indexes }) => {
    const choice = map.choices.get(headerKey(text));
    return {
      header: text,
      columns: indexes.map(columnLetter).join(', '),
      target: choice ? (targetOfHeader(choice)?.value ?? '') : '',
      chosen: choice !== undefined,
    };
  });
  return { unrecognised, recognised };
}

/** The headers the dictionary does not recognise, by header key, with their columns. */
function unrecognisedColumns(
  header: readonly CellValue[],
  layout: BookLayout,
): Map<string, { header: string; indexes: number[] }> {
  const known = new Set<number>([
    ...[...layout.signals.values()].map((column) => column.index),
    ...[...layout.subScores.values()].map((column) => column.index),
  ]);
  const byKey = new Map<string, { header: string; indexes: number[] }>();
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key === '' || known.has(index)) return;
    // A later duplicate of a recognised header is not read either; it is not offered.
    if (targetOfHeader(headerText(cell))) return;
    const entry = byKey.get(key);
    if (entry) entry.indexes.push(index);
    else byKey.set(key, { header: headerText(cell), indexes: [index] });
  });
  return byKey;
}

export interface HeaderChoice {
  readonly header: string;
  /** A target's value, or '' to ignore the column. */
  readonly target: string;
}

/**
 * The mapping the user chose, checked: each header must be one of the book's unrecognised
 * ones, each column CS Engine reads can come from one column only. Headers not chosen for are
 * ignored. Errors are in the user's words.
 */
export function resolveChoices(
  bookSheet: string,
  header: readonly CellValue[],
  requested: readonly HeaderChoice[],
): { readonly map: ColumnMap } | { readonly error: string } {
  const layout = readLayout(header);
  const unknown = unrecognisedColumns(header, layout);
  const taken = new Map<string, string>();
  for (const column of layout.signals.values()) taken.set(column.key.id, column.header);
  for (const column of layout.subScores.values()) taken.set(`score:${column.key}`, column.header);
  const choices = new Map<string, string>();
  for (const key of unknown.keys()) choices.set(key, '');
  const chosenBy = new Map<string, string>();
  for (const choice of requested) {
    const text = typeof choice?.header === 'string' ? choice.header : '';
    const key = headerKey(text);
    if (!unknown.has(key)) {
      return {
        error: `"${describeCell(text)}" is not a header of "${bookSheet}" that CS Engine can map (it may have been renamed since). Open Check my book’s columns again.`,
      };
    }
    const value = typeof choice.target === 'string' ? choice.target : '';
    if (value === '') continue;
    const target = mappingTarget(value);
    if (!target) {
      return { error: `"${describeCell(value)}" is not a column CS Engine reads.` };
    }
    const already = taken.get(value);
    if (already !== undefined) {
      return {
        error: `${target.label} is already read from the "${describeCell(already)}" column: choose another column for "${describeCell(text)}", or Ignore.`,
      };
    }
    const other = chosenBy.get(value);
    if (other !== undefined && headerKey(other) !== key) {
      return {
        error: `"${describeCell(other)}" and "${describeCell(text)}" are both mapped to ${target.label}: CS Engine reads one column for it. Choose Ignore for one of them.`,
      };
    }
    chosenBy.set(value, text);
    choices.set(key, target.label);
  }
  return { map: { choices, recorded: trimmed(header.map(headerText)) } };
}
