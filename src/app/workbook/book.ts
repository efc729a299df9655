/**
 * Which sheet is the user's book of accounts: the one chosen in the settings, or the first
 * sheet (not one of CS Engine's own) whose header row has an Account column and health data.
 * Every use case finds it here, so the alerts, the Dashboard, the sidebar and Check setup
 * always read the same sheet.
 */
import { readLayout } from '../../core/book';
import type { CellValue } from '../../core/cells';
import { OWNED_SHEETS } from '../../core/owned-sheets';
import type { SheetStore } from './ports';
import type { Settings } from './settings';

/** No book can be found; the message says how to fix it, in the user's words. */
export class BookNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BookNotFound';
  }
}

/** The book's sheet: `chosen` (from the settings) when given, else the first that looks like one. */
export function findBookSheet(sheets: SheetStore, chosen: string): string {
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
    const layout = readLayout(sheets.header(name));
    if (layout.signals.has('account') && layout.signals.size > 1) return name;
  }
  throw new BookNotFound(
    'No sheet looks like a book of accounts: CS Engine looks for a header row with an Account column and health data such as DAU/MAU or Last login.',
  );
}

export interface Book {
  readonly sheet: string;
  /** The sheet's values, header row first, in one read. */
  readonly values: CellValue[][];
}

/** Finds the book the settings name (or the first that looks like one) and reads it whole. */
export function readBook(sheets: SheetStore, settings: Settings): Book {
  const sheet = findBookSheet(sheets, settings.bookSheet);
  return { sheet, values: sheets.read(sheet) ?? [] };
}
