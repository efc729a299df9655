/**
 * Number formats for the Dashboard grid, so that 0.9519 reads 95.2% and 10700100 reads
 * $10,700,100. Worked out from the grid's own section titles and row labels (written by
 * src/core/dashboard.ts). Only cells that hold a figure get a format (NO_FORMAT elsewhere):
 * text keeps whatever the sheet has, and every figure gets one the add-on means, so a format
 * left by an earlier refresh never lingers on a figure.
 */
import type { Cell } from './dashboard';
import { SheetFormula } from './sheet-input';

const PERCENT = '0.0%';
const MONEY = '$#,##0';
const ONE_DECIMAL = '0.0';
const WHOLE = '0';
/** A count, or any figure without a unit: thousands separated, no decimals. */
const COUNT = '#,##0';
/** Text and blank cells: no number format is written. */
const NO_FORMAT = '';

const isFigure = (cell: Cell | undefined) =>
  typeof cell === 'number' || cell instanceof SheetFormula;

/**
 * Per section (the title in column A of its header row): column index -> format. Maps, as
 * column A also holds users' texts (a CSM named "constructor" is not a section).
 */
const SECTION_COLUMNS: ReadonlyMap<string, ReadonlyMap<number, string>> = new Map([
  [
    'Health distribution',
    new Map([
      [2, MONEY],
      [3, PERCENT],
    ]),
  ],
  ['Renewals', new Map([[2, MONEY]])],
  [
    'Risk by CSM',
    new Map([
      [3, PERCENT],
      [4, MONEY],
    ]),
  ],
  ['Retention trend', new Map([[1, PERCENT]])],
]);

/** Single figures, by row label: the format of column B. */
const ROW_VALUES: ReadonlyMap<string, string> = new Map([
  ['Total ARR', MONEY],
  ['Average health', ONE_DECIMAL],
  ['GRR', PERCENT],
  ['NRR', PERCENT],
  ['Logo retention', PERCENT],
  ['ARR churned', MONEY],
  ['ARR contracted', MONEY],
  ['ARR expanded', MONEY],
  ['QBR completion', PERCENT],
  ['NPS', WHOLE],
  ['Average TTFV (days)', ONE_DECIMAL],
  ['Onboarding completion', PERCENT],
]);

export function dashboardFormats(rows: readonly (readonly Cell[])[]): string[][] {
  let section: ReadonlyMap<number, string> | undefined;
  return rows.map((row) => {
    const label = String(row[0] ?? '');
    if (row.every((cell) => cell === '')) section = undefined;
    else if (SECTION_COLUMNS.has(label)) {
      section = SECTION_COLUMNS.get(label);
      return row.map(() => NO_FORMAT); // the section's header row
    }
    return row.map((cell, column) => {
      if (!isFigure(cell)) return NO_FORMAT;
      const single = column === 1 ? ROW_VALUES.get(label) : undefined;
      return single ?? section?.get(column) ?? COUNT;
    });
  });
}
