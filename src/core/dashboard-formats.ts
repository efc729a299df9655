/**
 * Number formats for the Dashboard grid, so that 0.9519 reads 95.2% and 10700100 reads
 * $10,700,100. Worked out from the grid's own section titles and row labels (written by
 * src/core/dashboard.ts), and applied with one setNumberFormats() next to the one setValues().
 */
import type { Cell } from './dashboard';

const PERCENT = '0.0%';
const MONEY = '$#,##0';
const ONE_DECIMAL = '0.0';
const WHOLE = '0';
/** What Sheets reports for a cell left on Automatic (numbers shown as they are). */
export const AUTOMATIC = '0.###############';

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
      return row.map(() => AUTOMATIC); // the section's header row
    }
    return row.map((_, column) => {
      const single = column === 1 ? ROW_VALUES.get(label) : undefined;
      return single ?? section?.get(column) ?? AUTOMATIC;
    });
  });
}
