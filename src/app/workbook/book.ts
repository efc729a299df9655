/**
 * Which sheet is the user's book of accounts: the one chosen in the settings, or the first
 * sheet (not one of CS Engine's own) whose header row has an Account column and health data.
 * Every use case finds it here, so the alerts, the Dashboard, the sidebar and Check setup
 * always read the same sheet.
 */
import { readLayout } from '../../core/book';
import type { CellValue } from '../../core/cells';
import { type ColumnMap, headerChange } from '../../core/column-map';
import { OWNED_SHEETS } from '../../core/owned-sheets';
import { effectiveHeaderRow, readColumnMap } from './columns';
import type { SheetStore } from './ports';
import type { Settings } from './settings';

/** No book can be found; the message says how to fix it, in the user's words. */
export class BookNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BookNotFound';
  }
}

/**
 * The book's sheet: `chosen` (from the settings) when given, else the first that looks like
 * one, its headers read with the Columns sheet's mapping (an "Acct name" mapped to Account).
 */
export function findBookSheet(
  sheets: SheetStore,
  chosen: string,
  map: ColumnMap = readColumnMap(sheets),
): string {
  if (chosen) {
    if (sheets.read(chosen) === undefined) {
      throw new BookNotFound(
        `The book sheet "${chosen}" no longer exists. Choose the book again in CS Engine > Alerts > Alert settings.`,
      );
    }
    return chosen;
  }
  for (const name of sheets.sheetNames()) {
    if (OWNED_SHEETS.has(name)) continue;
    const layout = readLayout(effectiveHeaderRow(sheets, sheets.header(name), map));
    if (layout.signals.has('account') && layout.signals.size > 1) return name;
  }
  throw new BookNotFound(
    'No sheet looks like a book of accounts: CS Engine looks for a header row with an Account column and health data such as DAU/MAU or Last login. If your columns have other names, map them with CS Engine > Check my book’s columns.',
  );
}

export interface Book {
  readonly sheet: string;
  /**
   * The sheet's values in one read, header row first: that row as CS Engine reads it
   * (effectiveHeaderRow), the rows below as they are.
   */
  readonly values: CellValue[][];
  /** The book's own header row, as the user wrote it. */
  readonly headers: readonly CellValue[];
  /** Said when the book's headers changed since its columns were mapped; else null. */
  readonly columnsChanged: string | null;
}

/** Finds the book the settings name (or the first that looks like one) and reads it whole. */
export function readBook(sheets: SheetStore, settings: Settings): Book {
  const map = readColumnMap(sheets);
  return readBookSheet(sheets, findBookSheet(sheets, settings.bookSheet, map), map);
}

/** Reads the book's sheet whole, its header row mapped. */
export function readBookSheet(
  sheets: SheetStore,
  sheet: string,
  map: ColumnMap = readColumnMap(sheets),
): Book {
  const values = sheets.read(sheet) ?? [];
  const headers = values[0] ?? [];
  if (values.length > 0) values[0] = effectiveHeaderRow(sheets, headers, map);
  return { sheet, values, headers, columnsChanged: headerChange(sheet, headers, map) };
}
