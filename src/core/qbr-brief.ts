/**
 * The CSM's internal prep brief for a QBR, made with the customer's QBR (qbr.ts) from the same
 * request: everything the CSM needs and the customer should not read. The health score, tier,
 * trend and drivers; the early warnings; the tier playbook and the save play; talking points;
 * the ROI check (below 1x it asks for the value case to be reviewed); the expansion gate; every
 * action item, the CSM's own included; the preparation checklist (Customer Success Engine,
 * with the bilingual playbook's additions) and the follow-up email, drafted for the customer.
 * Pure.
 */
import { PALETTE } from './palette';
import { type AccountSnapshot, driversText } from './snapshot';
import { NAME_LENGTH, describeCell } from './cells';
import type { Content } from './content-types';
import { SEVERITY_LABELS } from './alerts/rules';
import { isoDay } from './dates';
import type { DimensionId } from './dimensions';
import type { CellHighlight, DocBlock, DocContent } from './doc-model';
import { longDay } from './quarters';
import { formatMoney, formatMultiple, roiIsWin, roiReview } from './roi';
import { accountGuidance } from './plans';
import { featureAdoption } from './rubrics';
import { goalCount } from './goals';
import { formatCount } from './text';
import {
  BAD,
  GOOD,
  type QbrContext,
  type QbrOptions,
  WHITE,
  actionRows,
  keyWins,
  metricRows,
  normalizeBlock,
  qbrContext,
} from './qbr';
import { followUpEmail } from './qbr-email';

function prepBriefName(account: string, quarter: string): string {
  return `QBR prep brief - ${describeCell(account, NAME_LENGTH)} - ${quarter}`;
}

const RED = PALETTE.red;

/** The health table: score, tier, trend, drivers, segment, ARR, renewal and ROI. */
export function healthRows(a: AccountSnapshot, ctx: QbrContext): string[][] {
  const v = a.values;
  const { trend } = ctx;
  const first = trend.points[0];
  const trendText =
    trend.change === undefined || !first || trend.points.length < 2
      ? 'No history yet (the History sheet starts with the daily alerts)'
      : `${trend.change > 0 ? '+' : ''}${trend.change} points since ${isoDay(first.day)} (${first.score} → ${a.score})`;
  const rows: string[][] = [
    ['Measure', 'Value'],
    ['Health score', a.score === undefined ? `Not scored: ${a.error ?? ''}` : `${a.score} / 100`],
    ['Tier', a.tier?.label ?? 'Not scored'],
    ['Trend', trendText],
  ];
  const drivers = driversText(a);
  if (drivers) rows.push(['What costs the most points', drivers]);
  if (a.segment) rows.push(['Segment', a.segment]);
  if (v.arr !== undefined) rows.push(['ARR', formatMoney(v.arr)]);
  if (v.renewalDate !== undefined && a.renewal) {
    rows.push([
      'Renewal',
      `${isoDay(v.renewalDate)} (${a.renewal.overdue ? `${-a.renewal.daysToRenewal} days overdue` : `in ${a.renewal.daysToRenewal} days`})`,
    ]);
  }
  rows.push(['ROI', a.roi.ok ? formatMultiple(a.roi.multiple) : 'Missing']);
  rows.push([
    'In the customer’s QBR',
    ctx.shareScore
      ? 'The score and tier are shown (you chose to share them)'
      : 'The score and tier are left out',
  ]);
  return rows;
}

/** The early warnings (expansion news left out) and what costs the most points. */
export function qbrRisks(a: AccountSnapshot): string[] {
  const risks = a.findings
    .filter((finding) => finding.severity !== 'expansion')
    .map((finding) => `${SEVERITY_LABELS[finding.severity]}: ${finding.reason}`);
  const drivers = driversText(a);
  if (drivers) risks.push(`What costs the most points: ${drivers}`);
  return risks;
}

/** The CSM's move for each weak dimension: the talking points' priorities. */
const PRIORITY_BY_DIMENSION: Partial<Record<DimensionId, string>> = {
  productUsage: 'Raise active use: activate the unused seats and the core workflow',
  engagement: 'Restore a regular meeting cadence with the champion',
  relationship: 'Multi-thread the account: meet the executive sponsor and more stakeholders',
  outcomes: 'Achieve the open success plan goals and document the ROI',
  financial: 'Settle the payment and commercial questions before the renewal',
  support: 'Bring the open tickets down and close the critical ones',
  sentiment: 'Follow up on the satisfaction answers and any complaint',
  featureBreadth: 'Adopt the features that serve their goals',
  executiveEngagement: 'Involve the executive sponsor every quarter',
  satisfaction: 'Follow up on the NPS and CSAT answers',
  growth: 'Find the next use case or team',
  payment: 'Get payments back on time',
};

/** What the CSM should say, and be ready for, in the meeting. */
export function talkingPoints(a: AccountSnapshot, ctx: QbrContext): string[] {
  const v = a.values;
  const points: string[] = [];
  const wins = keyWins(a, ctx.trend, ctx.shareScore);
  points.push(
    wins.length > 0
      ? `Lead with the wins: ${wins.join('; ')}`
      : 'The book shows no win this quarter: find one the customer will recognise before the meeting',
  );
  for (const driver of a.drivers.slice(0, 2)) {
    const dimension = a.dimensions.find((d) => d.label === driver.label);
    const text = dimension ? PRIORITY_BY_DIMENSION[dimension.id] : undefined;
    if (text && driver.pointsLost >= 1) {
      points.push(`${text} (${driver.label} ${Math.round(driver.score)}/100)`);
    }
  }
  if (!a.roi.ok) {
    points.push('Quantify the ROI: fill in the hours saved, the hourly rate and the investment');
  } else if (!roiIsWin(a.roi)) {
    points.push(
      `Review the value case: ROI ${formatMultiple(a.roi.multiple)} is below 1x, so the QBR does not present it as a win`,
    );
  }
  const renewal = a.renewal;
  if (renewal?.overdue) {
    points.push(
      `The renewal date passed ${-renewal.daysToRenewal} days ago: confirm where the contract stands`,
    );
  } else if (renewal && renewal.daysToRenewal <= 180) {
    points.push(
      `Prepare the renewal in ${renewal.daysToRenewal} days${renewal.step ? `: ${renewal.step.title.toLowerCase()} is due (${renewal.step.action.toLowerCase()})` : ''}`,
    );
  }
  const adoption = featureAdoption(v);
  if (adoption !== undefined && adoption < 0.5) {
    points.push(
      `Feature adoption ${Math.round(adoption * 100)}%: start the adoption nudge sequence and offer training`,
    );
  }
  if ((v.openCriticalTickets ?? 0) > 0) {
    points.push(
      `Resolve the ${formatCount(v.openCriticalTickets ?? 0, 'open critical ticket')} before the meeting`,
    );
  }
  if ((v.escalations ?? 0) > 0) {
    points.push(
      `${formatCount(v.escalations ?? 0, 'escalation')} on record: be ready to speak to them`,
    );
  }
  if ((goalCount(v).defined ?? 0) > 0) {
    points.push('The book counts goals but does not name them: bring the success plan');
  }
  const { missing } = metricRows(a);
  if (missing.length > 0) {
    points.push(`Not in the book, so not measured: ${missing.join(', ')}`);
  }
  if (a.gate.open) {
    points.push('The expansion gate is open: prepare one or two expansion ideas with their ROI');
  }
  return points;
}

function openingBlocks(
  a: AccountSnapshot,
  ctx: QbrContext,
  options: QbrOptions,
  customer: { readonly name: string; readonly url: string } | undefined,
): DocBlock[] {
  const blocks: DocBlock[] = [
    { kind: 'title', text: `QBR prep brief: ${a.name}` },
    {
      kind: 'paragraph',
      text: 'Internal: for the CSM’s preparation, not for the customer.',
      style: { bold: true, color: RED },
    },
    {
      kind: 'paragraph',
      text: `${ctx.label} · ${ctx.agenda.title} · prepared ${longDay(options.today)} by ${options.preparedBy}`,
      style: { italic: true, color: '#5f6368' },
    },
  ];
  if (customer) {
    blocks.push({
      kind: 'paragraph',
      text: `The customer’s QBR: ${customer.name} (${customer.url})`,
    });
  }
  return blocks;
}

function healthBlocks(a: AccountSnapshot, ctx: QbrContext): DocBlock[] {
  const rows = healthRows(a, ctx);
  const highlights: CellHighlight[] = a.tier
    ? [{ row: 2, column: 1, background: a.tier.color, color: WHITE }]
    : [];
  const roiRow = rows.findIndex((row) => row[0] === 'ROI');
  if (!roiIsWin(a.roi)) highlights.push({ row: roiRow, column: 1, background: BAD });
  return [
    { kind: 'heading', level: 1, text: '1. Health' },
    { kind: 'table', rows, highlights },
  ];
}

function riskBlocks(a: AccountSnapshot): DocBlock[] {
  const risks = qbrRisks(a);
  return [
    { kind: 'heading', level: 1, text: '2. Risks' },
    risks.length > 0
      ? { kind: 'list', items: risks }
      : { kind: 'paragraph', text: 'No early warning fired for this account.' },
  ];
}

function playBlocks(a: AccountSnapshot, content: Content): DocBlock[] {
  const guidance = accountGuidance(a, content);
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: '3. Playbook and save plays' }];
  const { playbook, savePlay, saveReason, npsFollowUp } = guidance;
  if (playbook) {
    blocks.push(
      { kind: 'heading', level: 3, text: playbook.title },
      { kind: 'paragraph', text: `When: ${playbook.sla ?? 'at the regular cadence'}.` },
      { kind: 'list', items: [...playbook.steps] },
    );
  } else {
    blocks.push({ kind: 'paragraph', text: 'Not scored: no tier playbook applies.' });
  }
  if (savePlay && saveReason) {
    blocks.push(
      { kind: 'heading', level: 3, text: `Save play: ${savePlay.title}` },
      {
        kind: 'paragraph',
        text: `Why: ${saveReason.why}; preventable: ${savePlay.preventable}.`,
      },
      { kind: 'list', items: [...savePlay.steps] },
      { kind: 'paragraph', text: `Offers to have ready: ${savePlay.offers.join('; ')}.` },
    );
  }
  if (npsFollowUp) {
    blocks.push(
      { kind: 'heading', level: 3, text: `NPS follow-up: ${npsFollowUp.title}` },
      { kind: 'list', items: [...npsFollowUp.steps] },
    );
  }
  return blocks;
}

/** The ROI check: the arithmetic, and below 1x or without numbers, what to do about it. */
function roiCheckBlocks(a: AccountSnapshot): DocBlock[] {
  const heading: DocBlock = { kind: 'heading', level: 1, text: '5. ROI check' };
  const roi = a.roi;
  if (!roi.ok) {
    return [
      heading,
      { kind: 'paragraph', text: `ROI missing. ${roi.message}`, style: { bold: true, color: RED } },
      {
        kind: 'placeholder',
        text: 'Quantify the ROI before the meeting: hours saved per month x 12 x hourly rate, against the annual investment.',
      },
    ];
  }
  const win = roiIsWin(roi);
  const blocks: DocBlock[] = [
    heading,
    {
      kind: 'table',
      rows: [
        ['Item', 'Value'],
        ['Hours saved per month', String(roi.hoursPerMonth)],
        ['Hourly rate', formatMoney(roi.hourlyRate)],
        ['Value per month', formatMoney(roi.monthlyValue)],
        ['Value per year (x 12)', formatMoney(roi.annualValue)],
        ['Annual investment', formatMoney(roi.annualInvestment)],
        ['ROI', formatMultiple(roi.multiple)],
      ],
      highlights: [{ row: 6, column: 1, background: win ? GOOD : BAD }],
    },
  ];
  const review = roiReview(roi);
  blocks.push(
    review
      ? { kind: 'paragraph', text: review, style: { bold: true, color: RED } }
      : {
          kind: 'paragraph',
          text: `${formatMultiple(roi.multiple)} the investment: the customer’s QBR presents it as a win.`,
        },
  );
  return blocks;
}

function expansionBlocks(a: AccountSnapshot, content: Content): DocBlock[] {
  if (!a.gate.open) return [];
  const signals =
    a.expansion.length > 0 ? [...a.expansion] : ['No specific buying signal in the book'];
  return [
    { kind: 'heading', level: 1, text: '6. Expansion' },
    { kind: 'paragraph', text: `The expansion gate is open: ${a.gate.reasons.join('; ')}.` },
    { kind: 'list', items: signals },
    {
      kind: 'table',
      rows: [
        ['Play', 'When'],
        ...content.playbooks.expansionPlays.map((play) => [play.title, play.sla ?? '']),
      ],
    },
  ];
}

function closingBlocks(a: AccountSnapshot, ctx: QbrContext, section: number): DocBlock[] {
  return [
    { kind: 'heading', level: 1, text: `${section}. Action items` },
    {
      kind: 'table',
      rows: [
        ['Action', 'Owner', 'Due', 'In the customer’s QBR'],
        ...actionRows(ctx.actions).map((row, i) => [
          ...row,
          ctx.actions[i]?.internal ? 'No: internal' : 'Yes',
        ]),
      ],
    },
    { kind: 'heading', level: 1, text: `${section + 1}. Next QBR` },
    {
      kind: 'paragraph',
      text: `${longDay(ctx.nextQbr)} (${a.cadence ? `${a.cadence.qbr.toLowerCase()} cadence for ${a.segment}` : 'quarterly'}).`,
      style: { bold: true },
    },
  ];
}

function appendixBlocks(checklist: readonly string[], email: string): DocBlock[] {
  return [
    { kind: 'pagebreak' },
    { kind: 'heading', level: 1, text: 'Appendix A. Preparation checklist' },
    { kind: 'table', rows: [['Done', 'Step'], ...checklist.map((item) => ['☐', item])] },
    { kind: 'heading', level: 1, text: 'Appendix B. Follow-up email' },
    {
      kind: 'paragraph',
      text: 'Send within one business day; edit the bracketed parts. Every line is for the customer.',
      style: { italic: true },
    },
    {
      kind: 'table',
      rows: [[email]],
      header: false,
      highlights: [{ row: 0, column: 0, background: '#f8f9fa' }],
    },
  ];
}

/**
 * The prep brief of a QBR; `customer` is the customer's document, linked from the brief once
 * it exists. Throws an Error with a clear message on a bad request.
 */
export function buildPrepBrief(
  a: AccountSnapshot,
  options: QbrOptions,
  content: Content,
  customer?: { readonly name: string; readonly url: string },
): DocContent {
  const ctx = qbrContext(a, options, content);
  const expansion = expansionBlocks(a, content);
  const blocks: DocBlock[] = [
    ...openingBlocks(a, ctx, options, customer),
    ...healthBlocks(a, ctx),
    ...riskBlocks(a),
    ...playBlocks(a, content),
    { kind: 'heading', level: 1, text: '4. Talking points' },
    { kind: 'list', items: talkingPoints(a, ctx) },
    ...roiCheckBlocks(a),
    ...expansion,
    ...closingBlocks(a, ctx, expansion.length > 0 ? 7 : 6),
    ...appendixBlocks(content.playbooks.qbrPrepChecklist, followUpEmail(a, ctx, options)),
  ];
  return { name: prepBriefName(a.name, ctx.label), blocks: blocks.map(normalizeBlock) };
}
