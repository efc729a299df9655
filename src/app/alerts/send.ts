/**
 * Sending what the Alert Log holds queued: one digest per recipient, within the mail quota
 * and the time budget. Nothing is sent twice: after each email the recipient is recorded in
 * the document's properties before the log is updated, so a rerun after a crash marks that
 * digest sent instead of sending it again. What is left stays queued for the next run.
 */
import type { CellValue } from '../../core/cells';
import { dayOfDate, formatTimestamp, isoDay } from '../../core/dates';
import { type Digest, type DigestItem, renderDigest } from '../../core/alerts/digest';
import { errorMessage } from '../../core/text';
import type { LogEntry } from './alert-log';
import { parseLogRow } from './alert-log';
import { type RunContext, TIME_BUDGET_MS, isEscalation } from './context';
import type { AlertPorts } from './ports';
import {
  ATTEMPTS_COLUMN,
  DETAIL_COLUMN,
  RECIPIENT_COLUMN,
  STATUS_COLUMN,
  readQueue,
  saveQueue,
} from './queue';

const IN_FLIGHT_KEY = 'csEngine.alerts.inFlight';

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

function appendDetail(detail: CellValue, addition: string): string {
  const existing = String(detail ?? '');
  return existing ? `${existing} ${addition}` : addition;
}

/** Marks sent the digests a dead run sent but could not record in the log. */
export function reconcileInFlight(ports: AlertPorts, now: Date): void {
  const text = ports.properties.get(IN_FLIGHT_KEY);
  if (!text) return;
  const inFlight = JSON.parse(text) as InFlight;
  const block = readQueue(ports);
  const sent = new Set(inFlight.sent);
  const sentAt = formatTimestamp(now, ports.timeZone);
  block.rows.forEach((row, index) => {
    const rowNumber = block.startRow + index;
    if (
      row[STATUS_COLUMN] === 'queued' &&
      rowNumber <= inFlight.cutoff &&
      sent.has(recipientHash(String(row[RECIPIENT_COLUMN])))
    ) {
      row[STATUS_COLUMN] = 'sent';
      row[DETAIL_COLUMN] = appendDetail(
        row[DETAIL_COLUMN],
        `Sent ${sentAt} (confirmed after an interrupted run).`,
      );
    }
  });
  saveQueue(ports, block);
  ports.properties.remove(IN_FLIGHT_KEY);
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

/** A row whose digest could not be sent: closed for good, or kept queued for the next run. */
function markFailedSend(
  row: CellValue[],
  failure: 'permanent' | 'transient',
  message: string,
): void {
  const previous = row[ATTEMPTS_COLUMN];
  const attempts = (typeof previous === 'number' ? previous : 0) + 1;
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

/** `sentAt` is formatted once per run: thousands of rows share it. */
function markSent(row: CellValue[], sentAt: string): void {
  row[STATUS_COLUMN] = 'sent';
  row[DETAIL_COLUMN] = appendDetail(
    String(row[DETAIL_COLUMN] ?? '').replace(LAST_TRY, ''),
    `Sent ${sentAt}.`,
  );
}

export interface SendResult {
  readonly sent: number;
  readonly left: number;
  readonly reason: string;
}

function digestContext(context: RunContext, bookSheet: string, escalation: boolean) {
  const { ports, now } = context;
  return {
    bookName: ports.sheets.spreadsheetName(),
    sheetUrl: ports.sheets.sheetUrl(bookSheet),
    dateLabel: isoDay(dayOfDate(now, ports.timeZone)),
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

const QUOTA_USED = "today's email quota is used up; the rest goes out on the next run";

/** Sends every queued digest it can, and saves the queue. */
export function sendQueued(context: RunContext, bookSheet: string): SendResult {
  const { ports, now } = context;
  const block = readQueue(ports);
  const byRecipient = new Map<string, number[]>();
  block.rows.forEach((row, index) => {
    if (row[STATUS_COLUMN] !== 'queued') return;
    const to = String(row[RECIPIENT_COLUMN]);
    byRecipient.set(to, [...(byRecipient.get(to) ?? []), index]);
  });
  const inFlight: InFlight = { cutoff: block.startRow + block.rows.length - 1, sent: [] };
  const forCsm = digestContext(context, bookSheet, false);
  const forEscalation = { ...forCsm, escalation: true };
  const rowAt = (index: number) => block.rows[index] as CellValue[];
  const sentAt = formatTimestamp(now, ports.timeZone);
  let sent = 0;
  let reason = '';
  for (const [to, indexes] of byRecipient) {
    if (ports.now().getTime() - context.started > TIME_BUDGET_MS) {
      reason = 'time budget reached; the rest goes out on the next run';
      break;
    }
    if (ports.mail.remainingQuota() < 1) {
      reason = QUOTA_USED;
      break;
    }
    const entries = indexes.map((index) => parseLogRow(rowAt(index)));
    const digest = renderDigest(
      itemsOf(entries),
      isEscalation(context, to) ? forEscalation : forCsm,
    );
    try {
      ports.mail.send({ to, ...digest });
    } catch (error) {
      const failure = sendFailure(error);
      if (failure === 'quota') {
        reason = QUOTA_USED;
        break;
      }
      const message = errorMessage(error);
      for (const index of indexes) markFailedSend(rowAt(index), failure, message);
      continue;
    }
    inFlight.sent.push(recipientHash(to));
    ports.properties.set(IN_FLIGHT_KEY, JSON.stringify(inFlight));
    sent++;
    for (const index of indexes) markSent(rowAt(index), sentAt);
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

/** The digests the next run would send, by recipient (the preview). */
export function previewDigests(
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
      digestContext(context, bookSheet, isEscalation(context, to)),
    ),
  }));
}
