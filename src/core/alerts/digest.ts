/**
 * One digest per recipient, the same for email and chat: its accounts ranked by severity,
 * then by the ARR at stake, at most a set number of them (the rest are in the Alert Log,
 * linked), each with its score, tier, change, reasons, a link to its row, and what to do by
 * when. The subject says how many accounts need action today.
 *
 * A baseline digest (the first run, or the first after a change of model or columns) is a
 * summary instead: where the book stands, then the few most urgent accounts.
 *
 * Everything that comes from the sheet is escaped: account names are untrusted text.
 */
import { SEVERITY_COLORS } from '../palette';
import { NAME_LENGTH, describeCell } from '../cells';
import { escapeHtml } from '../escape';
import { formatMoney } from '../roi';
import { formatCount } from '../text';
import {
  SEVERITIES,
  SEVERITY_LABELS,
  SEVERITY_RESPONSES,
  SEVERITY_SLAS,
  type Severity,
} from './rules';
import type { WebhookDigest } from './webhook';

export interface DigestItem {
  readonly account: string;
  /** 1-based row of the account in the book. */
  readonly row: number;
  readonly severity: Severity;
  readonly score: number | '';
  readonly tier: string;
  /** Points since the last run ('' when unknown). */
  readonly change: number | '';
  readonly reasons: readonly string[];
  /** The account's ARR ('' when the book has none): what is at stake. */
  readonly arr: number | '';
}

export interface DigestContext {
  readonly bookName: string;
  /** A link to the book sheet; "&range=A12" is appended for a row. */
  readonly sheetUrl: string;
  /** A link to the Alert Log sheet, where every item is. */
  readonly logUrl: string;
  /** "2026-11-23": the day of the run, in the spreadsheet's time zone. */
  readonly dateLabel: string;
  /** The recipient gets this digest as the escalation contact. */
  readonly escalation: boolean;
  /** At most this many accounts are listed (Alert settings). */
  readonly cap: number;
}

export interface Digest {
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
  /** The same digest for a Slack or Google Chat message. */
  readonly chat: WebhookDigest;
}

/** The digest's accounts per email, unless the user sets another number. */
export const DEFAULT_DIGEST_CAP = 25;
/** The most urgent accounts a baseline summary lists ("the few"). */
const BASELINE_LISTED = 5;

/** Severity colours: the one palette, as the sidebar and the documents use it. */
const COLORS: Readonly<Record<Severity, string>> = SEVERITY_COLORS;

const arrOf = (item: DigestItem) => (item.arr === '' ? -1 : item.arr);
const scoreOf = (item: DigestItem) => (item.score === '' ? 101 : item.score);

/** Most urgent first: severity, then ARR at stake (largest first), then the lowest score. */
function rankItems(items: readonly DigestItem[]): DigestItem[] {
  return [...items].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      arrOf(b) - arrOf(a) ||
      scoreOf(a) - scoreOf(b) ||
      a.row - b.row,
  );
}

function formatChange(change: number | ''): string {
  if (change === '' || change === 0) return change === 0 ? 'no change' : 'first run';
  return change > 0 ? `+${change} pts` : `${change} pts`;
}

function cut(subject: string): string {
  // MailApp rejects subjects over 250 characters; a long book name is cut, never the counts.
  return subject.length <= 250 ? subject : `${subject.slice(0, 247)}...`;
}

/** "2 accounts to act on today" or "nothing to act on today". */
function todayCount(items: readonly DigestItem[]): string {
  const today = items.filter((item) => item.severity === 'critical').length;
  return today > 0 ? `${formatCount(today, 'account')} to act on today` : 'nothing to act on today';
}

/** "CS Engine: 2 accounts to act on today, 7 in all (Customer Book, 2026-11-23)". */
function digestSubject(
  items: readonly DigestItem[],
  context: DigestContext,
  baseline: boolean,
): string {
  const where = `(${context.bookName}, ${context.dateLabel})`;
  const whose = context.escalation ? 'the' : 'your';
  if (baseline) return cut(`CS Engine: where ${whose} book stands, ${todayCount(items)} ${where}`);
  const head = context.escalation ? 'CS Engine escalation' : 'CS Engine';
  return cut(`${head}: ${todayCount(items)}, ${items.length} in all ${where}`);
}

function rowLink(context: DigestContext, row: number): string {
  return `${context.sheetUrl}&range=A${row}`;
}

/** "Act today · 38/100 Critical (-6 pts) · $120,000 ARR: the champion has left; ..." */
function oneLine(item: DigestItem): string {
  const score = item.score === '' ? 'no score' : `${item.score}/100 ${item.tier}`;
  const arr = item.arr === '' ? '' : ` · ${formatMoney(item.arr)} ARR`;
  return `${SEVERITY_LABELS[item.severity]} · ${score} (${formatChange(item.change)})${arr}: ${item.reasons.join('; ')}`;
}

function moreNote(rest: readonly DigestItem[]): string {
  const bySeverity = SEVERITIES.map(
    (s) => [s, rest.filter((i) => i.severity === s).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${SEVERITY_LABELS[severity]}`);
  return `...and ${rest.length} more (${bySeverity.join(', ')}) in the Alert Log.`;
}

interface Parts {
  readonly text: string[];
  readonly html: string[];
}

function itemTable(parts: Parts, list: readonly DigestItem[], context: DigestContext): void {
  parts.html.push(
    '<table style="border-collapse:collapse;width:100%" cellpadding="6">',
    '<tr style="background:#f1f3f4;text-align:left"><th>Account</th><th>Score</th><th>Tier</th><th>Change</th><th>ARR</th><th>Why</th></tr>',
  );
  for (const item of list) {
    const link = rowLink(context, item.row);
    // A name is the user's cell, of any length: the email shows it up to NAME_LENGTH.
    const account = describeCell(item.account, NAME_LENGTH);
    const arr = item.arr === '' ? '' : formatMoney(item.arr);
    parts.text.push(
      `- ${account} (row ${item.row}): score ${item.score === '' ? 'n/a' : item.score}, ${item.tier || 'no tier'}, ${formatChange(item.change)}${arr ? `, ${arr} ARR` : ''}`,
      ...item.reasons.map((reason) => `    * ${reason}`),
      `    Open: ${link}`,
    );
    parts.html.push(
      '<tr style="border-top:1px solid #dadce0;vertical-align:top">',
      `<td><a href="${escapeHtml(link)}">${escapeHtml(account)}</a><br><span style="color:#5f6368">row ${item.row}</span></td>`,
      `<td>${escapeHtml(item.score)}</td>`,
      `<td>${escapeHtml(item.tier)}</td>`,
      `<td>${escapeHtml(formatChange(item.change))}</td>`,
      `<td>${escapeHtml(arr)}</td>`,
      `<td>${item.reasons.map(escapeHtml).join('<br>')}</td>`,
      '</tr>',
    );
  }
  parts.html.push('</table>');
}

function sections(parts: Parts, shown: readonly DigestItem[], context: DigestContext): void {
  for (const severity of SEVERITIES) {
    const list = shown.filter((item) => item.severity === severity);
    if (list.length === 0) continue;
    const label = SEVERITY_LABELS[severity];
    const heading = `${label}, ${SEVERITY_SLAS[severity]} (${list.length})`;
    const response = SEVERITY_RESPONSES[severity];
    parts.text.push(`== ${heading} ==`, `What to do: ${response}`, '');
    parts.html.push(
      `<h2 style="font-size:16px;margin:20px 0 4px;color:${COLORS[severity]}">${escapeHtml(heading)}</h2>`,
      `<p style="margin:0 0 8px"><b>What to do:</b> ${escapeHtml(response)}</p>`,
    );
    itemTable(parts, list, context);
    parts.text.push('');
  }
}

/**
 * The digest of `items` for one recipient; `summary` (the lines of where the book stands)
 * makes it a baseline digest.
 */
export function renderDigest(
  items: readonly DigestItem[],
  context: DigestContext,
  summary?: readonly string[],
): Digest {
  const baseline = summary !== undefined;
  const ranked = rankItems(items);
  const listed = Math.max(1, baseline ? Math.min(BASELINE_LISTED, context.cap) : context.cap);
  const shown = ranked.slice(0, listed);
  const rest = ranked.slice(listed);
  const subject = digestSubject(items, context, baseline);
  const intro = baseline
    ? `CS Engine’s alerts start afresh today (they were just turned on, or the health model or the book’s columns changed). Instead of one alert for every account already in a condition, here is where ${context.escalation ? 'the' : 'your'} book stands. From the next run you get only what changes: new conditions, tier drops, and reminders of what stays.`
    : context.escalation
      ? 'You receive the accounts to act on today as the escalation contact. Most urgent first.'
      : 'These accounts changed since the last run, or are due a reminder. Most urgent first.';

  const parts: Parts = {
    text: [subject, '', intro, ''],
    html: [
      '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:680px">',
      `<p style="margin:0 0 12px">${escapeHtml(intro)}</p>`,
    ],
  };
  if (baseline) {
    parts.text.push(...summary.map((line) => `* ${line}`), '');
    parts.html.push(
      `<ul style="margin:0 0 12px;padding-left:20px">${summary.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    );
    if (shown.length > 0) {
      const heading = `The ${formatCount(shown.length, 'most urgent account')}`;
      parts.text.push(`== ${heading} ==`, '');
      parts.html.push(`<h2 style="font-size:16px;margin:20px 0 4px">${escapeHtml(heading)}</h2>`);
    }
  }
  sections(parts, shown, context);
  const log = `Alert Log: ${context.logUrl}`;
  if (rest.length > 0) {
    const note = moreNote(rest);
    parts.text.push(note, log, '');
    parts.html.push(
      `<p style="color:#5f6368">${escapeHtml(note.replace(/ in the Alert Log\.$/, ''))} in the <a href="${escapeHtml(context.logUrl)}">Alert Log</a>.</p>`,
    );
  }
  const footer =
    'Sent by CS Engine from your book of accounts. Turn alerts off, change their hour or the number of accounts listed in the spreadsheet: Extensions > CS Engine > Alerts.';
  parts.text.push(footer);
  parts.html.push(
    `<p style="margin-top:20px;color:#5f6368;font-size:12px">${escapeHtml(footer)}</p>`,
    '</div>',
  );
  return {
    subject,
    body: parts.text.join('\n'),
    htmlBody: parts.html.join('\n'),
    chat: {
      subject,
      notes: summary ?? [],
      lines: shown.map((item) => ({
        account: describeCell(item.account, NAME_LENGTH),
        url: rowLink(context, item.row),
        summary: oneLine(item),
      })),
      more: rest.length,
      logUrl: context.logUrl,
    },
  };
}
