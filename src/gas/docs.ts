/**
 * Writes a document model (core/doc-model.ts) into a new Google Doc. Every string is appended
 * as plain text (never HTML), and each block costs a fixed number of calls: a table is one
 * appendTable of all its cells, whatever its number of rows.
 */
import type { DocBlock, DocContent } from '../core/doc-model';
import { PLACEHOLDER_BACKGROUND } from '../core/doc-model';
import type { CreatedDocument, DocumentWriter } from '../app/sidebar/server';

type Body = GoogleAppsScript.Document.Body;
type Text = GoogleAppsScript.Document.Text;

function headingFor(level: 1 | 2 | 3): GoogleAppsScript.Document.ParagraphHeading {
  const headings = DocumentApp.ParagraphHeading;
  return level === 1 ? headings.HEADING1 : level === 2 ? headings.HEADING2 : headings.HEADING3;
}

function style(
  text: Text,
  s: { bold?: boolean; italic?: boolean; color?: string; background?: string },
) {
  if (s.bold !== undefined) text.setBold(s.bold);
  if (s.italic !== undefined) text.setItalic(s.italic);
  if (s.color) text.setForegroundColor(s.color);
  if (s.background) text.setBackgroundColor(s.background);
}

function appendBlock(body: Body, block: DocBlock): void {
  switch (block.kind) {
    case 'title':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.TITLE);
      return;
    case 'heading':
      body.appendParagraph(block.text).setHeading(headingFor(block.level));
      return;
    case 'paragraph': {
      const paragraph = body.appendParagraph(block.text);
      if (block.style && block.text !== '') style(paragraph.editAsText(), block.style);
      return;
    }
    case 'placeholder': {
      const paragraph = body.appendParagraph(block.text);
      if (block.text !== '') {
        style(paragraph.editAsText(), { italic: true, background: PLACEHOLDER_BACKGROUND });
      }
      return;
    }
    case 'list':
      for (const item of block.items) {
        const listItem = body.appendListItem(item);
        if (block.numbered) listItem.setGlyphType(DocumentApp.GlyphType.NUMBER);
      }
      return;
    case 'table': {
      const table = body.appendTable(block.rows.map((row) => [...row]));
      if (block.header !== false && block.rows.length > 1) {
        table.getRow(0).editAsText().setBold(true);
      }
      for (const highlight of block.highlights ?? []) {
        const cell = table.getCell(highlight.row, highlight.column);
        cell.setBackgroundColor(highlight.background);
        if (highlight.color) cell.editAsText().setForegroundColor(highlight.color);
      }
      return;
    }
    case 'rule':
      body.appendHorizontalRule();
      return;
    case 'pagebreak':
      body.appendPageBreak();
      return;
  }
}

export const documentWriter: DocumentWriter = {
  create(content: DocContent): CreatedDocument {
    const document = DocumentApp.create(content.name);
    const body = document.getBody();
    // A new Doc starts with one empty paragraph: remove it once the content follows it, or
    // every document would open on a blank line.
    const [blank] = body.getParagraphs();
    for (const block of content.blocks) appendBlock(body, block);
    if (blank && blank.getText() === '' && content.blocks.length > 0) blank.removeFromParent();
    const created = { id: document.getId(), url: document.getUrl(), name: document.getName() };
    document.saveAndClose();
    return created;
  },
};
