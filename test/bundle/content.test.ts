/**
 * dist/Content.html: the content (src/content/) built as JSON beside the bundle, and kept out of
 * dist/Code.js, which Apps Script parses and evaluates before every custom-function call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT } from '../../src/content';
import { parseContentFile } from '../../src/core/content-file';

const dist = path.resolve(__dirname, '../../dist');
const read = (name: string) => fs.readFileSync(path.join(dist, name), 'utf8');

describe('Content.html', () => {
  it('holds exactly the content of src/content/, as inert JSON', () => {
    const text = read('Content.html');
    expect(text.startsWith('<script type="application/json" id="content">')).toBe(true);
    // One element: no text in the content can close it early.
    expect(text.match(/<\/script/gi)).toHaveLength(1);
    expect(parseContentFile(text)).toEqual(JSON.parse(JSON.stringify(CONTENT)));
  });

  it('is not in the bundle', () => {
    const code = read('Code.js');
    const playbooks = CONTENT.playbooks;
    for (const sample of [
      playbooks.tierPlaybooks[0]?.steps[0],
      playbooks.savePlays[0]?.offers[0],
      playbooks.qbrPrepChecklist[0],
      playbooks.agendas['qbr-60'].items[0]?.detail,
    ]) {
      expect(sample).toBeTruthy();
      expect(code).not.toContain(sample);
    }
  });
});
