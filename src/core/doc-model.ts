/**
 * A document as data: headings, paragraphs, lists and whole tables. core/ builds it (the QBR,
 * the plans), doc-requests.ts turns it into one Docs API batch that gas/docs.ts sends, and
 * every string stays plain text all the way: nothing is ever interpreted as HTML or markup.
 */

interface TextStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Text color, "#rrggbb". */
  readonly color?: string;
  /** Highlight behind the text, "#rrggbb". */
  readonly background?: string;
}

/** A cell to color in a table (row and column 0-based, the header row counting as row 0). */
export interface CellHighlight {
  readonly row: number;
  readonly column: number;
  readonly background: string;
  readonly color?: string;
}

export type DocBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly style?: TextStyle }
  | { readonly kind: 'list'; readonly items: readonly string[]; readonly numbered?: boolean }
  | {
      readonly kind: 'table';
      /** Every row has the same number of cells. */
      readonly rows: readonly (readonly string[])[];
      /** The first row is a bold header row (default true). */
      readonly header?: boolean;
      readonly highlights?: readonly CellHighlight[];
    }
  /** A part the CSM must fill in: shown as a highlighted box. */
  | { readonly kind: 'placeholder'; readonly text: string }
  | { readonly kind: 'rule' }
  | { readonly kind: 'pagebreak' };

export interface DocContent {
  readonly name: string;
  readonly blocks: readonly DocBlock[];
}

/** The highlight color of parts left for the CSM to fill in. */
export const PLACEHOLDER_BACKGROUND = '#fef7e0';

/** Rows made rectangular (short rows padded with ""): a Docs table has as many cells in
 * every row. */
export function rectangular(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(1, ...rows.map((row) => row.length));
  return rows.map((row) => Array.from({ length: width }, (_, i) => String(row[i] ?? '')));
}
