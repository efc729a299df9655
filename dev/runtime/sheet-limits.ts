/**
 * The size limits of a Google spreadsheet, and the errors Sheets gives when a script goes past
 * them.
 *
 * - "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets that are created
 *   in or converted to Google Sheets" (Google Drive Help, "Files you can store in Google
 *   Drive", https://support.google.com/drive/answer/37603). Every sheet counts with its whole
 *   grid (max rows x max columns), filled or not: a new sheet costs 1000 x 26 cells, and the
 *   check is made on the grid's new size, before anything changes.
 * - 50,000 characters in one cell: Google's reference does not state it; it is the limit
 *   Sheets enforces, with the message below.
 *
 * Both messages are the ones Sheets returns, as its users report them (Google's reference
 * does not list error messages).
 */

const MAX_CELLS_PER_SPREADSHEET = 10_000_000;
const MAX_CHARACTERS_PER_CELL = 50_000;

export const LIMIT_MESSAGES = {
  tooManyCells: `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS_PER_SPREADSHEET} cells.`,
  tooManyCharacters: `Your input contains more than the maximum of ${MAX_CHARACTERS_PER_CELL} characters in a single cell.`,
};

/** Throws Sheets' error when a spreadsheet would hold more than 10 million cells. */
export function checkCellCount(cells: number): void {
  if (cells > MAX_CELLS_PER_SPREADSHEET) throw new Error(LIMIT_MESSAGES.tooManyCells);
}

/** Throws Sheets' error when a text or formula is too long for one cell. */
export function checkCellText(text: string): void {
  if (text.length > MAX_CHARACTERS_PER_CELL) throw new Error(LIMIT_MESSAGES.tooManyCharacters);
}
