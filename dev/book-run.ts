/**
 * A book opened in the local Apps Script runtime: a spreadsheet holding it, and dist/Code.js
 * loaded over it with onOpen run (the menu installed, CSE_TODAY stamped), as when a user opens
 * the file in Sheets. The demo book (dev/demo-run.ts) and a user's CSV or Excel file
 * (dev/book-file.ts) both become one; `npm start` prints its summary and the playground
 * serves it.
 */
import { readLayout } from '../src/core/book';
import type { CellValue } from '../src/core/cells';
import type { ImportedBook } from './book-file';
import { createSpreadsheet, type FakeSpreadsheet, loadBundle, type LocalRuntime } from './runtime';

/** Where the book came from, for the summary and the page's title. */
export type BookSource =
  | { readonly kind: 'demo'; readonly accounts: number; readonly seed: number }
  | { readonly kind: 'file'; readonly fileName: string };

export interface BookRun {
  readonly source: BookSource;
  /** the sheet holding the accounts */
  readonly sheetName: string;
  readonly runtime: LocalRuntime;
  /** onOpen ran (the bundle has one) */
  readonly opened: boolean;
}

export interface OpenOptions {
  /** the runtime's clock */
  readonly now: Date;
  /** the script's time zone, and the spreadsheet's when it has none */
  readonly timeZone: string;
  /** the bundle (default dist/Code.js) */
  readonly bundlePath?: string;
}

/** The bundle over `spreadsheet`, opened as a user opens the file: onOpen runs. */
export function openInRuntime(
  spreadsheet: FakeSpreadsheet,
  options: OpenOptions,
): { runtime: LocalRuntime; opened: boolean } {
  const runtime = loadBundle({
    now: options.now,
    timeZone: options.timeZone,
    spreadsheet,
    ...(options.bundlePath ? { bundlePath: options.bundlePath } : {}),
  });
  if (typeof runtime.globals.onOpen !== 'function') return { runtime, opened: false };
  try {
    runtime.call('onOpen', { authMode: 'FULL', source: runtime.spreadsheet });
  } finally {
    runtime.endExecution();
  }
  return { runtime, opened: true };
}

/**
 * The sheet the add-on would take for the book: the first whose header row has an Account
 * column (the add-on's own reading of headers), else the first with anything in it.
 */
function bookSheetOf(book: ImportedBook): string {
  const withAccount = book.sheets.find((sheet) =>
    readLayout((sheet.values[0] ?? []) as CellValue[]).signals.has('account'),
  );
  const chosen = withAccount ?? book.sheets.find((sheet) => sheet.values.length > 0);
  return chosen?.name ?? book.sheets[0]?.name ?? 'Sheet1';
}

/**
 * A spreadsheet holding `book`, each sheet written with one Range.setValues, as File > Import
 * does: text read as typed (dev/runtime/typed-input.ts), then a workbook's number formats.
 */
export function importBook(book: ImportedBook, timeZone: string): FakeSpreadsheet {
  const grids: Record<string, unknown[][]> = {};
  for (const sheet of book.sheets) {
    const width = sheet.values.reduce((w, line) => Math.max(w, line.length), 0);
    // Blank cells of the data's size: the sheet is as large as what is imported.
    grids[sheet.name] = sheet.values.map(() => Array<unknown>(width).fill(''));
  }
  const spreadsheet = createSpreadsheet(grids, { timeZone, name: book.name });
  for (const sheet of book.sheets) {
    const width = sheet.values.reduce((w, line) => Math.max(w, line.length), 0);
    if (sheet.values.length === 0 || width === 0) continue;
    const target = spreadsheet.sheet(sheet.name);
    const rows = sheet.values.map((line) =>
      Array.from({ length: width }, (_, j) => (j < line.length ? line[j] : '')),
    );
    target.getRange(1, 1, rows.length, width).setValues(rows);
    // One call per run of a format down a column (a column of dates is one call).
    const formats = sheet.formats ?? [];
    for (let j = 0; j < width; j++) {
      let start = 0;
      for (let i = 1; i <= formats.length; i++) {
        const format = formats[start]?.[j] ?? '';
        if (i < formats.length && (formats[i]?.[j] ?? '') === format) continue;
        if (format) target.getRange(start + 1, j + 1, i - start, 1).setNumberFormat(format);
        start = i;
      }
    }
  }
  return spreadsheet;
}

/** A user's book, imported and opened with the bundle. */
export function startFileRun(book: ImportedBook, fileName: string, options: OpenOptions): BookRun {
  const spreadsheet = importBook(book, options.timeZone);
  const sheetName = bookSheetOf(book);
  spreadsheet.setActiveSheet(spreadsheet.sheet(sheetName));
  const { runtime, opened } = openInRuntime(spreadsheet, options);
  return { source: { kind: 'file', fileName }, sheetName, runtime, opened };
}
