/**
 * A user's book read from a CSV or Excel file (dev/book-file.ts) and imported into a
 * spreadsheet of the local runtime (dev/book-run.ts), as Sheets imports one: CSV text is read
 * as typing reads it, workbook cells keep their types and number formats, text starting with
 * "=" stays text, and whatever is wrong with a file is said in one plain sentence.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import {
  BookFileError,
  type ImportedBook,
  MAX_BOOK_FILE_BYTES,
  loadBookFile,
  readBookFile,
} from '../dev/book-file';
import { importBook, startFileRun } from '../dev/book-run';

const TZ = 'America/New_York';
const text = (s: string) => new TextEncoder().encode(s);

/** The sheet's values after the import, as a script's getValues reads them. */
function imported(book: ImportedBook, sheet = book.sheets[0]?.name ?? ''): unknown[][] {
  return importBook(book, TZ).sheet(sheet).snapshotValues();
}

function fileError(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(BookFileError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a BookFileError');
}

const MESSY_CSV = [
  'Account,ARR,DAU/MAU,Seats,Last login,Note',
  'Acme Corp,"$120,000",45%,1.2k,2026-11-20,"said ""hi"", then left"',
  'Globex,,,,not a date,',
  '"=HYPERLINK(""http://x"",""y"")",50000,30%,12,11/1/2026,=1+1',
  '',
  '',
].join('\r\n');

describe('CSV', () => {
  test('messy cells become what typing them gives; text starting with = stays text', () => {
    const book = readBookFile(text(MESSY_CSV), '/home/me/My book.csv', TZ);
    expect(book.name).toBe('My book');
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['My book']);
    const values = imported(book);
    // The blank lines at the end are not rows of the book.
    expect(values).toHaveLength(4);
    const [, acme, globex, formula] = values;
    expect(acme?.slice(0, 4)).toEqual(['Acme Corp', 120000, 0.45, '1.2k']);
    expect(Object.prototype.toString.call(acme?.[4])).toBe('[object Date]');
    expect(acme?.[5]).toBe('said "hi", then left');
    expect(globex).toEqual(['Globex', '', '', '', 'not a date', '']);
    expect(formula?.[0]).toBe('=HYPERLINK("http://x","y")');
    expect(formula?.[5]).toBe('=1+1');
    const sheet = importBook(book, TZ).sheet('My book');
    expect(sheet.getRange('B2:C2').getDisplayValues()).toEqual([['$120,000', '45%']]);
    expect(sheet.getDataRange().getFormulas().flat().join('')).toBe('');
  });

  test('a semicolon-separated file with a byte-order mark, and one in Windows-1252', () => {
    const semicolons = readBookFile(text('\uFEFFAccount;ARR\nCafé;10\n'), 'b.csv', TZ);
    expect(imported(semicolons)).toEqual([
      ['Account', 'ARR'],
      ['Café', 10],
    ]);
    const latin = Uint8Array.from([...text('Account,CSM\nCaf'), 0xe9, ...text(',Zo'), 0xeb]);
    expect(imported(readBookFile(latin, 'c.csv', TZ))).toEqual([
      ['Account', 'CSM'],
      ['Café', 'Zoë'],
    ]);
  });

  test('rows shorter than the header are filled with blanks', () => {
    const book = readBookFile(text('Account,ARR,CSM\nAcme\nGlobex,5,Ana,extra\n'), 'r.csv', TZ);
    expect(imported(book)).toEqual([
      ['Account', 'ARR', 'CSM', ''],
      ['Acme', '', '', ''],
      ['Globex', 5, 'Ana', 'extra'],
    ]);
  });

  // Characters a CSV writer must quote, and any other text.
  const CSV_UNIT = fc.oneof(
    fc.constantFrom(',', ';', '\t', '|', '"', '\n', '\r', ' ', '=', 'é', '€'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  );

  test('any grid of text written as CSV reads back cell for cell', () => {
    const header = fc.array(fc.constantFrom('Account', 'ARR', 'CSM', 'Last login', 'Notes'), {
      minLength: 2,
      maxLength: 5,
    });
    const grid = header.chain((names) =>
      fc
        .array(
          fc.array(fc.string({ unit: CSV_UNIT, maxLength: 12 }), {
            minLength: names.length,
            maxLength: names.length,
          }),
          {
            maxLength: 6,
          },
        )
        .map((rows) => [names, ...rows]),
    );
    fc.assert(
      fc.property(grid, (rows) => {
        const book = readBookFile(text(Papa.unparse(rows)), 'p.csv', TZ);
        const expected = rows.map((row) =>
          row.map((cell) => (cell.startsWith('=') ? `'${cell}` : cell)),
        );
        // Rows of nothing at the end are dropped, as the file's trailing blank lines are.
        while (
          expected.length > 0 &&
          (expected[expected.length - 1] ?? []).every((c) => c.trim() === '')
        ) {
          expected.pop();
        }
        expect(book.sheets[0]?.values).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

/** A workbook built with the xlsx package, as Excel would save it. */
function workbook(
  sheets: Record<string, XLSX.WorkSheet>,
  bookType: XLSX.BookType = 'xlsx',
): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, sheet] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(book, sheet, name);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

describe('Excel', () => {
  test('cells keep their types and number formats; the book sheet is the one with accounts', () => {
    const notes = XLSX.utils.aoa_to_sheet([['Read me'], ['This workbook holds the book.']]);
    const accounts = XLSX.utils.aoa_to_sheet([
      ['Account', 'ARR', 'DAU/MAU', 'Renewal date', 'Code', 'Active', 'Total'],
      ['Acme Corp', 120000, 0.45, 46400, '00123', true, 0],
      ['Globex', 5000, 0.05, 46450, '=not a formula', false, 0],
    ]);
    const set = (ref: string, cell: Partial<XLSX.CellObject>) => {
      accounts[ref] = { ...(accounts[ref] as XLSX.CellObject), ...cell };
    };
    set('B2', { z: '"$"#,##0' });
    set('C2', { z: '0%' });
    set('D2', { z: 'yyyy-mm-dd' });
    set('D3', { z: 'yyyy-mm-dd' });
    // A formula brings the value Excel computed last.
    set('G2', { t: 'n', v: 125000, f: 'B2+5000' });
    const bytes = workbook({ Notes: notes, Accounts: accounts });
    const book = readBookFile(bytes, 'Book.xlsx', TZ);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Notes', 'Accounts']);
    const spreadsheet = importBook(book, TZ);
    const sheet = spreadsheet.sheet('Accounts');
    const [, acme, globex] = sheet.snapshotValues();
    expect(acme?.slice(0, 3)).toEqual(['Acme Corp', 120000, 0.45]);
    // 46400 is 2027-01-13 in Sheets' calendar: the same wall-clock day in the book's zone.
    expect(sheet.getRange('D2').getDisplayValue()).toBe('2027-01-13');
    expect(spreadsheet.sheet('Accounts').getRange('D2').getValue()).toEqual(
      new Date('2027-01-13T05:00:00Z'),
    );
    expect(acme?.slice(4)).toEqual(['00123', true, 125000]);
    expect(globex?.[4]).toBe('=not a formula');
    expect(sheet.getRange('B2:C2').getDisplayValues()).toEqual([['$120,000', '45%']]);

    const run = startFileRun(book, 'Book.xlsx', {
      now: new Date('2026-11-23T12:00:00Z'),
      timeZone: TZ,
    });
    expect(run.sheetName).toBe('Accounts');
    expect(run.source).toEqual({ kind: 'file', fileName: 'Book.xlsx' });
    expect(run.runtime.spreadsheet.getName()).toBe('Book');
    expect(run.opened).toBe(true);
  });

  test('any grid of text, numbers and TRUE/FALSE reads back as it was saved', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
      fc.boolean(),
    );
    const grid = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(grid, (rows) => {
        const values = [['Account', 'ARR', 'Note'], ...rows];
        const book = readBookFile(
          workbook({ Book: XLSX.utils.aoa_to_sheet(values) }),
          'g.xlsx',
          TZ,
        );
        const expected = values.map((row) =>
          row.map((v) =>
            typeof v === 'string' ? (v === '' ? '' : `'${v}`) : Object.is(v, -0) ? 0 : v,
          ),
        );
        while (
          expected.length > 0 &&
          (expected[expected.length - 1] ?? []).every((c) => c === '')
        ) {
          expected.pop();
        }
        expect(book.sheets[0]?.values).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  test('an OpenDocument spreadsheet is read too', () => {
    const bytes = workbook(
      {
        Book: XLSX.utils.aoa_to_sheet([
          ['Account', 'ARR'],
          ['Acme', 10],
        ]),
      },
      'ods',
    );
    expect(imported(readBookFile(bytes, 'b.ods', TZ))).toEqual([
      ['Account', 'ARR'],
      ['Acme', 10],
    ]);
  });
});

describe('what is wrong with a file, in one sentence', () => {
  test('an unclosed quote says which row', () => {
    expect(
      fileError(() => readBookFile(text('Account,ARR\nAcme,10\n"Globex,20\n'), 'q.csv', TZ)),
    ).toBe(
      '"q.csv" could not be read as CSV: a quoted cell in row 3 is never closed (a " is missing).',
    );
  });

  test('a binary file named .csv, a damaged workbook, another kind of file', () => {
    expect(
      fileError(() => readBookFile(workbook({ S: XLSX.utils.aoa_to_sheet([['a']]) }), 'x.csv', TZ)),
    ).toMatch(/^"x.csv" is not a text file, so it cannot be read as CSV; save the book as CSV/);
    expect(fileError(() => readBookFile(text('not a workbook at all'), 'x.xlsx', TZ))).toMatch(
      /^"x.xlsx" could not be read as a workbook: the file may be damaged or protected by a password\./,
    );
    expect(fileError(() => readBookFile(text('{}'), 'book.json', TZ))).toBe(
      '"book.json" is not a CSV or Excel file: the playground reads .csv, .tsv, .txt, .xlsx, .xlsm, .xls, .ods files.',
    );
  });

  test('an empty file, or one of blank lines', () => {
    for (const content of ['', '\n\n', ' , \n']) {
      expect(fileError(() => readBookFile(text(content), 'e.csv', TZ))).toBe(
        '"e.csv" is empty: a book needs a header row (Account, ARR, Renewal date...) and a row per account.',
      );
    }
  });

  test('a file over the size limit', () => {
    const big = new Uint8Array(MAX_BOOK_FILE_BYTES + 1);
    expect(fileError(() => readBookFile(big, 'big.csv', TZ))).toBe(
      '"big.csv" is 20.0 MB; the playground reads books of up to 20 MB.',
    );
  });

  test('a missing file, a folder, and a file read from disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-file-'));
    try {
      const missing = path.join(dir, 'nope.csv');
      expect(fileError(() => loadBookFile(missing, TZ))).toBe(
        `cannot read "${missing}": there is no such file.`,
      );
      expect(fileError(() => loadBookFile(dir, TZ))).toBe(`"${dir}" is a folder, not a file.`);
      const file = path.join(dir, 'ok.csv');
      fs.writeFileSync(file, 'Account,ARR\nAcme,"$1,200"\n');
      expect(imported(loadBookFile(file, TZ))).toEqual([
        ['Account', 'ARR'],
        ['Acme', 1200],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
