/**
 * The format of dist/Content.html: the content as JSON inside one inert script element, so the
 * file is valid HTML that Apps Script keeps but never evaluates. scripts/build.mjs writes it
 * with contentFileText; src/gas/load-content.ts reads it back with parseContentFile.
 */
import type { Content } from './content-types';

const OPEN = '<script type="application/json" id="content">';
const CLOSE = '</script>';

/** The file's text. "<" is written as \u003c, so no text in the content can close the element. */
export function contentFileText(content: Content): string {
  return `${OPEN}${JSON.stringify(content).replace(/</g, '\\u003c')}${CLOSE}\n`;
}

/** The content in the file's text; throws when the file holds none. */
export function parseContentFile(text: string): Content {
  const start = text.indexOf(OPEN);
  const end = text.lastIndexOf(CLOSE);
  if (start < 0 || end < start) {
    throw new Error('Content.html holds no content: rebuild and push the project.');
  }
  return JSON.parse(text.slice(start + OPEN.length, end)) as Content;
}
