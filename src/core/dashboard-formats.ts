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
export const NO_FORMAT = '';

const isFigure = (cell: Cell | undefined) =>
  typeof cell === 'number' || cell instanceof SheetFormula;

/** Per section (the title in column A of its header row): column index -> format. */
const SECTION_COLUMNS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  'Health distribution': { 2: MONEY, 3: PERCENT },
  Renewals: { 2: MONEY },
  'Risk by CSM': { 3: PERCENT, 4: MONEY },
  'Retention trend': { 1: PERCENT },
};

/** Single figures, by row label: the format of column B. */
const ROW_VALUES: Readonly<Record<string, string>> = {
  'Total ARR': MONEY,
  'Average health': ONE_DECIMAL,
  GRR: PERCENT,
  NRR: PERCENT,
  'Logo retention': PERCENT,
  'ARR churned': MONEY,
  'ARR contracted': MONEY,
  'ARR expanded': MONEY,
  'QBR completion': PERCENT,
  NPS: WHOLE,
  'Average TTFV (days)': ONE_DECIMAL,
  'Onboarding completion': PERCENT,
};

export function dashboardFormats(rows: readonly (readonly Cell[])[]): string[][] {
  let section: Readonly<Record<number, string>> | undefined;
  return rows.map((row) => {
    const label = String(row[0] ?? '');
    if (row.every((cell) => cell === '')) section = undefined;
    else if (label in SECTION_COLUMNS) {
      section = SECTION_COLUMNS[label];
      return row.map(() => NO_FORMAT); // the section's header row
    }
    return row.map((cell, column) => {
      if (!isFigure(cell)) return NO_FORMAT;
      if (column === 1 && label in ROW_VALUES) return ROW_VALUES[label] as string;
      return section?.[column] ?? COUNT;
    });
  });
}
