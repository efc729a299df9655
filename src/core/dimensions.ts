/**
 * Health dimensions, and how each is computed from raw signals (its recipe).
 */
import * as r from './rubrics';
import type { Rubric, RubricInput } from './rubrics';
import type { SignalId } from './signals';
import { normalizeKey } from './text';

export const DIMENSION_LABELS = {
  productUsage: 'Product usage',
  engagement: 'Engagement',
  support: 'Support',
  outcomes: 'Outcomes',
  relationship: 'Relationship',
  financial: 'Financial',
  sentiment: 'Sentiment',
  featureBreadth: 'Feature breadth',
  executiveEngagement: 'Executive engagement',
  satisfaction: 'Satisfaction',
  growth: 'Growth',
  payment: 'Payment',
} as const;

export type DimensionId = keyof typeof DIMENSION_LABELS;

export const DIMENSION_IDS = Object.keys(DIMENSION_LABELS) as DimensionId[];

const BY_KEY = new Map<string, DimensionId>();
for (const id of DIMENSION_IDS) BY_KEY.set(normalizeKey(DIMENSION_LABELS[id]), id);

/**
 * The dimension whose sub-score a header column holds: the dimension's name, optionally
 * followed by "score" ("Engagement", "Engagement score", "engagement_score").
 */
export function dimensionForHeader(header: string): DimensionId | undefined {
  const key = normalizeKey(header);
  return BY_KEY.get(key) ?? (key.endsWith('score') ? BY_KEY.get(key.slice(0, -5)) : undefined);
}

/** One rubric and the signals it reads. */
export interface RecipeStep {
  readonly rubric: Rubric;
  readonly signals: readonly SignalId[];
}

/** A dimension's sub-score is the mean of its rubrics that have data. */
export type Recipe = readonly RecipeStep[];

export function scoreRecipe(recipe: Recipe, input: RubricInput): number | undefined {
  let sum = 0;
  let count = 0;
  for (const step of recipe) {
    const score = step.rubric(input);
    if (score !== undefined) {
      sum += score;
      count++;
    }
  }
  return count === 0 ? undefined : sum / count;
}

function step(rubric: Rubric, ...signals: SignalId[]): RecipeStep {
  return { rubric, signals };
}

export const STEPS = {
  dauMauEngine: step(r.dauMauEngine, 'dauMau'),
  dauMauOffice: step(r.dauMauOffice, 'dauMau'),
  seatsPlaybook: step(r.seatsPlaybook, 'seatsActive', 'seatsLicensed'),
  featuresOffice: step(r.featuresOffice, 'featuresUsed', 'featuresAvailable', 'featureAdoption'),
  usageTrendEngine: step(r.usageTrendEngine, 'usageChange', 'usageTrend'),
  loginTrendEngine: step(r.loginTrendEngine, 'loginTrend'),
  lastLogin: step(r.lastLogin, 'lastLogin'),
  lastContact: step(r.lastContact, 'lastCsmContact'),
  meetings: step(r.meetings, 'meetings90'),
  missedMeetings: step(r.missedMeetings, 'missedMeetings'),
  training: step(r.training, 'trainingCompletion'),
  community: step(r.community, 'communityActive'),
  relationshipEngine: step(
    r.relationshipEngine,
    'champion',
    'championStatus',
    'executiveSponsor',
    'contacts',
  ),
  relationshipPillar: step(
    r.relationshipPillar,
    'champion',
    'championStatus',
    'executiveSponsor',
    'contacts',
  ),
  npsOffice: step(r.npsOffice, 'nps'),
  sponsorOffice: step(r.sponsorOffice, 'executiveSponsor'),
  csmEngagementOffice: step(r.csmEngagementOffice, 'meetings90', 'missedMeetings'),
  competitorPillar: step(r.competitorPillar, 'competitorMentioned'),
  outcomesEngine: step(r.outcomesEngine, 'goalsDefined', 'goalsAchieved', 'roiDocumented'),
  financialEngine: step(r.financialEngine, 'paymentStatus', 'arrTrend'),
  paymentOffice: step(r.paymentOffice, 'paymentStatus'),
  growthOffice: step(r.growthOffice, 'arrTrend'),
  tickets: step(r.tickets, 'tickets30'),
  ticketTrend: step(r.ticketTrend, 'ticketTrend'),
  csat: step(r.csat, 'csat'),
  criticalTickets: step(r.criticalTickets, 'openCriticalTickets'),
  escalations: step(r.escalations, 'escalations'),
  complaint: step(r.complaint, 'formalComplaint'),
  sponsorPresent: step(r.sponsorPresent, 'executiveSponsor'),
} as const;

const s = STEPS;

/**
 * The default recipe of every dimension: what a custom model (a weights range) scores with.
 * The first five are the Customer Success Engine's; Support follows the bilingual and the
 * five-pillar playbooks, Sentiment the office skill, and the seven-signal dimensions the
 * afrexai playbook (docs/scoring.md).
 */
export const DEFAULT_RECIPES: Readonly<Record<DimensionId, Recipe>> = {
  productUsage: [s.dauMauEngine, s.featuresOffice, s.seatsPlaybook, s.usageTrendEngine],
  engagement: [s.loginTrendEngine, s.lastLogin, s.lastContact, s.meetings, s.community, s.training],
  relationship: [s.relationshipEngine],
  outcomes: [s.outcomesEngine],
  financial: [s.financialEngine],
  support: [s.tickets, s.ticketTrend, s.csat, s.criticalTickets, s.escalations],
  sentiment: [s.ticketTrend, s.csat, s.complaint],
  featureBreadth: [s.featuresOffice],
  executiveEngagement: [s.meetings, s.sponsorPresent],
  satisfaction: [s.npsOffice, s.csat],
  growth: [s.growthOffice, s.usageTrendEngine],
  payment: [s.paymentOffice],
};
