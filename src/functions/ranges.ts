/**
 * What Sheets passes a custom function: a scalar for a single cell, a 2-D array (rows of
 * cells) for a range. These helpers keep "a cell in, a cell out; a range in, a range out".
 */
import type { CellValue } from '../core/cells';
import { ArgumentError } from '../core/models';
import { formatCount } from '../core/text';

export function isRange(arg: unknown): arg is CellValue[][] {
  return Array.isArray(arg);
}

/** A range as rows of cells; a single cell becomes a 1 x 1 range. */
export function toGrid(arg: unknown): CellValue[][] {
  if (!Array.isArray(arg)) return [[arg as CellValue]];
  return arg.map((row) => (Array.isArray(row) ? (row as CellValue[]) : [row as CellValue]));
}

/** Applies `fn` to every cell, keeping the shape: a scalar for a cell, a grid for a range. */
export function mapCells<T>(arg: unknown, fn: (cell: CellValue) => T): T | T[][] {
  if (!isRange(arg)) return fn(arg as CellValue);
  return toGrid(arg).map((row) => row.map(fn));
}

/**
 * The cells of a one-column (or one-row) range, in order. A wider range is a mistake the
 * user should hear about by name.
 */
export function cellsOfColumn(arg: unknown, argument: string, fn: string): CellValue[] {
  const grid = toGrid(arg);
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  if (rows > 1 && columns > 1) {
    throw new ArgumentError(
      `${fn}: ${argument} should be a single column (one row per account), but it has ${formatCount(columns, 'column')}.`,
    );
  }
  return grid.flat();
}

/**
 * The `headers` and `rows` arguments of a book function: one header row, and rows no wider
 * than it (a narrower range is fine: its columns are the first headers').
 */
export function bookArguments(
  fn: string,
  headers: unknown,
  rows: unknown,
): { headerRow: CellValue[]; rowGrid: CellValue[][] } {
  const headerGrid = toGrid(headers);
  if (headerGrid.length !== 1) {
    throw new ArgumentError(
      `${fn}: headers should be the single header row of the book (1 row), but it has ${formatCount(headerGrid.length, 'row')}.`,
    );
  }
  const headerRow = headerGrid[0] as CellValue[];
  const rowGrid = toGrid(rows);
  const rowWidth = rowGrid[0]?.length ?? 0;
  if (rowWidth > headerRow.length) {
    throw new ArgumentError(
      `${fn}: rows has ${formatCount(rowWidth, 'column')} but headers has ${formatCount(headerRow.length, 'column')}. Select the same columns for both, for example A1:Z1 and A2:Z500.`,
    );
  }
  return { headerRow, rowGrid };
}
