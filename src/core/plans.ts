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
import { formatMultiple } from './roi';
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

function header(
  a: AccountSnapshot,
  kind: PlanKind,
  today: DayNumber,
  preparedBy: string,
): DocBlock[] {
  const facts = [
    a.score === undefined ? 'not scored' : `health ${a.score}/100`,
    a.tier?.label,
    a.segment,
  ].filter(Boolean);
  return [
    { kind: 'title', text: `${PLAN_TITLES[kind]}: ${a.name}` },
    {
      kind: 'paragraph',
      text: `${facts.join(' · ')} · prepared ${longDay(today)} by ${preparedBy}`,
      style: { italic: true, color: '#5f6368' },
    },
  ];
}

function table(rows: string[][]): DocBlock {
  return { kind: 'table', rows: rectangular(rows) };
}

function savePlan(
  a: AccountSnapshot,
  today: DayNumber,
  preparedBy: string,
  content: Content,
): DocBlock[] {
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
    {
      kind: 'placeholder',
      text: 'Who on their side wants to make this work, and what did their executive say? Date of the executive conversation.',
    },
    { kind: 'heading', level: 1, text: `3. ${steps[2]}` },
  );
  const firstDue = a.score !== undefined && a.score < 40 ? 1 : 2;
  const remediation: string[][] = [['Action', 'Owner', 'Due']];
  (playbook?.steps ?? []).slice(0, 3).forEach((step, i) => {
    remediation.push([
      step,
      i === 0 ? preparedBy : 'CSM manager',
      isoDay(today + firstDue + i * 2),
    ]);
  });
  play.steps.forEach((step, i) => remediation.push([step, preparedBy, isoDay(today + 7 + i * 7)]));
  blocks.push(table(remediation), {
    kind: 'heading',
    level: 3,
    text: 'Offers to have ready',
  });
  blocks.push({ kind: 'list', items: [...play.offers] });
  blocks.push({
    kind: 'paragraph',
    text: 'Never give a discount without something in return: a longer term, a case study or a referral.',
    style: { italic: true },
  });
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
  return blocks;
}

function successPlan(a: AccountSnapshot, today: DayNumber): DocBlock[] {
  const v = a.values;
  const start = v.contractStart ?? today;
  const ttfv = Math.max(1, Math.ceil(a.ttfv?.days ?? 30));
  const present = (flag: boolean | undefined) =>
    flag === undefined ? 'Not in the book' : flag ? 'Identified' : 'Missing: find one';
  const goals = Math.max(3, v.goalsDefined ?? 0);
  const objectives: string[][] = [['Objective', 'Metric', 'Baseline', 'Target', 'By when']];
  for (let i = 0; i < goals; i++) {
    const met = v.goalsAchieved !== undefined && i < v.goalsAchieved;
    objectives.push([`Goal ${i + 1}${met ? ' (achieved)' : ''}`, '', '', '', isoDay(today + 90)]);
  }
  const risks = a.findings
    .filter((f) => f.severity !== 'expansion')
    .map((f) => [f.reason, '', 'CSM']);
  const seats = seatUtilization(v);
  return [
    { kind: 'heading', level: 1, text: 'Stakeholders' },
    table([
      ['Role', 'Status in the book', 'Name and title'],
      [
        'Champion',
        v.championStatus === 'left' ? 'Left: replace within 48 hours' : present(v.champion),
        '',
      ],
      ['Executive sponsor', present(v.executiveSponsor), ''],
      ['Technical lead', 'Not in the book', ''],
    ]),
    { kind: 'heading', level: 1, text: 'Business objectives' },
    table(objectives),
    {
      kind: 'placeholder',
      text: 'Write each objective with the customer: how it is measured, where it stands today, the target and the date.',
    },
    { kind: 'heading', level: 1, text: 'Use cases' },
    {
      kind: 'placeholder',
      text: 'Each use case with its status (not started, in progress, live, optimising) and its go-live date.',
    },
    { kind: 'heading', level: 1, text: 'Milestones' },
    table([
      ['Milestone', 'Target date', 'Status'],
      ['Technical setup complete', isoDay(start + 7), ''],
      [`First value delivered (TTFV ${a.ttfv?.label ?? '30 days'})`, isoDay(start + ttfv), ''],
      [
        'Full adoption',
        isoDay(start + 90),
        seats === undefined ? '' : `${Math.round(seats * 100)}% of seats active`,
      ],
    ]),
    { kind: 'heading', level: 1, text: 'Risks' },
    risks.length > 0
      ? table([['Risk', 'Mitigation', 'Owner'], ...risks])
      : { kind: 'paragraph', text: 'No early warning fired today.' },
    { kind: 'heading', level: 1, text: 'Next review' },
    { kind: 'paragraph', text: `${longDay(today + 91)}, at the next QBR.`, style: { bold: true } },
  ];
}

function onboarding(a: AccountSnapshot, today: DayNumber, content: Content): DocBlock[] {
  const segment = a.segment ?? 'Mid-Market';
  const plan = onboardingPlan(content.playbooks, segment);
  const start = a.values.contractStart ?? today;
  const ends = [7, 21, 42, 84];
  const blocks: DocBlock[] = [
    {
      kind: 'paragraph',
      text: `${segment}${a.segment ? '' : ' (assumed: the book has no Segment or ARR)'}: first value when ${plan.ahaMoment}, within ${a.ttfv?.label ?? '14 days'}. ${plan.coverage}.`,
    },
  ];
  plan.milestones.forEach((milestone, i) => {
    blocks.push(
      {
        kind: 'heading',
        level: 2,
        text: `${milestone.title} (by ${isoDay(start + (ends[i] ?? 90))})`,
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
  today: DayNumber,
  preparedBy: string,
  content: Content,
): DocContent {
  const body =
    kind === 'save-plan'
      ? savePlan(a, today, preparedBy, content)
      : kind === 'success-plan'
        ? successPlan(a, today)
        : onboarding(a, today, content);
  if (a.roi.ok && kind !== 'onboarding-plan') {
    body.push({ kind: 'paragraph', text: `Documented ROI: ${formatMultiple(a.roi.multiple)}.` });
  }
  return {
    name: planDocumentName(kind, a.name, today),
    blocks: [...header(a, kind, today, preparedBy), ...body],
  };
}
