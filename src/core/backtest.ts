/**
 * Backtesting a health score against renewal outcomes (the bilingual playbook's "Build a feedback
 * loop": compare the score some 90 days before renewal with what happened, and tune the model until
 * it predicts churn well).
 *
 * Outcomes are coded 1 = renewed, 0 = churned throughout. The score is expected to be higher
 * for accounts that renew, so "a score below the threshold" is the churn prediction.
 */
import { type CellValue, Invalid, invalid, isBlank, parseNumberText } from './cells';
import { ArgumentError, type HealthModel, type Tier, defaultModel } from './models';
import { formatCount, normalizeKey } from './text';

/** 1 = renewed, 0 = churned. */
export type Outcome = 0 | 1;

const RENEWED_WORDS = [
  'renewed',
  'renew',
  'renewal',
  'retained',
  'retain',
  'kept',
  'won',
  'active',
  'expanded',
  'yes',
  'y',
  'true',
  '1',
];
const CHURNED_WORDS = [
  'churned',
  'churn',
  'lost',
  'cancelled',
  'canceled',
  'cancel',
  'terminated',
  'notrenewed',
  'didnotrenew',
  'nonrenewal',
  'left',
  'no',
  'n',
  'false',
  '0',
];
const OUTCOME_BY_KEY = new Map<string, Outcome>([
  ...RENEWED_WORDS.map((word): [string, Outcome] => [word, 1]),
  ...CHURNED_WORDS.map((word): [string, Outcome] => [word, 0]),
]);

/** An outcome cell: 1 / renewed / retained / yes / TRUE, or 0 / churned / lost / cancelled / no / FALSE. */
export function readOutcome(cell: CellValue): Outcome | undefined | Invalid {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (typeof cell === 'number') return cell === 1 ? 1 : cell === 0 ? 0 : invalid(cell);
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'string') {
    const known = OUTCOME_BY_KEY.get(normalizeKey(cell));
    if (known !== undefined) return known;
  }
  return invalid(cell);
}

/** A score cell: a number 0-100, as a number or number text. */
export function readScore(cell: CellValue): number | undefined | Invalid {
  let value: number | undefined;
  if (typeof cell === 'number') value = cell;
  else if (isBlank(cell)) return undefined;
  else if (typeof cell === 'string') value = parseNumberText(cell)?.value;
  if (value === undefined || !Number.isFinite(value) || value < 0 || value > 100) {
    return invalid(cell);
  }
  return value;
}

/**
 * The area under the ROC curve: the probability that a randomly chosen renewed account scored
 * higher than a randomly chosen churned one, ties counting half (the Mann-Whitney U statistic
 * divided by renewed x churned). Undefined when either class is empty. O(n log n).
 */
export function auc(scores: ArrayLike<number>, outcomes: ArrayLike<number>): number | undefined {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let renewed = 0;
  let rankSum = 0; // sum of the (1-based, tie-averaged) ranks of the renewed accounts
  let i = 0;
  while (i < n) {
    let j = i;
    const value = scores[order[i] as number] as number;
    while (j + 1 < n && scores[order[j + 1] as number] === value) j++;
    const averageRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (outcomes[order[k] as number] === 1) {
        renewed++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const churned = n - renewed;
  if (renewed === 0 || churned === 0) return undefined;
  return (rankSum - (renewed * (renewed + 1)) / 2) / (renewed * churned);
}

export interface ScoreGroup {
  readonly label: string;
  /** The lowest and highest score in the group (for a tier: its band). */
  readonly low: number;
  readonly high: number;
  readonly accounts: number;
  readonly renewed: number;
}

export interface ThresholdFigures {
  readonly threshold: number;
  /** Accounts scored below the threshold: predicted to churn. */
  readonly flagged: number;
  /** Flagged accounts that did churn. */
  readonly flaggedChurned: number;
  /** Accounts at or above the threshold that renewed. */
  readonly clearedRenewed: number;
  readonly accuracy: number;
  /** Share of flagged accounts that churned; undefined when none is flagged. */
  readonly precision: number | undefined;
  /** Share of churned accounts that were flagged. */
  readonly recall: number | undefined;
}

export interface BacktestFigures {
  readonly accounts: number;
  readonly renewed: number;
  readonly churned: number;
  readonly auc: number;
  readonly atThreshold: ThresholdFigures;
  readonly tiers: readonly ScoreGroup[];
  readonly deciles: readonly ScoreGroup[];
}

/** Accuracy, precision and recall of "a score below `threshold` predicts churn". */
export function thresholdFigures(
  scores: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  threshold: number,
): ThresholdFigures {
  let flagged = 0;
  let flaggedChurned = 0;
  let clearedRenewed = 0;
  let churned = 0;
  for (let i = 0; i < scores.length; i++) {
    const isChurned = outcomes[i] === 0;
    if (isChurned) churned++;
    if ((scores[i] as number) < threshold) {
      flagged++;
      if (isChurned) flaggedChurned++;
    } else if (!isChurned) clearedRenewed++;
  }
  const n = scores.length;
  return {
    threshold,
    flagged,
    flaggedChurned,
    clearedRenewed,
    accuracy: n === 0 ? 0 : (flaggedChurned + clearedRenewed) / n,
    precision: flagged === 0 ? undefined : flaggedChurned / flagged,
    recall: churned === 0 ? undefined : flaggedChurned / churned,
  };
}

/** Accounts and renewals in each tier of `tiers` (best first, the last starting at 0). */
export function tierGroups(
  scores: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  tiers: readonly Tier[],
): ScoreGroup[] {
  const accounts = tiers.map(() => 0);
  const renewed = tiers.map(() => 0);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    let t = tiers.findIndex((tier) => score >= tier.min);
    if (t < 0) t = tiers.length - 1;
    accounts[t] = (accounts[t] as number) + 1;
    if (outcomes[i] === 1) renewed[t] = (renewed[t] as number) + 1;
  }
  return tiers.map((tier, t) => ({
    label: tier.label,
    low: tier.min,
    high: t === 0 ? 100 : (tiers[t - 1] as Tier).min - 1,
    accounts: accounts[t] as number,
    renewed: renewed[t] as number,
  }));
}

/**
 * Up to 10 groups of about equal size, lowest scores first. Equal scores always fall in the
 * same group, so with many ties some deciles merge and fewer than 10 groups come back; each
 * group is named by the decile its first account falls in.
 */
export function decileGroups(scores: ArrayLike<number>, outcomes: ArrayLike<number>): ScoreGroup[] {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number) || a - b,
  );
  const groups: ScoreGroup[] = [];
  let start = 0;
  while (start < n) {
    const decile = Math.floor((start * 10) / n);
    let end = Math.max(start + 1, Math.ceil(((decile + 1) * n) / 10));
    const last = scores[order[end - 1] as number] as number;
    while (end < n && scores[order[end] as number] === last) end++;
    let renewed = 0;
    for (let k = start; k < end; k++) if (outcomes[order[k] as number] === 1) renewed++;
    groups.push({
      label: `Decile ${decile + 1}`,
      low: scores[order[start] as number] as number,
      high: last,
      accounts: end - start,
      renewed,
    });
    start = end;
  }
  return groups;
}

/** Every backtest figure; undefined when the accounts are all of one class (no AUC). */
export function backtest(
  scores: ArrayLike<number>,
  outcomes: ArrayLike<number>,
  threshold: number,
  tiers: readonly Tier[],
): BacktestFigures | undefined {
  const area = auc(scores, outcomes);
  if (area === undefined) return undefined;
  let renewed = 0;
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === 1) renewed++;
  return {
    accounts: scores.length,
    renewed,
    churned: scores.length - renewed,
    auc: area,
    atThreshold: thresholdFigures(scores, outcomes, threshold),
    tiers: tierGroups(scores, outcomes, tiers),
    deciles: decileGroups(scores, outcomes),
  };
}

/** "12-34", or "57" when low and high are the same; scores shown to one decimal at most. */
export function describeRange(low: number, high: number): string {
  const show = (value: number) => String(Math.round(value * 10) / 10);
  return low === high ? show(low) : `${show(low)}-${show(high)}`;
}

// ------------------------------------------------------------------ scores and outcomes

/** The default threshold: the lowest score of the default model's Healthy tier. */
export const DEFAULT_THRESHOLD = 60;

export interface SkippedRows {
  /** Rows with a score but no outcome, or an outcome but no score. */
  readonly blank: number;
  /** 1-based row numbers (in the range) of unreadable scores / outcomes. */
  readonly badScore: readonly number[];
  readonly badOutcome: readonly number[];
}

export interface ScoredOutcomes {
  readonly scores: number[];
  readonly outcomes: Outcome[];
  readonly skipped: SkippedRows;
}

/**
 * Pairs up score and outcome cells. A row blank in both is not an account and is ignored; a
 * row blank in one is skipped as blank; an unreadable cell is skipped with its row number.
 */
export function pairScoresWithOutcomes(
  scoreCells: readonly CellValue[],
  outcomeCells: readonly CellValue[],
): ScoredOutcomes {
  const scores: number[] = [];
  const outcomes: Outcome[] = [];
  let blank = 0;
  const badScore: number[] = [];
  const badOutcome: number[] = [];
  scoreCells.forEach((scoreCell, i) => {
    const outcomeCell = outcomeCells[i];
    if (isBlank(scoreCell) && isBlank(outcomeCell)) return;
    const score = readScore(scoreCell);
    const outcome = readOutcome(outcomeCell);
    if (score instanceof Invalid) badScore.push(i + 1);
    else if (outcome instanceof Invalid) badOutcome.push(i + 1);
    else if (score === undefined || outcome === undefined) blank++;
    else {
      scores.push(score);
      outcomes.push(outcome);
    }
  });
  return { scores, outcomes, skipped: { blank, badScore, badOutcome } };
}

/** Stops the call with a message unless the outcomes hold both renewals and churns. */
export function requireBothOutcomes(
  fn: string,
  outcomes: readonly Outcome[],
  skipped: number,
): void {
  if (outcomes.length === 0) {
    throw new ArgumentError(
      `${fn}: no row has both a score and an outcome${
        skipped > 0 ? ` (${skipped} skipped as blank or unreadable)` : ''
      }. Give a column of scores and a column of outcomes (renewed / churned, or 1 / 0), one row per account.`,
    );
  }
  const renewed = outcomes.filter((outcome) => outcome === 1).length;
  if (renewed === 0 || renewed === outcomes.length) {
    const all = renewed === 0 ? 'churned' : 'renewed';
    throw new ArgumentError(
      `${fn}: all ${outcomes.length} accounts with an outcome ${all}, so there is nothing to tell apart: a backtest needs both renewed and churned accounts. Include the accounts that ${
        renewed === 0 ? 'renewed' : 'churned'
      } too (outcomes: 1 or "renewed" = renewed, 0 or "churned" = churned).`,
    );
  }
}

/** The figures of a backtest, before they are laid out as a table. */
export function runBacktest(
  fn: string,
  scoreCells: readonly CellValue[],
  outcomeCells: readonly CellValue[],
  threshold: number,
  model: HealthModel = defaultModel(),
): { figures: BacktestFigures; skipped: SkippedRows } {
  if (scoreCells.length !== outcomeCells.length) {
    throw new ArgumentError(
      `${fn}: scores has ${formatCount(scoreCells.length, 'row')} but outcomes has ${formatCount(outcomeCells.length, 'row')}. Give two columns of the same length, one row per account.`,
    );
  }
  const { scores, outcomes, skipped } = pairScoresWithOutcomes(scoreCells, outcomeCells);
  requireBothOutcomes(
    fn,
    outcomes,
    skipped.blank + skipped.badScore.length + skipped.badOutcome.length,
  );
  const figures = backtest(scores, outcomes, threshold, model.tiers) as BacktestFigures;
  return { figures, skipped };
}

// ------------------------------------------------------------------ a sheet's columns

/** Headers of a column of scores taken before renewal, most specific first. */
const SCORE_HEADERS = [
  'Health score 90 days before renewal',
  'Score before renewal',
  'Health score before renewal',
  'Health score',
];
/** Headers of a column of renewal outcomes, most specific first. */
const OUTCOME_HEADERS = ['Renewal outcome', 'Outcome', 'Renewed', 'Renewal status'];

/** The first column whose header is one of `names` (in their order), or -1. */
function findColumn(headerRow: readonly CellValue[], names: readonly string[]): number {
  const keys = headerRow.map((cell) => normalizeKey(String(cell ?? '')));
  for (const name of names) {
    const index = keys.indexOf(normalizeKey(name));
    if (index >= 0) return index;
  }
  return -1;
}

export interface BacktestColumns {
  /** The renewal outcome column (0-based). */
  readonly outcome: number;
  /** The column of scores taken before renewal; undefined: score the book as it is now. */
  readonly score: number | undefined;
}

/** Where a sheet keeps its outcomes and its scores before renewal; undefined without outcomes. */
export function findBacktestColumns(headerRow: readonly CellValue[]): BacktestColumns | undefined {
  const outcome = findColumn(headerRow, OUTCOME_HEADERS);
  if (outcome < 0) return undefined;
  const score = findColumn(headerRow, SCORE_HEADERS);
  return { outcome, score: score < 0 ? undefined : score };
}
