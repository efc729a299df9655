/**
 * The playbooks made specific to one account, and the documents a CSM hands on: the save plan
 * (the bilingual Customer Success Playbook's five parts, with the Customer Success Engine's
 * plays and the office skill's offers), the success plan (Customer Success Engine) and the
 * onboarding plan (Customer Success Engine, bilingual playbook, office skill). The documents
 * name no sources. Pure: today and the playbooks' texts (content, see content-types.ts) are
 * arguments.
 */
import { AT_RISK_BELOW, type AccountSnapshot, driversText } from './snapshot';
import { NAME_LENGTH, describeCell } from './cells';
import { SEVERITY_LABELS } from './alerts/rules';
import { type DayNumber, isoDay } from './dates';
import type { DocBlock, DocContent } from './doc-model';
import { rectangular } from './doc-model';
import type { WinBackStage } from './lifecycle';
import type { ChurnReason, Content, Play, SavePlay, TierPlaybook } from './content-types';
import {
  type CabCheck,
  cabCheck,
  npsFollowUpFor,
  onboardingPlan,
  savePlayFor,
  tierPlaybookFor,
} from './playbooks';
import { longDay } from './quarters';
import { classifyChurnReason } from './churn-reasons';
import { formatMultiple, roiIsWin, roiReview } from './roi';
import type { AccountPeople } from './people';
import { goalCount, goalsLeftOut } from './goals';
import { featureAdoption, seatUtilization } from './rubrics';

export interface AccountGuidance {
  readonly playbook: TierPlaybook | undefined;
  /** What this account's data says to focus on, most urgent first. */
  readonly focus: readonly string[];
  /** Why the save play was chosen: the Churn reason column, or the signals. */
  readonly saveReason: { readonly reason: ChurnReason; readonly why: string } | undefined;
  readonly savePlay: SavePlay | undefined;
  readonly npsFollowUp: Play | undefined;
  readonly winBack: WinBackStage | undefined;
  readonly cab: CabCheck;
}

/** The likely churn reason: the book's Churn reason when it says, else the strongest signal. */
function likelyChurnReason(a: AccountSnapshot): { reason: ChurnReason; why: string } | undefined {
  const v = a.values;
  const typed = classifyChurnReason(v.churnReason);
  if (typed) return { reason: typed, why: `Churn reason: ${v.churnReason}` };
  if (v.competitorMentioned) return { reason: 'competition', why: 'a competitor was mentioned' };
  if (v.championStatus === 'left') return { reason: 'relationship', why: 'the champion left' };
  if (v.paymentStatus === 'late' || v.paymentStatus === 'delinquent') {
    return { reason: 'financial', why: `payments are ${v.paymentStatus}` };
  }
  const worst = a.drivers[0];
  if (!worst || worst.pointsLost < 5) return undefined;
  const dimension = a.dimensions.find((d) => d.label === worst.label)?.id;
  if (dimension === 'support' || dimension === 'sentiment') {
    return {
      reason: 'product',
      why: `${worst.label} costs ${Math.round(worst.pointsLost)} points`,
    };
  }
  if (dimension === 'relationship' || dimension === 'executiveEngagement') {
    return {
      reason: 'relationship',
      why: `${worst.label} costs ${Math.round(worst.pointsLost)} points`,
    };
  }
  if (dimension === 'financial' || dimension === 'payment') {
    return {
      reason: 'financial',
      why: `${worst.label} costs ${Math.round(worst.pointsLost)} points`,
    };
  }
  return { reason: 'value', why: `${worst.label} costs ${Math.round(worst.pointsLost)} points` };
}

/**
 * A churned account gets no tier playbook, save play or renewal step: it is in the win-back
 * sequence, and what to focus on is winning it back.
 */
function churnedGuidance(a: AccountSnapshot): AccountGuidance {
  const { lifecycle } = a;
  const focus: string[] = [];
  if (lifecycle.winBack) {
    focus.push(
      `Win-back (${lifecycle.winBack.stage} since churn): ${lifecycle.winBack.approach}; expected success ${lifecycle.winBack.successRate}`,
    );
  } else {
    focus.push('Add the Churn date to place the account in the win-back sequence');
  }
  if (lifecycle.churnReason) {
    focus.push(
      `Address the churn reason: ${lifecycle.churnReason}${lifecycle.churnCategory ? ` (${lifecycle.churnCategory})` : ''}`,
    );
  }
  return {
    playbook: undefined,
    focus,
    saveReason: undefined,
    savePlay: undefined,
    npsFollowUp: undefined,
    winBack: lifecycle.winBack,
    cab: { eligible: false, reasons: ['✗ the account has churned'] },
  };
}

export function accountGuidance(a: AccountSnapshot, content: Content): AccountGuidance {
  if (a.lifecycle.status === 'churned') return churnedGuidance(a);
  const v = a.values;
  const playbooks = content.playbooks;
  const playbook = a.score === undefined ? undefined : tierPlaybookFor(playbooks, a.score);
  const focus: string[] = [];
  for (const finding of a.findings) {
    if (finding.severity !== 'expansion') {
      focus.push(`${SEVERITY_LABELS[finding.severity]}: ${finding.reason}`);
    }
  }
  const worst = a.drivers[0];
  if (worst && worst.pointsLost >= 5) {
    focus.push(
      `Biggest gap: ${worst.label} at ${Math.round(worst.score)}/100 costs ${Math.round(worst.pointsLost)} points`,
    );
  }
  if (a.renewal?.step && !a.renewal.overdue) {
    focus.push(
      `Renewal in ${a.renewal.daysToRenewal} days: ${a.renewal.step.title}. ${a.renewal.step.action}`,
    );
  }
  if (!a.roi.ok) focus.push(`No quantified ROI yet (${a.roi.missing.join(', ')})`);
  const adoption = featureAdoption(v);
  if (adoption !== undefined && adoption < 0.5) {
    focus.push(
      `Feature adoption ${Math.round(adoption * 100)}%: start the adoption nudge sequence`,
    );
  }
  if (a.gate.open)
    focus.push('The expansion gate is open: qualify an expansion with the account executive');

  const atRisk = a.score !== undefined && a.score < AT_RISK_BELOW;
  const saveReason = atRisk || v.churnReason ? likelyChurnReason(a) : undefined;
  const daysAsCustomer = v.contractStart === undefined ? undefined : a.today - v.contractStart;
  return {
    playbook,
    focus,
    saveReason,
    savePlay: saveReason ? savePlayFor(playbooks, saveReason.reason) : undefined,
    npsFollowUp: v.nps === undefined ? undefined : npsFollowUpFor(playbooks, v.nps),
    winBack: undefined,
    cab: cabCheck(a.score, daysAsCustomer),
  };
}

export type PlanKind = 'save-plan' | 'success-plan' | 'onboarding-plan';

export const PLAN_TITLES: Readonly<Record<PlanKind, string>> = {
  'save-plan': 'Save plan',
  'success-plan': 'Success plan',
  'onboarding-plan': 'Onboarding plan',
};

function planDocumentName(kind: PlanKind, account: string, today: DayNumber): string {
  return `${PLAN_TITLES[kind]} - ${describeCell(account, NAME_LENGTH)} - ${isoDay(today)}`;
}

/** Who writes the plan and when, and the people the book names. */
export interface PlanOptions {
  /** The spreadsheet's today: no date in a plan is before it. */
  readonly today: DayNumber;
  /** Who prepares it: the CSM column, else the user. */
  readonly preparedBy: string;
  readonly people?: AccountPeople;
}

/**
 * A plan's date: the day itself when it is today or later, "overdue since" when it has
 * passed. A plan never shows a past date as if it were still ahead.
 */
export function planDate(due: DayNumber, today: DayNumber): string {
  return due < today ? `overdue since ${isoDay(due)}` : isoDay(due);
}

/**
 * The deadline a step's own words give, in days from today: "today" or "the same day" 0,
 * "within 24 hours" 1, "within 48 hours" 2, "within 10 days" 10, "within a week" 7;
 * undefined when the words give none.
 */
export function daysFromWording(step: string): number | undefined {
  const text = step.toLowerCase();
  if (/\btoday\b|\bthe same day\b/.test(text)) return 0;
  const hours = /\bwithin (\d{1,4}) hours?\b/.exec(text);
  if (hours) return Math.max(1, Math.ceil(Number(hours[1]) / 24));
  const days = /\bwithin (\d{1,4}) days?\b/.exec(text);
  if (days) return Number(days[1]);
  if (/\bwithin (a|one) week\b/.test(text)) return 7;
  return undefined;
}

/**
 * The save plan is the CSM's own: it shows the score and tier. The success and onboarding
 * plans are often shared with the customer: they show neither.
 */
function header(a: AccountSnapshot, kind: PlanKind, options: PlanOptions): DocBlock[] {
  const facts = [
    kind === 'save-plan' ? (a.score === undefined ? 'not scored' : `health ${a.score}/100`) : '',
    kind === 'save-plan' ? a.tier?.label : '',
    a.segment,
  ].filter(Boolean);
  return [
    { kind: 'title', text: `${PLAN_TITLES[kind]}: ${a.name}` },
    {
      kind: 'paragraph',
      text: `${[...facts, `prepared ${longDay(options.today)} by ${options.preparedBy}`].join(' · ')}`,
      style: { italic: true, color: '#5f6368' },
    },
  ];
}

function table(rows: string[][]): DocBlock {
  return { kind: 'table', rows: rectangular(rows) };
}

/** "Sam Fox", "Sam Fox (has left)", or undefined when the book names nobody. */
function championText(a: AccountSnapshot, people: AccountPeople | undefined): string | undefined {
  const name = people?.champion;
  if (!name) return undefined;
  return a.values.championStatus === 'left' ? `${name} (has left)` : name;
}

/** Who is who on the customer's side, as far as the book names them. */
function peopleLine(a: AccountSnapshot, people: AccountPeople | undefined): string {
  const champion = championText(a, people);
  const sponsor = people?.sponsor;
  if (!champion && !sponsor) {
    return 'The book names no champion or executive sponsor: find out who they are.';
  }
  return [
    `Champion: ${champion ?? 'not named in the book'}`,
    `executive sponsor: ${sponsor ?? 'not named in the book'}`,
  ].join('; ');
}

function savePlan(a: AccountSnapshot, options: PlanOptions, content: Content): DocBlock[] {
  const { today, preparedBy } = options;
  const guidance = accountGuidance(a, content);
  const playbook = guidance.playbook;
  const play = guidance.savePlay ?? savePlayFor(content.playbooks, 'value');
  const steps = content.playbooks.savePlanSteps;
  const blocks: DocBlock[] = [];
  if (playbook) {
    blocks.push({
      kind: 'paragraph',
      text: `${playbook.title}. When: ${playbook.sla ?? 'at the regular cadence'}.`,
      style: { bold: true, color: a.tier?.color },
    });
  }
  const causes = [...guidance.focus];
  const drivers = driversText(a);
  if (drivers) causes.push(`Score drivers: ${drivers}`);
  blocks.push(
    { kind: 'heading', level: 1, text: `1. ${steps[0]}` },
    causes.length > 0
      ? { kind: 'list', items: causes }
      : { kind: 'placeholder', text: 'Write down what pulled the score down.' },
    {
      kind: 'paragraph',
      text: guidance.saveReason
        ? `Likely reason: ${play.title.toLowerCase()} (${guidance.saveReason.why}); preventable: ${play.preventable}.`
        : 'No churn reason is recorded: confirm it with the customer.',
    },
    { kind: 'heading', level: 1, text: `2. ${steps[1]}` },
    { kind: 'paragraph', text: peopleLine(a, options.people) },
    {
      kind: 'placeholder',
      text: 'Who on their side wants to make this work, and what did their executive say? Date of the executive conversation.',
    },
    { kind: 'heading', level: 1, text: `3. ${steps[2]}` },
  );
  // A step's own deadline wins ("within 24 hours" is due tomorrow); the others follow at the
  // playbook's pace: the tier's first steps every two days, the save play's every week.
  const firstDue = a.score !== undefined && a.score < 40 ? 1 : 2;
  const remediation: { step: string; owner: string; due: DayNumber }[] = [];
  (playbook?.steps ?? []).slice(0, 3).forEach((step, i) => {
    remediation.push({
      step,
      owner: i === 0 ? preparedBy : 'CSM manager',
      due: today + (daysFromWording(step) ?? firstDue + i * 2),
    });
  });
  play.steps.forEach((step, i) =>
    remediation.push({
      step,
      owner: preparedBy,
      due: today + (daysFromWording(step) ?? 7 + i * 7),
    }),
  );
  // Earliest first; Array.prototype.sort is stable, so steps due the same day keep their order.
  remediation.sort((x, y) => x.due - y.due);
  blocks.push(
    table([
      ['Action', 'Owner', 'Due'],
      ...remediation.map((item) => [item.step, item.owner, planDate(item.due, today)]),
    ]),
    { kind: 'heading', level: 3, text: 'Offers to have ready' },
    { kind: 'list', items: [...play.offers] },
    {
      kind: 'paragraph',
      text: 'Never give a discount without something in return: a longer term, a case study or a referral.',
      style: { italic: true },
    },
  );
  const now = a.score ?? 0;
  blocks.push(
    { kind: 'heading', level: 1, text: `4. ${steps[3]}` },
    table([
      ['Checkpoint', 'Date', 'What "saved" looks like'],
      [
        '30 days',
        isoDay(today + 30),
        `Health at least ${Math.max(40, now + 10)}; the root cause has an agreed fix`,
      ],
      [
        '60 days',
        isoDay(today + 60),
        `Health at least ${Math.max(50, now + 15)}; usage back to its earlier level`,
      ],
      [
        '90 days',
        isoDay(today + 90),
        'Health 60 or more; a success plan goal achieved; the renewal path agreed',
      ],
    ]),
    { kind: 'heading', level: 1, text: `5. ${steps[4]}` },
    {
      kind: 'paragraph',
      text: `On ${longDay(today + 90)}: if the criteria are missed, plan a graceful offboarding and put the account on the win-back calendar.`,
    },
  );
  const review = roiReview(a.roi);
  if (a.roi.ok) {
    blocks.push({
      kind: 'paragraph',
      text: review ?? `Documented ROI: ${formatMultiple(a.roi.multiple)}.`,
      style: review ? { bold: true } : undefined,
    });
  }
  return blocks;
}

/** The onboarding milestones, in order: what the book shows each one reached by. */
type Milestone = 'setup' | 'first-value' | 'adoption' | 'outcome';

/**
 * How the book shows a milestone reached ("users are active"), or undefined when it does
 * not. Onboarding complete reaches them all.
 */
function milestoneReached(a: AccountSnapshot, milestone: Milestone): string | undefined {
  const v = a.values;
  if (v.onboardingComplete === true) return 'Onboarding complete';
  const seats = seatUtilization(v);
  switch (milestone) {
    case 'setup':
      return (v.seatsActive ?? 0) > 0 || v.lastLogin !== undefined ? 'Users are active' : undefined;
    case 'first-value':
      if (v.firstValueDate !== undefined && v.firstValueDate <= a.today) {
        return 'First value recorded';
      }
      return (goalCount(v).achieved ?? 0) > 0 ? 'A goal is achieved' : undefined;
    case 'adoption':
      return seats !== undefined && seats >= 0.8
        ? `${Math.round(seats * 100)}% of seats active`
        : undefined;
    case 'outcome':
      return (goalCount(v).achieved ?? 0) > 0 ? 'A goal is achieved' : undefined;
  }
}

/** A milestone's date as a plan shows it: done, due on a day to come, or overdue. */
function milestoneDate(
  a: AccountSnapshot,
  milestone: Milestone,
  due: DayNumber,
  today: DayNumber,
): string {
  return milestoneReached(a, milestone) ? 'Done' : planDate(due, today);
}

function successPlan(a: AccountSnapshot, options: PlanOptions): DocBlock[] {
  const { today, people } = options;
  const v = a.values;
  const start = v.contractStart ?? today;
  const ttfv = Math.max(1, Math.ceil(a.ttfv?.days ?? 30));
  const present = (flag: boolean | undefined) =>
    flag === undefined ? 'Not in the book' : flag ? 'Identified' : 'Missing: find one';
  // One row per goal the book defines, as the QBR counts them; three to start from when it
  // does not say.
  const count = goalCount(v);
  const goals = count.defined === undefined ? 3 : count.rows;
  const objectives: string[][] = [['Objective', 'Metric', 'Baseline', 'Target', 'By when']];
  for (let i = 0; i < goals; i++) {
    const met = i < (count.achieved ?? 0);
    objectives.push([`Goal ${i + 1}${met ? ' (achieved)' : ''}`, '', '', '', isoDay(today + 90)]);
  }
  const leftOut = goalsLeftOut(count);
  const risks = a.findings
    .filter((f) => f.severity !== 'expansion')
    .map((f) => [f.reason, '', people?.csm ?? options.preparedBy]);
  const seats = seatUtilization(v);
  const milestone = (title: string, which: Milestone, due: DayNumber, status = '') => [
    title,
    milestoneDate(a, which, due, today),
    milestoneReached(a, which) ?? status,
  ];
  return [
    { kind: 'heading', level: 1, text: 'Stakeholders' },
    table([
      ['Role', 'Status in the book', 'Name and title'],
      [
        'Champion',
        v.championStatus === 'left' ? 'Left: replace within 48 hours' : present(v.champion),
        v.championStatus === 'left' ? '' : (people?.champion ?? ''),
      ],
      ['Executive sponsor', present(v.executiveSponsor), people?.sponsor ?? ''],
      ['Technical lead', 'Not in the book', ''],
      ['CSM', people?.csm ? 'Identified' : 'Not in the book', people?.csm ?? options.preparedBy],
    ]),
    { kind: 'heading', level: 1, text: 'Business objectives' },
    table(objectives),
    ...(leftOut ? [{ kind: 'placeholder', text: leftOut } as const] : []),
    {
      kind: 'placeholder',
      text:
        count.defined === undefined
          ? 'The book does not say how many goals there are: three rows to start. Write each objective with the customer: how it is measured, where it stands today, the target and the date.'
          : count.defined === 0
            ? 'No goals are defined yet: agree 3 to 5 measurable goals with the customer.'
            : 'Write each objective with the customer: how it is measured, where it stands today, the target and the date.',
    },
    { kind: 'heading', level: 1, text: 'Use cases' },
    {
      kind: 'placeholder',
      text: 'Each use case with its status (not started, in progress, live, optimising) and its go-live date.',
    },
    { kind: 'heading', level: 1, text: 'Milestones' },
    table([
      ['Milestone', 'Target date', 'Status'],
      milestone('Technical setup complete', 'setup', start + 7),
      milestone(
        `First value delivered (TTFV ${a.ttfv?.label ?? '30 days'})`,
        'first-value',
        start + ttfv,
      ),
      milestone(
        'Full adoption',
        'adoption',
        start + 90,
        seats === undefined ? '' : `${Math.round(seats * 100)}% of seats active`,
      ),
    ]),
    { kind: 'heading', level: 1, text: 'Risks' },
    risks.length > 0
      ? table([['Risk', 'Mitigation', 'Owner'], ...risks])
      : { kind: 'paragraph', text: 'No early warning fired today.' },
    { kind: 'heading', level: 1, text: 'Next review' },
    { kind: 'paragraph', text: `${longDay(today + 91)}, at the next QBR.`, style: { bold: true } },
  ];
}

/** The onboarding milestones' ends, in days from the contract start, and what each reaches. */
const ONBOARDING_ENDS: readonly (readonly [number, Milestone])[] = [
  [7, 'setup'],
  [21, 'first-value'],
  [42, 'adoption'],
  [84, 'outcome'],
];

function onboarding(a: AccountSnapshot, options: PlanOptions, content: Content): DocBlock[] {
  const { today } = options;
  const segment = a.segment ?? 'Mid-Market';
  const plan = onboardingPlan(content.playbooks, segment);
  const start = a.values.contractStart ?? today;
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text: `${segment}${a.segment ? '' : ' (assumed: the book has no Segment or ARR)'}: first value when ${plan.ahaMoment}, within ${a.ttfv?.label ?? '14 days'}. ${plan.coverage}.`,
    },
  ];
  const lastEnd = ONBOARDING_ENDS[ONBOARDING_ENDS.length - 1]?.[0] ?? 84;
  const open = ONBOARDING_ENDS.some(([, which]) => !milestoneReached(a, which));
  if (start + lastEnd < today && open) {
    blocks.push({
      kind: 'paragraph',
      text: 'The onboarding window has passed: the milestones not reached are overdue.',
      style: { bold: true },
    });
  }
  plan.milestones.forEach((milestone, i) => {
    const [end, which] = ONBOARDING_ENDS[i] ?? [90, 'outcome'];
    const date = milestoneDate(a, which, start + end, today);
    blocks.push(
      {
        kind: 'heading',
        level: 2,
        text: `${milestone.title} (${date === 'Done' ? 'done' : date.startsWith('overdue') ? date : `by ${date}`})`,
      },
      { kind: 'list', items: milestone.steps.map((step) => `☐ ${step}`) },
    );
  });
  blocks.push(
    { kind: 'heading', level: 1, text: 'Risk signals to act on at once' },
    table([
      ['Signal', 'Severity', 'Response'],
      ...content.playbooks.onboardingRisks.map((risk) => [
        risk.title,
        risk.sla ?? '',
        risk.steps.join('; '),
      ]),
    ]),
  );
  return blocks;
}

export function buildPlan(
  kind: PlanKind,
  a: AccountSnapshot,
  options: PlanOptions,
  content: Content,
): DocContent {
  const body =
    kind === 'save-plan'
      ? savePlan(a, options, content)
      : kind === 'success-plan'
        ? successPlan(a, options)
        : onboarding(a, options, content);
  // The success plan is shared with the customer: an ROI below 1x is for the save plan and
  // the QBR's prep brief, not for it.
  if (kind === 'success-plan' && roiIsWin(a.roi) && a.roi.ok) {
    body.push({ kind: 'paragraph', text: `Documented ROI: ${formatMultiple(a.roi.multiple)}.` });
  }
  return {
    name: planDocumentName(kind, a.name, options.today),
    blocks: [...header(a, kind, options), ...body],
  };
}
