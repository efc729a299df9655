/**
 * A document model (doc-model.ts) as one Google Docs API batchUpdate: the requests that write
 * it into a new, empty Doc (https://developers.google.com/docs/api/reference/rest/v1/documents/request).
 *
 * Two passes, so that no index depends on a guess:
 * 1. the content, appended in order at the end of the body: text, tables (then their cells,
 *    last cell first, so each cell's index is the empty table's), page breaks. Nothing is
 *    styled yet, so inserted text inherits no style from its neighbours;
 * 2. the styles (named styles, bold and colours, bullets, cell backgrounds), on the indexes the
 *    first pass produced: styling moves no index.
 *
 * Indexes follow Google's "Structure" and "Work with tables" pages: a new document's body is a
 * section break (index 0) and one empty paragraph (index 1); an empty R x C table inserted at
 * index i starts at i + 1 and spans 2 + R x (1 + 2C) indexes, the paragraph of cell (r, c)
 * being at start + 3 + r x (1 + 2C) + 2c. Strings are plain text all the way: nothing is
 * interpreted as markup.
 */
import { type DocBlock, type DocContent, PLACEHOLDER_BACKGROUND, rectangular } from './doc-model';

interface DocsRange {
  readonly startIndex: number;
  readonly endIndex: number;
}

export interface DocsColor {
  readonly color: { readonly rgbColor: { red: number; green: number; blue: number } };
}

interface DocsTextStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly foregroundColor?: DocsColor;
  readonly backgroundColor?: DocsColor;
}

interface DocsParagraphBorder {
  readonly color: DocsColor;
  readonly width: { readonly magnitude: number; readonly unit: 'PT' };
  readonly padding: { readonly magnitude: number; readonly unit: 'PT' };
  readonly dashStyle: 'SOLID';
}

type Location = { readonly location: { readonly index: number } };

/** The requests this module writes (a subset of the Docs API's Request). */
export type DocsRequest =
  | { readonly insertText: Location & { readonly text: string } }
  | { readonly insertTable: Location & { readonly rows: number; readonly columns: number } }
  | { readonly insertPageBreak: Location }
  | {
      readonly updateParagraphStyle: {
        readonly range: DocsRange;
        readonly paragraphStyle: {
          readonly namedStyleType?: NamedStyle;
          readonly borderBottom?: DocsParagraphBorder;
        };
        readonly fields: string;
      };
    }
  | {
      readonly updateTextStyle: {
        readonly range: DocsRange;
        readonly textStyle: DocsTextStyle;
        readonly fields: string;
      };
    }
  | {
      readonly createParagraphBullets: {
        readonly range: DocsRange;
        readonly bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' | 'NUMBERED_DECIMAL_ALPHA_ROMAN';
      };
    }
  | {
      readonly updateTableCellStyle: {
        readonly tableRange: {
          readonly tableCellLocation: {
            readonly tableStartLocation: { readonly index: number };
            readonly rowIndex: number;
            readonly columnIndex: number;
          };
          readonly rowSpan: 1;
          readonly columnSpan: 1;
        };
        readonly tableCellStyle: { readonly backgroundColor: DocsColor };
        readonly fields: 'backgroundColor';
      };
    };

type NamedStyle = 'TITLE' | 'HEADING_1' | 'HEADING_2' | 'HEADING_3';

/** The colour of the line a 'rule' block draws (Docs has no horizontal-rule request). */
const RULE_COLOR = '#9aa0a6';

/**
 * Text as the Docs API keeps it, one UTF-16 unit per index. A line break inside a block
 * becomes Docs' line break (U+000B) so that a block stays one paragraph; the characters
 * insertText would strip (U+0000-U+0008, U+000C-U+001F, U+E000-U+F8FF, per the
 * InsertTextRequest reference) are dropped here, or every index after them would be off; a
 * lone surrogate becomes U+FFFD, one unit as before.
 */
export function docsText(text: string): string {
  return String(text)
    .replace(/\r\n?|\n/g, '\u000b')
    .replace(/[\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** "#rrggbb" or "#rgb" as a Docs colour (components 0 to 1); undefined for anything else. */
export function docsColor(hex: string | undefined): DocsColor | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex ?? '');
  if (!match) return undefined;
  const digits =
    (match[1] as string).length === 3
      ? [...(match[1] as string)].map((d) => d + d)
      : ((match[1] as string).match(/../g) ?? []);
  const [red, green, blue] = digits.map((pair) => parseInt(pair, 16) / 255) as [
    number,
    number,
    number,
  ];
  return { color: { rgbColor: { red, green, blue } } };
}

function textStyle(style: {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  background?: string;
}): { textStyle: DocsTextStyle; fields: string } | undefined {
  const out: {
    bold?: boolean;
    italic?: boolean;
    foregroundColor?: DocsColor;
    backgroundColor?: DocsColor;
  } = {};
  if (style.bold !== undefined) out.bold = style.bold;
  if (style.italic !== undefined) out.italic = style.italic;
  const foreground = docsColor(style.color);
  if (foreground) out.foregroundColor = foreground;
  const background = docsColor(style.background);
  if (background) out.backgroundColor = background;
  const fields = Object.keys(out);
  return fields.length > 0 ? { textStyle: out, fields: fields.join(',') } : undefined;
}

const HEADINGS: Record<1 | 2 | 3, NamedStyle> = { 1: 'HEADING_1', 2: 'HEADING_2', 3: 'HEADING_3' };

/** Where a paragraph ended up: its first index and its text's length (its newline follows). */
interface Placed {
  readonly start: number;
  readonly length: number;
}

/** The requests that write `content` into a new, empty Google Doc, content first. */
export function docRequests(content: DocContent): DocsRequest[] {
  const inserts: DocsRequest[] = [];
  const styles: DocsRequest[] = [];
  /** the index of the body's last newline: content is appended just before it */
  let end = 1;
  /** the last paragraph is empty and unused: the next text goes into it. A new Doc starts so,
   * which is why the document does not open on an empty line. */
  let open = true;

  const insertText = (index: number, text: string) =>
    inserts.push({ insertText: { location: { index }, text } });

  /** Appends one paragraph per text, in order. */
  const appendParagraphs = (texts: readonly string[]): Placed[] => {
    const joined = texts.join('\n');
    let start = open ? end : end + 1;
    const text = open ? joined : `\n${joined}`;
    if (text !== '') insertText(end, text);
    end += text.length;
    open = false;
    return texts.map((t) => {
      const placed = { start, length: t.length };
      start += t.length + 1;
      return placed;
    });
  };

  const paragraphRange = (p: Placed): DocsRange => ({
    startIndex: p.start,
    endIndex: p.start + p.length + 1,
  });

  const styleText = (
    p: Placed,
    style: { bold?: boolean; italic?: boolean; color?: string; background?: string },
  ) => {
    const update = textStyle(style);
    if (p.length === 0 || !update) return;
    styles.push({
      updateTextStyle: { range: { startIndex: p.start, endIndex: p.start + p.length }, ...update },
    });
  };

  const namedStyle = (p: Placed, namedStyleType: NamedStyle) =>
    styles.push({
      updateParagraphStyle: {
        range: paragraphRange(p),
        paragraphStyle: { namedStyleType },
        fields: 'namedStyleType',
      },
    });

  const appendTable = (block: Extract<DocBlock, { kind: 'table' }>) => {
    const rows = rectangular(block.rows).map((row) => row.map(docsText));
    const columns = rows[0]?.length ?? 0;
    if (rows.length === 0 || columns === 0) return;
    inserts.push({ insertTable: { location: { index: end }, rows: rows.length, columns } });
    const tableStart = end + 1;
    const rowSize = 1 + 2 * columns;
    const emptyCell = (r: number, c: number) => tableStart + 3 + r * rowSize + 2 * c;
    // Last cell first: an insertion moves every index after it, never one before.
    for (let r = rows.length - 1; r >= 0; r--) {
      const row = rows[r] as string[];
      for (let c = columns - 1; c >= 0; c--) {
        const text = row[c] as string;
        if (text !== '') insertText(emptyCell(r, c), text);
      }
    }
    let shift = 0;
    const placed = rows.map((row, r) =>
      row.map((text, c) => {
        const cell = { start: emptyCell(r, c) + shift, length: text.length };
        shift += text.length;
        return cell;
      }),
    );
    // The paragraph after a table (Docs keeps one) is the last, empty one.
    end = tableStart + 2 + rows.length * rowSize + shift;
    open = true;

    if (block.header !== false && rows.length > 1) {
      for (const cell of placed[0] ?? []) styleText(cell, { bold: true });
    }
    for (const highlight of block.highlights ?? []) {
      const cell = placed[highlight.row]?.[highlight.column];
      const background = docsColor(highlight.background);
      if (!cell) continue;
      if (background) {
        styles.push({
          updateTableCellStyle: {
            tableRange: {
              tableCellLocation: {
                tableStartLocation: { index: tableStart },
                rowIndex: highlight.row,
                columnIndex: highlight.column,
              },
              rowSpan: 1,
              columnSpan: 1,
            },
            tableCellStyle: { backgroundColor: background },
            fields: 'backgroundColor',
          },
        });
      }
      if (highlight.color) styleText(cell, { color: highlight.color });
    }
  };

  const appendPageBreak = () => {
    // In a paragraph of its own, as the page break of Google Docs' menu.
    if (!open) {
      insertText(end, '\n');
      end += 1;
    }
    inserts.push({ insertPageBreak: { location: { index: end } } });
    end += 2;
    open = true;
  };

  for (const block of content.blocks) {
    switch (block.kind) {
      case 'title':
      case 'heading': {
        const [p] = appendParagraphs([docsText(block.text)]) as [Placed];
        namedStyle(p, block.kind === 'title' ? 'TITLE' : HEADINGS[block.level]);
        break;
      }
      case 'paragraph': {
        const [p] = appendParagraphs([docsText(block.text)]) as [Placed];
        if (block.style) styleText(p, block.style);
        break;
      }
      case 'placeholder': {
        const [p] = appendParagraphs([docsText(block.text)]) as [Placed];
        styleText(p, { italic: true, background: PLACEHOLDER_BACKGROUND });
        break;
      }
      case 'list': {
        if (block.items.length === 0) break;
        // createParagraphBullets turns leading tabs into nesting and removes them, which would
        // move every index after them: an item's leading tabs are dropped here instead.
        const items = appendParagraphs(
          block.items.map((item) => docsText(item).replace(/^\t+/, '')),
        );
        const first = items[0] as Placed;
        const last = items[items.length - 1] as Placed;
        styles.push({
          createParagraphBullets: {
            range: { startIndex: first.start, endIndex: paragraphRange(last).endIndex },
            bulletPreset: block.numbered
              ? 'NUMBERED_DECIMAL_ALPHA_ROMAN'
              : 'BULLET_DISC_CIRCLE_SQUARE',
          },
        });
        break;
      }
      case 'table':
        appendTable(block);
        break;
      case 'rule': {
        const [p] = appendParagraphs(['']) as [Placed];
        styles.push({
          updateParagraphStyle: {
            range: paragraphRange(p),
            paragraphStyle: {
              borderBottom: {
                color: docsColor(RULE_COLOR) as DocsColor,
                width: { magnitude: 1, unit: 'PT' },
                padding: { magnitude: 1, unit: 'PT' },
                dashStyle: 'SOLID',
              },
            },
            fields: 'borderBottom',
          },
        });
        break;
      }
      case 'pagebreak':
        appendPageBreak();
        break;
    }
  }
  return [...inserts, ...styles];
}
