/**
 * The QBR document, as data (see doc-model.ts): built from the account's snapshot, the
 * quarter and the agenda. Pure: the date of the meeting is "today", and the agendas and
 * checklists (content, see content-types.ts), arguments.
 *
 * Facts from the playbooks: the 45-minute agenda and "never present a QBR without a quantified
 * ROI" (Customer Success Playbook, afrexai); the 60-minute agenda (the bilingual Customer
 * Success Playbook and the Customer Success Engine); the ROI arithmetic of the Customer Success
 * office skill's worked example; the success-metric targets (Customer Success Engine, office
 * skill); the prep checklist and the post-QBR follow-up email (Customer Success Engine);
 * expansion only when the bilingual playbook's gate is open. The document is the customer's:
 * it names none of these sources.
 */
import { type AccountSnapshot, type ScoreTrend, driversText, scoreTrend } from './snapshot';
import { NAME_LENGTH, describeCell } from './cells';
import { ON_PALETTE, PALETTE } from './palette';
import { ownEntry } from './text';
import type { Agenda, AgendaId, Content, Play } from './content-types';
import { SEVERITY_LABELS } from './alerts/rules';
import { type DayNumber, isoDay } from './dates';
import type { DimensionId } from './dimensions';
import {
  type CellHighlight,
  type DocBlock,
  type DocContent,
  PLACEHOLDER_BACKGROUND,
  rectangular,
} from './doc-model';
import { type Quarter, longDay, parseQuarter, quarterLabel, shiftQuarter } from './quarters';
import { formatMoney, formatMultiple } from './roi';
import { type QbrCadence, qbrIntervalDays } from './lifecycle';
import { featureAdoption, seatUtilization } from './rubrics';

export interface QbrRequest {
  readonly quarter: string;
  readonly agenda: AgendaId;
}

export interface QbrOptions extends QbrRequest {
  /** The day the document is prepared (the spreadsheet's today). */
  readonly today: DayNumber;
  /** Who prepares it: the CSM column, else the user. */
  readonly preparedBy: string;
}

export const QBR_ERRORS = {
  quarter: (text: string) =>
    `"${describeCell(text)}" is not a quarter: choose one such as Q4 2026 (Q1 to Q4, then the year).`,
  agenda: (text: string) =>
    `"${describeCell(text)}" is not an agenda: choose the 45-minute or the 60-minute one.`,
};

export function qbrDocumentName(account: string, quarter: string): string {
  return `QBR - ${describeCell(account, NAME_LENGTH)} - ${quarter}`;
}

const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
const WHITE = ON_PALETTE;
const GOOD = '#e6f4ea';
const BAD = '#fce8e6';

/** Days until the next QBR: the segment's cadence, quarterly when it has none. */
function nextQbrDays(cadence: QbrCadence | undefined): number {
  return (cadence && qbrIntervalDays(cadence)) ?? (qbrIntervalDays('Quarterly') as number);
}

export interface MetricRow {
  readonly metric: string;
  readonly target: string;
  readonly actual: string;
  readonly met: boolean;
}

/** Success metrics the book can show, each against a target from the playbooks. */
export function metricRows(a: AccountSnapshot): { rows: MetricRow[]; missing: string[] } {
  const v = a.values;
  const rows: MetricRow[] = [];
  const missing: string[] = [];
  const seats = seatUtilization(v);
  if (seats !== undefined) {
    rows.push({
      metric: 'Licensed seats active',
      target: '80%',
      actual: `${pct(seats)} (${v.seatsActive} of ${v.seatsLicensed})`,
      met: seats >= 0.8,
    });
  } else missing.push('Seats active / Seats licensed');
  if (v.dauMau !== undefined) {
    rows.push({
      metric: 'DAU/MAU',
      target: '40% or more',
      actual: pct(v.dauMau),
      met: v.dauMau >= 0.4,
    });
  } else missing.push('DAU/MAU');
  const adoption = featureAdoption(v);
  if (adoption !== undefined) {
    rows.push({
      metric: 'Feature adoption',
      target: '60% or more',
      actual: pct(adoption),
      met: adoption >= 0.6,
    });
  } else missing.push('Features used / Features available');
  if (v.nps !== undefined) {
    const account = v.nps > 10 || v.nps < 0;
    rows.push({
      metric: 'NPS',
      target: account ? 'above 50' : '9-10, a promoter',
      actual: String(v.nps),
      met: account ? v.nps > 50 : v.nps >= 9,
    });
  } else missing.push('NPS');
  if (v.tickets30 !== undefined) {
    rows.push({
      metric: 'Support tickets (30 days)',
      target: 'fewer than 10',
      actual: String(v.tickets30),
      met: v.tickets30 < 10,
    });
  } else missing.push('Tickets (30 days)');
  return { rows, missing };
}

function goalsBlocks(a: AccountSnapshot): DocBlock[] {
  const { goalsDefined, goalsAchieved } = a.values;
  if (goalsDefined === undefined && goalsAchieved === undefined) {
    return [
      {
        kind: 'placeholder',
        text: 'The book has no Goals defined or Goals achieved for this account: list the success plan goals with their targets and results here.',
      },
    ];
  }
  const defined = Math.max(goalsDefined ?? 0, goalsAchieved ?? 0);
  const achieved = Math.min(goalsAchieved ?? 0, defined);
  // One row per goal, written in one appendTable call; no per-row styling, so the number of
  // Docs calls does not grow with the number of goals.
  const rows: string[][] = [['Goal', 'Target', 'Actual', 'Status']];
  for (let i = 0; i < defined; i++) {
    const met = i < achieved;
    rows.push([
      `Goal ${i + 1}`,
      'From the success plan',
      met ? 'Achieved' : goalsAchieved === undefined ? 'Unknown' : 'Not yet achieved',
      met ? '✓ Met' : '✗ Open',
    ]);
  }
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text:
        goalsAchieved === undefined
          ? `${defined} goals defined; the book does not say how many were achieved.`
          : `${achieved} of ${defined} success plan goals achieved.`,
    },
  ];
  if (defined > 0) blocks.push({ kind: 'table', rows });
  blocks.push({
    kind: 'placeholder',
    text: 'The book counts goals but does not name them: write each goal’s name, target and measured result from the success plan.',
  });
  return blocks;
}

function roiBlocks(a: AccountSnapshot): DocBlock[] {
  const roi = a.roi;
  if (!roi.ok) {
    return [
      {
        kind: 'paragraph',
        text: `ROI missing. ${roi.message}`,
        style: { bold: true, color: PALETTE.red },
      },
      {
        kind: 'placeholder',
        text: 'Quantify the ROI before the meeting: hours saved per month x 12 x hourly rate, against the annual investment.',
      },
    ];
  }
  return [
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
      highlights: [{ row: 6, column: 1, background: roi.multiple >= 1 ? GOOD : BAD }],
    },
    {
      kind: 'paragraph',
      text: `${roi.hoursPerMonth} hours a month at ${formatMoney(roi.hourlyRate)} an hour is ${formatMoney(roi.annualValue)} a year, ${formatMultiple(roi.multiple)} the annual investment of ${formatMoney(roi.annualInvestment)}.`,
      style: { bold: true },
    },
  ];
}

function usageBlocks(a: AccountSnapshot): DocBlock[] {
  const v = a.values;
  const rows: string[][] = [['Measure', 'Value']];
  const seats = seatUtilization(v);
  if (seats !== undefined) {
    rows.push(['Seats', `${v.seatsActive} active of ${v.seatsLicensed} licensed (${pct(seats)})`]);
  }
  if (v.dauMau !== undefined) rows.push(['DAU/MAU', pct(v.dauMau)]);
  const adoption = featureAdoption(v);
  if (v.featuresUsed !== undefined && v.featuresAvailable !== undefined) {
    rows.push(['Features', `${v.featuresUsed} used of ${v.featuresAvailable} available`]);
  } else if (adoption !== undefined) rows.push(['Feature adoption', pct(adoption)]);
  if (v.usageChange !== undefined) {
    rows.push([
      'Usage change (month over month)',
      `${v.usageChange >= 0 ? '+' : ''}${pct(v.usageChange)}`,
    ]);
  } else if (v.usageTrend !== undefined) rows.push(['Usage trend', v.usageTrend]);
  if (v.coreActionsPerWeek !== undefined) {
    rows.push(['Core actions per week', String(v.coreActionsPerWeek)]);
  }
  if (v.lastLogin !== undefined) rows.push(['Last login', isoDay(v.lastLogin)]);
  const blocks: DocBlock[] = [];
  if (rows.length > 1) blocks.push({ kind: 'table', rows });
  else blocks.push({ kind: 'paragraph', text: 'The book has no usage data for this account.' });
  if (v.featuresUsed !== undefined && v.featuresAvailable !== undefined) {
    const unused = Math.max(0, v.featuresAvailable - v.featuresUsed);
    blocks.push({
      kind: 'paragraph',
      text:
        unused > 0
          ? `Under-used features: ${unused} of ${v.featuresAvailable} are not used yet.${adoption !== undefined && adoption < 0.5 ? ' Adoption is below 50%: start the adoption nudge sequence and offer training.' : ''}`
          : 'Every available feature is in use.',
    });
    if (unused > 0) {
      blocks.push({
        kind: 'placeholder',
        text: 'Name the unused features that matter to their goals, and the training or workshop for each.',
      });
    }
  }
  return blocks;
}

function supportBlocks(a: AccountSnapshot): DocBlock[] {
  const v = a.values;
  const rows: string[][] = [['Measure', 'Value']];
  if (v.tickets30 !== undefined) rows.push(['Tickets (30 days)', String(v.tickets30)]);
  if (v.ticketTrend !== undefined) rows.push(['Ticket trend', v.ticketTrend]);
  if (v.csat !== undefined) rows.push(['CSAT', v.csat <= 5 ? `${v.csat} / 5` : `${v.csat}%`]);
  if (v.openCriticalTickets !== undefined) {
    rows.push(['Open critical tickets', String(v.openCriticalTickets)]);
  }
  if (v.escalations !== undefined) rows.push(['Escalations', String(v.escalations)]);
  if (rows.length === 1) {
    return [{ kind: 'paragraph', text: 'The book has no support data for this account.' }];
  }
  const blocks: DocBlock[] = [{ kind: 'table', rows }];
  if ((v.openCriticalTickets ?? 0) > 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'Resolve the open critical tickets before the meeting.',
      style: { bold: true },
    });
  }
  return blocks;
}

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

export function priorities(a: AccountSnapshot): string[] {
  const list: string[] = [];
  for (const driver of a.drivers.slice(0, 2)) {
    const dimension = a.dimensions.find((d) => d.label === driver.label);
    const text = dimension ? PRIORITY_BY_DIMENSION[dimension.id] : undefined;
    if (text && driver.pointsLost >= 1) {
      list.push(`${text} (${driver.label} ${Math.round(driver.score)}/100)`);
    }
  }
  if (!a.roi.ok)
    list.push('Quantify the ROI: fill in the hours saved, the hourly rate and the investment');
  const renewal = a.renewal;
  if (renewal && !renewal.overdue && renewal.daysToRenewal <= 180) {
    list.push(`Prepare the renewal in ${renewal.daysToRenewal} days`);
  }
  if (list.length === 0) list.push('Set next quarter’s goals with the customer executive');
  return list;
}

export interface Action {
  readonly action: string;
  readonly owner: string;
  readonly due: DayNumber;
}

export function actions(a: AccountSnapshot, options: QbrOptions, gateOpen: boolean): Action[] {
  const { today, preparedBy } = options;
  const v = a.values;
  const list: Action[] = [
    { action: 'Send the recap email with these action items', owner: preparedBy, due: today + 1 },
    {
      action: 'Confirm next quarter’s goals and success criteria',
      owner: 'Customer executive sponsor',
      due: today + 14,
    },
    { action: 'Update the success plan and score each goal', owner: preparedBy, due: today + 14 },
  ];
  if (!a.roi.ok) {
    list.push({ action: 'Quantify and document the ROI', owner: preparedBy, due: today + 7 });
  }
  if ((v.openCriticalTickets ?? 0) > 0) {
    list.push({
      action: 'Resolve the open critical tickets',
      owner: 'Support lead',
      due: today + 7,
    });
  }
  const adoption = featureAdoption(v);
  if (adoption !== undefined && adoption < 0.6) {
    list.push({
      action: 'Run training on the unused features',
      owner: preparedBy,
      due: today + 30,
    });
  }
  const renewal = a.renewal;
  if (renewal && !renewal.overdue && renewal.daysToRenewal <= 120) {
    const next = renewal.next ?? renewal.step;
    if (next) {
      list.push({
        action: `Renewal: ${next.title.toLowerCase()} (${next.action.toLowerCase()})`,
        owner: preparedBy,
        due: Math.max(today + 1, today + renewal.daysToRenewal + next.day),
      });
    }
  }
  if (gateOpen) {
    list.push({
      action: 'Send the expansion proposal',
      owner: 'Account executive',
      due: today + 30,
    });
  }
  return list;
}

function followUpEmail(
  a: AccountSnapshot,
  quarter: Quarter,
  actionList: readonly Action[],
  priorityList: readonly string[],
  nextQbr: DayNumber,
  preparedBy: string,
): string {
  const v = a.values;
  const label = quarterLabel(quarter);
  const achieved: string[] = [];
  if (v.goalsAchieved !== undefined) {
    achieved.push(
      `Success plan: ${v.goalsAchieved}${v.goalsDefined !== undefined ? ` of ${v.goalsDefined}` : ''} goals achieved`,
    );
  }
  if (a.roi.ok) {
    achieved.push(
      `Value: ${formatMoney(a.roi.annualValue)} a year, ${formatMultiple(a.roi.multiple)} the investment`,
    );
  }
  const seats = seatUtilization(v);
  if (seats !== undefined) achieved.push(`Adoption: ${pct(seats)} of licensed seats active`);
  if (achieved.length === 0) achieved.push('[Result and its metric]');
  const lines = [
    `Subject: ${a.name} and [your company]: ${label} review, recap and next steps`,
    '',
    'Hi [name],',
    '',
    'Thank you for the time today. Here is what we covered.',
    '',
    `What we achieved in ${label}:`,
    ...achieved.map((line) => `- ${line}`),
    '',
    `Objectives for ${quarterLabel(shiftQuarter(quarter, 1))}:`,
    ...priorityList.map((line, i) => `${i + 1}. ${line}`),
    '',
    'Action items:',
    ...actionList.map((item) => `- ${item.action}: ${item.owner}, by ${isoDay(item.due)}`),
    '',
    `Next review: ${longDay(nextQbr)}`,
    '',
    'Looking forward to the quarter ahead.',
    preparedBy,
  ];
  return lines.join('\n');
}

/** The title block and the agenda table. */
function agendaBlocks(a: AccountSnapshot, label: string, agenda: Agenda, options: QbrOptions) {
  return [
    { kind: 'title', text: `Quarterly Business Review: ${a.name}` },
    {
      kind: 'paragraph',
      text: `${label} · ${agenda.title} · prepared ${longDay(options.today)} by ${options.preparedBy}`,
      style: { italic: true, color: '#5f6368' },
    },
    { kind: 'heading', level: 2, text: 'Agenda' },
    {
      kind: 'table',
      rows: [
        ['Minutes', 'Section', 'Owner'],
        ...agenda.items.map((item) => [item.minutes, `${item.title}: ${item.detail}`, item.owner]),
      ],
    },
  ] satisfies DocBlock[];
}

/** The executive summary's table: score, tier, trend, segment, ARR, renewal, ROI. */
export function summaryRows(a: AccountSnapshot, trend: ScoreTrend): string[][] {
  const v = a.values;
  const first = trend.points[0];
  const trendText =
    trend.change === undefined || !first || trend.points.length < 2
      ? 'No history yet (the History sheet starts with the daily alerts)'
      : `${trend.change > 0 ? '+' : ''}${trend.change} points since ${isoDay(first.day)} (${first.score} → ${a.score})`;
  const rows: string[][] = [
    ['Measure', 'Value'],
    ['Health score', a.score === undefined ? `Not scored: ${a.error ?? ''}` : `${a.score} / 100`],
    ['Tier', `${a.tier?.label ?? 'Not scored'} (${a.model.name})`],
    ['Trend', trendText],
  ];
  if (a.segment) rows.push(['Segment', a.segment]);
  if (v.arr !== undefined) rows.push(['ARR', formatMoney(v.arr)]);
  if (v.renewalDate !== undefined && a.renewal) {
    rows.push([
      'Renewal',
      `${isoDay(v.renewalDate)} (${a.renewal.overdue ? `${-a.renewal.daysToRenewal} days overdue` : `in ${a.renewal.daysToRenewal} days`})`,
    ]);
  }
  rows.push(['ROI', a.roi.ok ? formatMultiple(a.roi.multiple) : 'Missing']);
  return rows;
}

/** The quarter's wins the book can show. */
export function keyWins(a: AccountSnapshot, trend: ScoreTrend): string[] {
  const v = a.values;
  const wins: string[] = [];
  if ((v.goalsAchieved ?? 0) > 0) {
    wins.push(`${v.goalsAchieved} success plan goal${v.goalsAchieved === 1 ? '' : 's'} achieved`);
  }
  if (a.roi.ok) {
    wins.push(
      `${formatMoney(a.roi.annualValue)} of value a year (${formatMultiple(a.roi.multiple)})`,
    );
  }
  const seats = seatUtilization(v);
  if (seats !== undefined && seats >= 0.8) wins.push(`${pct(seats)} of licensed seats active`);
  if (trend.change !== undefined && trend.change > 0) wins.push(`Health up ${trend.change} points`);
  if (v.nps !== undefined && v.nps >= 9 && v.nps <= 10)
    wins.push(`NPS answer ${v.nps}: a promoter`);
  if (v.usageTrend === 'up' || (v.usageChange ?? 0) > 0.05) wins.push('Usage growing');
  return wins;
}

function executiveSummaryBlocks(a: AccountSnapshot, trend: ScoreTrend): DocBlock[] {
  const tierLabel = a.tier?.label ?? 'Not scored';
  const rows = summaryRows(a, trend);
  const highlights: CellHighlight[] = a.tier
    ? [{ row: 2, column: 1, background: a.tier.color, color: WHITE }]
    : [];
  if (!a.roi.ok) highlights.push({ row: rows.length - 1, column: 1, background: BAD });
  const wins = keyWins(a, trend);
  return [
    { kind: 'heading', level: 1, text: '1. Executive summary' },
    {
      kind: 'paragraph',
      text: `${tierLabel}${a.score === undefined ? '' : ` · ${a.score}/100`}`,
      style: a.tier ? { bold: true, color: WHITE, background: a.tier.color } : { bold: true },
    },
    { kind: 'table', rows, highlights },
    { kind: 'heading', level: 3, text: 'Key wins' },
    wins.length > 0
      ? { kind: 'list', items: wins }
      : {
          kind: 'placeholder',
          text: 'The book shows no win for this quarter: add the wins the customer will recognise.',
        },
  ];
}

function valueBlocks(a: AccountSnapshot): DocBlock[] {
  const metrics = metricRows(a);
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 1, text: '2. Value delivered' },
    ...goalsBlocks(a),
  ];
  if (metrics.rows.length > 0) {
    blocks.push({
      kind: 'table',
      rows: [
        ['Metric', 'Target', 'Actual', 'Status'],
        ...metrics.rows.map((row) => [
          row.metric,
          row.target,
          row.actual,
          row.met ? 'On track' : 'Below target',
        ]),
      ],
      highlights: metrics.rows.map((row, i) => ({
        row: i + 1,
        column: 3,
        background: row.met ? GOOD : BAD,
      })),
    });
  }
  if (metrics.missing.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Not in the book, so not measured: ${metrics.missing.join(', ')}.`,
      style: { italic: true },
    });
  }
  return blocks;
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

function riskBlocks(a: AccountSnapshot): DocBlock[] {
  const risks = qbrRisks(a);
  return [
    { kind: 'heading', level: 1, text: '6. Risks' },
    risks.length > 0
      ? { kind: 'list', items: risks }
      : { kind: 'paragraph', text: 'No early warning fired for this account.' },
  ];
}

function roadmapBlocks(a: AccountSnapshot): DocBlock[] {
  return [
    { kind: 'heading', level: 1, text: '7. Roadmap' },
    {
      kind: 'placeholder',
      text: `TO FILL IN BY THE CSM: the roadmap items that matter to ${a.name}, each tied to one of their priorities or requests, and any beta or early-access offer.`,
    },
  ];
}

function prioritiesBlocks(quarter: Quarter, priorityList: readonly string[]): DocBlock[] {
  return [
    {
      kind: 'heading',
      level: 1,
      text: `8. Priorities for ${quarterLabel(shiftQuarter(quarter, 1))}`,
    },
    { kind: 'list', items: [...priorityList], numbered: true },
  ];
}

/** Section 9, only when the expansion gate is open. */
function expansionBlocks(
  a: AccountSnapshot,
  section: number,
  expansionPlays: readonly Play[],
): DocBlock[] {
  const signals =
    a.expansion.length > 0 ? [...a.expansion] : ['No specific buying signal in the book'];
  return [
    { kind: 'heading', level: 1, text: `${section}. Expansion opportunities` },
    {
      kind: 'paragraph',
      text: `The expansion gate is open: ${a.gate.reasons.join('; ')}.`,
    },
    { kind: 'list', items: signals },
    {
      kind: 'table',
      rows: [['Play', 'When'], ...expansionPlays.map((play) => [play.title, play.sla ?? ''])],
    },
  ];
}

function closingBlocks(
  a: AccountSnapshot,
  section: number,
  actionList: readonly Action[],
  nextQbr: DayNumber,
): DocBlock[] {
  return [
    { kind: 'heading', level: 1, text: `${section}. Action items` },
    {
      kind: 'table',
      rows: [
        ['Action', 'Owner', 'Due'],
        ...actionList.map((item) => [item.action, item.owner, isoDay(item.due)]),
      ],
    },
    { kind: 'heading', level: 1, text: `${section + 1}. Next QBR` },
    {
      kind: 'paragraph',
      text: `${longDay(nextQbr)} (${a.cadence ? `${a.cadence.qbr.toLowerCase()} cadence for ${a.segment}` : 'quarterly'}).`,
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
      text: 'Send within one business day; edit the bracketed parts.',
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

/** The QBR document of an account. Throws an Error with a clear message on a bad request. */
export function buildQbr(a: AccountSnapshot, options: QbrOptions, content: Content): DocContent {
  const quarter = parseQuarter(options.quarter);
  if (!quarter) throw new Error(QBR_ERRORS.quarter(options.quarter));
  const { agendas, expansionPlays, qbrPrepChecklist } = content.playbooks;
  const agenda = ownEntry(agendas, options.agenda);
  if (!agenda) throw new Error(QBR_ERRORS.agenda(String(options.agenda)));
  const label = quarterLabel(quarter);
  const trend = scoreTrend(a);
  const gateOpen = a.gate.open;
  const actionList = actions(a, options, gateOpen);
  const priorityList = priorities(a);
  const nextQbr = options.today + nextQbrDays(a.cadence?.qbr);
  // Section 9 is the expansion section when the gate is open; the rest follow it.
  const closing = gateOpen ? 10 : 9;
  const blocks: DocBlock[] = [
    ...agendaBlocks(a, label, agenda, options),
    ...executiveSummaryBlocks(a, trend),
    ...valueBlocks(a),
    { kind: 'heading', level: 1, text: '3. Return on investment' },
    ...roiBlocks(a),
    { kind: 'heading', level: 1, text: '4. Product usage' },
    ...usageBlocks(a),
    { kind: 'heading', level: 1, text: '5. Support summary' },
    ...supportBlocks(a),
    ...riskBlocks(a),
    ...roadmapBlocks(a),
    ...prioritiesBlocks(quarter, priorityList),
    ...(gateOpen ? expansionBlocks(a, 9, expansionPlays) : []),
    ...closingBlocks(a, closing, actionList, nextQbr),
    ...appendixBlocks(
      qbrPrepChecklist,
      followUpEmail(a, quarter, actionList, priorityList, nextQbr, options.preparedBy),
    ),
  ];
  return { name: qbrDocumentName(a.name, label), blocks: blocks.map(normalizeBlock) };
}

function normalizeBlock(block: DocBlock): DocBlock {
  return block.kind === 'table' ? { ...block, rows: rectangular(block.rows) } : block;
}

export { PLACEHOLDER_BACKGROUND };
