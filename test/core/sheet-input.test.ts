/**
 * The one owner of what the add-on writes into cells: any text stays exactly that text in
 * Sheets (Range.setValues takes strings as typed, where a leading apostrophe means "text":
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues),
 * and only the formulas the add-on builds with sheetFormula are written as formulas.
 */
import fc from 'fast-check';
import { createSpreadsheet } from '../../dev/runtime/spreadsheet';
import {
  asWrittenCell,
  asWrittenRows,
  fitCellText,
  MAX_CELL_TEXT,
  PLAIN_TEXT_FORMAT,
  sheetFormula,
} from '../../src/core/sheet-input';

function logSheet() {
  return createSpreadsheet({ Log: [] }).sheet('Log');
}

describe('asWrittenCell', () => {
  it.each([
    '=HYPERLINK("http://evil.test","x")',
    '+1+2',
    '-A1',
    '@cmd',
    '=cmd|x@evil.test',
    "'already quoted",
    "''",
    '2026-11-23',
    '1,200',
    'TRUE',
    'plain',
  ])('keeps %p as exactly that text, never a formula', (text) => {
    const sheet = logSheet();
    sheet.getRange('A1').setValue(asWrittenCell(text));
    expect(sheet.getRange('A1').getValue()).toBe(text);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('leaves numbers, booleans and dates alone, and writes blanks for "", null, undefined', () => {
    const date = new Date(Date.UTC(2026, 10, 23));
    expect(asWrittenRows([[12.5, true, date, '', null, undefined]])).toEqual([
      [12.5, true, date, '', '', ''],
    ]);
  });

  it('writes the formulas the add-on means as formulas', () => {
    const sheet = logSheet();
    sheet.getRange('A1:B1').setValues(asWrittenRows([[sheetFormula('=SUM(1,2)'), '=SUM(1,2)']]));
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(1,2)', '']]);
    expect(sheet.getRange('B1').getValue()).toBe('=SUM(1,2)');
  });

  it('writes text bare into a plain-text cell, where Sheets keeps what is written as it is', () => {
    expect(asWrittenCell('=HYPERLINK("x")', PLAIN_TEXT_FORMAT)).toBe('=HYPERLINK("x")');
    expect(asWrittenCell("'quoted", PLAIN_TEXT_FORMAT)).toBe("'quoted");
    expect(asWrittenCell('=HYPERLINK("x")', '0.0%')).toBe(`'=HYPERLINK("x")`);
    expect(asWrittenRows([['a', 'b', 3]], [['@', '0', '@']])).toEqual([['a', "'b", 3]]);
  });

  it('cuts text to what a cell holds, with an ellipsis', () => {
    const long = 'x'.repeat(60_000);
    const written = asWrittenCell(long) as string;
    expect(written.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(written.endsWith('…')).toBe(true);
    expect(fitCellText('short')).toBe('short');
  });

  it('any text read back and written again, any number of times, stays the same text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (text, times) => {
        const sheet = logSheet();
        let value: unknown = text;
        for (let i = 0; i < times; i++) {
          sheet.getRange('A1').setValue(asWrittenCell(value));
          value = sheet.getRange('A1').getValue();
        }
        expect(value).toBe(text);
        expect(sheet.getRange('A1').getFormula()).toBe('');
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});
