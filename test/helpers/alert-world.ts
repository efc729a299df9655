/**
 * A world for the alert tests: one spreadsheet, and the properties, locks, mail and triggers
 * that successive Apps Script executions share. Each "execution" is a new runtime over them.
 */
import {
  FakeSpreadsheet,
  LockState,
  MailState,
  PropertiesState,
  TriggerState,
  UrlFetchState,
  createSpreadsheet,
  loadBundle,
  type LocalRuntime,
} from '../../dev/runtime';

export const OWNER = 'owner@acme.test';
export const HEADERS = [
  'Account',
  'Account ID',
  'CSM',
  'CSM email',
  'DAU/MAU',
  'Seats licensed',
  'Seats active',
  'Champion',
  'Champion status',
  'Payment status',
  'Last login',
  'Formal complaint',
];

export const day = (iso: string, hour = 9) =>
  new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);

export type Row = (string | number | boolean | Date)[];

export function account(
  name: string,
  id: string,
  csmEmail: string,
  health: 'good' | 'poor' | 'mid',
  extra: Partial<{ champion: string; complaint: boolean; lastLogin: Date }> = {},
): Row {
  const usage = { good: [0.6, 100, 95], mid: [0.3, 100, 60], poor: [0.05, 100, 10] }[health];
  return [
    name,
    id,
    'Sam',
    csmEmail,
    usage[0] as number,
    usage[1] as number,
    usage[2] as number,
    health === 'poor' ? 'no' : 'Dana',
    extra.champion ?? 'active',
    health === 'poor' ? 'delinquent' : 'current',
    extra.lastLogin ?? new Date('2026-11-20T00:00:00Z'),
    extra.complaint ?? false,
  ];
}

export class World {
  readonly properties = new PropertiesState();
  readonly locks = new LockState();
  readonly mail = new MailState({ dailyQuota: 100 });
  readonly triggers = new TriggerState({ addonLimits: true });
  readonly urlFetch = new UrlFetchState();
  readonly spreadsheet: FakeSpreadsheet;

  /** `sheets`: other sheets the spreadsheet already holds (an earlier version's, say). */
  constructor(
    rows: unknown[][],
    headers: readonly string[] = HEADERS,
    sheets: Record<string, unknown[][]> = {},
  ) {
    this.spreadsheet = createSpreadsheet(
      { Accounts: [[...headers], ...rows], ...sheets },
      { name: 'Customer Book', timeZone: 'UTC' },
    );
  }

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
      urlFetch: this.urlFetch,
    });
  }

  turnOn(now: Date, hour = '8'): LocalRuntime {
    const runtime = this.execution(now);
    runtime.ui.respondWith('OK', hour);
    runtime.call('menuAlertsOn');
    runtime.endExecution();
    return runtime;
  }

  /** The hourly trigger's execution at `now`. */
  tick(now: Date): LocalRuntime {
    const runtime = this.execution(now);
    runtime.fireTimeTrigger('onAlertsTrigger');
    runtime.endExecution();
    return runtime;
  }

  log(): Record<string, unknown>[] {
    const values = this.sheetValues('Alert Log');
    const [header = [], ...rows] = values;
    return rows.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i]])));
  }

  sheetValues(name: string): unknown[][] {
    const exists = this.spreadsheet.model.sheetByName(name) !== undefined;
    return exists ? this.spreadsheet.sheet(name).snapshotValues() : [];
  }

  sentTo(): string[] {
    return this.mail.outbox.map((mail) => mail.to.join(','));
  }

  /** Types `value` into the book's `header` column of the account named `name`, as a user would. */
  edit(name: string, header: string, value: string | number | boolean | Date): void {
    const sheet = this.spreadsheet.sheet('Accounts');
    const values = sheet.snapshotValues();
    const column = (values[0] ?? []).indexOf(header);
    const row = values.findIndex((cells) => cells[0] === name);
    if (column < 0 || row < 1) throw new Error(`No cell for ${name} / ${header}`);
    sheet.getRange(row + 1, column + 1).setValue(value);
  }

  /** Changes Alert settings as the settings dialog would save them. */
  settings(change: Record<string, unknown>): void {
    const store = this.properties.documentStore(this.spreadsheet.model.id);
    const current = JSON.parse(store.get('csEngine.alerts.settings') ?? '{}') as object;
    store.set('csEngine.alerts.settings', JSON.stringify({ ...current, ...change }));
  }

  /** The emails sent to `address`, oldest first. */
  mailTo(address: string): { subject: string; body: string; htmlBody: string }[] {
    return this.mail.outbox
      .filter((mail) => mail.to.includes(address))
      .map((mail) => ({ subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody ?? '' }));
  }
}

export function smallBook(): unknown[][] {
  return [
    account('Acme Corp', 'A-1', 'ana@acme.test', 'good'),
    account('Globex', 'A-2', 'Ana@Acme.test', 'poor'), // one digest for both spellings
    account('Initech', 'A-3', 'ben@acme.test', 'poor', { complaint: true }),
    account('Umbrella', 'A-4', 'not-an-email', 'poor'),
    account('Hooli', 'A-5', 'ben@acme.test', 'mid', { champion: 'left' }),
    account('<script>alert(1)</script>', 'A-6', 'cy@acme.test', 'poor'),
    // Typed as text in the sheet (the apostrophe), as a user's cell would hold it.
    account(`'=HYPERLINK("http://x","y")`, '+A-8', 'cy@acme.test', 'good'),
    account('Broken Row', 'A-7', 'cy@acme.test', 'good').map((cell, i) =>
      i === 4 ? 'lots' : cell,
    ),
  ];
}
