/**
 * What setValue(s) and appendRow store, what getDisplayValues shows, and the spreadsheet's size
 * limits. Each behaviour, its Google page and its test are listed in docs/runtime-fidelity.md.
 */
import fc from 'fast-check';
import { CallCounter } from '../../dev/runtime/calls';
import { copyToHost } from '../../dev/runtime/realm';
import { LIMIT_MESSAGES } from '../../dev/runtime/sheet-limits';
import {
  createSpreadsheet,
  DEFAULT_NUMBER_FORMAT,
  type FakeSheet,
} from '../../dev/runtime/spreadsheet';
import { TYPING_MESSAGES } from '../../dev/runtime/typed-input';

const TZ = 'America/New_York';
/** Midnight of a day in New York (EST, UTC-5, in January and March). */
const nyMidnight = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 5));

function sheet(now = Date.UTC(2026, 0, 15, 15)): FakeSheet {
  const ss = createSpreadsheet({ S: [] }, { timeZone: TZ });
  return ss.withEnv({ calls: new CallCounter(), copyOut: copyToHost, now: () => now }).sheet('S');
}

function typed(text: unknown, s = sheet()) {
  const cell = s.getRange('A1').setValue(text);
  return {
    value: cell.getValue(),
    format: cell.getNumberFormat(),
    display: cell.getDisplayValue(),
    formula: cell.getFormula(),
  };
}

// Docs silent on which texts Sheets converts (Range.setValue: "The value can be numeric,
// string, boolean or date. If it begins with '=' it is interpreted as a formula."); the runtime
// stores typed text as Sheets stores what a user types, the stricter choice.
describe('setValue(s) stores text as Sheets stores what is typed', () => {
  test('numbers: leading zeros, thousands separators, currency, percentages, scientific', () => {
    expect(typed('00123')).toMatchObject({ value: 123, display: '123' });
    expect(typed('1,234')).toMatchObject({ value: 1234, display: '1,234', format: '#,##0' });
    expect(typed('$1,234.50')).toMatchObject({ value: 1234.5, display: '$1,234.50' });
    expect(typed('45%')).toMatchObject({ value: 0.45, format: '0%', display: '45%' });
    expect(typed('1e3')).toMatchObject({ value: 1000, display: '1.00E+03' });
    expect(typed('-5')).toMatchObject({ value: -5, display: '-5' });
  });

  test('ISO and US dates become Dates at midnight in the spreadsheet time zone', () => {
    expect(typed('2026-01-05')).toMatchObject({
      value: nyMidnight(2026, 1, 5),
      display: '2026-01-05',
    });
    expect(typed('1/5/2026')).toMatchObject({ value: nyMidnight(2026, 1, 5), display: '1/5/2026' });
    expect(typed('Jan 5, 2026').value).toEqual(nyMidnight(2026, 1, 5));
  });

  test('a date typed without a year is in the current year of the execution writing it', () => {
    expect(typed('3/4', sheet(Date.UTC(2031, 5, 1))).value).toEqual(nyMidnight(2031, 3, 4));
  });

  test('TRUE and FALSE in any case become booleans', () => {
    expect(typed('TRUE').value).toBe(true);
    expect(typed('false').value).toBe(false);
    expect(typed('True').value).toBe(true);
  });

  test('text that is not a number, date or boolean stays text', () => {
    for (const text of ['Acme 12', 'ACME-001', 'Q4 2025', '12.5k', 'N/A', 'yes']) {
      expect(typed(text).value).toBe(text);
    }
  });

  test('a leading apostrophe keeps the rest as text', () => {
    expect(typed("'00123")).toMatchObject({ value: '00123', display: '00123' });
    expect(typed("'2026-01-05").value).toBe('2026-01-05');
    expect(typed("'=SUM(1,2)")).toMatchObject({ value: '=SUM(1,2)', formula: '' });
  });

  test('a cell formatted as plain text (@) keeps everything typed as text', () => {
    const s = sheet();
    s.getRange('A1').setNumberFormat('@');
    for (const text of ['00123', '45%', '2026-01-05', 'TRUE', '=1+1']) {
      expect(typed(text, s)).toMatchObject({ value: text, formula: '', format: '@' });
    }
  });

  test('a string starting with "=" is a formula, as before', () => {
    expect(typed('=SUM(B1:B3)')).toMatchObject({ value: '', formula: '=SUM(B1:B3)' });
  });

  test('what is typed formats only a cell on Automatic', () => {
    const s = sheet();
    s.getRange('A1').setNumberFormat('0.00');
    expect(typed('45%', s)).toMatchObject({ value: 0.45, format: '0.00', display: '0.45' });
    // A format taken from typing stays, as in Sheets: 12 typed next shows as 1200%.
    const t = sheet();
    typed('45%', t);
    expect(typed('12', t)).toMatchObject({ value: 12, display: '1200%' });
  });

  test('setValues and appendRow type their strings too', () => {
    const s = sheet();
    s.getRange('A1:C1').setValues([['00123', '45%', "'007"]]);
    s.appendRow(['1,000', 'TRUE', 'text']);
    expect(s.getRange('A1:C2').getValues()).toEqual([
      [123, 0.45, '007'],
      [1000, true, 'text'],
    ]);
  });

  test('a book built for a test keeps its values as given (cells already holding text)', () => {
    const ss = createSpreadsheet({ S: [['00123', '45%', '=1', "'x"]] });
    expect(ss.sheet('S').getRange('A1:D1').getValues()).toEqual([['00123', '45%', '', 'x']]);
  });

  // Docs silent on NaN, Infinity and invalid Dates: the stricter choice refuses them.
  test('NaN, Infinity and invalid Dates are refused', () => {
    const cell = sheet().getRange('A1');
    expect(() => cell.setValue(NaN)).toThrow(TYPING_MESSAGES.notFinite(NaN));
    expect(() => cell.setValues([[Infinity]])).toThrow(TYPING_MESSAGES.notFinite(Infinity));
    expect(() => cell.setValue(new Date(NaN))).toThrow(TYPING_MESSAGES.invalidDate);
  });

  test('property: an apostrophe before any text stores that text', () => {
    const s = sheet();
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        s.getRange('A1').setValue(`'${text}`);
        expect(s.getRange('A1').getValue()).toBe(text);
      }),
    );
  });

  test('property: in a plain-text cell any text reads back unchanged', () => {
    const s = sheet();
    s.getRange('A1').setNumberFormat('@');
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        s.getRange('A1').setValue(text);
        expect(s.getRange('A1').getValue()).toBe(text.startsWith("'") ? text.slice(1) : text);
      }),
    );
  });

  test('property: numbers read back as written, and whole numbers typed as text too', () => {
    const s = sheet();
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), (x, n) => {
        s.getRange('A1:B1').setValues([[x, String(n)]]);
        expect(s.getRange('A1:B1').getValues()).toEqual([[x, n]]);
        expect(
          s
            .getRange('A1:B1')
            .getDisplayValues()[0]
            ?.every((t) => t !== ''),
        ).toBe(true);
      }),
    );
  });
});

// Range.getDisplayValue(s): "The displayed value takes into account date, time and currency
// formatting, including formats applied automatically by the spreadsheet's locale setting";
// patterns as in the Sheets API guide "Date and number formats".
describe('getDisplayValues applies each cell number format (numfmt)', () => {
  test('percent, whole numbers, money, dates and text formats', () => {
    const ss = createSpreadsheet(
      { S: [[0.0835599667292829, -21.839080459770116, 10700100, nyMidnight(2026, 1, 5), 12]] },
      { timeZone: TZ },
    );
    const row = ss.sheet('S').getRange('A1:E1');
    row.setNumberFormats([['0.0%', '0', '$#,##0', 'yyyy-mm-dd', '@']]);
    expect(row.getDisplayValues()).toEqual([['8.4%', '-22', '$10,700,100', '2026-01-05', '12']]);
  });

  test('Automatic is the default: General numbers, TRUE/FALSE, date-times, text', () => {
    const ss = createSpreadsheet(
      { S: [[0.0835599667292829, false, 'x', '=A1']] },
      { timeZone: TZ },
    );
    const row = ss.sheet('S').getRange('A1:D1');
    expect(row.getNumberFormats()).toEqual([
      [DEFAULT_NUMBER_FORMAT, DEFAULT_NUMBER_FORMAT, DEFAULT_NUMBER_FORMAT, DEFAULT_NUMBER_FORMAT],
    ]);
    expect(row.getDisplayValues()).toEqual([['0.083559967', 'FALSE', 'x', '']]);
  });

  test('formats move with their rows when rows are inserted or deleted', () => {
    const s = sheet();
    s.getRange('A3').setValue('45%');
    s.insertRowsAfter(1, 2);
    expect(s.getRange('A5').getDisplayValue()).toBe('45%');
    expect(s.getRange('A3').getNumberFormat()).toBe(DEFAULT_NUMBER_FORMAT);
    s.deleteRows(2, 2);
    expect(s.getRange('A3').getNumberFormat()).toBe('0%');
  });

  test('a Date written by a script takes the date-time format', () => {
    const cell = sheet()
      .getRange('A1')
      .setValue(new Date(Date.UTC(2026, 0, 15, 15, 4, 5)));
    expect(cell.getNumberFormat()).toBe('M/d/yyyy H:mm:ss');
    expect(cell.getDisplayValue()).toBe('1/15/2026 10:04:05');
  });
});

// "Up to 10 million cells ... for spreadsheets that are created in or converted to Google
// Sheets" (Google Drive Help, Files you can store in Google Drive).
describe('a spreadsheet holds at most 10 million cells, counting each sheet grid', () => {
  const nearlyFull = () => createSpreadsheet({ Big: [] }, { maxRows: 384_000, maxColumns: 26 });

  test('insertSheet (1000 x 26 more cells) past the limit throws and adds nothing', () => {
    const ss = nearlyFull();
    expect(() => ss.insertSheet('More')).toThrow(LIMIT_MESSAGES.tooManyCells);
    expect(ss.getNumSheets()).toBe(1);
  });

  test('insertRowsAfter and appendRow past the limit throw and change nothing', () => {
    const ss = nearlyFull();
    const big = ss.sheet('Big');
    expect(() => big.insertRowsAfter(1, 1000)).toThrow(LIMIT_MESSAGES.tooManyCells);
    expect(big.getMaxRows()).toBe(384_000);
    big.getRange(384_000, 1).setValue('last');
    // One more row of 30 columns: 384,001 x 30 cells.
    expect(() => big.appendRow(new Array(30).fill('x'))).toThrow(LIMIT_MESSAGES.tooManyCells);
    expect([big.getMaxRows(), big.getMaxColumns(), big.getLastRow()]).toEqual([
      384_000, 26, 384_000,
    ]);
  });

  test('a book built past the limit is refused', () => {
    expect(() => createSpreadsheet({ S: [] }, { maxRows: 400_000, maxColumns: 26 })).toThrow(
      LIMIT_MESSAGES.tooManyCells,
    );
  });
});

// Docs silent on the per-cell limit; Sheets refuses more than 50,000 characters in a cell.
describe('a cell holds at most 50,000 characters', () => {
  test('setValue, setValues and setFormula refuse longer text; 50,000 fits', () => {
    const cell = sheet().getRange('A1');
    cell.setValue('x'.repeat(50_000));
    expect(cell.getValue()).toHaveLength(50_000);
    expect(() => cell.setValue('x'.repeat(50_001))).toThrow(LIMIT_MESSAGES.tooManyCharacters);
    expect(() => cell.setValues([["'" + 'x'.repeat(50_000)]])).toThrow(
      LIMIT_MESSAGES.tooManyCharacters,
    );
    expect(() => cell.setFormula(`="${'x'.repeat(50_000)}"`)).toThrow(
      LIMIT_MESSAGES.tooManyCharacters,
    );
    expect(cell.getValue()).toHaveLength(50_000);
  });
});
