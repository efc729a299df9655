/**
 * The alert run: read the book, score it, record the day in History, decide what to send,
 * queue it in the Alert Log, then send one digest per recipient within the mail quota and
 * the time budget.
 *
 * Nothing is lost and nothing is sent twice:
 * - a lock keeps two runs from overlapping;
 * - decisions are queued in the Alert Log before History remembers them, and a rerun skips
 *   what today's log already holds, so a crash between the two writes loses nothing;
 * - after each email, the recipient is recorded in the document's properties before the log
 *   is updated, so a rerun after a crash marks that digest sent instead of sending it again;
 * - what the quota or the time budget leaves unsent stays queued and goes first next run.
 */
import { errorMessage } from '../../core/text';
import { planRead, readAccountRows, readLayout } from '../../core/book';
import { type CellValue, describeCell } from '../../core/cells';
import { type DayNumber, dayOfDate, hourOfDate, isoDay } from '../../core/dates';
import { describeProblem } from '../../core/book';
import { escapeHtml, isEmailAddress } from '../../core/escape';
import { columnsNeededBy, scoreAccount } from '../../core/health';
import {
  type AccountHistory,
  historyRows,
  parseHistory,
  previousEntry,
  recordDay,
  tierSinceFor,
} from '../../core/history';
import { type HealthModel, resolveModel, tierFor } from '../../core/models';
import type { SignalId } from '../../core/signals';
import { decide } from '../../core/alerts/memory';
import { type Digest, type DigestItem, renderDigest } from '../../core/alerts/digest';
import { type Severity, evaluateRules, worstSeverity } from '../../core/alerts/rules';
import { ALERT_LOG_DAYS, ALERT_LOG_HEADERS, type LogEntry, logRow, parseLogRow } from './alert-log';
import type { AlertPorts } from './ports';
import { ALERT_LOG_SHEET, HISTORY_SHEET, OWNED_SHEETS } from '../../core/owned-sheets';
import { type AlertSettings, loadSettings, saveLastRun } from './settings';

/** Stay well inside Apps Script's 6-minute limit; what is left goes out on the next run. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LOCK_WAIT_MS = 10_000;
const QUEUE_START_KEY = 'csEngine.alerts.queueStart';
const IN_FLIGHT_KEY = 'csEngine.alerts.inFlight';
const EVALUATED_KEY = 'csEngine.alerts.evaluatedDay';
const REPORTED_KEY = 'csEngine.alerts.reportedErrors';
/** What the Alert Log held before its window: counts by status, and the days they cover. */
export const ARCHIVE_KEY = 'csEngine.alerts.archived';

/** Signals the rules read, besides the model's. */
const ALERT_SIGNALS: readonly SignalId[] = [
  'account',
  'accountId',
  'csm',
  'csmEmail',
  'status',
  'renewalDate',
  'renewalConversation',
  'usageChange',
  'lastLogin',
  'ticketTrend',
  'csat',
  'competitorMentioned',
  'dataExportRequested',
  'missedMeetings',
  'championStatus',
  'sponsorStatus',
  'formalComplaint',
  'seatsActive',
  'seatsLicensed',
];

export type RunMode = 'scheduled' | 'now' | 'preview';

export interface RunReport {
  readonly ok: boolean;
  readonly summary: string;
  /** Preview only: the digests the next run would send, by recipient. */
  readonly previews: readonly { readonly to: string; readonly digest: Digest }[];
}

/** A run that cannot go on, for a reason the user can fix (the message says how). */
export class RunStopped extends Error {}

interface RunContext {
  readonly ports: AlertPorts;
  readonly settings: AlertSettings;
  readonly started: number;
  readonly now: Date;
  readonly today: DayNumber;
  readonly owner: string;
}

/** Finds the book: the configured sheet, or the first sheet with an Account column. */
export function findBookSheet(ports: AlertPorts, settings: AlertSettings): string {
  if (settings.bookSheet) {
    if (ports.sheets.read(settings.bookSheet) === undefined) {
      throw new RunStopped(
        `The book sheet "${settings.bookSheet}" no longer exists. Choose the book again in CS Engine > Alerts > Alert settings.`,
      );
    }
    return settings.bookSheet;
  }
  for (const name of ports.sheets.sheetNames()) {
    if (OWNED_SHEETS.has(name)) continue;
    const header = ports.sheets.header(name);
    const layout = readLayout(header as CellValue[]);
    if (layout.signals.has('account') && layout.signals.size > 1) return name;
  }
  throw new RunStopped(
    'No sheet looks like a book of accounts: CS Engine looks for a header row with an Account column and health data such as DAU/MAU or Last login.',
  );
}

// ------------------------------------------------------------------ evaluation

interface Evaluation {
  readonly entries: LogEntry[];
  readonly histories: Map<string, AccountHistory>;
  readonly accounts: number;
  readonly skipped: number;
}

function routeRecipients(
  csmEmail: string | undefined,
  owner: string,
  severities: readonly Severity[],
  escalation: string,
): { to: string; critical: boolean; note: string }[] {
  const valid = csmEmail !== undefined && isEmailAddress(csmEmail);
  // Addresses are case-insensitive: "Ana@Acme.com" and "ana@acme.com" get one digest.
  const routes = [
    {
      to: valid ? (csmEmail as string).trim().toLowerCase() : owner.toLowerCase(),
      critical: false,
      note: valid
        ? ''
        : csmEmail
          ? `CSM email '${describeCell(csmEmail)}' is not a valid address; sent to the owner.`
          : 'No CSM email in the book; sent to the owner.',
    },
  ];
  const escalationTo = escalation.trim().toLowerCase();
  if (severities.includes('critical') && escalationTo && escalationTo !== routes[0]?.to) {
    routes.push({
      to: escalationTo,
      critical: true,
      note: 'Escalation copy of a Critical account.',
    });
  }
  return routes;
}

/** An Alert Log row that is not an alert: a row skipped, or a run that failed. */
function notice(
  time: Date,
  status: 'skipped' | 'error',
  detail: string,
  about: { account: string; key: string; row: number } = { account: '', key: '', row: 0 },
): LogEntry {
  return {
    time,
    account: about.account,
    key: about.key,
    row: about.row === 0 ? '' : about.row,
    recipient: '',
    severity: '',
    score: '',
    tier: '',
    change: '',
    reasons: [],
    rules: [],
    status,
    detail,
    attempts: 0,
  };
}

function evaluateBook(
  context: RunContext,
  model: HealthModel,
  book: unknown[][],
  loggedToday: ReadonlySet<string>,
  preview: boolean,
): Evaluation {
  const { ports, settings, today, now, owner } = context;
  const histories = parseHistory(
    (ports.sheets.read(HISTORY_SHEET) ?? []) as CellValue[][],
    ports.timeZone,
  );
  const headerRow = (book[0] ?? []) as CellValue[];
  const layout = readLayout(headerRow);
  const needed = columnsNeededBy(model);
  const plan = planRead(
    layout,
    { signals: new Set([...needed.signals, ...ALERT_SIGNALS]), dimensions: needed.dimensions },
    { timeZone: ports.timeZone },
  );
  const columns = new Set(layout.signals.keys());
  const rows = readAccountRows(book.slice(1) as CellValue[][], plan);
  const entries: LogEntry[] = [];
  let skipped = 0;
  let accounts = 0;
  const skippedEntry = (account: string, key: string, row: number, detail: string) =>
    notice(now, 'skipped', detail, { account, key, row });

  for (const account of rows) {
    if (account.blank) continue;
    const sheetRow = account.index + 2;
    const values = account.values;
    const name = values.account ?? `Row ${sheetRow}`;
    const key = values.accountId ?? values.account ?? `row-${sheetRow}`;
    if (values.status === 'churned') continue;
    const result = scoreAccount(account, model, today);
    if (result.kind !== 'scored') {
      skipped++;
      entries.push(
        skippedEntry(
          name,
          key,
          sheetRow,
          result.kind === 'error'
            ? `Not scored: ${result.message}`
            : 'Not scored: the row has no health data.',
        ),
      );
      continue;
    }
    accounts++;
    const history = histories.get(key);
    const previous = previousEntry(history, today);
    const previousTier = previous ? tierFor(model, previous.score).label : undefined;
    const tier = result.tier.label;
    const tierSince = tierSinceFor(history, tier, previousTier, today);
    const findings = evaluateRules({
      today,
      model,
      score: result.score,
      tier,
      tierSince,
      dimensions: result.dimensions,
      values,
      columns,
      history,
    });
    const decision = decide(findings, history?.alerts ?? new Map(), today, settings.reminderDays);
    const unread = account.problems.filter(({ source }) => !needed.signals.has(source as SignalId));
    // A rerun after a crash: what today's log already holds was decided already.
    const toSend = decision.toSend.filter((f) => !loggedToday.has(`${key}|${f.rule}`));
    if (toSend.length > 0) {
      const severities = toSend.map((finding) => finding.severity);
      for (const route of routeRecipients(
        values.csmEmail,
        owner,
        severities,
        settings.escalation,
      )) {
        const sent = route.critical ? toSend.filter((f) => f.severity === 'critical') : toSend;
        const reminders = sent.filter((finding) => finding.reminder).length;
        entries.push({
          time: now,
          account: name,
          key,
          row: sheetRow,
          recipient: route.to,
          severity: worstSeverity(sent) ?? 'watch',
          score: result.score,
          tier,
          change: previous ? result.score - previous.score : '',
          reasons: sent.map((finding) =>
            finding.reminder ? `${finding.reason} (reminder)` : finding.reason,
          ),
          rules: sent.map((finding) => finding.rule),
          status: preview ? 'preview' : 'queued',
          detail: [route.note, reminders > 0 ? `${reminders} reminder(s).` : '']
            .filter(Boolean)
            .join(' '),
          attempts: 0,
        });
      }
    }
    if (unread.length > 0) {
      entries.push(
        skippedEntry(
          name,
          key,
          sheetRow,
          `Some checks could not run: ${unread.map(describeProblem).join('; ')}`,
        ),
      );
    }
    histories.set(
      key,
      recordDay(history, {
        key,
        account: name,
        today,
        score: result.score,
        tier,
        tierSince,
        alerts: decision.memory,
      }),
    );
  }
  return { entries, histories, accounts, skipped };
}

// ------------------------------------------------------------------ sending

interface QueueBlock {
  readonly startRow: number;
  readonly rows: unknown[][];
}

function readQueue(ports: AlertPorts): QueueBlock {
  const startRow = Math.max(2, Number(ports.properties.get(QUEUE_START_KEY) ?? 2) || 2);
  const last = ports.sheets.lastRow(ALERT_LOG_SHEET);
  const rows =
    last >= startRow
      ? ports.sheets.readFrom(ALERT_LOG_SHEET, startRow, ALERT_LOG_HEADERS.length)
      : [];
  return { startRow, rows };
}

const STATUS_COLUMN = ALERT_LOG_HEADERS.indexOf('Status');
const DETAIL_COLUMN = ALERT_LOG_HEADERS.indexOf('Detail');

function saveQueue(ports: AlertPorts, block: QueueBlock): void {
  if (block.rows.length === 0) return;
  ports.sheets.writeBlock(ALERT_LOG_SHEET, block.startRow, block.rows);
  const firstQueued = block.rows.findIndex((row) => row[STATUS_COLUMN] === 'queued');
  const next = firstQueued < 0 ? block.startRow + block.rows.length : block.startRow + firstQueued;
  ports.properties.set(QUEUE_START_KEY, String(next));
}

/**
 * The digests sent since the queue was last saved, recorded after each send so that a run
 * dying before it saves the queue does not send them again. Recipients are kept as short
 * hashes, and the queue is saved every CHECKPOINT_SENDS digests, so the record stays a few
 * hundred characters for any number of recipients (a property value holds 9 KB).
 */
interface InFlight {
  /** The last log row the digests covered. */
  readonly cutoff: number;
  readonly sent: string[];
}

const CHECKPOINT_SENDS = 100;

/** FNV-1a, 32 bits, in base 36: at most 7 characters; collisions within one queue are negligible. */
function recipientHash(address: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) {
    hash ^= address.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Marks sent the digests a dead run sent but could not record in the log. */
function reconcileInFlight(ports: AlertPorts, now: Date): void {
  const text = ports.properties.get(IN_FLIGHT_KEY);
  if (!text) return;
  const inFlight = JSON.parse(text) as InFlight;
  const block = readQueue(ports);
  const sent = new Set(inFlight.sent);
  block.rows.forEach((row, index) => {
    const rowNumber = block.startRow + index;
    if (
      row[STATUS_COLUMN] === 'queued' &&
      rowNumber <= inFlight.cutoff &&
      sent.has(recipientHash(String(row[4])))
    ) {
      row[STATUS_COLUMN] = 'sent';
      row[DETAIL_COLUMN] = appendDetail(
        row[DETAIL_COLUMN],
        `Sent ${stamp(now)} (confirmed after an interrupted run).`,
      );
    }
  });
  saveQueue(ports, block);
  ports.properties.remove(IN_FLIGHT_KEY);
}

function appendDetail(detail: unknown, addition: string): string {
  const existing = String(detail ?? '');
  return existing ? `${existing} ${addition}` : addition;
}

function stamp(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** A digest whose send failed this many times is given up (about six hours of retries). */
const MAX_SEND_ATTEMPTS = 6;

/**
 * What a failed send means. The quota ends today's sending; an address or message MailApp
 * refuses will be refused again, so its rows are closed; anything else (a service hiccup) is
 * retried on the next hourly run, up to MAX_SEND_ATTEMPTS.
 */
function sendFailure(error: unknown): 'quota' | 'permanent' | 'transient' {
  const message = String((error as Error)?.message ?? error);
  if (/too many times|quota/i.test(message)) return 'quota';
  if (/invalid email|no recipient|argument too large|recipients per message/i.test(message)) {
    return 'permanent';
  }
  return 'transient';
}

const LAST_TRY = / ?Last try failed[^]*$/;

interface SendResult {
  readonly sent: number;
  readonly left: number;
  readonly reason: string;
}

function digestContext(context: RunContext, bookSheet: string, escalation: boolean) {
  const { ports, now } = context;
  return {
    bookName: ports.sheets.spreadsheetName(),
    sheetUrl: ports.sheets.sheetUrl(bookSheet),
    dateLabel: `${isoDay(dayOfDate(now, ports.timeZone))}`,
    escalation,
  };
}

function itemsOf(entries: readonly LogEntry[]): DigestItem[] {
  return entries.map((entry) => ({
    account: entry.account,
    row: entry.row === '' ? 0 : entry.row,
    severity: entry.severity === '' ? 'watch' : entry.severity,
    score: entry.score,
    tier: entry.tier,
    change: entry.change,
    reasons: entry.reasons,
  }));
}

function sendQueued(context: RunContext, bookSheet: string): SendResult {
  const { ports, now, settings } = context;
  const block = readQueue(ports);
  const byRecipient = new Map<string, number[]>();
  block.rows.forEach((row, index) => {
    if (row[STATUS_COLUMN] !== 'queued') return;
    const to = String(row[4]);
    byRecipient.set(to, [...(byRecipient.get(to) ?? []), index]);
  });
  const inFlight: InFlight = { cutoff: block.startRow + block.rows.length - 1, sent: [] };
  const forCsm = digestContext(context, bookSheet, false);
  const forEscalation = { ...forCsm, escalation: true };
  let sent = 0;
  let reason = '';
  for (const [to, indexes] of byRecipient) {
    if (ports.now().getTime() - context.started > TIME_BUDGET_MS) {
      reason = 'time budget reached; the rest goes out on the next run';
      break;
    }
    if (ports.mail.remainingQuota() < 1) {
      reason = "today's email quota is used up; the rest goes out on the next run";
      break;
    }
    const entries = indexes.map((index) => parseLogRow(block.rows[index] as unknown[]));
    const escalation =
      to === settings.escalation.toLowerCase() && to !== context.owner.toLowerCase();
    const digest = renderDigest(itemsOf(entries), escalation ? forEscalation : forCsm);
    try {
      ports.mail.send({ to, ...digest });
    } catch (error) {
      const failure = sendFailure(error);
      if (failure === 'quota') {
        reason = "today's email quota is used up; the rest goes out on the next run";
        break;
      }
      const message = errorMessage(error);
      for (const index of indexes) markFailedSend(block.rows[index] as unknown[], failure, message);
      continue;
    }
    inFlight.sent.push(recipientHash(to));
    ports.properties.set(IN_FLIGHT_KEY, JSON.stringify(inFlight));
    sent++;
    for (const index of indexes) {
      const row = block.rows[index] as unknown[];
      row[STATUS_COLUMN] = 'sent';
      row[DETAIL_COLUMN] = appendDetail(
        String(row[DETAIL_COLUMN] ?? '').replace(LAST_TRY, ''),
        `Sent ${stamp(now)}.`,
      );
    }
    if (inFlight.sent.length >= CHECKPOINT_SENDS) {
      saveQueue(ports, block);
      inFlight.sent.length = 0;
      ports.properties.remove(IN_FLIGHT_KEY);
    }
  }
  saveQueue(ports, block);
  ports.properties.remove(IN_FLIGHT_KEY);
  const left = block.rows.filter((row) => row[STATUS_COLUMN] === 'queued').length;
  return { sent, left, reason };
}

const ATTEMPTS_COLUMN = ALERT_LOG_HEADERS.indexOf('Send attempts');

/** A row whose digest could not be sent: closed for good, or kept queued for the next run. */
function markFailedSend(row: unknown[], failure: 'permanent' | 'transient', message: string): void {
  const attempts = (typeof row[ATTEMPTS_COLUMN] === 'number' ? row[ATTEMPTS_COLUMN] : 0) + 1;
  row[ATTEMPTS_COLUMN] = attempts;
  const detail = String(row[DETAIL_COLUMN] ?? '').replace(LAST_TRY, '');
  if (failure === 'permanent') {
    row[STATUS_COLUMN] = 'skipped';
    row[DETAIL_COLUMN] = appendDetail(detail, `Could not send: ${message}`);
  } else if (attempts >= MAX_SEND_ATTEMPTS) {
    row[STATUS_COLUMN] = 'skipped';
    row[DETAIL_COLUMN] = appendDetail(
      detail,
      `Could not send after ${attempts} tries, the last: ${message}`,
    );
  } else {
    row[DETAIL_COLUMN] = appendDetail(
      detail,
      `Last try failed (${attempts} of ${MAX_SEND_ATTEMPTS}): ${message} It is tried again on the next hourly run.`,
    );
  }
}

// ------------------------------------------------------------------ the run

function todaysLoggedAlerts(block: QueueBlock, today: DayNumber, timeZone: string): Set<string> {
  const logged = new Set<string>();
  for (const row of block.rows) {
    const entry = parseLogRow(row);
    if (entry.status !== 'queued' && entry.status !== 'sent') continue;
    if (Number.isNaN(entry.time.getTime()) || dayOfDate(entry.time, timeZone) !== today) continue;
    for (const rule of entry.rules) logged.add(`${entry.key}|${rule}`);
  }
  return logged;
}

function reportErrorOnce(
  ports: AlertPorts,
  owner: string,
  message: string,
  today: DayNumber,
): void {
  const key = `${isoDay(today)} ${message}`;
  const reported = ports.properties.get(REPORTED_KEY);
  if (reported === key || !isEmailAddress(owner) || ports.mail.remainingQuota() < 1) return;
  ports.mail.send({
    to: owner,
    subject: 'CS Engine: the alert run failed',
    body: `CS Engine could not finish today's alert run.\n\n${message}\n\nThe Alert Log sheet has the details. Nothing queued is lost: the next run tries again.`,
    htmlBody: `<p>CS Engine could not finish today's alert run.</p><p>${escapeHtml(message)}</p><p>The Alert Log sheet has the details. Nothing queued is lost: the next run tries again.</p>`,
  });
  ports.properties.set(REPORTED_KEY, key);
}

/**
 * Runs the alerts. `scheduled` is the hourly trigger: it checks the book once a day, at or
 * after the chosen hour, and otherwise only sends what is queued. `now` checks and sends at
 * once. `preview` decides without sending or remembering anything.
 */
export function runAlerts(ports: AlertPorts, mode: RunMode): RunReport {
  const now = ports.now();
  const today = dayOfDate(now, ports.timeZone);
  let context: RunContext | undefined;
  let locked = false;
  // Everything inside: settings, the user's address and the lock can fail too, and a
  // trigger's failure is otherwise seen by nobody.
  try {
    const settings = loadSettings(ports.properties);
    context = {
      ports,
      settings,
      started: now.getTime(),
      now,
      today,
      owner: settings.owner || ports.userEmail(),
    };
    if (mode === 'scheduled' && !settings.enabled) {
      return { ok: true, summary: 'Alerts are off.', previews: [] };
    }
    locked = ports.lock.tryLock(LOCK_WAIT_MS);
    if (!locked) {
      return {
        ok: true,
        summary: 'Another alert run is in progress; this one stopped.',
        previews: [],
      };
    }
    const report = runLocked(context, mode);
    if (mode !== 'preview')
      saveLastRun(ports.properties, { at: now.toISOString(), ok: true, summary: report.summary });
    return report;
  } catch (error) {
    const message = errorMessage(error);
    recordFailure(ports, context, now, today, message);
    return { ok: false, summary: message, previews: [] };
  } finally {
    if (locked) ports.lock.release();
  }
}

function recordFailure(
  ports: AlertPorts,
  context: RunContext | undefined,
  now: Date,
  today: DayNumber,
  message: string,
): void {
  // Each step may fail in turn (the failure may be the spreadsheet itself): try them all.
  const owner = () => context?.owner ?? ports.userEmail();
  const steps = [
    () =>
      ports.sheets.append(ALERT_LOG_SHEET, ALERT_LOG_HEADERS, [
        logRow(notice(now, 'error', message)),
      ]),
    () => saveLastRun(ports.properties, { at: now.toISOString(), ok: false, summary: message }),
    () => reportErrorOnce(ports, owner(), message, today),
  ];
  for (const step of steps) {
    try {
      step();
    } catch {
      // Already failing: the next step may still get the word out.
    }
  }
}

function runLocked(context: RunContext, mode: RunMode): RunReport {
  const { ports, settings, today, now } = context;
  if (mode !== 'preview') reconcileInFlight(ports, now);
  const model = resolveModel(settings.model);
  const hour = hourOfDate(now, ports.timeZone);
  const evaluatedDay = ports.properties.get(EVALUATED_KEY);
  const due = mode !== 'scheduled' || (hour >= settings.hour && evaluatedDay !== isoDay(today));
  const bookSheet = findBookSheet(ports, settings);
  const parts: string[] = [];
  let previews: RunReport['previews'] = [];

  if (due) {
    const book = ports.sheets.read(bookSheet) ?? [];
    const queue = readQueue(ports);
    const evaluation = evaluateBook(
      context,
      model,
      book,
      todaysLoggedAlerts(queue, today, ports.timeZone),
      mode === 'preview',
    );
    const alerts = evaluation.entries.filter((entry) => entry.status !== 'skipped');
    if (mode === 'preview') {
      previews = previewDigests(context, bookSheet, alerts);
      parts.push(
        `Preview: ${alerts.length} alert(s) for ${previews.length} recipient(s) from ${evaluation.accounts} accounts.`,
      );
    } else {
      parts.push(`Checked ${evaluation.accounts} accounts: ${alerts.length} alert(s) queued.`);
    }
    if (evaluation.skipped > 0) parts.push(`${evaluation.skipped} row(s) could not be scored.`);
    if (evaluation.entries.length > 0) {
      ports.sheets.append(ALERT_LOG_SHEET, ALERT_LOG_HEADERS, evaluation.entries.map(logRow));
    }
    if (mode !== 'preview') {
      ports.sheets.writeAll(HISTORY_SHEET, historyRows(evaluation.histories.values()));
      ports.properties.set(EVALUATED_KEY, isoDay(today));
    }
  }
  if (mode !== 'preview') {
    const result = sendQueued(context, bookSheet);
    if (due) pruneAlertLog(context);
    parts.push(`${result.sent} email(s) sent.`);
    if (result.left > 0) parts.push(`${result.left} alert(s) still queued: ${result.reason}.`);
  }
  if (due && mode === 'scheduled' && ports.afterScheduledCheck) {
    try {
      ports.afterScheduledCheck();
    } catch (error) {
      parts.push(`Dashboard not refreshed: ${errorMessage(error)}`);
    }
  }
  return { ok: true, summary: parts.join(' '), previews };
}

export interface AlertArchive {
  readonly from: string;
  readonly through: string;
  readonly counts: Record<string, number>;
}

export function readArchive(properties: AlertPorts['properties']): AlertArchive | undefined {
  const text = properties.get(ARCHIVE_KEY);
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as AlertArchive;
    return typeof parsed.from === 'string' && typeof parsed.counts === 'object'
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the Alert Log to its last ALERT_LOG_DAYS days: the older rows at its top are removed
 * in one call and only their counts are kept (in a document property), so the sheet does not
 * grow toward the spreadsheet's 10 million cells. Queued rows are never removed.
 */
function pruneAlertLog(context: RunContext): void {
  const { ports, today } = context;
  const queueStart = Math.max(2, Number(ports.properties.get(QUEUE_START_KEY) ?? 2) || 2);
  if (queueStart <= 2) return;
  const rows = ports.sheets.readFrom(ALERT_LOG_SHEET, 2, ALERT_LOG_HEADERS.length);
  const oldest = today - ALERT_LOG_DAYS;
  const counts = new Map<string, number>();
  let first: DayNumber | undefined;
  let last: DayNumber | undefined;
  let old = 0;
  // Rows are appended in time order: stop at the first recent row, or at the queue.
  for (const row of rows.slice(0, queueStart - 2)) {
    const entry = parseLogRow(row);
    const day = Number.isNaN(entry.time.getTime())
      ? undefined
      : dayOfDate(entry.time, ports.timeZone);
    if (day === undefined || day >= oldest || entry.status === 'queued') break;
    first ??= day;
    last = day;
    counts.set(entry.status, (counts.get(entry.status) ?? 0) + 1);
    old++;
  }
  if (old === 0 || first === undefined || last === undefined) return;
  const archive = readArchive(ports.properties);
  const merged: Record<string, number> = { ...(archive?.counts ?? {}) };
  for (const [status, count] of counts) merged[status] = (merged[status] ?? 0) + count;
  ports.sheets.deleteRows(ALERT_LOG_SHEET, 2, old);
  ports.properties.set(QUEUE_START_KEY, String(queueStart - old));
  const next: AlertArchive = {
    from: archive?.from ?? isoDay(first),
    through: isoDay(last),
    counts: merged,
  };
  ports.properties.set(ARCHIVE_KEY, JSON.stringify(next));
}

function previewDigests(
  context: RunContext,
  bookSheet: string,
  entries: readonly LogEntry[],
): { to: string; digest: Digest }[] {
  const byRecipient = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    byRecipient.set(entry.recipient, [...(byRecipient.get(entry.recipient) ?? []), entry]);
  }
  return [...byRecipient].map(([to, list]) => ({
    to,
    digest: renderDigest(
      itemsOf(list),
      digestContext(
        context,
        bookSheet,
        to === context.settings.escalation.toLowerCase() && to !== context.owner.toLowerCase(),
      ),
    ),
  }));
}
