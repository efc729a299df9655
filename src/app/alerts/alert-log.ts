/**
 * The Alert Log sheet: every alert decision and what became of it. It is also the durable
 * outbox: a row waits as "queued" until its digest is sent, so nothing decided is lost when
 * a run dies or the day's email quota runs out.
 */
import type { Severity } from '../../core/alerts/rules';
import { SEVERITY_LABELS } from '../../core/alerts/rules';
import { type CellValue, isDate } from '../../core/cells';

export const ALERT_LOG_HEADERS = [
  'Time',
  'Account',
  'Account key',
  'Row',
  'Recipient',
  'Severity',
  'Score',
  'Tier',
  'Change',
  'Reasons',
  'Rules',
  'Status',
  'Detail',
  'Send attempts',
  // Added after the first release: appended, so an existing Alert Log keeps its columns.
  'ARR',
  'Chat',
] as const;

/** Rows older than this many days are removed from the Alert Log, their counts kept. */
export const ALERT_LOG_DAYS = 90;

type LogStatus = 'queued' | 'sent' | 'skipped' | 'preview' | 'error';

export interface LogEntry {
  readonly time: Date;
  readonly account: string;
  readonly key: string;
  readonly row: number | '';
  readonly recipient: string;
  readonly severity: Severity | '';
  readonly score: number | '';
  readonly tier: string;
  readonly change: number | '';
  readonly reasons: readonly string[];
  readonly rules: readonly string[];
  readonly status: LogStatus;
  readonly detail: string;
  /** Failed tries to send this row's digest (a transient error keeps it queued). */
  readonly attempts: number;
  /** The account's ARR ('' when unknown): digests rank by it. */
  readonly arr: number | '';
  /** The row's chat post (chatCell): '' when it is not for the chat webhook. */
  readonly chat: string;
}

/**
 * The Rules cell of a baseline's summary row: one per recipient, its Reasons the lines of
 * where their book stands (src/core/alerts/baseline.ts). Its digest is a summary.
 */
export const BOOK_SUMMARY_RULE = 'book-summary';

export function isSummary(entry: Pick<LogEntry, 'rules'>): boolean {
  return entry.rules.includes(BOOK_SUMMARY_RULE);
}

/** How a recipient's summary is known among the day's logged alerts ("key|rule" for others). */
export function summaryKey(recipient: string): string {
  return `${BOOK_SUMMARY_RULE}|${recipient}`;
}

/** The Chat cell, for a person to read: "queued", "posted 2026-11-23 08:00", "not posted: ...". */
export const chatCell = {
  queued: (attempts = 0, message = '') =>
    attempts === 0
      ? 'queued'
      : `queued, ${attempts} failed ${attempts === 1 ? 'try' : 'tries'}; the last: ${message}`,
  posted: (at: string) => `posted ${at}`,
  notPosted: (why: string) => `not posted: ${why}`,
};

/** A Chat cell read back: is the post still to be made, and after how many failed tries. */
export function chatState(cell: string): { readonly pending: boolean; readonly attempts: number } {
  if (!cell.startsWith('queued')) return { pending: false, attempts: 0 };
  const tries = /^queued, (\d+) failed/.exec(cell);
  return { pending: true, attempts: tries ? Number(tries[1]) : 0 };
}

/**
 * A severity from its label. Earlier versions named severities after the tiers; rows they
 * queued are still read (and sent under today's names).
 */
const SEVERITY_BY_LABEL = new Map<string, Severity>([
  ['Critical', 'critical'],
  ['At-Risk', 'at-risk'],
  ['Watch', 'watch'],
  ['Expansion signal', 'expansion'],
  ...Object.entries(SEVERITY_LABELS).map(([severity, label]): [string, Severity] => [
    label,
    severity as Severity,
  ]),
]);

export function logRow(entry: LogEntry): CellValue[] {
  return [
    entry.time,
    entry.account,
    entry.key,
    entry.row,
    entry.recipient,
    entry.severity === '' ? '' : SEVERITY_LABELS[entry.severity],
    entry.score,
    entry.tier,
    entry.change,
    entry.reasons.join('\n'),
    entry.rules.join(' '),
    entry.status,
    entry.detail,
    entry.attempts === 0 ? '' : entry.attempts,
    entry.arr,
    entry.chat,
  ];
}

// Text written with a protective apostrophe comes back without it from Sheets.
const text = (cell: CellValue) => String(cell ?? '');
const numberOrBlank = (cell: CellValue): number | '' => (typeof cell === 'number' ? cell : '');

export function parseLogRow(row: readonly CellValue[]): LogEntry {
  const time = row[0];
  return {
    time: isDate(time) ? time : new Date(NaN),
    account: text(row[1]),
    key: text(row[2]),
    row: numberOrBlank(row[3]),
    recipient: text(row[4]),
    severity: SEVERITY_BY_LABEL.get(text(row[5])) ?? '',
    score: numberOrBlank(row[6]),
    tier: text(row[7]),
    change: numberOrBlank(row[8]),
    reasons: text(row[9])
      .split('\n')
      .filter((line) => line !== ''),
    rules: text(row[10])
      .split(' ')
      .filter((rule) => rule !== ''),
    status: text(row[11]) as LogStatus,
    detail: text(row[12]),
    attempts: typeof row[13] === 'number' ? row[13] : 0,
    arr: numberOrBlank(row[14]),
    chat: text(row[15]),
  };
}

/** An Alert Log row that is not an alert: a row skipped, or a run that failed. */
export function notice(
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
    arr: '',
    chat: '',
  };
}
