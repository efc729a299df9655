/**
 * The daily alert run over a 10,000-account book in the local runtime: time, service calls
 * and emails, for the first run (the baseline: every account is checked and recorded, one
 * summary per CSM) and the next day's run over the same book (nothing changed).
 */
import { generateBook } from '../dev/demo-book';
import {
  LockState,
  MailState,
  PropertiesState,
  TriggerState,
  createSpreadsheet,
  loadBundle,
} from '../dev/runtime';

export interface AlertRunFigures {
  readonly label: string;
  readonly accounts: number;
  readonly ms: number;
  readonly spreadsheetCalls: number;
  readonly mailCalls: number;
  readonly emails: number;
  readonly summary: string;
}

/**
 * A 10,000-account-style messy book with daily alerts turned on at 8:00, and the state that
 * successive executions share: the alert benches run their days over it.
 */
export function alertBenchWorld(accounts: number) {
  const today = new Date('2026-01-15T00:00:00Z');
  const book = generateBook({ accounts, seed: 11, today, messy: true });
  const spreadsheet = createSpreadsheet(
    { Accounts: [book.headers, ...book.rows] },
    { name: 'Benchmark Book', timeZone: 'UTC' },
  );
  const shared = {
    spreadsheet,
    timeZone: 'UTC',
    userEmail: 'owner@example.com',
    properties: new PropertiesState(),
    locks: new LockState(),
    mail: new MailState({ dailyQuota: 1500 }),
    triggers: new TriggerState({ addonLimits: true }),
  };
  const setup = loadBundle({ ...shared, now: new Date('2026-01-15T07:00:00Z') });
  setup.ui.respondWith('OK', '8');
  setup.call('menuAlertsOn');
  setup.endExecution();
  return shared;
}

export function benchAlertRuns(accounts: number): AlertRunFigures[] {
  const shared = alertBenchWorld(accounts);
  const { spreadsheet } = shared;

  const figures: AlertRunFigures[] = [];
  for (const [label, now] of [
    ['first run (the baseline)', '2026-01-15T08:00:00Z'],
    ['next day (the same book)', '2026-01-16T08:00:00Z'],
  ] as const) {
    const runtime = loadBundle({ ...shared, now: new Date(now) });
    const sentBefore = shared.mail.outbox.length;
    const start = performance.now();
    runtime.fireTimeTrigger('onAlertsTrigger');
    const ms = performance.now() - start;
    runtime.endExecution();
    const calls = runtime.calls;
    figures.push({
      label,
      accounts,
      ms,
      spreadsheetCalls:
        calls.total('SpreadsheetApp') +
        calls.total('Spreadsheet') +
        calls.total('Sheet') +
        calls.total('Range'),
      mailCalls: calls.total('MailApp'),
      emails: shared.mail.outbox.length - sentBefore,
      summary: JSON.parse(
        shared.properties.documentStore(spreadsheet.model.id).get('csEngine.alerts.lastRun') ??
          '{"summary":""}',
      ).summary,
    });
  }
  return figures;
}
