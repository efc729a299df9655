/**
 * What every use case needs from the spreadsheet it runs in, as small interfaces: the sheets,
 * the document's properties, the clock and the time zone. src/gas/ implements them over the
 * real services; tests drive the bundle with the local runtime's fakes. Cells are CellValue
 * both ways, as getValues gives them and setValues takes them.
 */
import type { CellValue } from '../../core/cells';

/** Rows of cells, as a sheet holds them (header row first where there is one). */
export type Rows = readonly (readonly CellValue[])[];

/**
 * The spreadsheet's sheets. Whatever is written is stored as it is: a string stays that text
 * (never a formula, number or date), so rows read back can be written back safely.
 */
export interface SheetStore {
  spreadsheetName(): string;
  /** The sheet's link: ".../edit#gid=123". */
  sheetUrl(name: string): string;
  sheetNames(): string[];
  /** The sheet's whole data range in one getValues(), or undefined when there is no such sheet. */
  read(name: string): CellValue[][] | undefined;
  /** The first row of a sheet, as wide as its data ([] for an empty sheet). */
  header(name: string): CellValue[];
  /** Rows from `startRow` (1-based) to the last row, `width` columns, in one getValues(). */
  readFrom(name: string, startRow: number, width: number): CellValue[][];
  /** Writes rows from row 1 of an add-on sheet, creating it if needed, in one setValues(). */
  writeAll(name: string, rows: Rows): void;
  /** Appends rows under the last row, creating the sheet with its header if needed. */
  append(name: string, header: readonly string[], rows: Rows): void;
  /** Overwrites rows from `startRow` (1-based), in one setValues(). */
  writeBlock(name: string, startRow: number, rows: Rows): void;
  lastRow(name: string): number;
  /** Deletes `count` rows from `startRow` (1-based) in one call; rows below move up. */
  deleteRows(name: string, startRow: number, count: number): void;
  /** Cells in every sheet's grid (rows x columns, blank or not), the unit of Sheets' limit. */
  cellsUsed(): number;
}

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** The workbook as every use case sees it. */
export interface WorkbookPorts {
  readonly sheets: SheetStore;
  /** The document's properties (settings, run state). */
  readonly properties: KeyValueStore;
  readonly now: () => Date;
  /** The spreadsheet's time zone (IANA name): "today" and every timestamp are in it. */
  readonly timeZone: string;
}
