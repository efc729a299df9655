/**
 * DocContent -> Docs API requests (src/core/doc-requests.ts): by value for small documents,
 * and for any document, applied to the Docs fake, the document reads back block for block.
 */
import fc from 'fast-check';
import { DocumentModel, type RecordedElement } from '../../dev/runtime';
import type { DocBlock, DocContent } from '../../src/core/doc-model';
import { docRequests, docsColor, docsText } from '../../src/core/doc-requests';

const at = (index: number) => ({ location: { index } });

function written(content: DocContent): DocumentModel {
  const model = new DocumentModel('doc-1', content.name);
  model.applyBatch(JSON.parse(JSON.stringify(docRequests(content))));
  return model;
}

describe('docRequests by value', () => {
  it('a title and a heading: text into the first paragraph, then the named styles', () => {
    expect(
      docRequests({
        name: 'd',
        blocks: [
          { kind: 'title', text: 'QBR' },
          { kind: 'heading', level: 2, text: 'Goals' },
        ],
      }),
    ).toEqual([
      { insertText: { ...at(1), text: 'QBR' } },
      { insertText: { ...at(4), text: '\nGoals' } },
      {
        updateParagraphStyle: {
          range: { startIndex: 1, endIndex: 5 },
          paragraphStyle: { namedStyleType: 'TITLE' },
          fields: 'namedStyleType',
        },
      },
      {
        updateParagraphStyle: {
          range: { startIndex: 5, endIndex: 11 },
          paragraphStyle: { namedStyleType: 'HEADING_2' },
          fields: 'namedStyleType',
        },
      },
    ]);
  });

  it('a table after a paragraph: the table, its cells last first, the bold header, a shaded cell', () => {
    const content: DocContent = {
      name: 'd',
      blocks: [
        { kind: 'paragraph', text: 'Hi' },
        {
          kind: 'table',
          rows: [
            ['A', 'B'],
            ['C', ''],
          ],
          highlights: [{ row: 1, column: 0, background: '#ff0000', color: '#fff' }],
        },
      ],
    };
    const requests = docRequests(content);
    // "Hi" fills [1, 3); the table goes at 3 and starts at 4; its empty cells are at
    // 4 + 3 = 7, 9, 12 and 14.
    expect(requests.slice(0, 5)).toEqual([
      { insertText: { ...at(1), text: 'Hi' } },
      { insertTable: { ...at(3), rows: 2, columns: 2 } },
      { insertText: { ...at(12), text: 'C' } },
      { insertText: { ...at(9), text: 'B' } },
      { insertText: { ...at(7), text: 'A' } },
    ]);
    const white = { color: { rgbColor: { red: 1, green: 1, blue: 1 } } };
    expect(requests.slice(5)).toEqual([
      {
        updateTextStyle: {
          range: { startIndex: 7, endIndex: 8 },
          textStyle: { bold: true },
          fields: 'bold',
        },
      },
      {
        updateTextStyle: {
          range: { startIndex: 10, endIndex: 11 },
          textStyle: { bold: true },
          fields: 'bold',
        },
      },
      {
        updateTableCellStyle: {
          tableRange: {
            tableCellLocation: { tableStartLocation: { index: 4 }, rowIndex: 1, columnIndex: 0 },
            rowSpan: 1,
            columnSpan: 1,
          },
          tableCellStyle: {
            backgroundColor: { color: { rgbColor: { red: 1, green: 0, blue: 0 } } },
          },
          fields: 'backgroundColor',
        },
      },
      {
        updateTextStyle: {
          range: { startIndex: 14, endIndex: 15 },
          textStyle: { foregroundColor: white },
          fields: 'foregroundColor',
        },
      },
    ]);
    // Applied by the Docs fake: the paragraph, the table, and the paragraph Docs keeps after it.
    expect(written(content).snapshot().elements).toMatchObject([
      { type: 'paragraph', text: 'Hi' },
      {
        type: 'table',
        rows: [
          { cells: [{ text: 'A' }, { text: 'B' }] },
          { cells: [{ text: 'C', background: '#ff0000' }, { text: '' }] },
        ],
      },
      { type: 'paragraph', text: '' },
    ]);
  });

  it('an empty document asks for nothing', () => {
    expect(docRequests({ name: 'd', blocks: [] })).toEqual([]);
  });

  it('a page break sits in a paragraph of its own, and the next text fills the one after it', () => {
    const doc = written({
      name: 'd',
      blocks: [
        { kind: 'heading', level: 1, text: 'One' },
        { kind: 'pagebreak' },
        { kind: 'heading', level: 1, text: 'Two' },
      ],
    });
    expect(doc.snapshot().elements).toMatchObject([
      { namedStyle: 'HEADING_1', text: 'One' },
      { namedStyle: 'NORMAL_TEXT', text: '', pageBreak: true },
      { namedStyle: 'HEADING_1', text: 'Two' },
    ]);
  });

  it('a rule is an empty paragraph with a bottom border', () => {
    const doc = written({
      name: 'd',
      blocks: [
        { kind: 'paragraph', text: 'a' },
        { kind: 'rule' },
        { kind: 'paragraph', text: 'b' },
      ],
    });
    expect(doc.snapshot().elements).toMatchObject([
      { text: 'a' },
      { text: '', rule: true },
      { text: 'b' },
    ]);
    expect(doc.snapshot().elements[2]).not.toHaveProperty('rule');
  });

  it('a list item keeps its text but not its leading tabs (Docs would nest it)', () => {
    const doc = written({ name: 'd', blocks: [{ kind: 'list', items: ['\t\tdeep', 'b\tc'] }] });
    expect(doc.snapshot().elements).toMatchObject([
      { type: 'listItem', text: 'deep', nesting: 0 },
      { type: 'listItem', text: 'b\tc', nesting: 0 },
    ]);
  });
});

describe('docsText and docsColor', () => {
  it('line breaks become Docs line breaks; what insertText strips is dropped first', () => {
    expect(docsText('a\r\nb\nc\rd')).toBe('a\u000bb\u000bc\u000bd');
    expect(docsText('x\u0000\u0007\u001f\ue000\uf8ffy\tz')).toBe('xy\tz');
    expect(docsText('\ud83d!\ude00 😀')).toBe('\ufffd!\ufffd 😀');
  });

  it('reads #rgb and #rrggbb, and nothing else', () => {
    expect(docsColor('#f00')).toEqual({ color: { rgbColor: { red: 1, green: 0, blue: 0 } } });
    expect(docsColor('#1e8e3e')?.color.rgbColor.green).toBeCloseTo(0x8e / 255);
    for (const bad of ['red', '#12345', 'url(x)', '', undefined]) {
      expect(docsColor(bad)).toBeUndefined();
    }
  });
});

/** Text as a reader of the Doc sees it: line breaks as "\n", stripped characters gone. */
function seen(text: string): string {
  return docsText(text).replace(/\u000b/g, '\n');
}

const cellText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '\n', 'a\r\nb', '\t', '\u0001x', '\ue000', '😀', '\ud83d', '<b>x</b>'),
);
const someText = cellText.filter((text) => seen(text) !== '');
const color = fc.constantFrom('#1e8e3e', '#fef7e0', '#fff', 'not a colour');

const blockArb: fc.Arbitrary<DocBlock> = fc.oneof(
  fc.record({ kind: fc.constant('title' as const), text: someText }),
  fc.record({
    kind: fc.constant('heading' as const),
    level: fc.constantFrom(1 as const, 2 as const, 3 as const),
    text: someText,
  }),
  fc.record(
    {
      kind: fc.constant('paragraph' as const),
      text: someText,
      style: fc.record(
        { bold: fc.boolean(), italic: fc.boolean(), color, background: color },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['kind', 'text'] },
  ),
  fc.record({ kind: fc.constant('placeholder' as const), text: someText }),
  fc.record(
    {
      kind: fc.constant('list' as const),
      items: fc.array(
        someText.map((t) => t.replace(/^[\t\u0000-\u0008\u000c-\u001f\ue000-\uf8ff]+/, 'x')),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      numbered: fc.boolean(),
    },
    { requiredKeys: ['kind', 'items'] },
  ),
  fc
    .record({
      rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 4,
      }),
      header: fc.boolean(),
      highlight: fc.option(fc.record({ row: fc.nat(4), column: fc.nat(3), background: color })),
    })
    .map(({ rows, header, highlight }) => {
      const width = Math.max(...rows.map((r) => r.length));
      const square = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      return {
        kind: 'table' as const,
        rows: square,
        header,
        ...(highlight ? { highlights: [highlight] } : {}),
      };
    }),
  fc.constant({ kind: 'rule' as const }),
  fc.constant({ kind: 'pagebreak' as const }),
);

/** What each block should read as, in order (empty plain paragraphs left out: a table or a
 * page break may leave one, as in Google Docs). */
function expected(blocks: readonly DocBlock[]): unknown[] {
  return blocks.flatMap((block): unknown[] => {
    switch (block.kind) {
      case 'title':
        return [{ type: 'paragraph', namedStyle: 'TITLE', text: seen(block.text) }];
      case 'heading':
        return [
          { type: 'paragraph', namedStyle: `HEADING_${block.level}`, text: seen(block.text) },
        ];
      case 'paragraph':
      case 'placeholder':
        return [{ type: 'paragraph', namedStyle: 'NORMAL_TEXT', text: seen(block.text) }];
      case 'list':
        return block.items.map((item) => ({
          type: 'listItem',
          glyph: block.numbered ? 'NUMBER' : 'BULLET',
          text: seen(item),
        }));
      case 'table':
        return [{ type: 'table', texts: block.rows.map((row) => row.map(seen)) }];
      case 'rule':
        return [{ type: 'paragraph', namedStyle: 'NORMAL_TEXT', text: '', rule: true }];
      case 'pagebreak':
        return [{ type: 'paragraph', namedStyle: 'NORMAL_TEXT', text: '', pageBreak: true }];
    }
  });
}

function actual(elements: readonly RecordedElement[]): unknown[] {
  return elements.flatMap((element): unknown[] => {
    if (element.type === 'table') {
      return [{ type: 'table', texts: element.rows.map((row) => row.cells.map((c) => c.text)) }];
    }
    if (element.type === 'listItem') {
      return [{ type: 'listItem', glyph: element.glyph, text: element.text }];
    }
    if (element.text === '' && !element.rule && !element.pageBreak) return [];
    const out: Record<string, unknown> = {
      type: 'paragraph',
      namedStyle: element.namedStyle,
      text: element.text,
    };
    if (element.rule) out.rule = true;
    if (element.pageBreak) out.pageBreak = true;
    return [out];
  });
}

describe('any document model', () => {
  it('writes, applied to the Docs fake without error, a document that reads back block for block', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 12 }), (blocks) => {
        const doc = written({ name: 'd', blocks });
        const elements = doc.snapshot().elements;
        expect(actual(elements)).toEqual(expected(blocks));
        // A document that starts with text starts with it: no empty paragraph first.
        const first = blocks[0];
        if (first && 'text' in first) expect(elements[0]).toHaveProperty('text', seen(first.text));
        if (first?.kind === 'list') expect(elements[0]?.type).toBe('listItem');
      }),
      { numRuns: 300, seed: 1515 },
    );
  });

  it('styles exactly the runs the model asks for', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 8 }), (blocks) => {
        const elements = written({ name: 'd', blocks }).snapshot().elements;
        const tables = elements.filter((e) => e.type === 'table');
        blocks
          .filter((b) => b.kind === 'table')
          .forEach((block, k) => {
            if (block.kind !== 'table') return;
            const table = tables[k];
            if (table?.type !== 'table') throw new Error('missing table');
            table.rows.forEach((row, r) =>
              row.cells.forEach((cell, c) => {
                const bold = block.header !== false && block.rows.length > 1 && r === 0;
                for (const run of cell.runs) expect(Boolean(run.attributes.bold)).toBe(bold);
                const highlight = block.highlights?.find((h) => h.row === r && h.column === c);
                const background = docsColor(highlight?.background);
                expect(cell.background !== undefined).toBe(background !== undefined);
              }),
            );
          });
        const placeholders = blocks.filter((b) => b.kind === 'placeholder');
        const shaded = elements.filter(
          (e) =>
            e.type === 'paragraph' &&
            e.runs.some(
              (run) => run.attributes.backgroundColor === '#fef7e0' && run.attributes.italic,
            ),
        );
        expect(shaded.length).toBeGreaterThanOrEqual(placeholders.length);
      }),
      { numRuns: 200, seed: 1516 },
    );
  });
});
