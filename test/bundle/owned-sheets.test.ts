/**
 * Every sheet CS Engine owns, after a full cycle through the built bundle, holds no formula it
 * did not mean to write. The book's account names, IDs, CSMs, CSM emails and churn reasons
 * start with =, +, - and @ (text in the user's cells, so typed with an apostrophe); the cycle
 * runs the daily alerts on two days with a quota that leaves digests queued overnight (the
 * send pass reads the queue back and writes it again), refreshes the Dashboard, and creates a
 * QBR (its two documents) and a plan document from the sidebar (each logged in the QBR Log).
 * Only the Dashboard's own live figures may be formulas; every hostile text must still read
 * back as that text.
 *
 * Then a book with cells of 50,000 characters, runs of spaces and 1e308 goes through every
 * menu item, the trigger and the sidebar: nothing but user messages thrown, no formula from
 * user text, no value a cell, the sidebar or an email cannot hold. (How long each entry point
 * takes is not asserted: bench/long-cells.ts times the functions on long cells.)
 */
import {
  type FakeSpreadsheet,
  LockState,
  MailState,
  PropertiesState,
  TriggerState,
  createSpreadsheet,
  loadBundle,
  type LocalRuntime,
} from '../../dev/runtime';
import { demoColumn, generateBook } from '../../dev/demo-book';

const OWNER = 'owner@acme.test';
const at = (iso: string, hour: number) =>
  new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);

const HEADERS = [
  'Account',
  'Account ID',
  'CSM',
  'CSM email',
  'ARR',
  'ARR at period start',
  'Segment',
  'Status',
  'Churn date',
  'Churn reason',
  'Renewal date',
  'Contract start',
  'DAU/MAU',
  'Seats licensed',
  'Seats active',
  'Champion',
  'Champion status',
  'Payment status',
  'Last login',
  'Formal complaint',
  'NPS',
];

/** What the user's text cells hold: each starts with a character Sheets would run. */
const HOSTILE = {
  names: ['=HYPERLINK("http://evil.test","x")', '+Plus Corp', '-Minus Ltd', '@At Inc'],
  ids: ['=A1', '+A-2', '-3', '@4'],
  csms: ['=Dana', '+Sam', '-Lee', '@Kim'],
  emails: ['=cmd|x@evil.test', 'sam@acme.test', '-lee@acme.test', '@kim@acme.test'],
  reasons: ['=IMPORTXML("http://evil.test","//a")', '+budget cut', '-moved to a rival', '@price'],
};

/** A cell holding `text` as text, as a user's cell would (the apostrophe is not stored). */
const typedText = (text: string) => `'${text}`;

function book(): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0; i < 8; i++) {
    const k = i % 4;
    const poor = i % 2 === 0;
    const churned = i === 7;
    rows.push([
      typedText(`${HOSTILE.names[k]}${i < 4 ? '' : ` ${i}`}`),
      typedText(`${HOSTILE.ids[k]}${i < 4 ? '' : `-${i}`}`),
      typedText(HOSTILE.csms[k] as string),
      typedText(HOSTILE.emails[k] as string),
      churned ? 0 : 40_000 + 10_000 * i,
      45_000,
      'Mid-Market',
      'Active',
      churned ? new Date('2025-12-01T00:00:00Z') : '',
      churned ? typedText(HOSTILE.reasons[k] as string) : '',
      new Date('2026-03-01T00:00:00Z'),
      new Date('2024-06-01T00:00:00Z'),
      poor ? 0.05 : 0.6,
      100,
      poor ? 10 : 90,
      poor ? 'no' : 'Dana',
      poor ? 'left' : 'active',
      poor ? 'delinquent' : 'current',
      new Date(poor ? '2025-11-01T00:00:00Z' : '2026-01-14T00:00:00Z'),
      i === 2,
      poor ? 3 : 9,
    ]);
  }
  return rows;
}

class World {
  readonly properties = new PropertiesState();
  readonly locks = new LockState();
  readonly mail = new MailState({ dailyQuota: 1 });
  readonly triggers = new TriggerState({ addonLimits: true });
  readonly spreadsheet: FakeSpreadsheet = createSpreadsheet(
    { Accounts: [HEADERS, ...book()] },
    { name: 'Customer Book', timeZone: 'UTC' },
  );

  execution(now: Date): LocalRuntime {
    return loadBundle({
      now,
      timeZone: 'UTC',
      userEmail: OWNER,
      spreadsheet: this.spreadsheet,
      properties: this.properties,
      locks: this.locks,
      mail: this.mail,
      triggers: this.triggers,
    });
  }

  run(now: Date, act: (runtime: LocalRuntime) => void): LocalRuntime {
    const runtime = this.execution(now);
    act(runtime);
    runtime.endExecution();
    return runtime;
  }
}

/** The formulas CS Engine writes on purpose: the Dashboard's live figures over the book. */
const INTENDED = /^=(COUNTA|SUM|COUNTIFS|SUMIFS|GRR|NRR|LOGORETENTION|NPS)\('Accounts'!/;

describe('the sheets CS Engine owns, after a full cycle with hostile texts', () => {
  const world = new World();
  const bookBefore = world.spreadsheet.sheet('Accounts').snapshotValues();

  beforeAll(() => {
    world.run(at('2026-01-14', 6), (rt) => {
      rt.ui.respondWith('OK', '8');
      rt.call('menuAlertsOn');
    });
    // Day 1: one digest goes out, the rest wait in the Alert Log for the next day.
    world.run(at('2026-01-14', 8), (rt) => rt.fireTimeTrigger('onAlertsTrigger'));
    world.mail.resetDay();
    world.mail.setQuota(100);
    // Day 2: the send pass before the hour rewrites the queue, then the daily check.
    world.run(at('2026-01-15', 1), (rt) => rt.fireTimeTrigger('onAlertsTrigger'));
    world.run(at('2026-01-15', 8), (rt) => rt.fireTimeTrigger('onAlertsTrigger'));
    world.run(at('2026-01-15', 9), (rt) => {
      rt.call('menuRefreshDashboard');
      rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
      rt.call('generatePlan', { row: 3, kind: 'save-plan' });
    });
  });

  const owned = () =>
    world.spreadsheet
      .getSheets()
      .map((sheet) => sheet.getName())
      .filter((name) => name !== 'Accounts');

  it('ran the whole cycle: alerts queued and sent on two days, Dashboard, QBR Log', () => {
    expect(owned().sort()).toEqual(['Alert Log', 'CS Engine', 'Dashboard', 'History', 'QBR Log']);
    const log = world.spreadsheet.sheet('Alert Log').snapshotValues();
    const statuses = log.slice(1).map((row) => row[11]);
    expect(statuses).toContain('sent');
    expect(statuses).not.toContain('queued');
    expect(world.mail.outbox.length).toBeGreaterThan(1);
    // The header, the QBR's two documents (customer's and prep brief) and the save plan.
    expect(world.spreadsheet.sheet('QBR Log').getLastRow()).toBe(4);
  });

  it('holds no formula the add-on did not mean to write', () => {
    for (const name of owned()) {
      const formulas = world.spreadsheet.sheet(name).snapshotFormulas().flat();
      const unintended = formulas.filter(
        (formula) => formula !== '' && !(name === 'Dashboard' && INTENDED.test(formula)),
      );
      expect({ name, unintended }).toEqual({ name, unintended: [] });
    }
    // The Dashboard's intended formulas are there (so the check above saw real formulas).
    const dashboard = world.spreadsheet.sheet('Dashboard').snapshotFormulas().flat();
    expect(dashboard.filter((formula) => formula !== '').length).toBeGreaterThan(0);
  });

  it('keeps every hostile text as exactly that text', () => {
    const values = new Set(
      owned().flatMap((name) =>
        world.spreadsheet
          .sheet(name)
          .snapshotValues()
          .flat()
          .filter((cell): cell is string => typeof cell === 'string'),
      ),
    );
    for (const text of [...HOSTILE.names, ...HOSTILE.ids]) expect(values).toContain(text);
    for (const csm of HOSTILE.csms) expect(values).toContain(csm);
    // A recipient that passes the e-mail check is a recipient, and stays text.
    const log = world.spreadsheet.sheet('Alert Log').snapshotValues();
    expect(log.some((row) => row[4] === '=cmd|x@evil.test')).toBe(true);
  });

  it("never changes the user's book", () => {
    expect(world.spreadsheet.sheet('Accounts').snapshotValues()).toEqual(bookBefore);
    const formulas = world.spreadsheet.sheet('Accounts').snapshotFormulas().flat();
    expect(formulas.filter((formula) => formula !== '')).toEqual([]);
  });
});

describe('a book of long and hostile cells through every menu item, the trigger and the sidebar', () => {
  const LONG = [
    '9'.repeat(50_000),
    'x'.repeat(50_000),
    `1${' '.repeat(4_000)}x`,
    `-${' '.repeat(500)}$${' '.repeat(500)}1${' '.repeat(500)}x`,
  ];
  const today = at('2026-01-15', 9);
  const demo = generateBook({ accounts: 30, seed: 5, today, messy: true });
  const rows = demo.rows.map((row) => [...row]);
  const names = [...HOSTILE.names, 'constructor', '__proto__'];
  names.forEach((name, i) => {
    (rows[i] as unknown[])[0] = typedText(name);
    (rows[i] as unknown[])[demoColumn('CSM')] = typedText(name);
  });
  (rows[1] as unknown[])[demoColumn('CSM Email')] = typedText('=cmd|x@evil.test');
  for (let r = 6; r < 10; r++) {
    rows[r] = (rows[r] as unknown[]).map((cell, j) =>
      j === 0 ? `Long ${r}` : LONG[(r + j) % LONG.length],
    );
  }
  (rows[10] as unknown[])[demoColumn('ARR')] = 1e308;
  (rows[10] as unknown[])[demoColumn('ARR at period start')] = 1e308;
  (rows[11] as unknown[])[demoColumn('Goals achieved')] = 1e308;
  (rows[12] as unknown[])[0] = 'x'.repeat(50_000);

  const world = new World();
  const spreadsheet = createSpreadsheet(
    { Accounts: [demo.headers, ...rows] },
    { name: 'Customer Book', timeZone: 'UTC' },
  );
  const results: unknown[] = [];
  const errors: Error[] = [];
  const entry = (now: Date, act: (runtime: LocalRuntime) => unknown) => {
    const runtime = loadBundle({
      now,
      timeZone: 'UTC',
      userEmail: OWNER,
      spreadsheet,
      properties: world.properties,
      locks: world.locks,
      mail: world.mail,
      triggers: world.triggers,
    });
    runtime.ui.respondWith('OK', '8');
    try {
      results.push(act(runtime));
    } catch (error) {
      errors.push(error as Error);
    }
    runtime.endExecution();
  };

  beforeAll(() => {
    world.mail.setQuota(100);
    const menu = [
      'onOpen',
      'menuCheckHeaders',
      'menuFormulaHelp',
      'menuBacktest',
      'menuDiagnostics',
      'menuAlertsOn',
      'menuAlertsPreview',
      'menuAlertsRunNow',
      'menuAlertsStatus',
      'menuRefreshDashboard',
      'menuOpenSidebar',
    ];
    for (const item of menu) entry(today, (rt) => rt.call(item, { authMode: 'FULL' }));
    entry(at('2026-01-16', 8), (rt) => rt.fireTimeTrigger('onAlertsTrigger'));
    entry(today, (rt) => rt.call('searchAccounts', 'x'.repeat(50_000)));
    entry(today, (rt) => rt.call('searchAccounts', '='));
    entry(today, (rt) => rt.call('getColumns'));
    entry(today, (rt) => rt.call('saveColumns', { sheet: 'Accounts', choices: [] }));
    for (let row = 2; row <= 16; row++) {
      entry(today, (rt) => rt.call('getAccount', { row }));
      entry(today, (rt) => rt.call('generateQbr', { row, quarter: 'Q4 2025', agenda: 'qbr-60' }));
      entry(today, (rt) => rt.call('generatePlan', { row, kind: 'save-plan' }));
    }
  });

  it('runs every entry point to the end', () => {
    // A churned account gets no QBR or save plan: the sidebar says so, in words.
    const churned = errors.filter(
      (error) =>
        error.name === 'SidebarError' &&
        /" has churned: a (QBR|save plan) is for a live account\./.test(error.message),
    );
    expect(churned.length).toBeGreaterThan(0);
    expect(
      errors
        .filter((error) => !churned.includes(error))
        .map((error) => `${error.name}: ${error.message.slice(0, 80)}`),
    ).toEqual([]);
    const sheets = spreadsheet.getSheets().map((sheet) => sheet.getName());
    expect(sheets.sort()).toEqual([
      'Accounts',
      'Alert Log',
      'CS Engine',
      'Columns',
      'Dashboard',
      'History',
      'QBR Log',
    ]);
    expect(world.mail.outbox.length).toBeGreaterThan(0);
  });

  it('writes no formula from user text, and no value a cell cannot hold', () => {
    for (const name of spreadsheet.getSheets().map((sheet) => sheet.getName())) {
      if (name === 'Accounts') continue;
      const sheet = spreadsheet.sheet(name);
      const unintended = sheet
        .snapshotFormulas()
        .flat()
        .filter((formula) => formula !== '' && !(name === 'Dashboard' && INTENDED.test(formula)));
      const unshowable = sheet
        .snapshotValues()
        .flat()
        .filter(
          (cell) =>
            (typeof cell === 'number' && !Number.isFinite(cell)) ||
            (typeof cell === 'string' && cell.length > 50_000),
        );
      expect({ name, unintended, unshowable }).toEqual({ name, unintended: [], unshowable: [] });
    }
  });

  it('returns nothing non-finite or oversized to the sidebar, and keeps emails small', () => {
    const bad: string[] = [];
    const scan = (value: unknown, where: string): void => {
      if (typeof value === 'number' && !Number.isFinite(value)) bad.push(`${where}: ${value}`);
      else if (typeof value === 'string' && value.length > 50_000) bad.push(`${where}: long`);
      else if (Array.isArray(value)) value.forEach((item, i) => scan(item, `${where}[${i}]`));
      else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
        for (const [key, item] of Object.entries(value)) scan(item, `${where}.${key}`);
      }
    };
    results.forEach((result, i) => scan(result, `call ${i}`));
    expect(bad).toEqual([]);
    // Apps Script limits an email body (200 KB for consumer accounts): a long name is cut.
    for (const mail of world.mail.outbox) expect(mail.htmlBody?.length ?? 0).toBeLessThan(200_000);
  });
});
