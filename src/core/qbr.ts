/**
 * A QBR is two documents (doc-model.ts) from one request: the customer's QBR, here, and the
 * CSM's internal prep brief (qbr-brief.ts). This module holds the request, what both
 * documents take from the account's snapshot (the wins, the metrics, next quarter's
 * objectives, the action items and the next QBR's date) and the customer's document. Pure:
 * the date of the meeting is "today", and the agendas and checklists (content, see
 * content-types.ts), arguments.
 *
 * The customer's document holds only what a customer should read: the value delivered,
 * usage, goals, roadmap, asks and next steps. The health score and tier appear only when the
 * CSM chooses to share them; risks, drivers, save plays, playbook deadlines, renewal and
 * expansion moves, the model's name and the playbooks' names never do. Parts left for the CSM
 * to fill in are highlighted placeholders, removed before the document is shared.
 *
 * Facts from the playbooks: the 45-minute agenda and "never present a QBR without a quantified
 * ROI" (Customer Success Playbook, afrexai); the 60-minute agenda (the bilingual Customer
 * Success Playbook and the Customer Success Engine); the ROI arithmetic of the Customer Success
 * office skill's worked example; the success-metric targets (Customer Success Engine, office
 * skill).
 */
import { type AccountSnapshot, type ScoreTrend, scoreTrend } from './snapshot';
import { NAME_LENGTH, describeCell } from './cells';
import { ON_PALETTE } from './palette';
import { ownEntry } from './text';
import type { Agenda, AgendaId, Content } from './content-types';
import { type DayNumber, isoDay } from './dates';
import type { DimensionId } from './dimensions';
import { type DocBlock, type DocContent, rectangular } from './doc-model';
import { type Quarter, longDay, parseQuarter, quarterLabel, shiftQuarter } from './quarters';
import { formatMoney, formatMultiple, roiIsWin } from './roi';
import { type QbrCadence, qbrIntervalDays } from './lifecycle';
import type { AccountPeople } from './people';
import { goalCount, goalsLeftOut } from './goals';
import { featureAdoption, seatUtilization } from './rubrics';

interface QbrRequest {
  readonly quarter: string;
  readonly agenda: AgendaId;
}

export interface QbrOptions extends QbrRequest {
  /** The day the document is prepared (the spreadsheet's today). */
  readonly today: DayNumber;
  /** Who prepares it: the CSM column, else the user. */
  readonly preparedBy: string;
  /**
   * Show the health score and tier in the customer's QBR. Off unless the CSM asks: an
   * "At-Risk 40/100" handed to the customer is rarely what a CSM wants. The prep brief always
   * has them.
   */
  readonly shareScore?: boolean;
  /** The champion, sponsor and CSM as the book names them. */
  readonly people?: AccountPeople;
}

const QBR_ERRORS = {
  quarter: (text: string) =>
    `"${describeCell(text)}" is not a quarter: choose one such as Q4 2026 (Q1 to Q4, then the year).`,
  agenda: (text: string) =>
    `"${describeCell(text)}" is not an agenda: choose the 45-minute or the 60-minute one.`,
};

function qbrDocumentName(account: string, quarter: string): string {
  return `QBR - ${describeCell(account, NAME_LENGTH)} - ${quarter}`;
}

export const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
export const WHITE = ON_PALETTE;
export const GOOD = '#e6f4ea';
export const BAD = '#fce8e6';

/** Days until the next QBR: the segment's cadence, quarterly when it has none. */
function nextQbrDays(cadence: QbrCadence | undefined): number {
  return (cadence && qbrIntervalDays(cadence)) ?? (qbrIntervalDays('Quarterly') as number);
}

// ------------------------------------------------------------------ what both documents use

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

/**
 * The quarter's wins the book can show. The ROI is a win only at 1x or more (roiIsWin); the
 * score's rise only when the score is shared with the customer.
 */
export function keyWins(a: AccountSnapshot, trend: ScoreTrend, shareScore: boolean): string[] {
  const v = a.values;
  const wins: string[] = [];
  const achieved = goalCount(v).achieved ?? 0;
  if (achieved > 0) {
    wins.push(`${achieved} success plan goal${achieved === 1 ? '' : 's'} achieved`);
  }
  if (a.roi.ok && roiIsWin(a.roi)) {
    wins.push(
      `${formatMoney(a.roi.annualValue)} of value a year (${formatMultiple(a.roi.multiple)} the investment)`,
    );
  }
  const seats = seatUtilization(v);
  if (seats !== undefined && seats >= 0.8) wins.push(`${pct(seats)} of licensed seats active`);
  if (shareScore && trend.change !== undefined && trend.change > 0) {
    wins.push(`Health up ${trend.change} points`);
  }
  if (v.nps !== undefined && v.nps >= 9 && v.nps <= 10) {
    wins.push(`NPS answer ${v.nps}: a promoter`);
  }
  if (v.usageTrend === 'up' || (v.usageChange ?? 0) > 0.05) wins.push('Usage growing');
  return wins;
}

/**
 * Next quarter's objectives as the customer reads them: what the weakest dimensions call for,
 * in shared terms. The dimensions whose remedy is the CSM's own move (the relationship, the
 * executive, the money) have none here: the prep brief's talking points carry them.
 */
const CUSTOMER_OBJECTIVES: Partial<Record<DimensionId, string>> = {
  productUsage: 'Bring more of the licensed users into regular use of the core workflow',
  engagement: 'Keep a regular meeting rhythm to steer the plan',
  outcomes: 'Achieve the open success plan goals',
  support: 'Bring the open support tickets down and close the critical ones',
  sentiment: 'Act on the feedback from your team',
  featureBreadth: 'Adopt the features that serve your goals',
  satisfaction: 'Act on the feedback from your team',
  growth: 'Find the next use case or team that would benefit',
};

const MEASURE_VALUE =
  'Measure the value delivered together: the hours saved and what they are worth';

export function customerObjectives(a: AccountSnapshot): string[] {
  const list: string[] = [];
  const add = (text: string | undefined) => {
    if (text && !list.includes(text)) list.push(text);
  };
  for (const driver of a.drivers.slice(0, 2)) {
    const dimension = a.dimensions.find((d) => d.label === driver.label);
    if (dimension && driver.pointsLost >= 1) add(CUSTOMER_OBJECTIVES[dimension.id]);
  }
  if (!roiIsWin(a.roi)) add(MEASURE_VALUE);
  if (list.length === 0) add('Set next quarter’s goals and how success will be measured');
  return list;
}

export interface Action {
  readonly action: string;
  readonly owner: string;
  readonly due: DayNumber;
  /** The CSM's own move (a renewal step, an expansion proposal): in the prep brief only. */
  readonly internal: boolean;
}

/** The action items, earliest first (ties keep their order). */
export function actions(a: AccountSnapshot, options: QbrOptions): Action[] {
  const { today, preparedBy } = options;
  const v = a.values;
  const sponsor = options.people?.sponsor ?? 'Your executive sponsor';
  const item = (action: string, owner: string, due: DayNumber, internal = false): Action => ({
    action,
    owner,
    due,
    internal,
  });
  const list: Action[] = [
    item('Send the recap email with these action items', preparedBy, today + 1),
    item('Confirm next quarter’s goals and success criteria', sponsor, today + 14),
    item('Update the success plan and score each goal', preparedBy, today + 14),
  ];
  if (!a.roi.ok) list.push(item('Quantify and document the ROI', preparedBy, today + 7));
  else if (!roiIsWin(a.roi)) {
    list.push(item('Document the value delivered beyond the hours saved', preparedBy, today + 7));
  }
  if ((v.openCriticalTickets ?? 0) > 0) {
    list.push(item('Resolve the open critical tickets', 'Support lead', today + 7));
  }
  const adoption = featureAdoption(v);
  if (adoption !== undefined && adoption < 0.6) {
    list.push(item('Run training on the unused features', preparedBy, today + 30));
  }
  const renewal = a.renewal;
  if (renewal && !renewal.overdue && renewal.daysToRenewal <= 120) {
    const next = renewal.next ?? renewal.step;
    if (next) {
      list.push(
        item(
          `Renewal: ${next.title.toLowerCase()} (${next.action.toLowerCase()})`,
          preparedBy,
          Math.max(today + 1, today + renewal.daysToRenewal + next.day),
          true,
        ),
      );
    }
  }
  if (a.gate.open) {
    list.push(item('Send the expansion proposal', 'Account executive', today + 30, true));
  }
  // Array.prototype.sort is stable (ES2019): items due the same day keep their order.
  return list.sort((x, y) => x.due - y.due);
}

/** What the QBR asks of the customer, from what the book shows. */
function customerAsks(a: AccountSnapshot): string[] {
  const v = a.values;
  const asks: string[] = [];
  if (v.nps !== undefined && v.nps >= 9 && v.nps <= 10) {
    asks.push('Would you share your results as a reference, a review or a case study?');
  }
  const seats = seatUtilization(v);
  if (seats !== undefined && seats < 0.8) {
    asks.push('Help us reach the licensed users who are not active yet');
  }
  if (goalCount(v).defined === undefined || goalCount(v).defined === 0) {
    asks.push('Agree with us the goals the next quarter will be measured by');
  }
  return asks;
}

/** What the two documents and the follow-up email share for one QBR. */
export interface QbrContext {
  readonly quarter: Quarter;
  /** "Q4 2025". */
  readonly label: string;
  /** The next quarter's label. */
  readonly nextLabel: string;
  readonly agenda: Agenda;
  readonly trend: ScoreTrend;
  readonly actions: readonly Action[];
  readonly objectives: readonly string[];
  readonly nextQbr: DayNumber;
  readonly shareScore: boolean;
}

/** The request checked and the shared parts computed. Throws an Error with a clear message. */
export function qbrContext(a: AccountSnapshot, options: QbrOptions, content: Content): QbrContext {
  const quarter = parseQuarter(options.quarter);
  if (!quarter) throw new Error(QBR_ERRORS.quarter(options.quarter));
  const agenda = ownEntry(content.playbooks.agendas, options.agenda);
  if (!agenda) throw new Error(QBR_ERRORS.agenda(String(options.agenda)));
  return {
    quarter,
    label: quarterLabel(quarter),
    nextLabel: quarterLabel(shiftQuarter(quarter, 1)),
    agenda,
    trend: scoreTrend(a),
    actions: actions(a, options),
    objectives: customerObjectives(a),
    nextQbr: options.today + nextQbrDays(a.cadence?.qbr),
    shareScore: options.shareScore === true,
  };
}

export function actionRows(list: readonly Action[]): string[][] {
  return list.map((item) => [item.action, item.owner, isoDay(item.due)]);
}

export function normalizeBlock(block: DocBlock): DocBlock {
  return block.kind === 'table' ? { ...block, rows: rectangular(block.rows) } : block;
}

// ------------------------------------------------------------------ the customer's document

function goalsBlocks(a: AccountSnapshot): DocBlock[] {
  const count = goalCount(a.values);
  const { defined, achieved } = count;
  if (defined === undefined && achieved === undefined) {
    return [
      {
        kind: 'placeholder',
        text: 'List the success plan goals here, each with its target and result.',
      },
    ];
  }
  // One row per goal, written in one appendTable call; no per-row styling, so the number of
  // Docs calls does not grow with the number of goals.
  const rows: string[][] = [['Goal', 'Target', 'Actual', 'Status']];
  for (let i = 0; i < count.rows; i++) {
    const met = i < (achieved ?? 0);
    rows.push([
      `Goal ${i + 1}`,
      'From the success plan',
      met ? 'Achieved' : achieved === undefined ? 'To be measured' : 'Not yet achieved',
      met ? '✓ Met' : '✗ Open',
    ]);
  }
  const total = defined ?? achieved ?? 0;
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text:
        achieved === undefined
          ? `${total} success plan goals defined.`
          : `${achieved} of ${total} success plan goals achieved.`,
    },
  ];
  if (count.rows > 0) {
    blocks.push({ kind: 'table', rows });
    const leftOut = goalsLeftOut(count);
    if (leftOut) blocks.push({ kind: 'placeholder', text: leftOut });
    blocks.push({
      kind: 'placeholder',
      text: 'Write each goal’s name, target and measured result from the success plan.',
    });
  }
  return blocks;
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
  return blocks;
}

/**
 * The ROI as the customer sees it: the whole arithmetic at 1x or more; below 1x the value
 * alone, and a placeholder for the CSM to complete the value case (the prep brief says why);
 * without the numbers, a placeholder.
 */
function roiBlocks(a: AccountSnapshot): DocBlock[] {
  const heading: DocBlock = { kind: 'heading', level: 1, text: '3. Return on investment' };
  const roi = a.roi;
  if (!roi.ok) {
    return [
      heading,
      {
        kind: 'placeholder',
        text: 'Quantify the value before the meeting: hours saved per month x 12 x hourly rate, against the annual investment.',
      },
    ];
  }
  const value = [
    ['Item', 'Value'],
    ['Hours saved per month', String(roi.hoursPerMonth)],
    ['Hourly rate', formatMoney(roi.hourlyRate)],
    ['Value per month', formatMoney(roi.monthlyValue)],
    ['Value per year (x 12)', formatMoney(roi.annualValue)],
  ];
  if (!roiIsWin(roi)) {
    return [
      heading,
      { kind: 'table', rows: value },
      {
        kind: 'placeholder',
        text: 'Complete the value case before sharing: add the value the hours saved leave out (work avoided, revenue, tools replaced), or leave this section out.',
      },
    ];
  }
  return [
    heading,
    {
      kind: 'table',
      rows: [
        ...value,
        ['Annual investment', formatMoney(roi.annualInvestment)],
        ['ROI', formatMultiple(roi.multiple)],
      ],
      highlights: [{ row: 6, column: 1, background: GOOD }],
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
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: '4. Product usage' }];
  if (rows.length > 1) blocks.push({ kind: 'table', rows });
  else blocks.push({ kind: 'placeholder', text: 'Add the usage figures for the quarter.' });
  if (v.featuresUsed !== undefined && v.featuresAvailable !== undefined) {
    const unused = Math.max(0, v.featuresAvailable - v.featuresUsed);
    blocks.push({
      kind: 'paragraph',
      text:
        unused > 0
          ? `Under-used features: ${unused} of ${v.featuresAvailable} are not used yet.`
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
  const heading: DocBlock = { kind: 'heading', level: 1, text: '5. Support summary' };
  if (rows.length === 1) {
    return [heading, { kind: 'placeholder', text: 'Add the support figures for the quarter.' }];
  }
  return [heading, { kind: 'table', rows }];
}

/** The title, the line under it and the agenda. */
function openingBlocks(a: AccountSnapshot, ctx: QbrContext, options: QbrOptions): DocBlock[] {
  return [
    { kind: 'title', text: `Quarterly Business Review: ${a.name}` },
    {
      kind: 'paragraph',
      text: `${ctx.label} · ${ctx.agenda.title} · prepared ${longDay(options.today)} by ${options.preparedBy}`,
      style: { italic: true, color: '#5f6368' },
    },
    { kind: 'heading', level: 2, text: 'Agenda' },
    {
      kind: 'table',
      rows: [
        ['Minutes', 'Section', 'Owner'],
        ...ctx.agenda.items.map((item) => [
          item.minutes,
          `${item.title}: ${item.detail}`,
          item.owner,
        ]),
      ],
    },
  ];
}

/** The summary: the score and tier when the CSM shares them, then the key wins. */
function summaryBlocks(a: AccountSnapshot, ctx: QbrContext): DocBlock[] {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: '1. Summary' }];
  if (ctx.shareScore && a.score !== undefined && a.tier) {
    blocks.push({
      kind: 'paragraph',
      text: `Health score ${a.score}/100 · ${a.tier.label}`,
      style: { bold: true, color: WHITE, background: a.tier.color },
    });
    const first = ctx.trend.points[0];
    if (ctx.trend.change !== undefined && first) {
      blocks.push({
        kind: 'paragraph',
        text: `${ctx.trend.change > 0 ? '+' : ''}${ctx.trend.change} points since ${isoDay(first.day)} (${first.score} → ${a.score}).`,
      });
    }
  }
  const wins = keyWins(a, ctx.trend, ctx.shareScore);
  blocks.push(
    { kind: 'heading', level: 3, text: 'Key wins' },
    wins.length > 0
      ? { kind: 'list', items: wins }
      : { kind: 'placeholder', text: 'Add the wins of the quarter the customer will recognise.' },
  );
  return blocks;
}

function roadmapBlocks(a: AccountSnapshot): DocBlock[] {
  return [
    { kind: 'heading', level: 1, text: '6. Roadmap' },
    {
      kind: 'placeholder',
      text: `TO FILL IN BY THE CSM: the roadmap items that matter to ${a.name}, each tied to one of their priorities or requests, and any beta or early-access offer.`,
    },
  ];
}

function objectivesBlocks(ctx: QbrContext): DocBlock[] {
  return [
    { kind: 'heading', level: 1, text: `7. Priorities for ${ctx.nextLabel}` },
    { kind: 'list', items: [...ctx.objectives], numbered: true },
  ];
}

function asksBlocks(a: AccountSnapshot): DocBlock[] {
  const asks = customerAsks(a);
  const blocks: DocBlock[] = [{ kind: 'heading', level: 1, text: '8. Asks' }];
  if (asks.length > 0) blocks.push({ kind: 'list', items: asks });
  blocks.push({
    kind: 'placeholder',
    text: 'What they ask of us: write down their requests during the meeting, each with an owner.',
  });
  return blocks;
}

function nextStepsBlocks(a: AccountSnapshot, ctx: QbrContext): DocBlock[] {
  const cadence = a.cadence && a.cadence.qbr !== 'None' ? a.cadence.qbr.toLowerCase() : undefined;
  return [
    { kind: 'heading', level: 1, text: '9. Next steps' },
    {
      kind: 'table',
      rows: [
        ['Action', 'Owner', 'Due'],
        ...actionRows(ctx.actions.filter((item) => !item.internal)),
      ],
    },
    { kind: 'heading', level: 1, text: '10. Next QBR' },
    {
      kind: 'paragraph',
      text: `${longDay(ctx.nextQbr)}${cadence ? ` (${cadence})` : ''}.`,
      style: { bold: true },
    },
  ];
}

/** The customer's QBR. Throws an Error with a clear message on a bad request. */
export function buildQbr(a: AccountSnapshot, options: QbrOptions, content: Content): DocContent {
  const ctx = qbrContext(a, options, content);
  const blocks: DocBlock[] = [
    ...openingBlocks(a, ctx, options),
    ...summaryBlocks(a, ctx),
    ...valueBlocks(a),
    ...roiBlocks(a),
    ...usageBlocks(a),
    ...supportBlocks(a),
    ...roadmapBlocks(a),
    ...objectivesBlocks(ctx),
    ...asksBlocks(a),
    ...nextStepsBlocks(a, ctx),
  ];
  return { name: qbrDocumentName(a.name, ctx.label), blocks: blocks.map(normalizeBlock) };
}
