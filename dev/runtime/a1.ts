/** A1 notation helpers (1-based rows and columns). */

export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** 1 -> "A", 27 -> "AA". */
function columnToLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" -> 1, "aa" -> 27. */
function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "A1" or "A1:C3" for a rectangle. */
export function toA1(rect: GridRect): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  const end = `${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
  return `${start}:${end}`;
}

/** Splits "Sheet1!A1:B2" / "'My sheet'!A1" into sheet name and range; no sheet -> undefined. */
export function splitSheetName(a1: string): { sheetName?: string; range: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { range: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, range: a1.slice(bang + 1) };
}

const REF = /^\$?([A-Za-z]*)\$?(\d*)$/;

/**
 * Parses "A1", "A1:C3", "C3:A1", "A:C", "2:5", "A2:C" (open-ended to the sheet's edge),
 * "$A$1". Returns undefined when the text is not a range, which Google reports as
 * "Range not found".
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): GridRect | undefined {
  const parts = text.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const refs = parts.map((p) => REF.exec(p.trim()));
  if (refs.some((m) => !m || (m[1] === '' && m[2] === ''))) return undefined;
  const [a, b] = refs as RegExpExecArray[];
  if (!a) return undefined;
  const colA = a[1] ? lettersToColumn(a[1]) : undefined;
  const rowA = a[2] ? Number(a[2]) : undefined;
  if (!b) {
    // a single reference must be a cell
    if (colA === undefined || rowA === undefined) return undefined;
    return { row: rowA, column: colA, numRows: 1, numColumns: 1 };
  }
  const colB = b[1] ? lettersToColumn(b[1]) : undefined;
  const rowB = b[2] ? Number(b[2]) : undefined;
  // Whole rows ("2:5") have no letters; whole columns ("A:C") have no digits on either side.
  const c1 = colA ?? 1;
  const c2 = colB ?? (colA === undefined ? maxColumns : colA);
  const r1 = rowA ?? 1;
  const r2 = rowB ?? (colB !== undefined || rowA === undefined ? maxRows : rowA);
  if (colA === undefined && colB !== undefined) return undefined;
  if (r1 < 1 || r2 < 1) return undefined;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}
