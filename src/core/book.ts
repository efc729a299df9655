/**
 * The book: the user's header row and account rows, read into accounts.
 *
 * Columns are recognised by header, in any order, among any number of other columns. Each
 * account keeps the problems found in its cells, in the user's words, so one bad cell costs
 * one row its score, never the whole column.
 */
import {
  type CellValue,
  Invalid,
  describeCell,
  isBlank,
  isSheetsError,
  parseNumberText,
  readText,
} from './cells';
import { type DimensionId, DIMENSION_LABELS, dimensionForHeader } from './dimensions';
import type { SignalValues } from './rubrics';
import {
  type ReadContext,
  type SignalDefinition,
  type SignalId,
  emptySignalColumns,
  signalRecordAt,
  signalForHeader,
} from './signals';

interface BookColumn<K> {
  readonly key: K;
  readonly index: number;
  /** The header as the user wrote it, for messages. */
  readonly header: string;
}

export interface BookLayout {
  readonly signals: ReadonlyMap<SignalId, BookColumn<SignalDefinition>>;
  readonly subScores: ReadonlyMap<DimensionId, BookColumn<DimensionId>>;
  /** Headers that name nothing CS Engine knows (shown by diagnostics). */
  readonly unrecognised: readonly string[];
  readonly width: number;
}

export interface CellProblem {
  readonly column: string;
  readonly found: string;
  readonly expected: string;
  /** The signal or dimension the column holds, so a use case can tell which problems matter. */
  readonly source: SignalId | DimensionId;
}

export interface AccountRow {
  /** 0-based position among the rows passed in. */
  readonly index: number;
  /** Every cell of the row is blank. */
  readonly blank: boolean;
  readonly values: SignalValues;
  /** Dimension sub-scores (0-100) typed in dimension columns; they win over raw signals. */
  readonly subScores: Partial<Record<DimensionId, number>>;
  readonly problems: readonly CellProblem[];
}

/**
 * Reads the header row. The first column that names a signal or a dimension wins; a later
 * duplicate is ignored.
 */
export function readLayout(headerRow: readonly CellValue[]): BookLayout {
  const signals = new Map<SignalId, BookColumn<SignalDefinition>>();
  const subScores = new Map<DimensionId, BookColumn<DimensionId>>();
  const unrecognised: string[] = [];
  headerRow.forEach((cell, index) => {
    const header = readText(cell);
    if (typeof header !== 'string') return;
    const dimension = dimensionForHeader(header);
    if (dimension) {
      if (!subScores.has(dimension)) subScores.set(dimension, { key: dimension, index, header });
      return;
    }
    const signal = signalForHeader(header);
    if (signal) {
      if (!signals.has(signal.id)) signals.set(signal.id, { key: signal, index, header });
      return;
    }
    unrecognised.push(header);
  });
  return { signals, subScores, unrecognised, width: headerRow.length };
}

export function describeProblem(problem: CellProblem): string {
  // The column is named by its header as the user typed it, which may be any length.
  const column = describeCell(problem.column);
  if (isSheetsError(problem.found)) {
    return `${column}: the cell shows the error ${problem.found}; expected ${problem.expected}`;
  }
  return `${column}: expected ${problem.expected}, found '${problem.found}'`;
}

const SUB_SCORE_EXPECTED = 'a score 0-100';

/** A dimension sub-score cell: 0-100, as a number or text ("85", "85%"). */
function readSubScore(cell: CellValue): number | 'blank' | 'invalid' {
  if (isBlank(cell)) return 'blank';
  let value: number | undefined;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') value = parseNumberText(cell)?.value;
  if (value === undefined || !Number.isFinite(value) || value < 0 || value > 100) return 'invalid';
  return value;
}

function rowIsBlank(row: readonly CellValue[]): boolean {
  for (const cell of row) if (!isBlank(cell)) return false;
  return true;
}

/** The columns a computation reads; cells elsewhere are never looked at. */
export interface NeededColumns {
  readonly signals: ReadonlySet<SignalId>;
  readonly dimensions: ReadonlySet<DimensionId>;
}

/**
 * Which cells to read in every row, worked out once per call: a model uses about twenty
 * columns of a wide book, and large books are read row after row with the same plan.
 */
export interface ReadPlan {
  readonly subScores: readonly BookColumn<DimensionId>[];
  readonly signals: readonly BookColumn<SignalDefinition>[];
  readonly context: ReadContext;
}

export function planRead(
  layout: BookLayout,
  needed: NeededColumns,
  context: ReadContext,
): ReadPlan {
  return {
    subScores: [...layout.subScores.values()].filter((column) => needed.dimensions.has(column.key)),
    signals: [...layout.signals.values()].filter((column) => needed.signals.has(column.key.id)),
    context,
  };
}

/**
 * Reads every account row with a plan, column by column: each column's cells go through one
 * reader in a tight loop, which V8 runs several times faster than switching reader at every
 * cell. Rows come back in order, each with the problems found in its cells.
 */
export function readAccountRows(
  rows: readonly (readonly CellValue[])[],
  plan: ReadPlan,
): AccountRow[] {
  const count = rows.length;
  const blank = rows.map(rowIsBlank);
  const problems: (CellProblem[] | undefined)[] = new Array<CellProblem[] | undefined>(count);
  const report = (r: number, problem: CellProblem) => {
    const list = problems[r];
    if (list) list.push(problem);
    else problems[r] = [problem];
  };

  // Most books have no sub-score columns: rows then share one empty, frozen object.
  const subScores: Partial<Record<DimensionId, number>>[] =
    plan.subScores.length === 0 ? new Array(count).fill(NO_SUB_SCORES) : rows.map(() => ({}));
  for (const column of plan.subScores) {
    for (let r = 0; r < count; r++) {
      if (blank[r]) continue;
      const cell = (rows[r] as readonly CellValue[])[column.index];
      const score = readSubScore(cell);
      if (score === 'invalid') {
        report(r, {
          column: column.header || DIMENSION_LABELS[column.key],
          found: describeCell(cell),
          expected: SUB_SCORE_EXPECTED,
          source: column.key,
        });
      } else if (score !== 'blank') {
        (subScores[r] as Partial<Record<DimensionId, number>>)[column.key] = score;
      }
    }
  }

  const columns = emptySignalColumns();
  for (const column of plan.signals) {
    const { id, read, expected } = column.key;
    const values = new Array<unknown>(count);
    for (let r = 0; r < count; r++) {
      if (blank[r]) continue;
      const value = read((rows[r] as readonly CellValue[])[column.index], plan.context);
      if (value instanceof Invalid)
        report(r, { column: column.header, found: value.found, expected, source: id });
      else values[r] = value;
    }
    (columns as Record<SignalId, unknown[]>)[id] = values;
  }

  const accounts = new Array<AccountRow>(count);
  for (let r = 0; r < count; r++) {
    accounts[r] = {
      index: r,
      blank: blank[r] as boolean,
      values: signalRecordAt(columns, r),
      subScores: subScores[r] as Partial<Record<DimensionId, number>>,
      problems: problems[r] ?? NO_PROBLEMS,
    };
  }
  return accounts;
}

const NO_PROBLEMS: readonly CellProblem[] = Object.freeze([]);
const NO_SUB_SCORES: Partial<Record<DimensionId, number>> = Object.freeze({});
