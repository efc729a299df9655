/**
 * In-memory SpreadsheetApp, Spreadsheet, Sheet and Range, faithful to Google's documented
 * behaviour (https://developers.google.com/apps-script/reference/spreadsheet):
 *
 * - rows and columns are 1-based; a range may not leave the sheet's grid (maxRows x
 *   maxColumns, 1000 x 26 for a new sheet), except that appendRow grows the sheet;
 * - a spreadsheet holds at most 10 million cells, counting every sheet's whole grid, and a
 *   cell at most 50,000 characters (sheet-limits.ts);
 * - blank cells read as ""; numbers, booleans and Dates read back as written (Dates as
 *   Dates: getValues never turns them into text); getValues returns fresh arrays (and fresh
 *   Dates) every time, never the stored ones;
 * - setValue(s) and appendRow store strings as Sheets stores typed text (typed-input.ts):
 *   "00123" is the number 123, "45%" is 0.45 shown as 45%, "2026-01-05" a date, "TRUE" a
 *   boolean; a leading apostrophe keeps the rest as text ("'=1" stores the text "=1"), and so
 *   does a cell formatted as plain text ("@"); a string starting with "=" is a formula;
 * - setValues checks the data's dimensions with Google's messages;
 * - getDisplayValues shows each value under its cell's number format (number-format.ts, with
 *   the numfmt library), Automatic when the cell has none;
 * - the fake does not evaluate formulas: a formula cell reads as "" in getValues until a
 *   test gives it a result with FakeSheet.setComputedValue (getFormulas returns the formula);
 * - insertSheet makes the new sheet the active one.
 *
 * Objects are views over shared models: several runtimes (executions) can work on the same
 * spreadsheet, each counting its own calls (see SpreadsheetEnv) and each receiving values in
 * its own JavaScript realm. Every service method records "Service.method" on the counter
 * (where the runtime's execution context may refuse it, see execution.ts); the helpers for
 * tests (snapshotValues, setComputedValue, ...) do not.
 */
import { parseA1, splitSheetName, toA1, type GridRect } from './a1';
import { CallCounter } from './calls';
import {
  FakeEmbeddedChart,
  FakeEmbeddedChartBuilder,
  insertChart,
  removeChart,
  storedCharts,
  updateChart,
} from './charts';
import { displayText, isDateFormat, serialToDate } from './number-format';
import { EXECUTION_MESSAGES, type ExecutionView, FULL_ACCESS } from './execution';
import { copyToHost, isDate, type ValueCopier } from './realm';
import { checkCellCount, checkCellText } from './sheet-limits';
import { typedValue } from './typed-input';
import type { Fluent } from './types';
import type { FakeUi } from './ui';
import { zonedParts } from './utilities';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** What a cell can hold. */
export type CellValue = string | number | boolean | Date;

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
/** What Range.getNumberFormat returns for a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

export const MESSAGES = {
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  tooFewRows: 'The number of rows in the range must be at least 1.',
  tooFewColumns: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  // Not Google's wording (unknown): which spreadsheet is missing.
  noSpreadsheet: (id: unknown) =>
    `No spreadsheet with the id or address "${String(id)}" exists in the local runtime.`,
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  // The two messages below are not from Google's documentation (unverified wording).
  deleteLastSheet: 'Sorry, it is not possible to delete all non-hidden sheets.',
  hideLastSheet: 'Sorry, it is not possible to hide all sheets in a document.',
  signature: (args: unknown[], method: string) =>
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
};

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'number[]';
  return 'Object';
}

/** What a runtime (one execution) brings to the objects it reads through. */
export interface SpreadsheetEnv {
  calls: CallCounter;
  /** copies values handed to the script into its realm (see realm.ts) */
  copyOut: ValueCopier;
  /** the execution's clock in ms (the year of a date typed without one); default: real time */
  now?: () => number;
}

// ---------------------------------------------------------------------------------------------
// Models (the data, shared by every view)
// ---------------------------------------------------------------------------------------------

interface StoredCell {
  value: CellValue | undefined;
  formula: string | undefined;
}

/**
 * A value stored as given, not typed: the contents of a test's book (createSpreadsheet) and
 * the result of a formula (setComputedValue). A string starting with "=" is a formula and one
 * starting with an apostrophe is text without it, as in a cell.
 */
function storedAsGiven(input: unknown): StoredCell {
  if (input === null || input === undefined || input === '') {
    return { value: undefined, formula: undefined };
  }
  if (typeof input === 'string') {
    checkCellText(input);
    if (input.startsWith('=')) return { value: undefined, formula: input };
    if (input.startsWith("'")) return { value: input.slice(1), formula: undefined };
    return { value: input, formula: undefined };
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    return { value: input, formula: undefined };
  }
  if (isDate(input)) return { value: new Date(input.getTime()), formula: undefined };
  return { value: String(input), formula: undefined };
}

/** Where a script's write happens: the spreadsheet's time zone and the writer's clock. */
export interface WriteContext {
  readonly timeZone: string;
  readonly year: () => number;
}

export class SheetModel {
  values: (CellValue | undefined)[][] = [];
  formulas: (string | undefined)[][] = [];
  /** number formats by cell (undefined: Automatic); they move with their rows */
  formats: (string | undefined)[][] = [];
  /** font weight, background, ... recorded by the formatting setters, per "row:column" */
  readonly styles = new Map<string, Record<string, unknown>>();
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  activeRange: GridRect = { row: 1, column: 1, numRows: 1, numColumns: 1 };

  constructor(
    public name: string,
    readonly sheetId: number,
    public maxRows = DEFAULT_MAX_ROWS,
    public maxColumns = DEFAULT_MAX_COLUMNS,
  ) {}

  value(row: number, column: number): CellValue | undefined {
    return this.values[row - 1]?.[column - 1];
  }

  formula(row: number, column: number): string | undefined {
    return this.formulas[row - 1]?.[column - 1];
  }

  /** Stores a value as given (see storedAsGiven). */
  store(row: number, column: number, input: unknown): void {
    const cell = storedAsGiven(input);
    this.setValue(row, column, cell.value);
    this.setFormula(row, column, cell.formula);
  }

  /** Stores what a script writes, as Sheets stores typed text (see typed-input.ts). */
  write(row: number, column: number, input: unknown, context: WriteContext): void {
    const format = this.format(row, column);
    const written = typedValue(input, context, format);
    if (written.kind === 'blank') {
      this.setValue(row, column, undefined);
      this.setFormula(row, column, undefined);
    } else if (written.kind === 'formula') {
      this.setValue(row, column, undefined);
      this.setFormula(row, column, written.formula);
    } else {
      this.setValue(row, column, written.value);
      this.setFormula(row, column, undefined);
      // What was typed formats a cell left on Automatic ("45%" shows as 45%).
      if (written.format !== undefined && format === undefined) {
        this.setFormat(row, column, written.format);
      }
    }
  }

  /** The cells of the sheet's grid, filled or not (what counts toward the 10 million). */
  gridCells(): number {
    return this.maxRows * this.maxColumns;
  }

  setValue(row: number, column: number, value: CellValue | undefined): void {
    setSparse(this.values, row, column, value);
  }

  setFormula(row: number, column: number, formula: string | undefined): void {
    setSparse(this.formulas, row, column, formula);
  }

  format(row: number, column: number): string | undefined {
    return this.formats[row - 1]?.[column - 1];
  }

  setFormat(row: number, column: number, format: string | undefined): void {
    setSparse(this.formats, row, column, format);
  }

  hasContent(row: number, column: number): boolean {
    const v = this.value(row, column);
    return (v !== undefined && v !== '') || this.formula(row, column) !== undefined;
  }

  lastRow(): number {
    for (let r = Math.max(this.values.length, this.formulas.length); r >= 1; r--) {
      const width = Math.max(this.values[r - 1]?.length ?? 0, this.formulas[r - 1]?.length ?? 0);
      for (let c = 1; c <= width; c++) if (this.hasContent(r, c)) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    const height = Math.max(this.values.length, this.formulas.length);
    for (let r = 1; r <= height; r++) {
      const width = Math.max(this.values[r - 1]?.length ?? 0, this.formulas[r - 1]?.length ?? 0);
      for (let c = width; c > last; c--) {
        if (this.hasContent(r, c)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  clear(rect: GridRect, contents: boolean, formats: boolean): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        if (contents) {
          this.setValue(r, c, undefined);
          this.setFormula(r, c, undefined);
        }
        if (formats) {
          this.setFormat(r, c, undefined);
          this.styles.delete(`${r}:${c}`);
        }
      }
    }
  }

  clearAll(contents: boolean, formats: boolean): void {
    if (contents) {
      this.values = [];
      this.formulas = [];
    }
    if (formats) {
      this.formats = [];
      this.styles.clear();
    }
  }
}

function setSparse<T>(
  grid: (T | undefined)[][],
  row: number,
  column: number,
  value: T | undefined,
) {
  let line = grid[row - 1];
  if (line === undefined) {
    if (value === undefined) return;
    while (grid.length < row - 1) grid.push([]);
    line = [];
    grid[row - 1] = line;
  }
  if (value === undefined && column > line.length) return;
  while (line.length < column - 1) line.push(undefined);
  line[column - 1] = value;
}

export interface SpreadsheetOptions {
  id?: string;
  name?: string;
  /** the spreadsheet's time zone (File > Settings); default America/New_York */
  timeZone?: string;
  /** grid size of the sheets built from values (at least the data's size) */
  maxRows?: number;
  maxColumns?: number;
}

export class SpreadsheetModel {
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel | undefined;
  readonly toasts: { message: string; title: string; timeoutSeconds?: number | null }[] = [];
  private nextSheetId = 0;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    /** false when built without a time zone: a runtime then gives it the script's */
    public timeZoneChosen = true,
  ) {}

  newSheetId(): number {
    // The first sheet of a new spreadsheet has gid 0; later ones get large, stable numbers.
    const id = this.nextSheetId === 0 ? 0 : 1_000_000_000 + this.nextSheetId * 7919;
    this.nextSheetId += 1;
    return id;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Named ranges by name; Sheets matches names without regard to case. */
  readonly namedRanges = new Map<string, { name: string; sheet: SheetModel; rect: GridRect }>();

  /**
   * Throws Sheets' error if growing the grid by `extraCells` would take the spreadsheet past
   * 10 million cells; call before changing anything.
   */
  checkGrowth(extraCells: number): void {
    let cells = extraCells;
    for (const sheet of this.sheets) cells += sheet.gridCells();
    checkCellCount(cells);
  }
}

/**
 * Sheets' rules for a range name (Sheets help, "Name a range"): letters, digits and
 * underscores, not starting with a digit, at most 250 characters, not "true"/"false", and not
 * a cell reference in A1 or R1C1 notation.
 */
function checkRangeName(name: string): void {
  const valid =
    /^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^R[0-9]*C[0-9]*$/i.test(name);
  if (!valid) throw new Error(`Invalid range name: ${name}`);
}

// ---------------------------------------------------------------------------------------------
// Views (the API a script sees)
// ---------------------------------------------------------------------------------------------

type RangePlainKeys =
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getHeight'
  | 'getWidth'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getNumberFormat'
  | 'getNumberFormats';

type RangeFluentKeys =
  | 'setValues'
  | 'setValue'
  | 'setFormulas'
  | 'setFormula'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setFontWeight'
  | 'setBackground'
  | 'setFontColor'
  | 'clearContent'
  | 'clear'
  | 'offset'
  | 'activate';

export class FakeRange
  implements Pick<GasRange, RangePlainKeys>, Fluent<GasRange, RangeFluentKeys, FakeRange>
{
  constructor(
    private readonly sheet: FakeSheet,
    readonly rect: GridRect,
    private readonly env: SpreadsheetEnv,
  ) {}

  private get model(): SheetModel {
    return this.sheet.model;
  }

  private record(method: string): void {
    this.env.calls.record(`Range.${method}`);
  }

  /** The sheet and cells this range covers, for a named range over it (not counted). */
  target(): { sheet: SheetModel; rect: GridRect } {
    return { sheet: this.sheet.model, rect: this.rect };
  }

  /** The sheet's name, for charts built over this range (not counted). */
  chartSheetName(): string {
    return this.sheet.model.name;
  }

  private forEachCell(fn: (row: number, column: number, i: number, j: number) => void): void {
    const { row, column, numRows, numColumns } = this.rect;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) fn(row + i, column + j, i, j);
    }
  }

  private grid<T>(cell: (row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numColumns);
      for (let j = 0; j < numColumns; j++) line[j] = cell(row + i, column + j);
      out[i] = line;
    }
    return out;
  }

  private rawValues(): CellValue[][] {
    return this.grid((r, c) => this.readValue(r, c));
  }

  /**
   * What getValue(s) returns for a cell: a number in a cell formatted as a date or time is a
   * Date (Range.getValues: "values may be of type Number, Boolean, Date, or String, depending
   * on the value of the cell"; a date cell holds a serial number under a date format).
   */
  private readValue(row: number, column: number): CellValue {
    const value = this.model.value(row, column) ?? '';
    if (typeof value !== 'number') return value;
    const format = this.model.format(row, column);
    return format !== undefined && isDateFormat(format)
      ? serialToDate(value, this.sheet.spreadsheetModel.timeZone)
      : value;
  }

  // -- reading ---------------------------------------------------------------------------------

  /** Fresh arrays each call; blanks are ""; Dates stay Dates (new copies). */
  getValues(): CellValue[][] {
    this.record('getValues');
    return this.env.copyOut(this.rawValues()) as CellValue[][];
  }

  /** The top-left cell's value. */
  getValue(): CellValue {
    this.record('getValue');
    return this.env.copyOut(this.readValue(this.rect.row, this.rect.column)) as CellValue;
  }

  /** Each value under its cell's number format, as Sheets shows it (number-format.ts). */
  getDisplayValues(): string[][] {
    this.record('getDisplayValues');
    return this.sheet.displayGrid(this.rect);
  }

  getDisplayValue(): string {
    this.record('getDisplayValue');
    const { row, column } = this.rect;
    return this.sheet.displayGrid({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
  }

  /** "" for cells without a formula. */
  getFormulas(): string[][] {
    this.record('getFormulas');
    return this.grid((r, c) => this.model.formula(r, c) ?? '');
  }

  getFormula(): string {
    this.record('getFormula');
    return this.model.formula(this.rect.row, this.rect.column) ?? '';
  }

  getNumberFormats(): string[][] {
    this.record('getNumberFormats');
    return this.grid((r, c) => this.model.format(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }

  getNumberFormat(): string {
    this.record('getNumberFormat');
    return this.model.format(this.rect.row, this.rect.column) ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumRows(): number {
    this.record('getNumRows');
    return this.rect.numRows;
  }

  getNumColumns(): number {
    this.record('getNumColumns');
    return this.rect.numColumns;
  }

  getHeight(): number {
    this.record('getHeight');
    return this.rect.numRows;
  }

  getWidth(): number {
    this.record('getWidth');
    return this.rect.numColumns;
  }

  getRow(): number {
    this.record('getRow');
    return this.rect.row;
  }

  getColumn(): number {
    this.record('getColumn');
    return this.rect.column;
  }

  /** The range's end row (not the sheet's last row with content). */
  getLastRow(): number {
    this.record('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    this.record('getLastColumn');
    return this.rect.column + this.rect.numColumns - 1;
  }

  getA1Notation(): string {
    this.record('getA1Notation');
    return toA1(this.rect);
  }

  getSheet(): FakeSheet {
    this.record('getSheet');
    return this.sheet;
  }

  // -- writing ---------------------------------------------------------------------------------

  setValues(values: unknown[][]): FakeRange {
    this.record('setValues');
    this.checkGrid(values, 'setValues');
    const context = this.sheet.writeContext();
    this.forEachCell((r, c, i, j) => this.model.write(r, c, values[i]?.[j], context));
    return this;
  }

  /** Every cell of the range gets the value. */
  setValue(value: unknown): FakeRange {
    this.record('setValue');
    const context = this.sheet.writeContext();
    this.forEachCell((r, c) => this.model.write(r, c, value, context));
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.record('setFormulas');
    this.checkGrid(formulas, 'setFormulas');
    this.forEachCell((r, c, i, j) => this.writeFormula(r, c, formulas[i]?.[j]));
    return this;
  }

  /** Every cell gets the same formula text (Sheets would shift relative references). */
  setFormula(formula: string): FakeRange {
    this.record('setFormula');
    this.forEachCell((r, c) => this.writeFormula(r, c, formula));
    return this;
  }

  private writeFormula(row: number, column: number, formula: unknown): void {
    const text = formula === null || formula === undefined ? '' : String(formula);
    if (text === '') {
      this.model.store(row, column, '');
      return;
    }
    checkCellText(text);
    this.model.setValue(row, column, undefined);
    this.model.setFormula(row, column, text.startsWith('=') ? text : `=${text}`);
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.record('setNumberFormat');
    this.applyNumberFormat(numberFormat);
    return this;
  }

  /** Sets the format of every cell, for a RangeList's one call (not counted). */
  applyNumberFormat(numberFormat: string): void {
    this.forEachCell((r, c) => this.model.setFormat(r, c, String(numberFormat)));
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.record('setNumberFormats');
    this.checkGrid(numberFormats, 'setNumberFormats');
    this.forEachCell((r, c, i, j) =>
      this.model.setFormat(r, c, String(numberFormats[i]?.[j] ?? '')),
    );
    return this;
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): FakeRange {
    this.record('setFontWeight');
    return this.style('fontWeight', fontWeight);
  }

  setBackground(color: string | null): FakeRange {
    this.record('setBackground');
    return this.style('background', color);
  }

  setFontColor(color: string | null): FakeRange {
    this.record('setFontColor');
    return this.style('fontColor', color);
  }

  private style(name: string, value: unknown): FakeRange {
    this.forEachCell((r, c) => {
      const key = `${r}:${c}`;
      this.model.styles.set(key, { ...this.model.styles.get(key), [name]: value });
    });
    return this;
  }

  /** Clears values and formulas, keeps formats. */
  clearContent(): FakeRange {
    this.record('clearContent');
    this.model.clear(this.rect, true, false);
    return this;
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): FakeRange {
    this.record('clear');
    const contentsOnly = options?.contentsOnly === true;
    const formatOnly = options?.formatOnly === true;
    const both = !contentsOnly && !formatOnly;
    this.model.clear(this.rect, both || contentsOnly, both || formatOnly);
    return this;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    this.record('offset');
    return this.sheet.rangeAt(
      this.rect.row + rowOffset,
      this.rect.column + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numColumns,
    );
  }

  activate(): FakeRange {
    this.record('activate');
    this.sheet.spreadsheetModel.activeSheet = this.model;
    this.model.activeRange = { ...this.rect };
    return this;
  }

  private checkGrid(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every((line) => Array.isArray(line))) {
      throw new Error(MESSAGES.signature([data], `SpreadsheetApp.Range.${method}`));
    }
    if (data.length !== this.rect.numRows) {
      throw new Error(MESSAGES.rowsMismatch(data.length, this.rect.numRows));
    }
    for (const line of data as unknown[][]) {
      if (line.length !== this.rect.numColumns) {
        throw new Error(MESSAGES.columnsMismatch(line.length, this.rect.numColumns));
      }
    }
  }
}

type SheetPlainKeys =
  | 'getName'
  | 'getSheetName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'isSheetHidden'
  | 'deleteRows'
  | 'deleteColumns';

type SheetFluentKeys =
  | 'activate'
  | 'appendRow'
  | 'clear'
  | 'clearContents'
  | 'deleteRow'
  | 'hideSheet'
  | 'showSheet'
  | 'setName'
  | 'insertRowsAfter'
  | 'insertColumnsAfter';

export class FakeSheet
  implements
    Pick<GasSheet, SheetPlainKeys>,
    Fluent<GasSheet, SheetFluentKeys, FakeSheet>,
    Fluent<GasSheet, 'getRange' | 'getDataRange', FakeRange>,
    Fluent<GasSheet, 'getParent', FakeSpreadsheet>
{
  constructor(
    readonly model: SheetModel,
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly env: SpreadsheetEnv,
  ) {}

  get spreadsheetModel(): SpreadsheetModel {
    return this.spreadsheet.model;
  }

  private record(method: string): void {
    this.env.calls.record(`Sheet.${method}`);
  }

  getName(): string {
    this.record('getName');
    return this.model.name;
  }

  getSheetName(): string {
    this.record('getSheetName');
    return this.model.name;
  }

  setName(name: string): FakeSheet {
    this.record('setName');
    const other = this.spreadsheetModel.sheetByName(name);
    if (other && other !== this.model) throw new Error(MESSAGES.sheetExists(name));
    this.model.name = name;
    return this;
  }

  getSheetId(): number {
    this.record('getSheetId');
    return this.model.sheetId;
  }

  /** 1-based position among the sheets. */
  getIndex(): number {
    this.record('getIndex');
    return this.spreadsheetModel.sheets.indexOf(this.model) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.record('getParent');
    return this.spreadsheet;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange("A1:C3"). */
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(a1Notation: string): FakeRange;
  getRange(...args: unknown[]): FakeRange {
    this.record('getRange');
    return this.rangeFromArgs(args, 'SpreadsheetApp.Sheet.getRange');
  }

  /** From A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): FakeRange {
    this.record('getDataRange');
    return this.rangeAt(
      1,
      1,
      Math.max(1, this.model.lastRow()),
      Math.max(1, this.model.lastColumn()),
    );
  }

  /** The last row with content, 0 on an empty sheet. */
  getLastRow(): number {
    this.record('getLastRow');
    return this.model.lastRow();
  }

  getLastColumn(): number {
    this.record('getLastColumn');
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    this.record('getMaxRows');
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.record('getMaxColumns');
    return this.model.maxColumns;
  }

  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): FakeSheet {
    this.record('appendRow');
    if (!Array.isArray(rowContents)) {
      throw new Error(MESSAGES.signature([rowContents], 'SpreadsheetApp.Sheet.appendRow'));
    }
    const row = this.model.lastRow() + 1;
    const rows = Math.max(row, this.model.maxRows);
    const columns = Math.max(rowContents.length, this.model.maxColumns);
    this.spreadsheetModel.checkGrowth(rows * columns - this.model.gridCells());
    this.model.maxRows = rows;
    this.model.maxColumns = columns;
    const context = this.writeContext();
    rowContents.forEach((value, j) => this.model.write(row, j + 1, value, context));
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.record('insertRowsAfter');
    this.spreadsheetModel.checkGrowth(howMany * this.model.maxColumns);
    const blanks = () => Array.from({ length: howMany }, () => []);
    if (afterPosition < this.model.values.length) {
      this.model.values.splice(afterPosition, 0, ...blanks());
    }
    if (afterPosition < this.model.formulas.length) {
      this.model.formulas.splice(afterPosition, 0, ...blanks());
    }
    // The rows below keep their formats; the new rows have none (docs silent on inheriting).
    if (afterPosition < this.model.formats.length) {
      this.model.formats.splice(afterPosition, 0, ...blanks());
    }
    this.model.maxRows += howMany;
    return this;
  }

  /** Inserts blank columns after `afterPosition`; the grid widens (Sheet.insertColumnsAfter). */
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.record('insertColumnsAfter');
    if (afterPosition < 0 || howMany < 1 || afterPosition > this.model.maxColumns) {
      throw new Error(MESSAGES.outsideSheet);
    }
    this.spreadsheetModel.checkGrowth(howMany * this.model.maxRows);
    for (const grid of [this.model.values, this.model.formulas, this.model.formats]) {
      for (const row of grid) {
        if (afterPosition < row.length) row.splice(afterPosition, 0, ...new Array(howMany));
      }
    }
    const moved = [...this.model.styles].filter(
      ([key]) => Number(key.split(':')[1]) > afterPosition,
    );
    for (const [key] of moved) this.model.styles.delete(key);
    for (const [key, value] of moved) {
      const [r, c] = key.split(':').map(Number) as [number, number];
      this.model.styles.set(`${r}:${c + howMany}`, value);
    }
    this.model.maxColumns += howMany;
    return this;
  }

  deleteRow(rowPosition: number): FakeSheet {
    this.record('deleteRow');
    this.removeRows(rowPosition, 1);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.record('deleteRows');
    this.removeRows(rowPosition, howMany);
  }

  /** Deletes columns; the grid narrows (Sheet.deleteColumns). */
  deleteColumns(columnPosition: number, howMany: number): void {
    this.record('deleteColumns');
    const end = columnPosition + howMany - 1;
    if (columnPosition < 1 || howMany < 1 || end > this.model.maxColumns) {
      throw new Error(MESSAGES.outsideSheet);
    }
    for (const grid of [this.model.values, this.model.formulas, this.model.formats]) {
      for (const row of grid) row.splice(columnPosition - 1, howMany);
    }
    for (const [key, value] of [...this.model.styles]) {
      const [r, c] = key.split(':').map(Number) as [number, number];
      if (c < columnPosition) continue;
      this.model.styles.delete(key);
      if (c > end) this.model.styles.set(`${r}:${c - howMany}`, value);
    }
    this.model.maxColumns -= howMany;
  }

  private removeRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.model.maxRows) {
      throw new Error(MESSAGES.outsideSheet);
    }
    this.model.values.splice(rowPosition - 1, howMany);
    this.model.formulas.splice(rowPosition - 1, howMany);
    this.model.formats.splice(rowPosition - 1, howMany);
    this.model.maxRows -= howMany;
  }

  /** Clears contents and formats. */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): FakeSheet {
    this.record('clear');
    const contentsOnly = options?.contentsOnly === true;
    const formatOnly = options?.formatOnly === true;
    const both = !contentsOnly && !formatOnly;
    this.model.clearAll(both || contentsOnly, both || formatOnly);
    return this;
  }

  /** Clears values and formulas, keeps formats. */
  clearContents(): FakeSheet {
    this.record('clearContents');
    this.model.clearAll(true, false);
    return this;
  }

  getFrozenRows(): number {
    this.record('getFrozenRows');
    return this.model.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.record('setFrozenRows');
    this.model.frozenRows = rows;
  }

  getFrozenColumns(): number {
    this.record('getFrozenColumns');
    return this.model.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    this.record('setFrozenColumns');
    this.model.frozenColumns = columns;
  }

  hideSheet(): FakeSheet {
    this.record('hideSheet');
    const visible = this.spreadsheetModel.sheets.filter((s) => !s.hidden);
    if (!this.model.hidden && visible.length <= 1) throw new Error(MESSAGES.hideLastSheet);
    this.model.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.record('showSheet');
    this.model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.record('isSheetHidden');
    return this.model.hidden;
  }

  activate(): FakeSheet {
    this.record('activate');
    this.spreadsheetModel.activeSheet = this.model;
    this.model.hidden = false;
    return this;
  }

  // -- embedded charts (dev/runtime/charts.ts) ----------------------------------------------------

  newChart(): FakeEmbeddedChartBuilder {
    this.record('newChart');
    return new FakeEmbeddedChartBuilder(this.env.calls);
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.record('insertChart');
    insertChart(this.model, chart);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.record('getCharts');
    return storedCharts(this.model).map((chart) => new FakeEmbeddedChart(chart, this.env.calls));
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.record('removeChart');
    removeChart(this.model, chart);
  }

  updateChart(chart: FakeEmbeddedChart): void {
    this.record('updateChart');
    updateChart(this.model, chart);
  }

  // -- helpers (also used by Spreadsheet and Range; not counted) --------------------------------

  /** A range after Google's checks. */
  rangeAt(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    if (row < 1) throw new Error(MESSAGES.startRowTooSmall);
    if (column < 1) throw new Error(MESSAGES.startColumnTooSmall);
    if (numRows < 1) throw new Error(MESSAGES.tooFewRows);
    if (numColumns < 1) throw new Error(MESSAGES.tooFewColumns);
    if (row + numRows - 1 > this.model.maxRows || column + numColumns - 1 > this.model.maxColumns) {
      throw new Error(MESSAGES.outsideSheet);
    }
    return new FakeRange(this, { row, column, numRows, numColumns }, this.env);
  }

  /** Several ranges of this sheet, acted on with one call (Sheet.getRangeList). */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.record('getRangeList');
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) {
      throw new Error(MESSAGES.signature([a1Notations], 'SpreadsheetApp.Sheet.getRangeList'));
    }
    return new FakeRangeList(
      a1Notations.map((a1) => this.rangeFromA1(String(a1))),
      this.env,
    );
  }

  rangeFromA1(a1: string): FakeRange {
    const rect = parseA1(a1, this.model.maxRows, this.model.maxColumns);
    if (!rect) throw new Error(MESSAGES.rangeNotFound);
    return this.rangeAt(rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  private rangeFromArgs(args: unknown[], method: string): FakeRange {
    if (args.length === 1 && typeof args[0] === 'string') {
      const { sheetName, range } = splitSheetName(args[0]);
      if (sheetName !== undefined && sheetName !== this.model.name) {
        throw new Error(MESSAGES.rangeNotFound);
      }
      return this.rangeFromA1(range);
    }
    const numeric = args.every((a) => typeof a === 'number' && Number.isFinite(a));
    if (!numeric || args.length < 2 || args.length > 4) {
      throw new Error(MESSAGES.signature(args, method));
    }
    const [row, column, numRows = 1, numColumns = 1] = args as number[];
    return this.rangeAt(row ?? 1, column ?? 1, numRows, numColumns);
  }

  /** The sheet's values from A1 to its last row and column, as Node values (not counted). */
  snapshotValues(): CellValue[][] {
    const rows = this.model.lastRow();
    const columns = this.model.lastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= columns; c++) line.push(this.model.value(r, c) ?? '');
      out.push(line);
    }
    return copyToHost(out) as CellValue[][];
  }

  /** The formulas, "" where none (not counted). */
  snapshotFormulas(): string[][] {
    const rows = this.model.lastRow();
    const columns = this.model.lastColumn();
    const out: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: string[] = [];
      for (let c = 1; c <= columns; c++) line.push(this.model.formula(r, c) ?? '');
      out.push(line);
    }
    return out;
  }

  /** Gives a formula cell the result Sheets would have computed (not counted). */
  setComputedValue(row: number, column: number, value: CellValue): void {
    this.model.setValue(row, column, storedAsGiven(value).value);
  }

  /** The spreadsheet's time zone and the writing execution's year, for typed text. */
  writeContext(): WriteContext {
    const timeZone = this.spreadsheetModel.timeZone;
    const now = this.env.now ?? Date.now;
    return { timeZone, year: () => zonedParts(now(), timeZone).year };
  }

  /** The display text of a rectangle of this sheet (not counted). */
  displayGrid(rect: GridRect): string[][] {
    const timeZone = this.spreadsheetModel.timeZone;
    const out: string[][] = new Array(rect.numRows);
    for (let i = 0; i < rect.numRows; i++) {
      const line: string[] = new Array(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const row = rect.row + i;
        const column = rect.column + j;
        line[j] = displayText(
          this.model.value(row, column),
          this.model.format(row, column),
          timeZone,
        );
      }
      out[i] = line;
    }
    return out;
  }
}

type SpreadsheetPlainKeys =
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getNumSheets'
  | 'toast';

export class FakeSpreadsheet
  implements
    Pick<GasSpreadsheet, SpreadsheetPlainKeys>,
    Fluent<GasSpreadsheet, 'getActiveSheet' | 'insertSheet' | 'setActiveSheet', FakeSheet>,
    Fluent<GasSpreadsheet, 'getSheetByName' | 'getSheetById', FakeSheet | null>,
    Fluent<GasSpreadsheet, 'getSheets', FakeSheet[]>,
    Fluent<GasSpreadsheet, 'getRange', FakeRange>,
    Fluent<GasSpreadsheet, 'getActiveRange' | 'getRangeByName', FakeRange | null>,
    Fluent<GasSpreadsheet, 'deleteSheet' | 'setNamedRange' | 'removeNamedRange', void>
{
  constructor(
    readonly model: SpreadsheetModel,
    readonly env: SpreadsheetEnv = { calls: new CallCounter(), copyOut: copyToHost },
  ) {}

  /**
   * Builds a spreadsheet from 2-D arrays, one entry per sheet, in order (the first is
   * active). Strings starting with "=" become formulas, as with setValues.
   */
  static fromValues(
    sheets: Record<string, unknown[][]>,
    options: SpreadsheetOptions = {},
  ): FakeSpreadsheet {
    const model = new SpreadsheetModel(
      options.id ?? 'fake-spreadsheet-id',
      options.name ?? 'CS Engine test book',
      options.timeZone ?? 'America/New_York',
      options.timeZone !== undefined,
    );
    const entries = Object.entries(sheets);
    if (entries.length === 0) entries.push(['Sheet1', []]);
    for (const [name, values] of entries) {
      const width = values.reduce((w, line) => Math.max(w, line.length), 0);
      const sheet = new SheetModel(
        name,
        model.newSheetId(),
        Math.max(options.maxRows ?? DEFAULT_MAX_ROWS, values.length),
        Math.max(options.maxColumns ?? DEFAULT_MAX_COLUMNS, width),
      );
      values.forEach((line, i) => line.forEach((v, j) => sheet.store(i + 1, j + 1, v)));
      model.sheets.push(sheet);
    }
    model.checkGrowth(0);
    model.activeSheet = model.sheets[0];
    return new FakeSpreadsheet(model);
  }

  /** Another view on the same data for another execution (its own counter and realm). */
  withEnv(env: SpreadsheetEnv): FakeSpreadsheet {
    return new FakeSpreadsheet(this.model, env);
  }

  private record(method: string): void {
    this.env.calls.record(`Spreadsheet.${method}`);
  }

  private view(sheet: SheetModel): FakeSheet {
    return new FakeSheet(sheet, this, this.env);
  }

  private active(): SheetModel {
    const sheet = this.model.activeSheet ?? this.model.sheets[0];
    if (!sheet) throw new Error('The spreadsheet has no sheet.');
    return sheet;
  }

  getId(): string {
    this.record('getId');
    return this.model.id;
  }

  getName(): string {
    this.record('getName');
    return this.model.name;
  }

  getUrl(): string {
    this.record('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.record('getSpreadsheetTimeZone');
    return this.model.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.record('setSpreadsheetTimeZone');
    this.model.timeZone = timezone;
    this.model.timeZoneChosen = true;
  }

  getNumSheets(): number {
    this.record('getNumSheets');
    return this.model.sheets.length;
  }

  /** A new array of new Sheet objects (as Google: compare sheets by id or name, not ===). */
  getSheets(): FakeSheet[] {
    this.record('getSheets');
    return this.model.sheets.map((s) => this.view(s));
  }

  /** null when there is no such sheet; names are matched exactly. */
  getSheetByName(name: string): FakeSheet | null {
    this.record('getSheetByName');
    const sheet = this.model.sheetByName(name);
    return sheet ? this.view(sheet) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.record('getSheetById');
    const sheet = this.model.sheets.find((s) => s.sheetId === id);
    return sheet ? this.view(sheet) : null;
  }

  getActiveSheet(): FakeSheet {
    this.record('getActiveSheet');
    return this.view(this.active());
  }

  setActiveSheet(sheet: GasSheet | FakeSheet, _restoreSelection?: boolean): FakeSheet {
    this.record('setActiveSheet');
    const model = asFakeSheet(sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet').model;
    this.model.activeSheet = model;
    model.hidden = false;
    return this.view(model);
  }

  getActiveRange(): FakeRange | null {
    this.record('getActiveRange');
    const sheet = this.active();
    const rect = sheet.activeRange;
    return this.view(sheet).rangeAt(rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  /** "A1:B2" on the active sheet, or "Sheet name!A1:B2". */
  getRange(a1Notation: string): FakeRange {
    this.record('getRange');
    const { sheetName, range } = splitSheetName(String(a1Notation));
    const sheet = sheetName === undefined ? this.active() : this.model.sheetByName(sheetName);
    if (!sheet) throw new Error(MESSAGES.rangeNotFound);
    return this.view(sheet).rangeFromA1(range);
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index) (index
   * 0-based; options are ignored). The new sheet becomes the active sheet; a name in use
   * throws Google's message.
   */
  insertSheet(
    nameOrIndex?: string | number | { template?: GasSheet },
    indexOrOptions?: number | { template?: GasSheet },
    _options?: { template?: GasSheet },
  ): FakeSheet {
    this.record('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof nameOrIndex === 'string') name = nameOrIndex;
    else if (typeof nameOrIndex === 'number') index = nameOrIndex;
    if (typeof indexOrOptions === 'number') index = indexOrOptions;
    if (name !== undefined && this.model.sheetByName(name)) {
      throw new Error(MESSAGES.sheetExists(name));
    }
    if (name === undefined) {
      let n = this.model.sheets.length + 1;
      while (this.model.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    this.model.checkGrowth(DEFAULT_MAX_ROWS * DEFAULT_MAX_COLUMNS);
    const sheet = new SheetModel(name, this.model.newSheetId());
    const at =
      index === undefined ? this.model.sheets.length : clamp(index, 0, this.model.sheets.length);
    this.model.sheets.splice(at, 0, sheet);
    this.model.activeSheet = sheet;
    return this.view(sheet);
  }

  deleteSheet(gasSheet: GasSheet | FakeSheet): void {
    this.record('deleteSheet');
    const sheet = asFakeSheet(gasSheet, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    const at = this.model.sheets.indexOf(sheet.model);
    if (at < 0) throw new Error(MESSAGES.rangeNotFound);
    const visibleOthers = this.model.sheets.filter((s) => s !== sheet.model && !s.hidden);
    if (visibleOthers.length === 0) throw new Error(MESSAGES.deleteLastSheet);
    this.model.sheets.splice(at, 1);
    if (this.model.activeSheet === sheet.model) this.model.activeSheet = visibleOthers[0];
  }

  /**
   * Names a range (Spreadsheet.setNamedRange): an existing name is moved to the new range.
   * The name is checked as Sheets checks it (the message is not from Google's docs).
   */
  setNamedRange(name: string, range: GasRange | FakeRange): void {
    this.record('setNamedRange');
    checkRangeName(String(name));
    if (!(range instanceof FakeRange)) {
      throw new Error(
        MESSAGES.signature([name, range], 'SpreadsheetApp.Spreadsheet.setNamedRange'),
      );
    }
    const { sheet, rect } = range.target();
    this.model.namedRanges.set(String(name).toLowerCase(), { name: String(name), sheet, rect });
  }

  /** The named range, or null when there is none or its sheet was deleted (as Google). */
  getRangeByName(name: string): FakeRange | null {
    this.record('getRangeByName');
    const named = this.model.namedRanges.get(String(name).toLowerCase());
    if (!named || !this.model.sheets.includes(named.sheet)) return null;
    const { row, column, numRows, numColumns } = named.rect;
    return this.view(named.sheet).rangeAt(row, column, numRows, numColumns);
  }

  removeNamedRange(name: string): void {
    this.record('removeNamedRange');
    if (!this.model.namedRanges.delete(String(name).toLowerCase())) {
      throw new Error(MESSAGES.rangeNotFound);
    }
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.record('toast');
    this.model.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds });
  }

  // -- helpers for tests (not counted) ---------------------------------------------------------

  /** The active sheet (not counted). */
  activeSheetView(): FakeSheet {
    return this.view(this.active());
  }

  /** The sheet named `name` (throws if missing), not counted. */
  sheet(name: string): FakeSheet {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return this.view(sheet);
  }

  /** Every sheet's values, by name (not counted). */
  snapshot(): Record<string, CellValue[][]> {
    const out: Record<string, CellValue[][]> = {};
    for (const s of this.model.sheets) out[s.name] = this.view(s).snapshotValues();
    return out;
  }
}

/** RangeList: one service call for the same action on several ranges. */
export class FakeRangeList {
  constructor(
    private readonly ranges: FakeRange[],
    private readonly env: SpreadsheetEnv,
  ) {}

  getRanges(): FakeRange[] {
    this.env.calls.record('RangeList.getRanges');
    return [...this.ranges];
  }

  setNumberFormat(format: string): FakeRangeList {
    this.env.calls.record('RangeList.setNumberFormat');
    for (const range of this.ranges) range.applyNumberFormat(format);
    return this;
  }
}

/** Sheets handed back to the service are always this module's (the script got them from it). */
function asFakeSheet(sheet: unknown, method: string): FakeSheet {
  if (sheet instanceof FakeSheet) return sheet;
  throw new Error(MESSAGES.signature([sheet], method));
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** Shorthand for FakeSpreadsheet.fromValues. */
export function createSpreadsheet(
  sheets: Record<string, unknown[][]>,
  options?: SpreadsheetOptions,
): FakeSpreadsheet {
  return FakeSpreadsheet.fromValues(sheets, options);
}

type AppPlainKeys = 'flush';

export class FakeSpreadsheetApp
  implements
    Pick<GasSpreadsheetApp, AppPlainKeys>,
    Fluent<GasSpreadsheetApp, 'getActive' | 'getActiveSpreadsheet', FakeSpreadsheet | null>,
    Fluent<GasSpreadsheetApp, 'openById' | 'openByUrl', FakeSpreadsheet>,
    Fluent<GasSpreadsheetApp, 'getActiveSheet' | 'setActiveSheet', FakeSheet>,
    Fluent<GasSpreadsheetApp, 'getActiveRange', FakeRange | null>,
    Fluent<GasSpreadsheetApp, 'getUi', FakeUi>
{
  /** Writes are immediate in the fake; flush only counts. */
  flushes = 0;

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
    private readonly calls: CallCounter,
    /** the running execution context (execution.ts): a time-driven trigger may have no
     * active spreadsheet */
    private readonly execution: ExecutionView = FULL_ACCESS,
  ) {}

  private record(method: string): void {
    this.calls.record(`SpreadsheetApp.${method}`);
  }

  /** The active spreadsheet, which the running context must have. */
  private active(): FakeSpreadsheet {
    if (!this.execution.activeSpreadsheet) throw new Error(EXECUTION_MESSAGES.noActiveSpreadsheet);
    return this.spreadsheet;
  }

  /** "The currently active spreadsheet, or null if there is none." */
  getActive(): FakeSpreadsheet | null {
    this.record('getActive');
    return this.execution.activeSpreadsheet ? this.spreadsheet : null;
  }

  /** "The currently active spreadsheet, or null if there is none." */
  getActiveSpreadsheet(): FakeSpreadsheet | null {
    this.record('getActiveSpreadsheet');
    return this.execution.activeSpreadsheet ? this.spreadsheet : null;
  }

  /**
   * The spreadsheet with this id: only the runtime's own spreadsheet exists here. Custom
   * functions and simple triggers may not open spreadsheets (execution.ts refuses the call).
   */
  openById(id: string): FakeSpreadsheet {
    this.record('openById');
    if (String(id) !== this.spreadsheet.model.id) throw new Error(MESSAGES.noSpreadsheet(id));
    return this.spreadsheet;
  }

  openByUrl(url: string): FakeSpreadsheet {
    this.record('openByUrl');
    const match = /\/spreadsheets\/d\/([^/]+)/.exec(String(url));
    if (!match || match[1] !== this.spreadsheet.model.id) {
      throw new Error(MESSAGES.noSpreadsheet(url));
    }
    return this.spreadsheet;
  }

  getActiveSheet(): FakeSheet {
    this.record('getActiveSheet');
    return this.active().activeSheetView();
  }

  setActiveSheet(sheet: GasSheet | FakeSheet, _restoreSelection?: boolean): FakeSheet {
    this.record('setActiveSheet');
    const fake = asFakeSheet(sheet, 'SpreadsheetApp.setActiveSheet');
    this.active().model.activeSheet = fake.model;
    fake.model.hidden = false;
    return fake;
  }

  getActiveRange(): FakeRange | null {
    this.record('getActiveRange');
    const sheet = this.active().activeSheetView();
    const rect = sheet.model.activeRange;
    return sheet.rangeAt(rect.row, rect.column, rect.numRows, rect.numColumns);
  }

  getUi(): FakeUi {
    this.record('getUi');
    return this.ui;
  }

  flush(): void {
    this.record('flush');
    this.flushes += 1;
  }
}
