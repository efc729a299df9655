/**
 * The shape of CS Engine's static content: playbook texts, agendas and checklists that only
 * the sidebar and the QBR and plan documents use. The data lives in src/content/ and is built
 * into dist/Content.html, not into dist/Code.js: Apps Script parses and evaluates the whole
 * script project before every custom-function call, so prose that no formula needs would be
 * paid on every recalculation. Core functions that need it receive it as an argument.
 */
import type { Segment } from './segments';

export interface Play {
  readonly title: string;
  /** The published playbooks it comes from, by name (src/core/playbook-sources.ts). */
  readonly source: string;
  /** The deadline the play must meet, when the playbook gives one. */
  readonly sla?: string;
  readonly steps: readonly string[];
}

export interface PlaybookSection {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly plays: readonly Play[];
}

type TierPlaybookId = 'thriving' | 'healthy' | 'at-risk' | 'critical';

export interface TierPlaybook extends Play {
  readonly id: TierPlaybookId;
  /** The lowest score of the band (the Customer Success Engine's 80 / 60 / 40 / 0). */
  readonly min: number;
  /** The afrexai playbook's churn-prevention tier (1-3); undefined (not in the JSON) above 79. */
  readonly churnTier: 1 | 2 | 3 | undefined;
}

export type ChurnReason =
  'product' | 'value' | 'relationship' | 'financial' | 'competition' | 'strategic';

export interface SavePlay extends Play {
  readonly reason: ChurnReason;
  readonly examples: readonly string[];
  readonly preventable: string;
  /** The office skill's save offers for this reason. */
  readonly offers: readonly string[];
}

export type AgendaId = 'qbr-45' | 'qbr-60';

interface AgendaItem {
  readonly minutes: string;
  readonly title: string;
  readonly owner: string;
  readonly detail: string;
}

export interface Agenda {
  readonly id: AgendaId;
  readonly title: string;
  readonly source: string;
  readonly items: readonly AgendaItem[];
}

/** The ids of the Playbooks tab's sections, in order. */
export type PlaybookSectionId =
  | 'tiers'
  | 'churn-tiers'
  | 'save'
  | 'expansion'
  | 'onboarding'
  | 'success-plan'
  | 'renewal'
  | 'win-back'
  | 'voc'
  | 'qbr';

export interface PlaybookContent {
  /** Title and summary of each section of the Playbooks tab. */
  readonly sections: Readonly<
    Record<PlaybookSectionId, { readonly title: string; readonly summary: string }>
  >;
  readonly tierPlaybooks: readonly TierPlaybook[];
  readonly churnTiers: readonly Play[];
  readonly savePlays: readonly SavePlay[];
  readonly savePlanSteps: readonly string[];
  readonly expansionPlays: readonly Play[];
  readonly expansionSignals: readonly string[];
  readonly expansionConversation: readonly string[];
  /** The first moment of value for each segment (Customer Success Engine). */
  readonly aha: Readonly<Record<Segment, string>>;
  /** How onboarding is delivered for each segment (afrexai playbook, Customer Success Engine). */
  readonly coverage: Readonly<Record<Segment, string>>;
  readonly onboardingMilestones: readonly Play[];
  readonly onboardingRisks: readonly Play[];
  readonly successPlanParts: readonly Play[];
  readonly npsFollowUp: readonly Play[];
  readonly vocCollection: readonly string[];
  readonly cab: Play;
  readonly agendas: Readonly<Record<AgendaId, Agenda>>;
  readonly qbrPrepChecklist: readonly string[];
}

/** Everything in dist/Content.html. */
export interface Content {
  readonly playbooks: PlaybookContent;
}
