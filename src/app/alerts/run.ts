/**
 * The alert run: read the book, evaluate it (evaluate.ts), queue the decisions in the Alert
 * Log and record the day in History (queue.ts), then send one digest per recipient within the
 * mail quota and the time budget (send.ts).
 *
 * Nothing is lost and nothing is sent twice:
 * - a lock keeps two runs from overlapping;
 * - decisions are queued in the Alert Log before History remembers them, and a rerun skips
 *   what today's log already holds, so a crash between the two writes loses nothing;
 * - after each email, the recipient is recorded in the document's properties before the log
 *   is updated, so a rerun after a crash marks that digest sent instead of sending it again;
 * - what the quota or the time budget leaves unsent stays queued and goes first next run.
 */
import { errorMessage, formatCount } from '../../core/text';
import { type DayNumber, dayOfDate, hourOfDate, isoDay } from '../../core/dates';
import { escapeHtml, isEmailAddress } from '../../core/escape';
import { resolveModel } from '../../core/models';
import { churnedLeftOut } from '../../core/snapshot';
import type { Digest } from '../../core/alerts/digest';
import { webhookKind } from '../../core/alerts/webhook';
import { findBookSheet, readBookSheet } from '../workbook/book';
import { readHistories, writeHistories } from '../workbook/history';
import { loadSettings } from '../workbook/settings';
import { isSummary, notice } from './alert-log';
import type { RunContext } from './context';
import { evaluateBook } from './evaluate';
import type { AlertPorts } from './ports';
import { appendToLog, pruneAlertLog, readQueue, todaysLoggedAlerts } from './queue';
import { previewDigests, reconcileInFlight, sendQueued } from './send';
import { saveLastRun } from './settings';

const LOCK_WAIT_MS = 10_000;
const EVALUATED_KEY = 'csEngine.alerts.evaluatedDay';
const REPORTED_KEY = 'csEngine.alerts.reportedErrors';
/** The fingerprint of the model and columns of the last baseline (src/core/alerts/baseline.ts). */
const BASELINE_KEY = 'csEngine.alerts.baseline';

export type RunMode = 'scheduled' | 'now' | 'preview';

export interface RunReport {
  readonly ok: boolean;
  readonly summary: string;
  /** Preview only: the digests the next run would send, by recipient. */
  readonly previews: readonly { readonly to: string; readonly digest: Digest }[];
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
    () => appendToLog(ports, [notice(now, 'error', message)]),
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

/** "12 alerts", or on a baseline day "6 summaries (one per CSM) instead of 113 alerts". */
function queuedInWords(alerts: number, summaries: number, baseline: boolean): string {
  if (!baseline) return formatCount(alerts, 'alert');
  return `${formatCount(summaries, 'summary', 'summaries')} of where each book stands (a fresh start: ${formatCount(alerts, 'account alert')} in the Alert Log, not sent one by one)`;
}

/** Checks the book: queues (or previews) today's alerts and records History. */
function checkBook(
  context: RunContext,
  bookSheet: string,
  mode: RunMode,
): { parts: string[]; previews: RunReport['previews'] } {
  const { ports, settings, today, now } = context;
  const preview = mode === 'preview';
  const evaluation = evaluateBook({
    book: readBookSheet(ports.sheets, bookSheet).values,
    histories: readHistories(ports),
    model: resolveModel(settings.model),
    today,
    now,
    timeZone: ports.timeZone,
    owner: context.owner,
    escalation: settings.escalation,
    reminderDays: settings.reminderDays,
    loggedToday: todaysLoggedAlerts(readQueue(ports), today, ports.timeZone),
    preview,
    baselineFingerprint: ports.properties.get(BASELINE_KEY),
    chat: webhookKind(settings.webhookUrl) !== undefined,
  });
  const alerts = evaluation.entries.filter(
    (entry) => entry.status !== 'skipped' && !isSummary(entry),
  );
  const summaries = evaluation.entries.filter(isSummary).length;
  const queued = queuedInWords(alerts.length, summaries, evaluation.baseline);
  const parts: string[] = [];
  let previews: RunReport['previews'] = [];
  const checked = formatCount(evaluation.accounts, 'account');
  const churned = evaluation.churned > 0 ? ` (${churnedLeftOut(evaluation.churned)})` : '';
  if (preview) {
    previews = previewDigests(
      context,
      bookSheet,
      evaluation.entries.filter((entry) => entry.status === 'preview'),
    );
    parts.push(
      `Preview: ${queued} for ${formatCount(previews.length, 'recipient')} from ${checked}${churned}.`,
    );
  } else {
    parts.push(`Checked ${checked}${churned}: ${queued} queued.`);
  }
  if (evaluation.skipped > 0) {
    parts.push(`${formatCount(evaluation.skipped, 'row')} could not be scored.`);
  }
  appendToLog(ports, evaluation.entries);
  if (!preview) {
    writeHistories(ports.sheets, evaluation.histories.values());
    // After History: a run that dies before this is a baseline again on its rerun, and the
    // Alert Log's rows already queued today keep it from queueing anything twice.
    ports.properties.set(BASELINE_KEY, evaluation.fingerprint);
    ports.properties.set(EVALUATED_KEY, isoDay(today));
  }
  return { parts, previews };
}

function runLocked(context: RunContext, mode: RunMode): RunReport {
  const { ports, settings, today, now } = context;
  if (mode !== 'preview') reconcileInFlight(ports, now);
  const hour = hourOfDate(now, ports.timeZone);
  const evaluatedDay = ports.properties.get(EVALUATED_KEY);
  const due = mode !== 'scheduled' || (hour >= settings.hour && evaluatedDay !== isoDay(today));
  const bookSheet = findBookSheet(ports.sheets, settings.bookSheet);
  const parts: string[] = [];
  let previews: RunReport['previews'] = [];

  if (due) {
    const checked = checkBook(context, bookSheet, mode);
    parts.push(...checked.parts);
    previews = checked.previews;
  }
  if (mode !== 'preview') {
    const result = sendQueued(context, bookSheet);
    if (due) pruneAlertLog(ports, today);
    parts.push(`${formatCount(result.sent, 'email')} sent.`);
    if (result.posted > 0) parts.push(`${formatCount(result.posted, 'chat message')} posted.`);
    if (result.left > 0) {
      const why = result.reason ? `: ${result.reason}` : ' for the next hourly run';
      parts.push(`${formatCount(result.left, 'alert')} still queued${why}.`);
    }
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
