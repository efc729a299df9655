/**
 * The Columns sheet as storage (what its rows mean is src/core/column-map.ts's), and the one
 * way every use case gets the book's header row as CS Engine reads it: effectiveHeaderRow.
 * The alerts, the sidebar, the Dashboard, the snapshot and Check setup all read the book
 * through it, so a mapped header means the same column everywhere.
 */
import type { CellValue } from '../../core/cells';
import {
  type ColumnMap,
  NO_COLUMN_MAP,
  applyColumnMap,
  columnsSheetRows,
  parseColumnsSheet,
} from '../../core/column-map';
import { COLUMNS_SHEET } from '../../core/owned-sheets';
import type { SheetStore } from './ports';

/** The saved mapping, or none when there is no Columns sheet of CS Engine's. */
export function readColumnMap(sheets: SheetStore): ColumnMap {
  const parsed = parseColumnsSheet(sheets.read(COLUMNS_SHEET));
  return parsed.kind === 'ours' ? parsed.map : NO_COLUMN_MAP;
}

/**
 * The book's header row as CS Engine reads it: the book's own headers with the Columns
 * sheet's mapping applied. Pass `map` when it was read already (one read per use case).
 */
export function effectiveHeaderRow(
  sheets: SheetStore,
  header: readonly CellValue[],
  map: ColumnMap = readColumnMap(sheets),
): CellValue[] {
  return applyColumnMap(header, map);
}

/** The Columns sheet exists but is the user's: it is never written over. */
export class ColumnsSheetTaken extends Error {
  constructor() {
    super(
      `A sheet named "${COLUMNS_SHEET}" already exists and is not CS Engine’s. Rename it, then save the mapping again: CS Engine keeps the mapping in a sheet of that name.`,
    );
    this.name = 'ColumnsSheetTaken';
  }
}

/** Writes the mapping of `bookSheet`'s header row into the Columns sheet, in one write. */
export function saveColumnMap(
  sheets: SheetStore,
  bookSheet: string,
  header: readonly CellValue[],
  map: ColumnMap,
): void {
  const before = sheets.read(COLUMNS_SHEET);
  if (parseColumnsSheet(before).kind === 'foreign') throw new ColumnsSheetTaken();
  const rows = columnsSheetRows(bookSheet, header, map);
  // A narrower book than last time: the columns beyond it are written blank, not left over.
  const width = Math.max(rows[0]?.length ?? 0, before?.[0]?.length ?? 0);
  sheets.writeAll(
    COLUMNS_SHEET,
    rows.map((row) => [...row, ...new Array<string>(width - row.length).fill('')]),
  );
}
