/**
 * The demo book in the local Apps Script runtime: a seeded book of accounts typed into the
 * sheet "Accounts" of an in-memory spreadsheet, and dist/Code.js loaded over it with onOpen
 * run (the menu installed). `npm start` prints its summary and serves the playground on it.
 */
import { type DemoBook, generateBook } from './demo-book';
import { createSpreadsheet, loadBundle, type LocalRuntime } from './runtime';

export const DEMO_SHEET = 'Accounts';
export const DEMO_SPREADSHEET_NAME = 'CS Engine demo book';

export interface DemoRunOptions {
  readonly accounts: number;
  readonly seed: number;
  /** the book's today (local midnight) and the runtime's fixed clock */
  readonly today: Date;
  readonly timeZone: string;
  /** the bundle (default dist/Code.js) */
  readonly bundlePath?: string;
}

export interface DemoRun {
  readonly options: DemoRunOptions;
  readonly book: DemoBook;
  readonly sheetName: string;
  readonly runtime: LocalRuntime;
  /** onOpen ran (the bundle has one) */
  readonly opened: boolean;
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
  const runtime = loadBundle({
    now: today,
    timeZone,
    spreadsheet,
    ...(options.bundlePath ? { bundlePath: options.bundlePath } : {}),
  });
  let opened = false;
  if (typeof runtime.globals.onOpen === 'function') {
    runtime.call('onOpen', { authMode: 'FULL', source: runtime.spreadsheet });
    runtime.endExecution();
    opened = true;
  }
  return { options, book, sheetName: DEMO_SHEET, runtime, opened };
}
