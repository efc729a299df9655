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
}

const SEVERITY_BY_LABEL = new Map(
  Object.entries(SEVERITY_LABELS).map(([severity, label]) => [label, severity as Severity]),
);

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
  };
}
