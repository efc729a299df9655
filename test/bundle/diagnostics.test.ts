import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSpreadsheet, loadBundle } from '../../dev/runtime';
import { SCOPES } from '../../src/app/scopes';

const BOOK = [
  ['Account', 'CSM email', 'DAU/MAU', 'Seats active', 'Seats licensed', '<b>Notes</b>'],
  ['Acme', 'ana@acme.test', 0.5, 80, 100, 'x'],
  ['Globex', 'ana@acme.test', 0.1, 10, 100, 'y'],
];

function dialogOf(runtime: ReturnType<typeof loadBundle>): string {
  const event = runtime.ui.events.at(-1);
  if (event?.type !== 'modalDialog') throw new Error(`expected a dialog, got ${event?.type}`);
  return event.output.getContent();
}

describe('Check setup (diagnostics)', () => {
  it('reports the book, alerts, quota, permissions and owned sheets in plain words', () => {
    const spreadsheet = createSpreadsheet({ Accounts: BOOK }, { name: 'Book', timeZone: 'UTC' });
    const runtime = loadBundle({ spreadsheet, timeZone: 'UTC', userEmail: 'owner@acme.test' });
    runtime.calls.reset();
    runtime.call('menuDiagnostics');
    const html = dialogOf(runtime);
    expect(html).toContain('Your book of accounts: the &quot;Accounts&quot; sheet, 2 rows');
    expect(html).toContain('Not recognised, so ignored, 1 column: &lt;b&gt;Notes&lt;/b&gt;');
    expect(html).not.toContain('<b>Notes</b>');
    expect(html).toContain('Daily alerts: off.');
    expect(html).toContain('Emails left today: 100');
    expect(html).toContain('Permissions: everything CS Engine needs is granted');
    expect(html).toContain('script.send_mail: send the alert digests as you');
    expect(html).toContain('Alert Log: not created yet.');
    // One sheet of the default 1,000 x 26 grid: every cell counts, blank or not.
    expect(html).toContain('Cells used: 26,000 of 10,000,000 (0.3%)');
    // It reads, it does not write.
    expect(runtime.calls.total('Range.set')).toBe(0);
  });

  it('says what is wrong when no sheet looks like a book', () => {
    const spreadsheet = createSpreadsheet({ Notes: [['Hello']] }, { name: 'Empty' });
    const runtime = loadBundle({ spreadsheet });
    runtime.call('menuDiagnostics');
    expect(dialogOf(runtime)).toContain('⚠️ Your book of accounts');
    expect(dialogOf(runtime)).toContain('No sheet looks like a book of accounts');
  });

  it('explains every scope appsscript.json asks for', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../appsscript.json'), 'utf8'),
    ) as { oauthScopes: string[] };
    expect(SCOPES.map((entry) => entry.scope).sort()).toEqual([...manifest.oauthScopes].sort());
  });
});
