/**
 * Calibration on generated books whose true churn process is known
 * (dev/renewal-book.ts): renewal = logistic of the sub-scores with TRUE_WEIGHTS.
 */
import { auc } from '../../src/core/backtest';
import { calibrateWeights, roundToTotal } from '../../src/core/calibrate';
import { seededRandom, shuffle } from '../../src/core/random';
import { TRUE_WEIGHTS, renewalBook } from '../../dev/renewal-book';

/** The cs-engine default weights in the book's dimension order. */
const DEFAULT_WEIGHTS = [30, 20, 15, 20, 15];

function weightedMean(scores: readonly number[], weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return scores.reduce((sum, score, j) => sum + score * (weights[j] as number), 0) / total;
}

function order(weights: readonly number[]): number[] {
  return weights.map((_, j) => j).sort((a, b) => (weights[b] as number) - (weights[a] as number));
}

describe('calibrateWeights', () => {
  const book = renewalBook(4000, 11);
  const result = calibrateWeights(book.subScores, book.outcomes, 5);

  it('recovers the order of the true weights', () => {
    expect(result).toBeDefined();
    expect(order(result?.weights ?? [])).toEqual(order(TRUE_WEIGHTS));
  });

  it('gives non-negative weights summing to 100, close to the true shares', () => {
    const weights = result?.weights ?? [];
    for (const weight of weights) expect(weight).toBeGreaterThanOrEqual(0);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    weights.forEach((weight, j) =>
      expect(Math.abs(weight - 100 * (TRUE_WEIGHTS[j] as number))).toBeLessThan(5),
    );
  });

  it('raises the AUC from the default weights to that of the true model', () => {
    const trueAuc = auc(book.truth, book.outcomes) as number;
    const defaultAuc = auc(
      book.subScores.map((scores) => weightedMean(scores, DEFAULT_WEIGHTS)),
      book.outcomes,
    ) as number;
    const cvAuc = result?.cvAuc ?? 0;
    expect(cvAuc).toBeGreaterThan(defaultAuc + 0.015);
    expect(Math.abs(cvAuc - trueAuc)).toBeLessThan(0.005);
  });

  it('is deterministic', () => {
    expect(calibrateWeights(book.subScores, book.outcomes, 5)).toEqual(result);
  });

  it('gives a dimension that does not matter a weight near 0', () => {
    const noise = renewalBook(3000, 5, { weights: [0.6, 0.4, 0, 0, 0] });
    const fitted = calibrateWeights(noise.subScores, noise.outcomes, 5)?.weights ?? [];
    expect(fitted[0]).toBeGreaterThan(fitted[1] as number);
    for (const j of [2, 3, 4]) expect(fitted[j]).toBeLessThan(4);
  });

  it('imputes a missing dimension with its mean and still recovers the order', () => {
    const random = seededRandom(3);
    const holey = book.subScores.map((scores) =>
      scores.map((score) => (random() < 0.15 ? undefined : score)),
    );
    const fitted = calibrateWeights(holey, book.outcomes, 5);
    expect(order(fitted?.weights ?? [])).toEqual(order(TRUE_WEIGHTS));
  });

  it('needs two accounts of each class', () => {
    expect(calibrateWeights([[1], [2], [3]], [1, 1, 0], 1)).toBeUndefined();
  });
});

describe('roundToTotal', () => {
  it('rounds to tenths that still add up to 100', () => {
    const rounded = roundToTotal([100 / 3, 100 / 3, 100 / 3]);
    expect(rounded).toEqual([33.4, 33.3, 33.3]);
    expect(roundToTotal([12.345, 50, 37.655])).toEqual([12.3, 50, 37.7]);
    expect(roundToTotal([0, 0])).toEqual([0, 0]);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and shuffles deterministically', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(shuffle([1, 2, 3, 4, 5], seededRandom(1))).toEqual(
      shuffle([1, 2, 3, 4, 5], seededRandom(1)),
    );
  });
});
