/**
 * Generated books whose true churn process is known: each account's dimension sub-scores are
 * drawn uniformly 0-100 and it renews with probability logistic(intercept + slope * sum_j
 * w_j x_j / 100), the true weights w summing to 1. The sub-scores sit in dimension-score
 * columns ("Product usage", "Engagement", ...) so HEALTHSCORE reads them directly.
 */
import { seededRandom } from '../src/core/random';

export const DIMENSIONS = ['Product usage', 'Engagement', 'Relationship', 'Outcomes', 'Financial'];

/** The true weights, in the order of DIMENSIONS: Product usage > Financial > Engagement > ... */
export const TRUE_WEIGHTS = [0.4, 0.2, 0.05, 0.1, 0.25];

export interface RenewalBook {
  readonly headers: string[];
  /** Account, then one sub-score column per dimension. */
  readonly rows: (string | number)[][];
  /** 1 = renewed, 0 = churned. */
  readonly outcomes: number[];
  /** The true linear predictor of each account (higher = more likely to renew). */
  readonly truth: number[];
  /** The sub-scores alone, one array per account. */
  readonly subScores: number[][];
}

export function renewalBook(
  accounts: number,
  seed: number,
  { slope = 12, intercept = 0.9, weights = TRUE_WEIGHTS } = {},
): RenewalBook {
  const random = seededRandom(seed);
  const rows: (string | number)[][] = [];
  const outcomes: number[] = [];
  const truth: number[] = [];
  const subScores: number[][] = [];
  for (let i = 0; i < accounts; i++) {
    const scores = DIMENSIONS.map(() => Math.round(100 * random()));
    const linear = scores.reduce((sum, score, j) => sum + (weights[j] as number) * score, 0) / 100;
    const eta = intercept + slope * (linear - 0.5);
    outcomes.push(random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
    truth.push(eta);
    subScores.push(scores);
    rows.push([`Account ${i + 1}`, ...scores]);
  }
  return { headers: ['Account', ...DIMENSIONS], rows, outcomes, truth, subScores };
}
