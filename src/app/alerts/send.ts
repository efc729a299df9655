/**
 * Sending what the Alert Log holds queued: one digest per recipient, within the mail quota
 * and the time budget, and the same digest posted to the team's Slack or Google Chat channel
 * when the webhook is on. Nothing is sent twice: after each email or post the recipient is
 * recorded in the document's properties before the log is updated, so a rerun after a crash
 * marks that digest sent instead of sending it again. What is left stays queued for the next
 * run; a failed post is retried on the next hourly run, like a failed email.
 */
import type { CellValue } from '../../core/cells';
import { dayOfDate, formatTimestamp, isoDay } from '../../core/dates';
import {
  type Digest,
  type DigestContext,
  type DigestItem,
  renderDigest,
} from '../../core/alerts/digest';
import { webhookKind, webhookPayload } from '../../core/alerts/webhook';
import { shortHash } from '../../core/hash';
import { ALERT_LOG_SHEET } from '../../core/owned-sheets';
import { errorMessage } from '../../core/text';
import { type LogEntry, chatCell, chatState, isSummary, notice } from './alert-log';
import { parseLogRow } from './alert-log';
import { type RunContext, TIME_BUDGET_MS, isEscalation } from './context';
import type { AlertPorts } from './ports';
import {
  ATTEMPTS_COLUMN,
  CHAT_COLUMN,
  DETAIL_COLUMN,
  RECIPIENT_COLUMN,
  STATUS_COLUMN,
  appendToLog,
  isWaiting,
  readQueue,
  saveQueue,
} from './queue';

const IN_FLIGHT_KEY = 'csEngine.alerts.inFlight';
/** Set once the Alert Log said chat posts are skipped for want of permission. */
const CHAT_PERMISSION_KEY = 'csEngine.alerts.chatPermissionMissing';

/**
 * The digests sent and posted since the queue was last saved, recorded after each one so
 * that a run dying before it saves the queue does not send them again. Recipients are kept as
 * short hashes, and the queue is saved every CHECKPOINT_SENDS digests, so the record stays a
 * few hundred characters for any number of recipients (a property value holds 9 KB).
 */
interface InFlight {
  /** The last log row the digests covered. */
  readonly cutoff: number;
  readonly sent: string[];
  /** Digests posted to the chat webhook (absent in a record of an earlier version). */
  readonly posted?: string[];
}

const CHECKPOINT_SENDS = 100;

const recipientHash = shortHash;

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
  const posted = new Set(inFlight.posted ?? []);
  const sentAt = formatTimestamp(now, ports.timeZone);
  block.rows.forEach((row, index) => {
    if (block.startRow + index > inFlight.cutoff) return;
    const hash = recipientHash(String(row[RECIPIENT_COLUMN]));
    if (row[STATUS_COLUMN] === 'queued' && sent.has(hash)) {
      row[STATUS_COLUMN] = 'sent';
      row[DETAIL_COLUMN] = appendDetail(
        row[DETAIL_COLUMN],
        `Sent ${sentAt} (confirmed after an interrupted run).`,
      );
    }
    if (chatState(String(row[CHAT_COLUMN] ?? '')).pending && posted.has(hash)) {
      row[CHAT_COLUMN] = chatCell.posted(`${sentAt} (confirmed after an interrupted run)`);
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
  readonly posted: number;
  /** Rows still waiting for their email or their chat post. */
  readonly left: number;
  readonly reason: string;
}

function digestContext(context: RunContext, bookSheet: string, escalation: boolean): DigestContext {
  const { ports, now, settings } = context;
  return {
    bookName: ports.sheets.spreadsheetName(),
    sheetUrl: ports.sheets.sheetUrl(bookSheet),
    logUrl: ports.sheets.sheetUrl(ALERT_LOG_SHEET),
    dateLabel: isoDay(dayOfDate(now, ports.timeZone)),
    escalation,
    cap: settings.digestCap,
  };
}

function itemOf(entry: LogEntry): DigestItem {
  return {
    account: entry.account,
    row: entry.row === '' ? 0 : entry.row,
    severity: entry.severity === '' ? 'watch' : entry.severity,
    score: entry.score,
    tier: entry.tier,
    change: entry.change,
    reasons: entry.reasons,
    arr: entry.arr,
  };
}

/** One recipient's digest from their entries: a baseline summary when one is among them. */
function composeDigest(entries: readonly LogEntry[], context: DigestContext): Digest {
  const summaries = entries.filter(isSummary);
  const items = entries.filter((entry) => !isSummary(entry)).map(itemOf);
  return renderDigest(
    items,
    context,
    summaries.length > 0 ? summaries.flatMap((entry) => entry.reasons) : undefined,
  );
}

const QUOTA_USED = "today's email quota is used up; the rest goes out on the next run";
const TIME_UP = 'time budget reached; the rest goes out on the next run';

interface SendPass {
  readonly context: RunContext;
  readonly block: ReturnType<typeof readQueue>;
  readonly inFlight: InFlight & { readonly posted: string[] };
  readonly forCsm: DigestContext;
  readonly forEscalation: DigestContext;
  readonly sentAt: string;
}

function rowAt(pass: SendPass, index: number): CellValue[] {
  return pass.block.rows[index] as CellValue[];
}

/** Row indexes by recipient, of the rows `pick` selects, in the log's order. */
function byRecipient(pass: SendPass, pick: (row: CellValue[]) => boolean): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  pass.block.rows.forEach((row, index) => {
    if (!pick(row)) return;
    const to = String(row[RECIPIENT_COLUMN]);
    const list = groups.get(to);
    if (list) list.push(index);
    else groups.set(to, [index]);
  });
  return groups;
}

function digestFor(pass: SendPass, to: string, indexes: readonly number[]): Digest {
  const entries = indexes.map((index) => parseLogRow(rowAt(pass, index)));
  return composeDigest(entries, isEscalation(pass.context, to) ? pass.forEscalation : pass.forCsm);
}

/** Records a send or post in the in-flight property, and saves the queue now and then. */
function checkpoint(pass: SendPass, list: string[], to: string): void {
  const { ports } = pass.context;
  list.push(recipientHash(to));
  ports.properties.set(IN_FLIGHT_KEY, JSON.stringify(pass.inFlight));
  if (pass.inFlight.sent.length + pass.inFlight.posted.length >= CHECKPOINT_SENDS) {
    saveQueue(ports, pass.block);
    pass.inFlight.sent.length = 0;
    pass.inFlight.posted.length = 0;
    ports.properties.remove(IN_FLIGHT_KEY);
  }
}

function overBudget(context: RunContext): boolean {
  return context.ports.now().getTime() - context.started > TIME_BUDGET_MS;
}

function mailPass(pass: SendPass): { sent: number; reason: string } {
  const { ports } = pass.context;
  let sent = 0;
  for (const [to, indexes] of byRecipient(pass, (row) => row[STATUS_COLUMN] === 'queued')) {
    if (overBudget(pass.context)) return { sent, reason: TIME_UP };
    if (ports.mail.remainingQuota() < 1) return { sent, reason: QUOTA_USED };
    const { subject, body, htmlBody } = digestFor(pass, to, indexes);
    try {
      ports.mail.send({ to, subject, body, htmlBody });
    } catch (error) {
      const failure = sendFailure(error);
      if (failure === 'quota') return { sent, reason: QUOTA_USED };
      const message = errorMessage(error);
      for (const index of indexes) markFailedSend(rowAt(pass, index), failure, message);
      continue;
    }
    checkpoint(pass, pass.inFlight.sent, to);
    sent++;
    for (const index of indexes) markSent(rowAt(pass, index), pass.sentAt);
  }
  return { sent, reason: '' };
}

/**
 * What a chat answer means: 2xx is posted; a refusal that will not change (a removed webhook,
 * a malformed message: 4xx other than 429) closes the rows; the rest (rate limits, server
 * errors, a network failure) is tried again on the next hourly run.
 */
function chatFailure(code: number): 'permanent' | 'transient' {
  return code >= 400 && code < 500 && code !== 429 ? 'permanent' : 'transient';
}

function markChat(
  pass: SendPass,
  indexes: readonly number[],
  cell: (attempts: number) => string,
): void {
  for (const index of indexes) {
    const row = rowAt(pass, index);
    row[CHAT_COLUMN] = cell(chatState(String(row[CHAT_COLUMN] ?? '')).attempts);
  }
}

function failedPost(
  pass: SendPass,
  indexes: readonly number[],
  failure: 'permanent' | 'transient',
  message: string,
): void {
  markChat(pass, indexes, (previous) => {
    const attempts = previous + 1;
    if (failure === 'permanent') return chatCell.notPosted(message);
    return attempts >= MAX_SEND_ATTEMPTS
      ? chatCell.notPosted(`after ${attempts} tries, the last: ${message}`)
      : chatCell.queued(attempts, `${message} It is tried again on the next hourly run.`);
  });
}

/** Closes every waiting post: chat is off, or may not be reached. */
function closeChat(pass: SendPass, pending: Map<string, number[]>, why: string): void {
  for (const indexes of pending.values()) markChat(pass, indexes, () => chatCell.notPosted(why));
}

const CHAT_OFF = 'chat is turned off in Alert settings.';
const NO_PERMISSION =
  'CS Engine has no permission to connect to Slack or Google Chat. Open Extensions > CS Engine > Alerts > Alert settings and paste the webhook again to give it.';

function chatPass(pass: SendPass): { posted: number; reason: string } {
  const { ports, settings } = pass.context;
  const pending = byRecipient(pass, (row) => chatState(String(row[CHAT_COLUMN] ?? '')).pending);
  if (pending.size === 0) return { posted: 0, reason: '' };
  const url = settings.webhookUrl;
  const kind = webhookKind(url);
  if (!kind) {
    closeChat(pass, pending, CHAT_OFF);
    return { posted: 0, reason: '' };
  }
  if (!ports.chat.permitted()) {
    closeChat(pass, pending, NO_PERMISSION);
    // Said once in the Alert Log, not on every hourly run, until the permission is given.
    if (!ports.properties.get(CHAT_PERMISSION_KEY)) {
      appendToLog(ports, [notice(ports.now(), 'skipped', `Chat posts skipped: ${NO_PERMISSION}`)]);
      ports.properties.set(CHAT_PERMISSION_KEY, isoDay(pass.context.today));
    }
    return { posted: 0, reason: '' };
  }
  ports.properties.remove(CHAT_PERMISSION_KEY);
  let posted = 0;
  for (const [to, indexes] of pending) {
    if (overBudget(pass.context)) return { posted, reason: TIME_UP };
    const digest = digestFor(pass, to, indexes);
    const payload = webhookPayload(kind, {
      ...digest.chat,
      subject: `${digest.chat.subject}, for ${to}`,
    });
    let answer: { code: number; text: string };
    try {
      answer = ports.chat.post(url, payload);
    } catch (error) {
      const message = errorMessage(error);
      // UrlFetchApp's daily quota: nothing more can be posted today.
      if (/too many times/i.test(message))
        return { posted, reason: 'the daily chat quota is used up' };
      failedPost(pass, indexes, 'transient', message);
      continue;
    }
    if (answer.code >= 200 && answer.code < 300) {
      checkpoint(pass, pass.inFlight.posted, to);
      posted++;
      markChat(pass, indexes, () => chatCell.posted(pass.sentAt));
    } else {
      const reply = answer.text.slice(0, 100);
      failedPost(
        pass,
        indexes,
        chatFailure(answer.code),
        `the chat service answered ${answer.code}${reply ? ` (${reply})` : ''}.`,
      );
    }
  }
  return { posted, reason: '' };
}

/** Sends every queued digest it can, posts the waiting chat messages, and saves the queue. */
export function sendQueued(context: RunContext, bookSheet: string): SendResult {
  const { ports, now } = context;
  const block = readQueue(ports);
  const forCsm = digestContext(context, bookSheet, false);
  const pass: SendPass = {
    context,
    block,
    inFlight: { cutoff: block.startRow + block.rows.length - 1, sent: [], posted: [] },
    forCsm,
    forEscalation: { ...forCsm, escalation: true },
    sentAt: formatTimestamp(now, ports.timeZone),
  };
  const mail = mailPass(pass);
  const chat = mail.reason === TIME_UP ? { posted: 0, reason: '' } : chatPass(pass);
  saveQueue(ports, block);
  ports.properties.remove(IN_FLIGHT_KEY);
  const left = block.rows.filter(isWaiting).length;
  return {
    sent: mail.sent,
    posted: chat.posted,
    left,
    reason: [mail.reason, chat.reason].filter(Boolean).join('; '),
  };
}

/** The digests the next run would send, by recipient (the preview). */
export function previewDigests(
  context: RunContext,
  bookSheet: string,
  entries: readonly LogEntry[],
): { to: string; digest: Digest }[] {
  const byTo = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const list = byTo.get(entry.recipient);
    if (list) list.push(entry);
    else byTo.set(entry.recipient, [entry]);
  }
  return [...byTo].map(([to, list]) => ({
    to,
    digest: composeDigest(list, digestContext(context, bookSheet, isEscalation(context, to))),
  }));
}
