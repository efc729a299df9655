import { createSpreadsheet, loadBundle } from '../../dev/runtime';

const HEADERS = [
  'Account',
  'DAU/MAU',
  'Seats licensed',
  'Seats active',
  'Champion',
  'Payment status',
  'Last login',
  'Notes',
];

function book(rows: number): unknown[][] {
  return Array.from({ length: rows }, (_, i) => [
    `Account ${i}`,
    (i % 100) / 100,
    100,
    i % 100,
    i % 3 ? 'Dana' : 'no',
    ['current', 'late', 'delinquent'][i % 3],
    new Date(Date.UTC(2026, 9, 1 + (i % 28), 4)),
    'anything',
  ]);
}

describe('the menu', () => {
  it('onOpen adds the CS Engine menu, every item with a handler that exists', () => {
    const runtime = loadBundle();
    runtime.call('onOpen', { authMode: 'LIMITED' });
    const menu = runtime.ui.menu('CS Engine');
    // The default build is for a script bound to the sheet: a menu of its own in the menu bar.
    expect(menu?.addon).toBe(false);
    const entries = menu?.entries ?? [];
    const items = entries.flatMap((entry) =>
      entry.type === 'item' ? [entry] : entry.type === 'submenu' ? entry.entries : [],
    );
    expect(entries.map((entry) => (entry.type === 'separator' ? '-' : entry.caption))).toEqual([
      'Open account sidebar',
      'Check my book’s columns',
      'Check setup (diagnostics)',
      'Alerts',
      'Backtest the health score',
      'Refresh dashboard',
      '-',
      'Formula help',
    ]);
    for (const item of items) {
      if (item.type === 'item') expect(typeof runtime.globals[item.functionName]).toBe('function');
    }
  });

  it('onInstall shows the same menu straight away', () => {
    const runtime = loadBundle();
    runtime.call('onInstall', { authMode: 'FULL' });
    expect(runtime.ui.menu('CS Engine')).toBeDefined();
  });

  it('"Check my book’s columns" opens the sidebar on its Columns tab, reading and writing nothing', () => {
    const spreadsheet = createSpreadsheet({ Accounts: [HEADERS, ...book(500)] });
    const runtime = loadBundle({ spreadsheet });
    runtime.calls.reset();
    runtime.call('menuCheckHeaders');
    const shown = runtime.ui.events.find((event) => event.type === 'sidebar');
    expect(shown?.type === 'sidebar' && shown.outputTitle).toBe('CS Engine');
    expect(shown?.type === 'sidebar' && shown.html).toMatch(/<body data-start="columns"/);
    expect(runtime.calls.count('Range.getValues')).toBe(0);
    expect(runtime.calls.total('Range.set')).toBe(0);
  });

  it('the Columns tab names recognised, unrecognised and missing columns', () => {
    const spreadsheet = createSpreadsheet({ Accounts: [HEADERS, ...book(3)] });
    const runtime = loadBundle({ spreadsheet });
    const view = runtime.call<{ report: string[]; unrecognised: { header: string }[] }>(
      'getColumns',
    );
    const text = view.report.join('\n');
    expect(text).toContain('DAU/MAU');
    expect(text).toContain('Not recognised, so ignored, 1 column: Notes');
    expect(text).toContain('- Outcomes: no data. Add a column such as Goals defined');
    expect(text).toContain('- Product usage: from DAU/MAU, Seats active, Seats licensed');
    expect(view.unrecognised.map((h) => h.header)).toEqual(['Notes']);
  });
});

describe('custom functions and Apps Script services', () => {
  it('make the same few service calls for 100 and for 10,000 rows', () => {
    const counts = [100, 10_000].map((rows) => {
      const runtime = loadBundle();
      runtime.calls.reset();
      runtime.call('HEALTHSCORE', [HEADERS], book(rows));
      runtime.call('HEALTHDRIVERS', [HEADERS], book(rows));
      return runtime.calls.total();
    });
    expect(counts[0]).toBeLessThanOrEqual(6);
    expect(counts[1]).toBe(counts[0]);
  });

  it('count days in the spreadsheet’s time zone', () => {
    // "Now" is 2026-11-23 03:00 UTC: still the 22nd in Los Angeles, the 23rd in Tokyo. A
    // last login at local midnight of 2026-10-24 is 29 days old in LA and 30 in Tokyo.
    const headers = [['Account', 'Last login']];
    const scoreIn = (timeZone: string, loginUtc: Date) => {
      const spreadsheet = createSpreadsheet({ Accounts: [['x']] }, { timeZone });
      const runtime = loadBundle({ now: new Date('2026-11-23T03:00:00Z'), spreadsheet });
      return runtime.call('HEALTHSCORE', headers, [['Acme', loginUtc]]);
    };
    const la = scoreIn('America/Los_Angeles', new Date('2026-10-24T07:00:00Z'));
    const tokyo = scoreIn('Asia/Tokyo', new Date('2026-10-23T15:00:00Z'));
    // Engagement alone: 29 days -> 20 + 50/16 = 23.1 -> 23; 30 days -> 20.
    expect(la).toEqual([[23]]);
    expect(tokyo).toEqual([[20]]);
  });
});
