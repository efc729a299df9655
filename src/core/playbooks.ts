/**
 * Playbooks: choosing the play for an account, and the Playbooks tab's catalog. The texts are
 * content (src/content/playbooks.ts, built into dist/Content.html rather than the bundle that
 * every custom-function call parses), so each function here receives them as an argument.
 */
import type {
  ChurnReason,
  Play,
  PlaybookContent,
  PlaybookSection,
  PlaybookSectionId,
  SavePlay,
  TierPlaybook,
} from './content-types';
import { RENEWAL_STEPS, winBackStage } from './lifecycle';
import { SOURCES, sourceLine } from './playbook-sources';
import type { Segment } from './segments';
import { formatCount } from './text';

// ------------------------------------------------------------------ health tiers

/** The playbook for a 0-100 score (the Customer Success Engine's bands). */
export function tierPlaybookFor(content: PlaybookContent, score: number): TierPlaybook {
  const playbooks = content.tierPlaybooks;
  for (const playbook of playbooks) if (score >= playbook.min) return playbook;
  return playbooks[playbooks.length - 1] as TierPlaybook;
}

// ------------------------------------------------------------------ churn and saves

export function savePlayFor(content: PlaybookContent, reason: ChurnReason): SavePlay {
  return content.savePlays.find((play) => play.reason === reason) as SavePlay;
}

// ------------------------------------------------------------------ onboarding

export interface OnboardingPlan {
  readonly segment: Segment;
  /** The first moment of value for this segment (Customer Success Engine). */
  readonly ahaMoment: string;
  /** How onboarding is delivered for the segment (afrexai playbook, Customer Success Engine). */
  readonly coverage: string;
  readonly milestones: readonly Play[];
}

export function onboardingPlan(content: PlaybookContent, segment: Segment): OnboardingPlan {
  return {
    segment,
    ahaMoment: content.aha[segment],
    coverage: content.coverage[segment],
    milestones: content.onboardingMilestones,
  };
}

// ------------------------------------------------------------------ VoC and CAB

export function npsFollowUpFor(content: PlaybookContent, answer: number): Play | undefined {
  if (!(answer >= 0 && answer <= 10)) return undefined;
  return content.npsFollowUp[answer <= 6 ? 0 : answer <= 8 ? 1 : 2];
}

export interface CabCheck {
  readonly eligible: boolean;
  readonly reasons: readonly string[];
}

/** The Engine's CAB criteria the book can check: health above 70, a customer for 6+ months. */
export function cabCheck(score: number | undefined, daysAsCustomer: number | undefined): CabCheck {
  const reasons: string[] = [];
  let eligible = true;
  if (score === undefined) {
    eligible = false;
    reasons.push('✗ no health score');
  } else {
    reasons.push(`${score > 70 ? '✓' : '✗'} health ${score} (needs more than 70)`);
    if (score <= 70) eligible = false;
  }
  if (daysAsCustomer === undefined) {
    eligible = false;
    reasons.push('✗ contract start unknown (needs 6+ months as a customer)');
  } else {
    const months = Math.floor(daysAsCustomer / 30.44);
    const ok = daysAsCustomer >= 183;
    reasons.push(
      `${ok ? '✓' : '✗'} a customer for ${formatCount(months, 'month')} (needs more than 6)`,
    );
    if (!ok) eligible = false;
  }
  reasons.push('? candid feedback and a strategic segment: the CSM judges');
  return { eligible, reasons };
}

// ------------------------------------------------------------------ the catalog

function section(
  content: PlaybookContent,
  id: PlaybookSectionId,
  plays: readonly Play[],
): PlaybookSection {
  return { id, ...content.sections[id], plays };
}

function renewalPlays(): Play[] {
  return RENEWAL_STEPS.map((step) => ({
    title: `Day ${step.day}: ${step.title}`,
    source: SOURCES.engine,
    steps: [step.action],
  }));
}

function winBackPlays(): Play[] {
  const stages = [0, 31, 91, 181, 366].map((days) => winBackStage(days));
  return stages.flatMap((stage) =>
    stage
      ? [
          {
            title: `${stage.stage} since churn`,
            source: SOURCES.engine,
            sla: `Expected success: ${stage.successRate}`,
            steps: [stage.approach],
          },
        ]
      : [],
  );
}

/** Every playbook, for the sidebar's Playbooks tab. */
export function playbookCatalog(content: PlaybookContent): PlaybookSection[] {
  const c = content;
  return [
    section(c, 'tiers', c.tierPlaybooks),
    section(c, 'churn-tiers', c.churnTiers),
    section(c, 'save', [
      ...c.savePlays.map((play) => ({
        title: `${play.title} (preventable: ${play.preventable})`,
        source: play.source,
        sla: play.sla,
        steps: [
          `Examples: ${play.examples.join(', ')}`,
          ...play.steps,
          ...play.offers.map((offer) => `Offer: ${offer}`),
        ],
      })),
      { title: 'Save plan', source: SOURCES.bilingual, steps: c.savePlanSteps },
    ]),
    section(c, 'expansion', [
      ...c.expansionPlays,
      {
        title: 'Signals to watch',
        source: sourceLine(SOURCES.bilingual, SOURCES.engine, SOURCES.office),
        steps: c.expansionSignals,
      },
      { title: 'The conversation', source: SOURCES.bilingual, steps: c.expansionConversation },
    ]),
    section(c, 'onboarding', [
      ...(['Enterprise', 'Mid-Market', 'SMB', 'Self-Serve'] as Segment[]).map((segment) => ({
        title: segment,
        source: sourceLine(SOURCES.engine, SOURCES.afrexai),
        steps: [`First value: ${c.aha[segment]}`, c.coverage[segment]],
      })),
      ...c.onboardingMilestones,
      ...c.onboardingRisks.map((risk) => ({ ...risk, title: `Risk: ${risk.title}` })),
    ]),
    section(c, 'success-plan', c.successPlanParts),
    section(c, 'renewal', renewalPlays()),
    section(c, 'win-back', winBackPlays()),
    section(c, 'voc', [
      ...c.npsFollowUp,
      { title: 'Where feedback comes from', source: SOURCES.engine, steps: c.vocCollection },
      c.cab,
    ]),
    section(c, 'qbr', [
      ...Object.values(c.agendas).map((agenda) => ({
        title: agenda.title,
        source: agenda.source,
        steps: agenda.items.map(
          (item) => `${item.minutes} min: ${item.title} (${item.owner}). ${item.detail}`,
        ),
      })),
      {
        title: 'Preparation checklist',
        source: sourceLine(SOURCES.engine, SOURCES.bilingual),
        steps: c.qbrPrepChecklist,
      },
    ]),
  ];
}
