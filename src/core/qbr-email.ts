/**
 * The follow-up email after a QBR (the Customer Success Engine's post-QBR email), drafted in
 * the prep brief for the CSM to send. Every line is for the customer: what was achieved, next
 * quarter's objectives and the customer's action items. The score, the risks, the renewal and
 * expansion moves and an ROI below 1x stay out.
 */
import type { AccountSnapshot } from './snapshot';
import { isoDay } from './dates';
import { longDay } from './quarters';
import { formatMoney, formatMultiple, roiIsWin } from './roi';
import { type QbrContext, type QbrOptions, pct } from './qbr';
import { seatUtilization } from './rubrics';
import { goalCount } from './goals';

/** Who the email greets: the champion the book names, unless they have left. */
function greeting(a: AccountSnapshot, options: QbrOptions): string {
  const champion = options.people?.champion;
  return champion && a.values.championStatus !== 'left' ? champion : '[name]';
}

/** What the customer achieved this quarter, in the customer's terms. */
function achievements(a: AccountSnapshot): string[] {
  const v = a.values;
  const achieved: string[] = [];
  const goals = goalCount(v);
  if ((goals.achieved ?? 0) > 0) {
    achieved.push(
      `Success plan: ${goals.achieved}${goals.defined !== undefined ? ` of ${goals.defined}` : ''} goals achieved`,
    );
  }
  if (a.roi.ok && roiIsWin(a.roi)) {
    achieved.push(
      `Value: ${formatMoney(a.roi.annualValue)} a year, ${formatMultiple(a.roi.multiple)} the investment`,
    );
  }
  const seats = seatUtilization(v);
  if (seats !== undefined && seats >= 0.8) {
    achieved.push(`Adoption: ${pct(seats)} of licensed seats active`);
  }
  if (v.usageTrend === 'up' || (v.usageChange ?? 0) > 0.05) achieved.push('Usage: growing');
  if (achieved.length === 0) achieved.push('[Result and its metric]');
  return achieved;
}

export function followUpEmail(a: AccountSnapshot, ctx: QbrContext, options: QbrOptions): string {
  const lines = [
    `Subject: ${a.name} and [your company]: ${ctx.label} review, recap and next steps`,
    '',
    `Hi ${greeting(a, options)},`,
    '',
    'Thank you for the time today. Here is what we covered.',
    '',
    `What we achieved in ${ctx.label}:`,
    ...achievements(a).map((line) => `- ${line}`),
    '',
    `Objectives for ${ctx.nextLabel}:`,
    ...ctx.objectives.map((line, i) => `${i + 1}. ${line}`),
    '',
    'Action items:',
    ...ctx.actions
      .filter((item) => !item.internal)
      .map((item) => `- ${item.action}: ${item.owner}, by ${isoDay(item.due)}`),
    '',
    `Next review: ${longDay(ctx.nextQbr)}`,
    '',
    'Looking forward to the quarter ahead.',
    options.preparedBy,
  ];
  return lines.join('\n');
}
