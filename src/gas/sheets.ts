/** Reading the user's book from the spreadsheet, in one call per sheet. */
import type { CellValue } from '../core/cells';

export interface SheetSnapshot {
  readonly name: string;
  /** Every value of the sheet's data range, header row first. */
  readonly values: CellValue[][];
}

/** The active sheet's whole data range, in a single getValues() call. */
export function readActiveSheet(): SheetSnapshot {
  const sheet = SpreadsheetApp.getActiveSheet();
  return { name: sheet.getName(), values: sheet.getDataRange().getValues() };
}
