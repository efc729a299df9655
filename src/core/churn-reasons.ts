/**
 * The churn-reason categories of a free-text Churn reason, one rule for every feature: the
 * Dashboard's monthly review counts them, the sidebar picks the save play from them. The
 * categories and their order follow the churn taxonomy of the CS playbooks (product, value,
 * relationship, financial, competition, strategic); the first category whose word appears in
 * the text wins, so "Switched to a competitor over price" is competition.
 */
import type { ChurnReason } from './content-types';
import { normalizeKey } from './text';

/** Word stems by category, matched in the text's normalizeKey form (no spaces or case). */
const REASON_WORDS: readonly (readonly [ChurnReason, readonly string[]])[] = [
  ['competition', ['compet', 'switch', 'inhouse', 'rival', 'alternative']],
  [
    'relationship',
    [
      'champion',
      'relationship',
      'trust',
      'experience',
      'support',
      'service',
      'csm',
      'contact',
      'sponsor',
    ],
  ],
  [
    'financial',
    [
      'pric',
      'budget',
      'cost',
      'expens',
      'financ',
      'funding',
      'bankrupt',
      'merger',
      'acqui',
      'money',
    ],
  ],
  ['value', ['value', 'roi', 'usecase', 'oversold', 'adoption', 'notusing', 'unused', 'usage']],
  ['product', ['product', 'feature', 'bug', 'ux', 'performance', 'slow', 'integration', 'reliab']],
  [
    'strategic',
    ['strateg', 'pivot', 'shut', 'deprioriti', 'priorit', 'reorg', 'closed', 'division'],
  ],
];

/** The category of the book's free-text Churn reason, when its words tell. */
export function classifyChurnReason(text: string | undefined): ChurnReason | undefined {
  if (!text) return undefined;
  const key = normalizeKey(text);
  for (const [reason, words] of REASON_WORDS) {
    if (words.some((word) => key.includes(word))) return reason;
  }
  return undefined;
}

export const CHURN_REASON_LABELS: Readonly<Record<ChurnReason, string>> = {
  competition: 'Competition',
  relationship: 'Relationship',
  financial: 'Financial',
  value: 'Value',
  product: 'Product',
  strategic: 'Strategic',
};

/** The category's label for a reason ("Competition"), or "Other" when no word tells. */
export function churnCategory(text: string): string {
  const reason = classifyChurnReason(text);
  return reason ? CHURN_REASON_LABELS[reason] : 'Other';
}
