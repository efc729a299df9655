/**
 * The demo book in the local Apps Script runtime: a seeded book of accounts put into the
 * sheet "Accounts" of an in-memory spreadsheet, and dist/Code.js loaded over it with onOpen
 * run (the menu installed). `npm start` prints its summary and serves the playground on it.
 */
import { type BookRun, openInRuntime } from './book-run';
import { type DemoBook, generateBook } from './demo-book';
import { createSpreadsheet, displayText, type FakeSheet } from './runtime';

export const DEMO_SHEET = 'Accounts';
export const DEMO_SPREADSHEET_NAME = 'CS Engine demo book';

export interface DemoRunOptions {
  readonly accounts: number;
  readonly seed: number;
  /** the book's today (local midnight) and the runtime's clock */
  readonly today: Date;
  readonly timeZone: string;
  /** the bundle (default dist/Code.js) */
  readonly bundlePath?: string;
}

export interface DemoRun extends BookRun {
  readonly options: DemoRunOptions;
  readonly book: DemoBook;
}

/**
 * The demo book is built from values, as if pasted; a user who typed its dates would see them
 * as dates ("1/30/2026"): Sheets gives a typed date its format. The columns holding only dates
 * at midnight get that format, so that the book shows what such a book shows.
 */
function formatDateColumns(book: FakeSheet): void {
  const values = book.getDataRange().getValues() as unknown[][];
  const rows = values.length - 1;
  if (rows < 1) return;
  const tz = book.getParent().getSpreadsheetTimeZone();
  const isDay = (v: unknown) =>
    Object.prototype.toString.call(v) === '[object Date]' &&
    displayText(v as Date, 'H:mm:ss', tz) === '0:00:00';
  (values[0] ?? []).forEach((_, column) => {
    const cells = values.slice(1).map((row) => row[column]);
    if (cells.some(isDay) && cells.every((v) => v === '' || isDay(v))) {
      book.getRange(2, column + 1, rows, 1).setNumberFormat('M/d/yyyy');
    }
  });
}

export function startDemoRun(options: DemoRunOptions): DemoRun {
  const { accounts, seed, today, timeZone } = options;
  if (!Number.isInteger(accounts) || accounts < 1) throw new Error('--accounts: a whole number');
  if (!Number.isInteger(seed)) throw new Error('--seed: a whole number');
  const book = generateBook({ accounts, seed, today, messy: true });
  // Put the book in the sheet as typed text: a leading apostrophe keeps "=HYPERLINK(...)" a
  // string rather than a formula, as it would be in a real sheet.
  const typed = book.rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? `'${cell}` : cell)),
  );
  const spreadsheet = createSpreadsheet(
    { [DEMO_SHEET]: [book.headers, ...typed] },
    { timeZone, name: DEMO_SPREADSHEET_NAME },
  );
  formatDateColumns(spreadsheet.sheet(DEMO_SHEET));
  const { runtime, opened } = openInRuntime(spreadsheet, {
    now: today,
    timeZone,
    ...(options.bundlePath ? { bundlePath: options.bundlePath } : {}),
  });
  return {
    source: { kind: 'demo', accounts, seed },
    options,
    book,
    sheetName: DEMO_SHEET,
    runtime,
    opened,
  };
}
