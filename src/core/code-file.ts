/**
 * The format of dist/Actions.html: JavaScript inside one inert script element, so the file is
 * valid HTML that Apps Script keeps but never evaluates on its own. scripts/build.mjs writes
 * it with codeFileText; src/gas/load-actions.ts reads it back with codeOfFile and runs it.
 */

const OPEN = '<script type="text/plain" id="code">';
const CLOSE = '</script>';

/** The file's text; throws if the code could close the element early. */
export function codeFileText(code: string): string {
  if (/<\/script/i.test(code)) throw new Error('The code holds "</script": it cannot be inlined.');
  return `${OPEN}\n${code}${CLOSE}\n`;
}

/** The code in the file's text; throws when the file holds none. */
export function codeOfFile(text: string, file: string): string {
  const start = text.indexOf(OPEN);
  const end = text.lastIndexOf(CLOSE);
  if (start < 0 || end < start) {
    throw new Error(`${file}.html holds no code: rebuild and push the project.`);
  }
  return text.slice(start + OPEN.length, end);
}
