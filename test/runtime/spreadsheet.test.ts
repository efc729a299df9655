import { CallCounter } from '../../dev/runtime/calls';
import { copyToHost } from '../../dev/runtime/realm';
import {
  createSpreadsheet,
  DEFAULT_NUMBER_FORMAT,
  FakeSpreadsheet,
  FakeSpreadsheetApp,
} from '../../dev/runtime/spreadsheet';
import { FakeUi } from '../../dev/runtime/ui';

const jan2 = () => new Date(Date.UTC(2025, 0, 2, 5, 0, 0));

function book(): FakeSpreadsheet {
  return createSpreadsheet({
    Accounts: [
      ['Account', 'ARR', 'Renewal', 'Active'],
      ['Acme', 120000, jan2(), true],
      ['Globex', 5000, '', false],
    ],
    Log: [],
  });
}

describe('Range values', () => {
  test('ranges are 1-based and read blanks beyond the data as ""', () => {
    const sheet = book().sheet('Accounts');
    expect(sheet.getRange(1, 1).getValue()).toBe('Account');
    expect(sheet.getRange(2, 2, 2, 1).getValues()).toEqual([[120000], [5000]]);
    expect(sheet.getRange(3, 3, 2, 3).getValues()).toEqual([
      ['', false, ''],
      ['', '', ''],
    ]);
  });

  test('numbers, booleans and Dates keep their types', () => {
    const values = book().sheet('Accounts').getRange('A2:D2').getValues();
    const [name, arr, renewal, active] = values[0] ?? [];
    expect(typeof name).toBe('string');
    expect(typeof arr).toBe('number');
    expect(renewal).toBeInstanceOf(Date);
    expect((renewal as Date).getTime()).toBe(jan2().getTime());
    expect(active).toBe(true);
  });

  test('getValues returns copies, never the stored arrays or Dates', () => {
    const sheet = book().sheet('Accounts');
    const first = sheet.getDataRange().getValues();
    const firstRow = first[1] as unknown[];
    firstRow[0] = 'changed';
    (firstRow[2] as Date).setUTCFullYear(1999);
    first.push(['extra']);
    const second = sheet.getDataRange().getValues();
    const secondRow = second[1] as unknown[];
    expect(secondRow[0]).toBe('Acme');
    expect((secondRow[2] as Date).getUTCFullYear()).toBe(2025);
    expect(second).toHaveLength(3);
    expect(secondRow[2]).not.toBe(firstRow[2]);
  });

  test('setValues stores copies of what it is given', () => {
    const sheet = book().sheet('Log');
    const date = jan2();
    const row = ['x', date];
    sheet.getRange(1, 1, 1, 2).setValues([row]);
    row[0] = 'y';
    date.setUTCFullYear(2000);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['x', jan2()]]);
  });

  test('setValues rejects wrong dimensions with Google messages', () => {
    const range = book().sheet('Log').getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  test('null and undefined clear a cell; setValue fills the whole range', () => {
    const sheet = book().sheet('Accounts');
    sheet.getRange('A2:B2').setValues([[null, undefined]]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['', '']]);
    sheet.getRange('A5:B6').setValue(7);
    expect(sheet.getRange('A5:B6').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test('strings starting with "=" become formulas that read as "" until given a result', () => {
    const sheet = book().sheet('Log');
    sheet.getRange('A1:B1').setValues([['=SUM(1,2)', 'text']]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(1,2)', '']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(1,2)');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 'text']]);
    sheet.setComputedValue(1, 1, 3);
    expect(sheet.getRange('A1').getValue()).toBe(3);
    expect(sheet.getLastRow()).toBe(1);
  });

  test('a leading apostrophe keeps text as text, without the apostrophe', () => {
    const sheet = book().sheet('Log');
    sheet.getRange('A1').setValue("'=1+1");
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('setFormula(s) and clearContent', () => {
    const sheet = book().sheet('Log');
    sheet.getRange('A1:A2').setFormulas([['=1'], ['=2']]);
    sheet.getRange('B1').setFormula('=A1*2');
    expect(sheet.snapshotFormulas()).toEqual([
      ['=1', '=A1*2'],
      ['=2', ''],
    ]);
    sheet.getRange('A1:B2').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  // A Date is a date-time value: on Automatic it shows its time too, midnight included
  // (number-format.ts; Google does not document it, and the stricter choice shows the time).
  test('display values on Automatic', () => {
    const ss = createSpreadsheet(
      {
        S: [
          [
            1.5,
            true,
            new Date(Date.UTC(2025, 0, 2, 5)),
            new Date(Date.UTC(2025, 0, 2, 15, 4, 5)),
            'x',
          ],
        ],
      },
      { timeZone: 'America/New_York' },
    );
    expect(ss.sheet('S').getRange('A1:E1').getDisplayValues()).toEqual([
      ['1.5', 'TRUE', '1/2/2025 0:00:00', '1/2/2025 10:04:05', 'x'],
    ]);
  });

  test('geometry and A1 notation', () => {
    const sheet = book().sheet('Accounts');
    const range = sheet.getRange(2, 3, 4, 2);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 3, 4, 2,
    ]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([5, 4]);
    expect(range.getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
    expect(sheet.getRange(7, 28 - 2, 1, 1).getA1Notation()).toBe('Z7');
    expect(sheet.getRange('b2:a1').getA1Notation()).toBe('A1:B2');
    expect(sheet.getRange('$A$1:$C$3').getA1Notation()).toBe('A1:C3');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(sheet.getRange(2, 1, 3).getA1Notation()).toBe('A2:A4');
    expect(range.getSheet().getName()).toBe('Accounts');
    expect(range.offset(1, 1).getA1Notation()).toBe('D3:E6');
  });

  test('ranges outside the grid and bad arguments throw like Google', () => {
    const sheet = book().sheet('Accounts');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    const loose = sheet as unknown as { getRange(...a: unknown[]): unknown };
    expect(() => loose.getRange('1', 2)).toThrow(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });
});

describe('Sheet', () => {
  test('last row and column, data range', () => {
    const ss = book();
    const sheet = ss.sheet('Accounts');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
    const empty = ss.sheet('Log');
    expect([empty.getLastRow(), empty.getLastColumn()]).toEqual([0, 0]);
    expect(empty.getDataRange().getA1Notation()).toBe('A1');
    expect([empty.getMaxRows(), empty.getMaxColumns()]).toEqual([1000, 26]);
  });

  test('appendRow writes after the last row with content and grows a full sheet', () => {
    const ss = createSpreadsheet({ S: [['h1', 'h2']] }, { maxRows: 1, maxColumns: 2 });
    const sheet = ss.sheet('S');
    sheet.appendRow(['a', '=1+1', 'c']);
    expect(sheet.getMaxRows()).toBe(2);
    expect(sheet.getMaxColumns()).toBe(3);
    expect(sheet.getRange(2, 1, 1, 3).getValues()).toEqual([['a', '', 'c']]);
    expect(sheet.getRange(2, 2).getFormula()).toBe('=1+1');
  });

  test('clear, clearContents, formats, frozen rows, hiding', () => {
    const ss = book();
    const sheet = ss.sheet('Accounts');
    sheet.getRange('A1:D1').setNumberFormat('@').setFontWeight('bold').setBackground('#eee');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A2').getNumberFormat()).toBe(DEFAULT_NUMBER_FORMAT);
    expect(sheet.model.styles.get('1:1')).toEqual({ fontWeight: 'bold', background: '#eee' });
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
    sheet.clear();
    expect(sheet.getRange('A1').getNumberFormat()).toBe(DEFAULT_NUMBER_FORMAT);

    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(() => ss.sheet('Log').hideSheet()).toThrow();
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
  });

  test('deleteRows and insertRowsAfter move the rows below', () => {
    const sheet = createSpreadsheet({ S: [['a'], ['b'], ['c']] }).sheet('S');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.snapshotValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    sheet.deleteRows(2, 2);
    expect(sheet.snapshotValues()).toEqual([['a'], ['b'], ['c']]);
    expect(sheet.getMaxRows()).toBe(1000);
  });
});

describe('Spreadsheet', () => {
  test('identity, time zone, sheets', () => {
    const ss = createSpreadsheet({ A: [], B: [] }, { id: 'abc', name: 'Book', timeZone: 'UTC' });
    expect(ss.getId()).toBe('abc');
    expect(ss.getName()).toBe('Book');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc/edit');
    expect(ss.getSpreadsheetTimeZone()).toBe('UTC');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'B']);
    expect(ss.getSheetByName('a')).toBeNull();
    expect(ss.getActiveSheet().getName()).toBe('A');
    expect(ss.sheet('A').getSheetId()).toBe(0);
    expect(ss.sheet('B').getIndex()).toBe(2);
  });

  test('insertSheet names, positions and activates; a duplicate name throws', () => {
    const ss = createSpreadsheet({ Sheet1: [] });
    const log = ss.insertSheet('Alert Log');
    expect(ss.getActiveSheet().getName()).toBe('Alert Log');
    expect(log.getIndex()).toBe(2);
    expect(() => ss.insertSheet('Alert Log')).toThrow(
      'A sheet with the name "Alert Log" already exists. Please enter another name.',
    );
    expect(ss.insertSheet().getName()).toBe('Sheet3');
    expect(ss.insertSheet('First', 0).getIndex()).toBe(1);
    expect(() => log.setName('Sheet1')).toThrow('already exists');
  });

  test('deleteSheet, and the last visible sheet cannot go', () => {
    const ss = createSpreadsheet({ A: [], B: [] });
    ss.deleteSheet(ss.sheet('A'));
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B']);
    expect(ss.getActiveSheet().getName()).toBe('B');
    expect(() => ss.deleteSheet(ss.sheet('B'))).toThrow();
  });

  test('getRange with a sheet name and the active range', () => {
    const ss = book();
    expect(ss.getRange("'Accounts'!A2").getValue()).toBe('Acme');
    expect(ss.getRange('Accounts!B2:B3').getValues()).toEqual([[120000], [5000]]);
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1');
  });

  test('views over the same data count their own calls', () => {
    const ss = book();
    const calls = new CallCounter();
    const other = ss.withEnv({ calls, copyOut: copyToHost });
    other.getSheetByName('Log')?.getRange('A1').setValue('from the other execution');
    expect(ss.sheet('Log').getRange('A1').getValue()).toBe('from the other execution');
    expect(calls.snapshot()).toEqual({
      'Range.setValue': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
    });
    expect(ss.env.calls.count('Range.getValue')).toBe(1);
  });
});

describe('SpreadsheetApp', () => {
  test('active spreadsheet, sheet, range, ui and flush are counted', () => {
    const calls = new CallCounter();
    const ss = book().withEnv({ calls, copyOut: copyToHost });
    const app = new FakeSpreadsheetApp(ss, new FakeUi(calls), calls);
    expect(app.getActiveSpreadsheet()?.getId()).toBe(ss.getId());
    expect(app.getActive()?.getName()).toBe(ss.getName());
    expect(app.getActiveSheet().getName()).toBe('Accounts');
    app.setActiveSheet(ss.sheet('Log'));
    expect(app.getActiveRange()?.getSheet().getName()).toBe('Log');
    app.flush();
    expect(calls.count('SpreadsheetApp.flush')).toBe(1);
    expect(calls.total('SpreadsheetApp')).toBe(6);
  });
});
