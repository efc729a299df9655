/** The DocumentApp fake: what it records, what it renders, what it counts. */
import {
  CallCounter,
  DocumentState,
  FakeDocumentApp,
  documentToHtml,
  loadBundle,
} from '../../dev/runtime';

function app() {
  const calls = new CallCounter();
  return { calls, docs: new FakeDocumentApp(new DocumentState(), calls) };
}

describe('DocumentApp fake', () => {
  // Docs silent (the Document service refuses to remove a body's last paragraph): a new
  // document, and a cleared body, hold one empty paragraph.
  it('a new document, and a cleared body, hold one empty paragraph', () => {
    const { docs } = app();
    const body = docs.create('Plan').getBody();
    expect([body.getNumChildren(), body.getText()]).toEqual([1, '']);
    body.appendParagraph('Hello');
    expect([body.getNumChildren(), body.getText()]).toEqual([2, '\nHello']);
    body.clear();
    expect([body.getNumChildren(), body.getText()]).toEqual([1, '']);
  });

  it('records paragraphs with headings, list items, tables with cells, rules and page breaks', () => {
    const { docs } = app();
    const doc = docs.create('Plan');
    const body = doc.getBody();
    body.appendParagraph('Title').setHeading(docs.ParagraphHeading.TITLE);
    body.appendParagraph('Some text').editAsText().setBold(0, 3, true);
    body.appendListItem('first').setGlyphType(docs.GlyphType.NUMBER);
    const table = body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    table.getRow(0).editAsText().setBold(true);
    table.getCell(1, 1).setBackgroundColor('#ff0000');
    body.appendHorizontalRule();
    body.appendPageBreak();
    expect(doc.getUrl()).toBe('https://docs.google.com/document/d/doc-1/edit');
    expect(doc.model.snapshot().elements).toEqual([
      // A new Google Doc starts with one empty paragraph; appended content comes after it.
      { type: 'paragraph', heading: 'NORMAL', text: '', runs: [] },
      {
        type: 'paragraph',
        heading: 'TITLE',
        text: 'Title',
        runs: [{ text: 'Title', attributes: {} }],
      },
      {
        type: 'paragraph',
        heading: 'NORMAL',
        text: 'Some text',
        runs: [
          { text: 'Some', attributes: { bold: true } },
          { text: ' text', attributes: {} },
        ],
      },
      {
        type: 'listItem',
        glyph: 'NUMBER',
        nesting: 0,
        text: 'first',
        runs: [{ text: 'first', attributes: {} }],
      },
      {
        type: 'table',
        rows: [
          {
            cells: [
              { text: 'a', runs: [{ text: 'a', attributes: { bold: true } }] },
              { text: 'b', runs: [{ text: 'b', attributes: { bold: true } }] },
            ],
          },
          {
            cells: [
              { text: 'c', runs: [{ text: 'c', attributes: {} }] },
              { text: 'd', background: '#ff0000', runs: [{ text: 'd', attributes: {} }] },
            ],
          },
        ],
      },
      { type: 'horizontalRule' },
      { type: 'pageBreak' },
    ]);
  });

  it('counts every call, refuses ragged tables, and a closed document cannot be appended to', () => {
    const { docs, calls } = app();
    const doc = docs.create('x');
    expect(() => doc.getBody().appendTable([['a'], ['b', 'c']])).toThrow(
      'appendTable: every row must have the same number of cells.',
    );
    doc.saveAndClose();
    expect(() => doc.getBody().appendParagraph('late')).toThrow('Document is closed');
    expect(calls.count('DocumentApp.create')).toBe(1);
    expect(calls.total('Body')).toBe(2);
    expect(docs.openById('doc-1').getName()).toBe('x');
    expect(() => docs.openById('nope')).toThrow('no document nope');
  });

  it('renders a recorded document to HTML with every text escaped', () => {
    const { docs } = app();
    const doc = docs.create('<script>alert(1)</script>');
    doc
      .getBody()
      .appendParagraph('<img src=x onerror=alert(1)>')
      .setHeading(docs.ParagraphHeading.HEADING1);
    doc
      .getBody()
      .appendTable([['<b>x</b>']])
      .getCell(0, 0)
      .setBackgroundColor('red;x:url(y)');
    const html = documentToHtml(doc.model);
    expect(html).toContain('<h2>&lt;img src=x onerror=alert(1)&gt;</h2>');
    expect(html).toContain('<td>&lt;b&gt;x&lt;/b&gt;</td>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('url(y)');
  });

  it('is a global of the bundle, and loadBundle reads dist/*.html by default', () => {
    const runtime = loadBundle();
    expect(runtime.services.DocumentApp).toBe(runtime.documentApp);
    expect(Object.keys(runtime.html.files)).toContain('Sidebar.html');
  });
});
