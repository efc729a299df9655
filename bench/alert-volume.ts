/**
 * How many alerts a CSM gets: the first run (the baseline), a normal day, and a simulated
 * month, on the demo book and on the 10,000-account book, through the bundle and the local
 * runtime's clock.
 *
 * The month: every day the clock moves to the next day's run, the book ages (its dates stay
 * as typed, so a customer who stops logging in drifts into "no login for 30 days"), the
 * customers who use the product log in (each active one on about 70% of days), CSMs touch
 * about one account in 14 a day, and a few accounts a day change signals the way real ones
 * do: about 2.5 per 100 accounts a day, most bad news (a champion leaves, usage drops, a
 * competitor is mentioned, tickets spike, meetings are missed, a complaint, an export request)
 * and some good (usage recovers, a new champion). Bad news does not last forever: the CSM
 * works on it, and after one to four weeks the account's cells go back to what they were.
 * Seeded: the same figures every run.
 *
 * Counted from the Alert Log the runs write: each account in a digest is an item (an account
 * sent to its CSM and to the escalation contact counts twice; none is set here).
 */
import { generateBook } from '../dev/demo-book';
import { DEMO_HEADERS, type DemoHeader } from '../dev/demo-book';
import {
  LockState,
  MailState,
  PropertiesState,
  TriggerState,
  UrlFetchState,
  createSpreadsheet,
  loadBundle,
  type FakeSheet,
} from '../dev/runtime';
import { seededRandom } from '../src/core/random';
import { formatCount } from '../src/core/text';

const DAY_MS = 86_400_000;
const START = new Date('2026-01-15T00:00:00Z');

interface DayFigures {
  /** 0 is the first run (the baseline). */
  readonly day: number;
  readonly emails: number;
  /** Accounts in the digests (summary rows not counted); an account with two recipients counts twice. */
  readonly items: number;
  /** The most items one recipient's digest held. */
  readonly largestDigest: number;
  /** Items in each digest of the day (a baseline's summaries not counted). */
  readonly sizes: readonly number[];
  /** Digests over the cap (they list the cap and link to the rest). */
  readonly overCap: number;
  /** Baseline only: accounts already in a condition, recorded in the Alert Log, not sent one by one. */
  readonly recorded: number;
}

export interface VolumeFigures {
  readonly book: string;
  readonly accounts: number;
  /** Live, scored accounts (the run's "Checked N accounts"). */
  readonly active: number;
  readonly csms: number;
  readonly cap: number;
  readonly changesPerDay: number;
  readonly days: readonly DayFigures[];
  readonly ms: number;
}

/** A column of the demo book, 0-based. */
const col = (header: DemoHeader) => DEMO_HEADERS.indexOf(header);

type Event = (row: unknown[], today: Date, random: () => number) => void;

const pct = (value: unknown): number => {
  const text = String(value ?? '').trim();
  const number = Number(text.replace('%', ''));
  if (!Number.isFinite(number)) return 0.3;
  return text.endsWith('%') || number > 1 ? number / 100 : number;
};

/** What happens to an account on a day, weighted; the last two are good news (they stay). */
const EVENTS: readonly [number, Event][] = [
  [10, (row) => (row[col('Champion status')] = 'left')],
  [15, (row) => (row[col('Competitor mentioned')] = 'yes')],
  [
    20,
    (row) => {
      row[col('Usage change %')] = '-35%';
      row[col('DAU/MAU')] = Math.round(pct(row[col('DAU/MAU')]) * 60) / 100;
    },
  ],
  [
    10,
    (row) => {
      row[col('Ticket trend')] = 'up';
      row[col('CSAT')] = 2.4;
    },
  ],
  [10, (row) => (row[col('Missed meetings')] = 2)],
  [3, (row) => (row[col('Formal complaint')] = 'yes')],
  [2, (row) => (row[col('Data export requested')] = 'yes')],
  [
    25,
    (row, today) => {
      row[col('Usage change %')] = '12%';
      row[col('DAU/MAU')] = Math.min(0.9, Math.round(pct(row[col('DAU/MAU')]) * 140) / 100);
      row[col('Last login')] = today;
    },
  ],
  [
    5,
    (row) => {
      row[col('Champion status')] = 'new';
      row[col('Competitor mentioned')] = 'no';
    },
  ],
];
const EVENT_WEIGHT = EVENTS.reduce((sum, [weight]) => sum + weight, 0);
const CHANGING = (
  [
    'Last login',
    'Last CSM contact',
    'Champion status',
    'Competitor mentioned',
    'Usage change %',
    'DAU/MAU',
    'Ticket trend',
    'CSAT',
    'Missed meetings',
    'Formal complaint',
    'Data export requested',
  ] as const
).map(col);

const GOOD_NEWS = 2;

function pickEvent(random: () => number): { event: Event; bad: boolean } {
  let at = random() * EVENT_WEIGHT;
  for (const [index, [weight, event]] of EVENTS.entries()) {
    at -= weight;
    if (at < 0) return { event, bad: index < EVENTS.length - GOOD_NEWS };
  }
  return { event: (EVENTS[0] as [number, Event])[1], bad: true };
}

/** Cells to put back on a later day: bad news that has been dealt with. */
interface Revert {
  readonly day: number;
  readonly row: unknown[];
  readonly cells: readonly [number, unknown][];
}

function dayOf(cell: unknown): number | undefined {
  if (cell instanceof Date) return Math.floor(cell.getTime() / DAY_MS);
  const time = Date.parse(String(cell ?? ''));
  return Number.isNaN(time) ? undefined : Math.floor(time / DAY_MS);
}

/** Ages the book by a day: logins, CSM touches and the day's few changes, in one write. */
function liveADay(
  sheet: FakeSheet,
  rows: unknown[][],
  users: ReadonlySet<number>,
  day: number,
  reverts: Revert[],
  changes: number,
  random: () => number,
): void {
  const today = new Date(START.getTime() + day * DAY_MS);
  for (const [index, row] of rows.entries()) {
    if (users.has(index) && random() < 0.7) row[col('Last login')] = today;
    if (random() < 1 / 14) row[col('Last CSM contact')] = today;
  }
  for (const revert of reverts.filter((r) => r.day === day)) {
    for (const [column, value] of revert.cells) revert.row[column] = value;
  }
  for (let i = 0; i < changes; i++) {
    const row = rows[Math.floor(random() * rows.length)] as unknown[];
    if (String(row[0] ?? '') === '') continue;
    const before = [...row];
    const { event, bad } = pickEvent(random);
    event(row, today, random);
    if (bad) {
      const cells = CHANGING.filter((column) => row[column] !== before[column]).map(
        (column): [number, unknown] => [column, before[column]],
      );
      reverts.push({ day: day + 7 + Math.floor(random() * 22), row, cells });
    }
  }
  // Only the columns that change, one write each: the rest stays as the user typed it.
  for (const column of CHANGING) {
    sheet.getRange(2, column + 1, rows.length, 1).setValues(rows.map((row) => [row[column]]));
  }
}

const LOG_COLUMNS = 16;

/** The Alert Log's rows from `from` (1-based) to the end. */
function logRows(sheet: () => FakeSheet | undefined, from: number): unknown[][] {
  const log = sheet();
  if (!log) return [];
  const last = log.getLastRow();
  return last < from ? [] : log.getRange(from, 1, last - from + 1, LOG_COLUMNS).getValues();
}

export function measureAlertVolume(options: {
  readonly book: string;
  readonly accounts: number;
  readonly days: number;
  readonly seed?: number;
  /**
   * Reassigns the accounts to a team with this many accounts per CSM (the demo book has six
   * CSMs, whatever its size: 10,000 accounts would be 1,700 each, no team's reality).
   */
  readonly accountsPerCsm?: number;
}): VolumeFigures {
  const started = performance.now();
  const book = generateBook({ accounts: options.accounts, seed: options.seed ?? 11, today: START });
  const rows = book.rows.map((row) => [...row]);
  const perCsm = options.accountsPerCsm;
  if (perCsm !== undefined) {
    rows.forEach((row, index) => {
      if (String(row[0] ?? '') === '') return;
      const csm = Math.floor(index / perCsm) + 1;
      row[col('CSM')] = `CSM ${csm}`;
      row[col('CSM Email')] = `csm${csm}@cs-engine.example`;
    });
  }
  const spreadsheet = createSpreadsheet(
    { Accounts: [book.headers, ...rows] },
    { name: options.book, timeZone: 'UTC' },
  );
  const shared = {
    spreadsheet,
    timeZone: 'UTC',
    userEmail: 'owner@example.com',
    properties: new PropertiesState(),
    locks: new LockState(),
    mail: new MailState({ dailyQuota: 1500 }),
    triggers: new TriggerState({ addonLimits: true }),
    urlFetch: new UrlFetchState(),
  };
  const setup = loadBundle({ ...shared, now: new Date(START.getTime() + 7 * 3_600_000) });
  setup.ui.respondWith('OK', '8');
  setup.call('menuAlertsOn');
  setup.endExecution();
  const settings = JSON.parse(
    shared.properties.documentStore(spreadsheet.model.id).get('csEngine.alerts.settings') ?? '{}',
  ) as { digestCap?: number };

  // Who uses the product: logged in within the last 30 days when the book starts.
  const today0 = Math.floor(START.getTime() / DAY_MS);
  const users = new Set<number>();
  rows.forEach((row, index) => {
    const login = dayOf(row[col('Last login')]);
    if (login !== undefined && today0 - login < 30) users.add(index);
  });
  const random = seededRandom(options.seed ?? 11);
  const changesPerDay = Math.max(1, Math.round((options.accounts * 2.5) / 100));
  const accountsSheet = spreadsheet.sheet('Accounts');
  const logSheet = () =>
    spreadsheet.model.sheetByName('Alert Log') ? spreadsheet.sheet('Alert Log') : undefined;

  const days: DayFigures[] = [];
  const reverts: Revert[] = [];
  let active = 0;
  let logFrom = 2;
  for (let day = 0; day <= options.days; day++) {
    const midnight = new Date(START.getTime() + day * DAY_MS);
    if (day > 0) liveADay(accountsSheet, rows, users, day, reverts, changesPerDay, random);
    const runtime = loadBundle({ ...shared, now: new Date(midnight.getTime() + 8 * 3_600_000) });
    shared.mail.resetDay();
    const sentBefore = shared.mail.outbox.length;
    runtime.fireTimeTrigger('onAlertsTrigger');
    runtime.endExecution();
    const added = logRows(logSheet, logFrom);
    logFrom += added.length;
    const perRecipient = new Map<string, number>();
    let recorded = 0;
    for (const row of added) {
      const recipient = String(row[4] ?? '');
      if (recipient === '' || row[10] === 'book-summary' || row[11] !== 'sent') continue;
      if (String(row[12] ?? '').includes('Baseline')) recorded++;
      perRecipient.set(recipient, (perRecipient.get(recipient) ?? 0) + 1);
    }
    const sizes = [...perRecipient.values()];
    const summary = JSON.parse(
      shared.properties.documentStore(spreadsheet.model.id).get('csEngine.alerts.lastRun') ??
        '{"summary":""}',
    ).summary as string;
    const checked = /Checked ([\d,]+) accounts/.exec(summary);
    if (checked) active = Number((checked[1] as string).replace(/,/g, ''));
    days.push({
      day,
      emails: shared.mail.outbox.length - sentBefore,
      items: day === 0 ? 0 : sizes.reduce((sum, size) => sum + size, 0),
      largestDigest: day === 0 ? 0 : Math.max(0, ...sizes),
      sizes: day === 0 ? [] : sizes,
      overCap: day === 0 ? 0 : sizes.filter((size) => size > (settings.digestCap ?? 25)).length,
      recorded,
    });
  }
  return {
    book: options.book,
    accounts: options.accounts,
    active,
    csms: new Set(
      rows
        .map((row) => String(row[col('CSM Email')] ?? '').toLowerCase())
        .filter((email) => email !== ''),
    ).size,
    cap: settings.digestCap ?? 25,
    changesPerDay,
    days,
    ms: performance.now() - started,
  };
}

const per100 = (count: number, active: number) => ((100 * count) / Math.max(1, active)).toFixed(1);

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/** The figures as table rows: the first run, the first normal day, and the month. */
export function volumeRows(figures: VolumeFigures): string[][] {
  const [baseline, first] = figures.days;
  const month = figures.days.slice(1);
  const total = month.reduce((sum, day) => sum + day.items, 0);
  const digests = month.flatMap((day) => day.sizes);
  const busiest = month.reduce((a, b) => (b.items > a.items ? b : a), month[0] as DayFigures);
  const team = `${figures.csms} CSMs, about ${Math.round(figures.active / Math.max(1, figures.csms))} accounts each`;
  const label = `${figures.book}: ${figures.active.toLocaleString('en-US')} active accounts, ${team}`;
  return [
    [
      label,
      'first run (the baseline)',
      `${baseline?.emails ?? 0} emails (one summary per CSM${(baseline?.emails ?? 0) > figures.csms ? ', and the owner’s for the rows without a CSM email' : ''})`,
      per100(baseline?.emails ?? 0, figures.active),
      `${(baseline?.recorded ?? 0).toLocaleString('en-US')} accounts already in a condition: in the summaries and the Alert Log, not sent one by one`,
    ],
    [
      label,
      'a normal day (the next)',
      `${first?.emails ?? 0} emails, ${first?.items ?? 0} accounts in them`,
      per100(first?.items ?? 0, figures.active),
      `the largest digest lists ${formatCount(first?.largestDigest ?? 0, 'account')}`,
    ],
    [
      label,
      `${month.length} days`,
      `${month.reduce((sum, day) => sum + day.emails, 0).toLocaleString('en-US')} emails, ${total.toLocaleString('en-US')} accounts in them`,
      `${per100(total / Math.max(1, month.length), figures.active)} a day`,
      `the median digest lists ${formatCount(percentile(digests, 0.5), 'account')}, 9 in 10 at most ${percentile(digests, 0.9)}, the largest ${Math.max(0, ...digests)}; the busiest day ${formatCount(busiest.items, 'account')} in all (day ${busiest.day}); ${formatCount(
        month.reduce((sum, day) => sum + day.overCap, 0),
        'digest',
      )} over the cap of ${figures.cap}`,
    ],
  ];
}
