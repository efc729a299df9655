/**
 * The Alert Log as the alert run's durable outbox: decisions are appended as "queued" rows,
 * the queue is read from the first row still queued (kept in a document property so the run
 * never rereads the whole log), rows are rewritten in place as they are sent, and rows older
 * than the log's window are pruned with only their counts kept.
 */
import type { CellValue } from '../../core/cells';
import { type DayNumber, dayOfDate, isoDay } from '../../core/dates';
import { ALERT_LOG_SHEET } from '../../core/owned-sheets';
import type { KeyValueStore } from '../workbook/ports';
import {
  ALERT_LOG_DAYS,
  ALERT_LOG_HEADERS,
  type LogEntry,
  chatState,
  isSummary,
  logRow,
  parseLogRow,
  summaryKey,
} from './alert-log';
import type { AlertPorts } from './ports';

const QUEUE_START_KEY = 'csEngine.alerts.queueStart';
/** What the Alert Log held before its window: counts by status, and the days they cover. */
const ARCHIVE_KEY = 'csEngine.alerts.archived';

export const STATUS_COLUMN = ALERT_LOG_HEADERS.indexOf('Status');
export const DETAIL_COLUMN = ALERT_LOG_HEADERS.indexOf('Detail');
export const RECIPIENT_COLUMN = ALERT_LOG_HEADERS.indexOf('Recipient');
export const ATTEMPTS_COLUMN = ALERT_LOG_HEADERS.indexOf('Send attempts');
export const CHAT_COLUMN = ALERT_LOG_HEADERS.indexOf('Chat');

/** A row still waiting: for its email, or for its chat post. */
export function isWaiting(row: readonly CellValue[]): boolean {
  return row[STATUS_COLUMN] === 'queued' || chatState(String(row[CHAT_COLUMN] ?? '')).pending;
}
/** The Alert Log's rows from the first one still waiting (isWaiting), as read in one call. */
export interface QueueBlock {
  /** The sheet row of rows[0] (1-based). */
  readonly startRow: number;
  readonly rows: CellValue[][];
}

function queueStart(properties: KeyValueStore): number {
  return Math.max(2, Number(properties.get(QUEUE_START_KEY) ?? 2) || 2);
}

export function readQueue(ports: AlertPorts): QueueBlock {
  const startRow = queueStart(ports.properties);
  const last = ports.sheets.lastRow(ALERT_LOG_SHEET);
  const rows =
    last >= startRow
      ? ports.sheets.readFrom(ALERT_LOG_SHEET, startRow, ALERT_LOG_HEADERS.length)
      : [];
  return { startRow, rows };
}

/** Writes the block back in one call and moves the queue's start to its first waiting row. */
export function saveQueue(ports: AlertPorts, block: QueueBlock): void {
  if (block.rows.length === 0) return;
  ports.sheets.writeBlock(ALERT_LOG_SHEET, block.startRow, block.rows);
  const firstQueued = block.rows.findIndex(isWaiting);
  const next = firstQueued < 0 ? block.startRow + block.rows.length : block.startRow + firstQueued;
  ports.properties.set(QUEUE_START_KEY, String(next));
}

/** Appends entries to the Alert Log (creating it with its header), in one write. */
export function appendToLog(ports: AlertPorts, entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  ports.sheets.append(ALERT_LOG_SHEET, ALERT_LOG_HEADERS, entries.map(logRow));
}

/**
 * "key|rule" of every alert the log already holds for today (queued or sent), and
 * "book-summary|recipient" of every baseline summary (summaryKey).
 */
export function todaysLoggedAlerts(
  block: QueueBlock,
  today: DayNumber,
  timeZone: string,
): Set<string> {
  const logged = new Set<string>();
  for (const row of block.rows) {
    const entry = parseLogRow(row);
    if (entry.status !== 'queued' && entry.status !== 'sent') continue;
    if (Number.isNaN(entry.time.getTime()) || dayOfDate(entry.time, timeZone) !== today) continue;
    if (isSummary(entry)) logged.add(summaryKey(entry.recipient));
    else for (const rule of entry.rules) logged.add(`${entry.key}|${rule}`);
  }
  return logged;
}

export interface AlertArchive {
  readonly from: string;
  readonly through: string;
  readonly counts: Record<string, number>;
}

export function readArchive(properties: KeyValueStore): AlertArchive | undefined {
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
 * grow toward the spreadsheet's 10 million cells. Rows still waiting are never removed.
 */
export function pruneAlertLog(ports: AlertPorts, today: DayNumber): void {
  const start = queueStart(ports.properties);
  if (start <= 2) return;
  const rows = ports.sheets.readFrom(ALERT_LOG_SHEET, 2, ALERT_LOG_HEADERS.length);
  const oldest = today - ALERT_LOG_DAYS;
  const counts = new Map<string, number>();
  let first: DayNumber | undefined;
  let last: DayNumber | undefined;
  let old = 0;
  // Rows are appended in time order: stop at the first recent row, or at the queue.
  for (const row of rows.slice(0, start - 2)) {
    const entry = parseLogRow(row);
    const day = Number.isNaN(entry.time.getTime())
      ? undefined
      : dayOfDate(entry.time, ports.timeZone);
    if (
      day === undefined ||
      day >= oldest ||
      entry.status === 'queued' ||
      chatState(entry.chat).pending
    ) {
      break;
    }
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
  ports.properties.set(QUEUE_START_KEY, String(start - old));
  const next: AlertArchive = {
    from: archive?.from ?? isoDay(first),
    through: isoDay(last),
    counts: merged,
  };
  ports.properties.set(ARCHIVE_KEY, JSON.stringify(next));
}
