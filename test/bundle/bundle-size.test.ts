/**
 * dist/Code.js is what Apps Script parses and evaluates before every custom-function call:
 * its size is a budget (150 KiB). The code only the menu's actions and the sidebar run is in
 * dist/Actions.html, loaded when they run (src/gas/load-actions.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBundle } from '../../dev/runtime';
import { SIDEBAR_NOW, sidebarSpreadsheet } from '../helpers/sidebar-book';

const dist = path.resolve(__dirname, '../../dist');
const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
const actions = fs.readFileSync(path.join(dist, 'Actions.html'), 'utf8');

/** Texts that only the sidebar, the documents, the Dashboard, the backtest report and the
 * setup check write. */
const ACTION_ONLY = [
  'Quarterly Business Review',
  'updateParagraphStyle',
  'CS Engine dashboard',
  'Monthly review',
  'Sheets CS Engine owns (it never writes anywhere else)',
];

describe('the bundle custom functions pay for', () => {
  it('dist/Code.js stays under 150 KiB', () => {
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThan(150 * 1024);
  });

  it('holds none of the code only actions run; dist/Actions.html holds it, as inert text', () => {
    for (const text of ACTION_ONLY) {
      expect(code).not.toContain(text);
      expect(actions).toContain(text);
    }
    expect(actions.startsWith('<script type="text/plain" id="code">')).toBe(true);
  });

  it('an execution loads Actions.html once, and a custom function never', () => {
    const rt = loadBundle({
      spreadsheet: sidebarSpreadsheet(4),
      timeZone: 'UTC',
      now: SIDEBAR_NOW,
    });
    const loads = () => rt.calls.count('HtmlService.createHtmlOutputFromFile');
    rt.call('HEALTHTIER', 80);
    expect(loads()).toBe(0);
    rt.call('getPlaybooks');
    const first = loads();
    rt.call('searchAccounts', 'acme');
    expect(loads()).toBe(first);
  });
});
