/**
 * Retention arithmetic: NRR, GRR, logo retention, as finance computes them.
 *
 * Cohort form: the cohort is the accounts that were paying at the start (start > 0); new
 * logos (start blank or 0) are excluded. GRR caps each account at its start, so one
 * account's expansion never hides another's contraction.
 */

export interface CohortTotals {
  readonly accounts: number;
  readonly retainedAccounts: number;
  readonly start: number;
  readonly end: number;
  /** Sum of min(start, end) over the cohort. */
  readonly endCapped: number;
}

export function cohortTotals(pairs: readonly (readonly [number, number])[]): CohortTotals {
  let accounts = 0;
  let retainedAccounts = 0;
  let start = 0;
  let end = 0;
  let endCapped = 0;
  for (const [startArr, endArr] of pairs) {
    if (!(startArr > 0)) continue;
    accounts++;
    if (endArr > 0) retainedAccounts++;
    start += startArr;
    end += endArr;
    endCapped += Math.min(startArr, endArr);
  }
  return { accounts, retainedAccounts, start, end, endCapped };
}

export const nrrOfCohort = (totals: CohortTotals): number => totals.end / totals.start;
export const grrOfCohort = (totals: CohortTotals): number => totals.endCapped / totals.start;
export const logoRetentionOfCohort = (totals: CohortTotals): number =>
  totals.retainedAccounts / totals.accounts;

export interface Movements {
  readonly start: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churn: number;
}

/** (start + expansion - contraction - churn) / start. */
export function nrrOfMovements({ start, expansion, contraction, churn }: Movements): number {
  return (start + expansion - contraction - churn) / start;
}

/** (start - contraction - churn) / start, at most 1. */
export function grrOfMovements({ start, contraction, churn }: Movements): number {
  return Math.min(1, (start - contraction - churn) / start);
}

export type Segment = 'Enterprise' | 'Mid-Market' | 'SMB' | 'Self-Serve';

/**
 * The afrexai playbook's capacity model: Enterprise $100K+, Mid-Market $25-100K, SMB $5-25K, below.
 */
export function segmentOf(arr: number): Segment {
  if (arr >= 100_000) return 'Enterprise';
  if (arr >= 25_000) return 'Mid-Market';
  if (arr >= 5_000) return 'SMB';
  return 'Self-Serve';
}
