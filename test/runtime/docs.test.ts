/**
 * The Docs advanced service's fake (dev/runtime/docs.ts): the document kept index for index as
 * the Docs API describes it, requests refused where Google refuses them, and the scopes each
 * method accepts. Each test names the page of https://developers.google.com/docs/api it follows.
 */
import {
  CallCounter,
  DocumentState,
  FakeDocsService,
  documentToHtml,
  loadBundle,
} from '../../dev/runtime';

const SCOPE = 'https://www.googleapis.com/auth/';

function service(scopes?: string[]) {
  const calls = new CallCounter();
  const state = new DocumentState();
  return { calls, state, docs: new FakeDocsService(state, calls, scopes) };
}

/** A new document and a batchUpdate on it. */
function newDoc(scopes?: string[]) {
  const s = service(scopes);
  const id = s.docs.Documents.create({ title: 'QBR' }).documentId;
  const batch = (...requests: unknown[]) => s.docs.Documents.batchUpdate({ requests }, id);
  const model = () => {
    const found = s.state.documents.get(id);
    if (!found) throw new Error('no document');
    return found;
  };
  return { ...s, id, batch, model };
}

/** The indexes of documents.get's JSON, as far as the table test reads them. */
interface Spanned {
  startIndex: number;
  endIndex: number;
  table?: {
    tableRows: {
      startIndex: number;
      endIndex: number;
      tableCells: { startIndex: number; endIndex: number; content: { startIndex: number }[] }[];
    }[];
  };
}

const at = (index: number) => ({ location: { index } });
const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex });
const red = { color: { rgbColor: { red: 1, green: 0, blue: 0 } } };

describe('documents.create (reference/rest/v1/documents/create)', () => {
  it('makes a blank document: a section break, then one empty paragraph at index 1', () => {
    const { docs, calls } = service();
    const created = docs.Documents.create({ title: 'QBR', body: { content: ['ignored'] } });
    expect(created.title).toBe('QBR');
    expect(created.body.content).toEqual([
      { endIndex: 1, sectionBreak: { sectionStyle: { sectionType: 'CONTINUOUS' } } },
      {
        startIndex: 1,
        endIndex: 2,
        paragraph: {
          elements: [{ startIndex: 1, endIndex: 2, textRun: { content: '\n', textStyle: {} } }],
          paragraphStyle: { namedStyleType: 'NORMAL_TEXT' },
        },
      },
    ]);
    expect(calls.count('Docs.Documents.create')).toBe(1);
  });
});

describe('insertText (reference/rest/v1/documents/request#InsertTextRequest)', () => {
  it('text at index 1 goes into the first paragraph: no empty line before it', () => {
    const { batch, model } = newDoc();
    batch({ insertText: { ...at(1), text: 'Title\nBody' } });
    expect(
      model()
        .snapshot()
        .elements.map((e) => 'text' in e && e.text),
    ).toEqual(['Title', 'Body']);
    expect(model().endIndex).toBe(12);
  });

  it('a newline makes a paragraph copying the style of the one it splits, bullets included', () => {
    const { batch, model } = newDoc();
    batch(
      { insertText: { ...at(1), text: 'One' } },
      {
        createParagraphBullets: {
          range: range(1, 4),
          bulletPreset: 'NUMBERED_DECIMAL_ALPHA_ROMAN',
        },
      },
      {
        updateParagraphStyle: {
          range: range(1, 4),
          paragraphStyle: { namedStyleType: 'HEADING_2' },
          fields: 'namedStyleType',
        },
      },
      { insertText: { ...at(4), text: '\nTwo' } },
    );
    const [one, two] = model().snapshot().elements;
    expect(one).toMatchObject({ type: 'listItem', glyph: 'NUMBER', text: 'One' });
    expect(two).toMatchObject({ type: 'listItem', glyph: 'NUMBER', text: 'Two' });
    expect(model().json().body.content[2]).toMatchObject({
      paragraph: { paragraphStyle: { namedStyleType: 'HEADING_2' } },
    });
  });

  it('inserted text takes the style of the text just before it', () => {
    const { batch, model } = newDoc();
    batch(
      { insertText: { ...at(1), text: 'ab' } },
      { updateTextStyle: { range: range(1, 3), textStyle: { bold: true }, fields: 'bold' } },
      { insertText: { ...at(3), text: 'c' } },
    );
    expect(model().snapshot().elements[0]).toMatchObject({
      runs: [{ text: 'abc', attributes: { bold: true } }],
    });
  });

  it('strips U+0000-U+0008, U+000C-U+001F and the private use area; keeps tab and U+000B', () => {
    const { batch, model } = newDoc();
    batch({ insertText: { ...at(1), text: 'a\u0001b\r\ue000c\td\u000be' } });
    expect(model().snapshot().elements[0]).toMatchObject({ text: 'abc\td\ne' });
    expect(model().endIndex).toBe(9);
  });

  it('refuses an index outside every paragraph: past the end, 0, a table start', () => {
    const { batch } = newDoc();
    expect(() => batch({ insertText: { ...at(2), text: 'x' } })).toThrow(
      'Index 2 must be less than the end index of the referenced segment, 2.',
    );
    expect(() => batch({ insertText: { ...at(0), text: 'x' } })).toThrow(
      'The insertion index must be inside the bounds of an existing paragraph.',
    );
    batch({ insertTable: { ...at(1), rows: 1, columns: 1 } });
    expect(() => batch({ insertText: { ...at(2), text: 'x' } })).toThrow(
      /^API call to docs\.documents\.batchUpdate failed with error: Invalid requests\[0\]\.insertText: The insertion index must be inside/,
    );
    expect(() => batch({ insertText: { ...at(1), text: '' } })).toThrow('must specify text');
  });

  it('applies a batch atomically: one invalid request and nothing is applied', () => {
    const { batch, model } = newDoc();
    const before = JSON.stringify(model().json());
    let error: unknown;
    try {
      batch({ insertText: { ...at(1), text: 'kept?' } }, { insertText: { ...at(99), text: 'x' } });
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).toBe('GoogleJsonResponseException');
    expect((error as Error).message).toContain('Invalid requests[1].insertText');
    expect(JSON.stringify(model().json())).toBe(before);
  });
});

describe('insertTable (how-tos/tables: the index offsets of a 2x2 table starting at S)', () => {
  it('a newline goes before the table, which starts at the location + 1 and spans S..S+12', () => {
    const { batch, model } = newDoc();
    batch({ insertTable: { ...at(1), rows: 2, columns: 2 } });
    const [, before, table, after] = model().json().body.content as unknown as Spanned[];
    expect(before).toMatchObject({ startIndex: 1, endIndex: 2 });
    expect(table).toMatchObject({ startIndex: 2, endIndex: 14, table: { rows: 2, columns: 2 } });
    const S = 2;
    const rows = table?.table?.tableRows ?? [];
    expect(rows.map((r) => [r.startIndex, r.endIndex])).toEqual([
      [S + 1, S + 6],
      [S + 6, S + 11],
    ]);
    expect(
      rows.flatMap((r) =>
        r.tableCells.map((c) => [c.startIndex, c.endIndex, c.content[0]?.startIndex]),
      ),
    ).toEqual([
      [S + 2, S + 4, S + 3],
      [S + 4, S + 6, S + 5],
      [S + 7, S + 9, S + 8],
      [S + 9, S + 11, S + 10],
    ]);
    expect(after).toMatchObject({ startIndex: 14, endIndex: 15 });
  });

  it('cells are filled last first, each at its empty-table index', () => {
    const { batch, model } = newDoc();
    batch(
      { insertTable: { ...at(1), rows: 2, columns: 2 } },
      { insertText: { ...at(12), text: 'D' } },
      { insertText: { ...at(10), text: 'C' } },
      { insertText: { ...at(7), text: 'B' } },
      { insertText: { ...at(5), text: 'A' } },
      {
        updateTableCellStyle: {
          tableRange: {
            tableCellLocation: { tableStartLocation: { index: 2 }, rowIndex: 1, columnIndex: 0 },
            rowSpan: 1,
            columnSpan: 1,
          },
          tableCellStyle: { backgroundColor: red },
          fields: 'backgroundColor',
        },
      },
    );
    const table = model().snapshot().elements[1];
    expect(table).toEqual({
      type: 'table',
      rows: [
        {
          cells: [
            { text: 'A', runs: [{ text: 'A', attributes: {} }] },
            { text: 'B', runs: [{ text: 'B', attributes: {} }] },
          ],
        },
        {
          cells: [
            { text: 'C', background: '#ff0000', runs: [{ text: 'C', attributes: {} }] },
            { text: 'D', runs: [{ text: 'D', attributes: {} }] },
          ],
        },
      ],
    });
    expect(() =>
      batch({
        updateTableCellStyle: {
          tableStartLocation: { index: 3 },
          tableCellStyle: {},
          fields: 'backgroundColor',
        },
      }),
    ).toThrow('There is no table starting at index 3.');
  });
});

describe('insertPageBreak (reference: InsertPageBreakRequest)', () => {
  it('inserts a page break and a newline; not inside a table', () => {
    const { batch, model } = newDoc();
    batch({ insertText: { ...at(1), text: 'A' } }, { insertPageBreak: at(2) });
    expect(model().snapshot().elements).toMatchObject([
      { type: 'paragraph', text: 'A', pageBreak: true },
      { type: 'paragraph', text: '' },
    ]);
    batch({ insertTable: { ...at(4), rows: 1, columns: 1 } });
    expect(() => batch({ insertPageBreak: at(8) })).toThrow('cannot be inserted inside a table');
  });
});

describe('updateParagraphStyle and updateTextStyle (reference: ParagraphStyle, TextStyle)', () => {
  it('a border is given in its entirety; a listed field without a value is reset', () => {
    const { batch, model } = newDoc();
    batch({ insertText: { ...at(1), text: 'Rule' } });
    expect(() =>
      batch({
        updateParagraphStyle: {
          range: range(1, 2),
          paragraphStyle: { borderBottom: { color: red } },
          fields: 'borderBottom',
        },
      }),
    ).toThrow('Paragraph borders cannot be partially updated');
    const border = {
      color: red,
      width: { magnitude: 1, unit: 'PT' },
      padding: { magnitude: 1, unit: 'PT' },
      dashStyle: 'SOLID',
    };
    batch({
      updateParagraphStyle: {
        range: range(1, 2),
        paragraphStyle: { borderBottom: border, namedStyleType: 'HEADING_1' },
        fields: 'borderBottom,namedStyleType',
      },
    });
    expect(model().snapshot().elements[0]).toMatchObject({ rule: true, namedStyle: 'HEADING_1' });
    batch({
      updateParagraphStyle: {
        range: range(1, 2),
        paragraphStyle: {},
        fields: 'borderBottom,namedStyleType',
      },
    });
    expect(model().snapshot().elements[0]).toEqual({
      type: 'paragraph',
      namedStyle: 'NORMAL_TEXT',
      text: 'Rule',
      runs: [{ text: 'Rule', attributes: {} }],
    });
    expect(() =>
      batch({
        updateParagraphStyle: {
          range: range(1, 2),
          paragraphStyle: { namedStyleType: 'HEADING_9' },
          fields: 'namedStyleType',
        },
      }),
    ).toThrow('"HEADING_9" is not a named style type.');
  });

  it('styles the text in the range; refuses an empty range and one crossing a cell', () => {
    const { batch, model } = newDoc();
    batch(
      { insertText: { ...at(1), text: 'abcd' } },
      {
        updateTextStyle: {
          range: range(2, 4),
          textStyle: { italic: true, foregroundColor: red },
          fields: 'italic,foregroundColor',
        },
      },
    );
    expect(model().snapshot().elements[0]).toMatchObject({
      runs: [
        { text: 'a', attributes: {} },
        { text: 'bc', attributes: { italic: true, foregroundColor: '#ff0000' } },
        { text: 'd', attributes: {} },
      ],
    });
    expect(() =>
      batch({ updateTextStyle: { range: range(2, 2), textStyle: {}, fields: 'bold' } }),
    ).toThrow('The range must not be empty.');
    batch({ insertTable: { ...at(5), rows: 1, columns: 2 } });
    // Cell paragraphs at 9 and 11 (table at 6).
    expect(() =>
      batch({
        updateTextStyle: { range: range(9, 12), textStyle: { bold: true }, fields: 'bold' },
      }),
    ).toThrow('crosses a table or cell boundary');
    expect(() =>
      batch({
        updateTextStyle: { range: range(1, 3), textStyle: { bold: 'yes' }, fields: 'bold' },
      }),
    ).toThrow('textStyle.bold must be true or false.');
  });
});

describe('createParagraphBullets (reference: CreateParagraphBulletsRequest)', () => {
  it('leading tabs set the nesting level and are removed; a matching list before is joined', () => {
    const { batch, model } = newDoc();
    batch(
      { insertText: { ...at(1), text: 'a\n\tb\nc' } },
      { createParagraphBullets: { range: range(1, 3), bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } },
      // "\tb" (3 to 6) loses its tab; "c" follows it.
      { createParagraphBullets: { range: range(3, 7), bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' } },
    );
    const [a, b, c] = model().snapshot().elements;
    expect(b).toMatchObject({ type: 'listItem', text: 'b', nesting: 1 });
    expect(a?.type === 'listItem' && b?.type === 'listItem' && c?.type === 'listItem').toBe(true);
    const lists = new Set([a, b, c].map((e) => e?.type === 'listItem' && e.listId));
    expect(lists.size).toBe(1);
    expect(model().endIndex).toBe(7);
  });
});

describe('scopes (each method page, "Authorization scopes"; api/auth)', () => {
  it('create and batchUpdate accept drive.file; without a Docs or Drive scope they are refused', () => {
    const { batch } = newDoc([`${SCOPE}drive.file`]);
    expect(() => batch({ insertText: { ...at(1), text: 'ok' } })).not.toThrow();
    const { docs } = service([`${SCOPE}spreadsheets.currentonly`]);
    expect(() => docs.Documents.create({ title: 'x' })).toThrow(
      'API call to docs.documents.create failed with error: Request had insufficient authentication scopes.',
    );
  });

  it('drive.file reaches only the documents the script created', () => {
    const { docs, state } = service([`${SCOPE}drive.file`]);
    const theirs = state.create('Not ours', false);
    expect(() => docs.Documents.get(theirs.id)).toThrow('The caller does not have permission');
    const broad = new FakeDocsService(state, new CallCounter(), [`${SCOPE}documents`]);
    expect(broad.Documents.get(theirs.id).title).toBe('Not ours');
  });
});

describe('in the runtime', () => {
  it('Docs is a global only when the manifest enables the advanced service', () => {
    const enabled = loadBundle({ source: '' });
    expect(enabled.run('typeof Docs')).toBe('object');
    const without = loadBundle({ source: '', manifest: { oauthScopes: [] } });
    expect(without.run('typeof Docs')).toBe('undefined');
  });

  it('renders a document as escaped HTML: headings, lists, page breaks, rules', () => {
    const { batch, model } = newDoc();
    batch(
      { insertText: { ...at(1), text: '<b>T</b>\nitem\n' } },
      {
        updateParagraphStyle: {
          range: range(1, 2),
          paragraphStyle: { namedStyleType: 'TITLE' },
          fields: 'namedStyleType',
        },
      },
      {
        createParagraphBullets: { range: range(10, 11), bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' },
      },
      { insertPageBreak: at(15) },
    );
    const html = documentToHtml(model());
    expect(html).toContain('<h1 class="title">&lt;b&gt;T&lt;/b&gt;</h1>');
    expect(html).toContain('<ul><li>item</li></ul>');
    expect(html).toContain('class="page-break"');
    expect(html).not.toContain('<b>');
  });
});
