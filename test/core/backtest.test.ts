/** Backtest arithmetic, on cases worked out by hand. */
import {
  auc,
  backtest,
  decileGroups,
  describeRange,
  findBacktestColumns,
  pairScoresWithOutcomes,
  readOutcome,
  readScore,
  thresholdFigures,
  tierGroups,
} from '../../src/core/backtest';
import { Invalid } from '../../src/core/cells';
import { defaultModel } from '../../src/core/models';

describe('auc (Mann-Whitney)', () => {
  it('counts a tie between a renewed and a churned account as half', () => {
    // Renewed {20, 30} against churned {10, 20}: 20>10 (1), 20=20 (0.5), 30>10 (1), 30>20 (1).
    expect(auc([10, 20, 20, 30], [0, 0, 1, 1])).toBeCloseTo(3.5 / 4, 12);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when every score ties', () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(auc([5, 5, 5, 5, 5], [1, 0, 1, 0, 1])).toBe(0.5);
  });

  it('matches the count over every pair on a larger case with many ties', () => {
    const scores = [50, 60, 60, 70, 40, 60, 50, 80, 30, 70, 60, 50];
    const outcomes = [1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1];
    let wins = 0;
    let pairs = 0;
    scores.forEach((renewedScore, i) => {
      if (outcomes[i] !== 1) return;
      scores.forEach((churnedScore, j) => {
        if (outcomes[j] !== 0) return;
        pairs++;
        wins += renewedScore > churnedScore ? 1 : renewedScore === churnedScore ? 0.5 : 0;
      });
    });
    expect(auc(scores, outcomes)).toBeCloseTo(wins / pairs, 12);
  });

  it('is undefined with a single class', () => {
    expect(auc([1, 2], [1, 1])).toBeUndefined();
    expect(auc([], [])).toBeUndefined();
  });
});

describe('threshold figures: a score below the threshold predicts churn', () => {
  it('gives accuracy, precision and recall worked by hand', () => {
    // Below 60: 30 (churned), 50 (renewed), 55 (churned): 3 flagged, 2 of them churned.
    // At or above: 70, 90, both renewed. Accuracy (2 + 2) / 5; precision 2/3; recall 2/2.
    const figures = thresholdFigures([30, 50, 70, 90, 55], [0, 1, 1, 1, 0], 60);
    expect(figures).toEqual({
      threshold: 60,
      flagged: 3,
      flaggedChurned: 2,
      clearedRenewed: 2,
      accuracy: 0.8,
      precision: 2 / 3,
      recall: 1,
    });
  });

  it('has no precision when nothing is flagged, and a score equal to the threshold is not flagged', () => {
    const figures = thresholdFigures([60, 70], [0, 1], 60);
    expect(figures.flagged).toBe(0);
    expect(figures.precision).toBeUndefined();
    expect(figures.recall).toBe(0);
    expect(figures.accuracy).toBe(0.5);
  });
});

describe('groups', () => {
  it('tiers of the default model with their bands', () => {
    const groups = tierGroups([85, 80, 79, 60, 59.5, 10], [1, 1, 0, 1, 0, 0], defaultModel().tiers);
    expect(groups).toEqual([
      { label: 'Thriving', low: 80, high: 100, accounts: 2, renewed: 2 },
      { label: 'Healthy', low: 60, high: 79, accounts: 2, renewed: 1 },
      { label: 'At-Risk', low: 40, high: 59, accounts: 1, renewed: 0 },
      { label: 'Critical', low: 0, high: 39, accounts: 1, renewed: 0 },
    ]);
  });

  it('deciles of 20 distinct scores hold 2 accounts each, lowest first', () => {
    const scores = Array.from({ length: 20 }, (_, i) => 100 - i * 5); // 100, 95, ..., 5
    const outcomes = scores.map((score) => (score > 50 ? 1 : 0));
    const groups = decileGroups(scores, outcomes);
    expect(groups).toHaveLength(10);
    expect(groups[0]).toEqual({ label: 'Decile 1', low: 5, high: 10, accounts: 2, renewed: 0 });
    expect(groups[9]).toEqual({ label: 'Decile 10', low: 95, high: 100, accounts: 2, renewed: 2 });
  });

  it('keeps equal scores in one decile, so ties merge deciles', () => {
    const groups = decileGroups(
      [5, 5, 5, 5, 5, 10, 10, 10, 10, 10],
      [0, 0, 1, 0, 0, 1, 1, 1, 0, 1],
    );
    expect(groups).toEqual([
      { label: 'Decile 1', low: 5, high: 5, accounts: 5, renewed: 1 },
      { label: 'Decile 6', low: 10, high: 10, accounts: 5, renewed: 4 },
    ]);
  });

  it('describes ranges', () => {
    expect(describeRange(12, 34)).toBe('12-34');
    expect(describeRange(40, 40)).toBe('40');
    expect(describeRange(12.345, 50)).toBe('12.3-50');
  });
});

describe('backtest', () => {
  it('puts the figures together, and is undefined for one class', () => {
    const result = backtest([30, 50, 70, 90, 55], [0, 1, 1, 1, 0], 60, defaultModel().tiers);
    expect(result?.accounts).toBe(5);
    expect(result?.churned).toBe(2);
    // Renewed {50, 70, 90} vs churned {30, 55}: 50 beats 30 only (1), 70 and 90 beat both (4).
    expect(result?.auc).toBeCloseTo(5 / 6, 12);
    expect(backtest([1, 2], [0, 0], 60, defaultModel().tiers)).toBeUndefined();
  });
});

describe('reading cells', () => {
  it.each([
    ['renewed', 1],
    ['Retained', 1],
    ['YES', 1],
    [1, 1],
    ['1', 1],
    [true, 1],
    ['churned', 0],
    ['Lost', 0],
    ['cancelled', 0],
    ['Canceled', 0],
    ['no', 0],
    [0, 0],
    [false, 0],
    ['not renewed', 0],
  ])('outcome %p is %p (1 = renewed)', (cell, expected) => {
    expect(readOutcome(cell)).toBe(expected);
  });

  it('leaves blanks blank and reports what it cannot read', () => {
    expect(readOutcome('')).toBeUndefined();
    expect(readOutcome('maybe')).toBeInstanceOf(Invalid);
    expect(readOutcome(2)).toBeInstanceOf(Invalid);
    expect(readScore(' ')).toBeUndefined();
    expect(readScore('72')).toBe(72);
    expect(readScore(101)).toBeInstanceOf(Invalid);
    expect(readScore('#N/A')).toBeInstanceOf(Invalid);
  });
});

describe('a sheet for the backtest menu', () => {
  it('finds the outcome column and the most specific score column, in any order', () => {
    expect(findBacktestColumns(['Account', 'Health score', 'Renewal outcome'])).toEqual({
      outcome: 2,
      score: 1,
    });
    expect(
      findBacktestColumns(['Health score', 'outcome', 'Health score 90 days before renewal']),
    ).toEqual({ outcome: 1, score: 2 });
    // Without a score column the book is scored as it is now.
    expect(findBacktestColumns(['Account', 'Renewed'])).toEqual({ outcome: 1, score: undefined });
    expect(findBacktestColumns(['Account', 'Health score'])).toBeUndefined();
  });

  it('pairs scores with outcomes: blank pairs ignored, bad cells counted by row', () => {
    const paired = pairScoresWithOutcomes([80, '', 'abc', 40, 55, ''], [1, '', 1, 'maybe', 0, 0]);
    expect(paired.scores).toEqual([80, 55]);
    expect(paired.outcomes).toEqual([1, 0]);
    expect(paired.skipped).toEqual({ blank: 1, badScore: [3], badOutcome: [4] });
  });
});
