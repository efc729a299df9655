/**
 * Renders a document recorded by the Docs fake (docs.ts) as a readable, self-contained HTML
 * page (the playground shows generated documents; the README's QBR screenshot comes from here).
 * Every text is HTML-escaped: a recorded document holds the sheet's untrusted text.
 */
import { DocumentModel, type RecordedDocument, type RecordedElement, type TextRun } from './docs';
import { escapeHtml } from './html';

/** Google Docs' named styles as HTML elements. */
const NAMED_STYLE_TAGS: Record<string, string> = {
  TITLE: 'h1 class="title"',
  SUBTITLE: 'p class="subtitle"',
  HEADING_1: 'h2',
  HEADING_2: 'h3',
  HEADING_3: 'h4',
  HEADING_4: 'h5',
  HEADING_5: 'h6',
  HEADING_6: 'h6',
};

const COLOR = /^#[0-9a-fA-F]{3,8}$/;

function runHtml(run: TextRun): string {
  const a = run.attributes;
  const styles: string[] = [];
  if (a.bold) styles.push('font-weight:bold');
  if (a.italic) styles.push('font-style:italic');
  if (a.underline) styles.push('text-decoration:underline');
  if (a.foregroundColor && COLOR.test(a.foregroundColor)) styles.push(`color:${a.foregroundColor}`);
  if (a.backgroundColor && COLOR.test(a.backgroundColor)) {
    styles.push(`background:${a.backgroundColor}`);
  }
  if (a.fontSize) styles.push(`font-size:${Number(a.fontSize)}pt`);
  const text = escapeHtml(run.text).replace(/\n/g, '<br>');
  return styles.length > 0 ? `<span style="${styles.join(';')}">${text}</span>` : text;
}

function runsHtml(runs: readonly TextRun[]): string {
  return runs.map(runHtml).join('');
}

const PAGE_BREAK = '<div class="page-break" role="separator" aria-label="Page break"></div>';

function elementHtml(
  element: RecordedElement,
  index: number,
  all: readonly RecordedElement[],
): string {
  switch (element.type) {
    case 'paragraph': {
      const tag = NAMED_STYLE_TAGS[element.namedStyle] ?? 'p';
      const name = tag.split(' ')[0] as string;
      const rule = element.rule ? ' style="border-bottom:1px solid #9aa0a6"' : '';
      const inner = runsHtml(element.runs);
      const html =
        inner === '' && element.pageBreak ? '' : `<${tag}${rule}>${inner || '&nbsp;'}</${name}>`;
      return element.pageBreak ? `${html}${PAGE_BREAK}` : html;
    }
    case 'listItem': {
      const previous = all[index - 1];
      const next = all[index + 1];
      const list = element.glyph === 'NUMBER' ? 'ol' : 'ul';
      const sameList = (other: RecordedElement | undefined) =>
        other?.type === 'listItem' && other.listId === element.listId;
      const open = sameList(previous) ? '' : `<${list}>`;
      const close = sameList(next) ? '' : `</${list}>`;
      return `${open}<li>${runsHtml(element.runs)}</li>${close}`;
    }
    case 'table': {
      const rows = element.rows
        .map(
          (row) =>
            `<tr>${row.cells
              .map((cell) => {
                const background =
                  cell.background && COLOR.test(cell.background)
                    ? ` style="background:${cell.background}"`
                    : '';
                return `<td${background}>${runsHtml(cell.runs)}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('');
      return `<table>${rows}</table>`;
    }
  }
}

const STYLE = `
body { background: #f1f3f4; margin: 0; font-family: Arial, Helvetica, sans-serif; color: #202124; }
.page { background: #fff; width: 720px; margin: 24px auto; padding: 56px 72px; box-shadow: 0 1px 3px rgba(60,64,67,.3); font-size: 11pt; line-height: 1.4; }
.doc-name { font: 12px Arial, sans-serif; color: #5f6368; margin: 0 0 24px; }
h1.title { font-size: 24pt; font-weight: normal; margin: 0 0 4px; }
h2 { font-size: 16pt; font-weight: normal; margin: 20px 0 6px; }
h3 { font-size: 13pt; font-weight: normal; color: #434343; margin: 16px 0 4px; }
h4 { font-size: 12pt; color: #666; margin: 12px 0 4px; }
p { margin: 0 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
td { border: 1px solid #9aa0a6; padding: 4px 6px; vertical-align: top; white-space: pre-wrap; }
ul, ol { margin: 2px 0 8px; padding-left: 24px; }
.page-break { border-top: 1px dashed #bdc1c6; margin: 24px -72px; }
`;

/** The document as a full HTML page. */
export function documentToHtml(document: DocumentModel | RecordedDocument): string {
  const recorded = document instanceof DocumentModel ? document.snapshot() : document;
  const body = recorded.elements.map(elementHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(recorded.name)}</title>
<style>${STYLE}</style></head>
<body><div class="page"><p class="doc-name">${escapeHtml(recorded.name)}</p>
${body}
</div></body></html>
`;
}
