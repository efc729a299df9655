/**
 * One digest email per recipient: accounts grouped by severity, worst first, each with its
 * score, tier, change, reasons, a link to its row, and what to do by when.
 * Everything that comes from the sheet is escaped: account names are untrusted text.
 */
import { NAME_LENGTH, describeCell } from '../cells';
import { escapeHtml } from '../escape';
import { SEVERITY_COLORS } from '../palette';
import { SEVERITIES, SEVERITY_LABELS, SEVERITY_RESPONSES, type Severity } from './rules';

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
}

export interface DigestContext {
  readonly bookName: string;
  /** A link to the book sheet; "&range=A12" is appended for a row. */
  readonly sheetUrl: string;
  /** "Mon, Nov 23, 2026": the day of the run, in the spreadsheet's time zone. */
  readonly dateLabel: string;
  /** The recipient gets this digest as the escalation contact. */
  readonly escalation: boolean;
}

export interface Digest {
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

/**
 * Accounts listed per severity. A first run over a large book can flag hundreds; a digest
 * that long is clipped by mail clients, and the Alert Log has them all.
 */
const MAX_PER_SECTION = 50;

const COLORS: Readonly<Record<Severity, string>> = SEVERITY_COLORS;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function formatChange(change: number | ''): string {
  if (change === '' || change === 0) return change === 0 ? 'no change' : 'first run';
  return change > 0 ? `+${change} pts` : `${change} pts`;
}

function grouped(items: readonly DigestItem[]): [Severity, DigestItem[]][] {
  return SEVERITIES.map((severity): [Severity, DigestItem[]] => [
    severity,
    items
      .filter((item) => item.severity === severity)
      .sort((a, b) => (a.score === '' ? 101 : a.score) - (b.score === '' ? 101 : b.score)),
  ]).filter(([, list]) => list.length > 0);
}

/** "CS Engine: 2 critical, 1 at-risk account in Customer Book (Mon, Nov 23, 2026)". */
function digestSubject(items: readonly DigestItem[], context: DigestContext): string {
  const counts = grouped(items).map(([severity, list]) =>
    severity === 'expansion'
      ? plural(list.length, 'expansion signal')
      : `${list.length} ${SEVERITY_LABELS[severity].toLowerCase()}`,
  );
  const needing = items.filter((item) => item.severity !== 'expansion').length;
  const head =
    needing > 0 ? `${plural(needing, 'account')} need${needing === 1 ? 's' : ''} you` : 'good news';
  const subject = `CS Engine: ${head} (${counts.join(', ')}) in ${context.bookName}, ${context.dateLabel}`;
  // MailApp rejects subjects over 250 characters; a long book name is cut, never the counts.
  return subject.length <= 250 ? subject : `${subject.slice(0, 247)}...`;
}

function rowLink(context: DigestContext, row: number): string {
  return `${context.sheetUrl}&range=A${row}`;
}

export function renderDigest(items: readonly DigestItem[], context: DigestContext): Digest {
  const groups = grouped(items);
  const subject = digestSubject(items, context);
  const intro = context.escalation
    ? 'You receive the critical accounts as the escalation contact.'
    : 'These accounts changed since the last run, or still need attention.';

  const text: string[] = [`${subject}`, '', intro, ''];
  const html: string[] = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;max-width:640px">',
    `<p style="margin:0 0 12px">${escapeHtml(intro)}</p>`,
  ];
  for (const [severity, list] of groups) {
    const label = SEVERITY_LABELS[severity];
    const response = SEVERITY_RESPONSES[severity];
    text.push(`== ${label} (${list.length}) ==`, `What to do: ${response}`, '');
    html.push(
      `<h2 style="font-size:16px;margin:20px 0 4px;color:${COLORS[severity]}">${escapeHtml(label)} (${list.length})</h2>`,
      `<p style="margin:0 0 8px"><b>What to do:</b> ${escapeHtml(response)}</p>`,
      '<table style="border-collapse:collapse;width:100%" cellpadding="6">',
      '<tr style="background:#f1f3f4;text-align:left"><th>Account</th><th>Score</th><th>Tier</th><th>Change</th><th>Why</th></tr>',
    );
    for (const item of list.slice(0, MAX_PER_SECTION)) {
      const link = rowLink(context, item.row);
      // A name is the user's cell, of any length: the email shows it up to NAME_LENGTH.
      const account = describeCell(item.account, NAME_LENGTH);
      text.push(
        `- ${account} (row ${item.row}): score ${item.score === '' ? 'n/a' : item.score}, ${item.tier || 'no tier'}, ${formatChange(item.change)}`,
        ...item.reasons.map((reason) => `    * ${reason}`),
        `    Open: ${link}`,
      );
      html.push(
        '<tr style="border-top:1px solid #dadce0;vertical-align:top">',
        `<td><a href="${escapeHtml(link)}">${escapeHtml(account)}</a><br><span style="color:#5f6368">row ${item.row}</span></td>`,
        `<td>${escapeHtml(item.score)}</td>`,
        `<td>${escapeHtml(item.tier)}</td>`,
        `<td>${escapeHtml(formatChange(item.change))}</td>`,
        `<td>${item.reasons.map(escapeHtml).join('<br>')}</td>`,
        '</tr>',
      );
    }
    html.push('</table>');
    const more = list.length - MAX_PER_SECTION;
    if (more > 0) {
      const note = `...and ${more} more ${label} account${more === 1 ? '' : 's'}: see the Alert Log sheet.`;
      text.push(note);
      html.push(`<p style="color:#5f6368">${escapeHtml(note)}</p>`);
    }
    text.push('');
  }
  const footer =
    'Sent by CS Engine from your book of accounts. Turn alerts off or change their hour in the spreadsheet: CS Engine > Alerts.';
  text.push(footer);
  html.push(
    `<p style="margin-top:20px;color:#5f6368;font-size:12px">${escapeHtml(footer)}</p>`,
    '</div>',
  );
  return { subject, body: text.join('\n'), htmlBody: html.join('\n') };
}
