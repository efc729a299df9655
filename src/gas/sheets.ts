/** Reading the user's book from the spreadsheet, in one call per sheet. */

export interface SheetSnapshot {
  readonly name: string;
  /** Every value of the sheet's data range, header row first. */
  readonly values: unknown[][];
}

/** The active sheet's whole data range, in a single getValues() call. */
export function readActiveSheet(): SheetSnapshot {
  const sheet = SpreadsheetApp.getActiveSheet();
  return { name: sheet.getName(), values: sheet.getDataRange().getValues() };
}
