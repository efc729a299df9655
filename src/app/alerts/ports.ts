/**
 * What the alert use cases need from Apps Script, as small interfaces. src/gas/ implements
 * them over the real services; tests drive the bundle with the local runtime's fakes.
 */

/**
 * An add-on sheet's store. Whatever is written is stored as it is: a string stays that text
 * (never a formula, number or date), so rows read back can be written back safely.
 */
export interface SheetStore {
  spreadsheetName(): string;
  /** The sheet's link: ".../edit#gid=123". */
  sheetUrl(name: string): string;
  sheetNames(): string[];
  /** The sheet's whole data range in one getValues(), or undefined when there is no such sheet. */
  read(name: string): unknown[][] | undefined;
  /** The first row of a sheet, as wide as its data ([] for an empty sheet). */
  header(name: string): unknown[];
  /** Rows from `startRow` (1-based) to the last row, `width` columns, in one getValues(). */
  readFrom(name: string, startRow: number, width: number): unknown[][];
  /** Writes rows from row 1 of an add-on sheet, creating it if needed, in one setValues(). */
  writeAll(name: string, rows: unknown[][]): void;
  /** Appends rows under the last row, creating the sheet with its header if needed. */
  append(name: string, header: readonly string[], rows: unknown[][]): void;
  /** Overwrites rows from `startRow` (1-based), in one setValues(). */
  writeBlock(name: string, startRow: number, rows: unknown[][]): void;
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

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

export interface Mailer {
  remainingQuota(): number;
  send(mail: OutgoingMail): void;
}

export interface Locker {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

export interface TriggerControl {
  /** How many time-driven triggers of this user run `handler`. */
  count(handler: string): number;
  /** Removes every trigger of `handler`, then installs one that runs it every hour. */
  installHourly(handler: string): void;
  /** Removes every trigger of `handler`; returns how many there were. */
  remove(handler: string): number;
}

export interface AlertPorts {
  readonly sheets: SheetStore;
  readonly properties: KeyValueStore;
  readonly mail: Mailer;
  readonly lock: Locker;
  readonly triggers: TriggerControl;
  readonly now: () => Date;
  readonly timeZone: string;
  /** The user running the script (for a trigger, the one who turned alerts on). */
  readonly userEmail: () => string;
  /**
   * Runs after a scheduled run has checked the book and written History (the weekly Dashboard
   * refresh hangs here). Its failure never fails the alert run.
   */
  readonly afterScheduledCheck?: () => void;
}
