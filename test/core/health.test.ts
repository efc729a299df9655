import { planRead, readAccountRows, readLayout } from '../../src/core/book';
import { dayFromParts } from '../../src/core/dates';
import {
  type HealthResult,
  columnsNeededBy,
  describeDrivers,
  roundHalfUp,
  scoreAccount,
} from '../../src/core/health';
import { ArgumentError, resolveModel, tierFor } from '../../src/core/models';

const TODAY = dayFromParts(2026, 11, 23);

function scoreRow(headers: string[], row: unknown[], model: unknown = ''): HealthResult {
  const resolved = resolveModel(model);
  const plan = planRead(readLayout(headers), columnsNeededBy(resolved), { timeZone: 'Etc/UTC' });
  const [account] = readAccountRows([row as never], plan);
  if (!account) throw new Error('no account read');
  return scoreAccount(account, resolved, TODAY);
}

function scoreOf(result: HealthResult): number {
  if (result.kind !== 'scored') throw new Error(`expected a score, got ${JSON.stringify(result)}`);
  return result.score;
}

describe('the composite health score', () => {
  it('weights the dimension columns by the default model (30/20/15/20/15)', () => {
    const headers = ['Product usage', 'Engagement', 'Relationship', 'Outcomes', 'Financial'];
    // (30*80 + 20*60 + 15*40 + 20*100 + 15*20) / 100 = 65
    expect(scoreOf(scoreRow(headers, [80, 60, 40, 100, 20]))).toBe(65);
  });

  it('shares a missing dimension’s weight among the others in proportion', () => {
    const headers = ['Product usage score', 'Engagement score'];
    // (30*80 + 20*60) / 50 = 72, not (30*80 + 20*60) / 100 = 36
    expect(scoreOf(scoreRow(headers, [80, 60]))).toBe(72);
  });

  it('rounds half up', () => {
    // (30*80 + 20*1.25) / 50 = 48.5
    expect(scoreOf(scoreRow(['Product usage', 'Engagement'], [80, 1.25]))).toBe(49);
    expect(roundHalfUp(74.5)).toBe(75);
    expect(roundHalfUp(0.1 * 3 * 100 + 0.2)).toBe(30);
  });

  it('lets a dimension column win over raw signals, and falls back when it is blank', () => {
    const headers = ['Product usage', 'DAU/MAU'];
    expect(scoreOf(scoreRow(headers, [90, 0.05]))).toBe(90);
    expect(scoreOf(scoreRow(headers, ['', 0.3]))).toBe(50);
  });

  it('makes a bad sub-score an error for that row, naming the column and the value', () => {
    const result = scoreRow(['Account', 'Engagement'], ['Acme', 'abc']);
    expect(result).toEqual({
      kind: 'error',
      message: "Engagement: expected a score 0-100, found 'abc'",
    });
    expect(scoreRow(['Engagement'], [120])).toMatchObject({ kind: 'error' });
    expect(scoreRow(['Engagement'], [-1])).toMatchObject({ kind: 'error' });
  });

  it('names the column and the Sheets error a broken cell shows', () => {
    const result = scoreRow(['DAU/MAU', 'Seats active', 'Seats licensed'], ['#N/A', 10, 20]);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message).toContain('DAU/MAU');
    expect(result.kind === 'error' && result.message).toContain('#N/A');
  });

  it('says "blank" for a blank row and explains a row with no health data', () => {
    expect(scoreRow(['Account', 'DAU/MAU'], ['', ''])).toEqual({ kind: 'blank' });
    const empty = scoreRow(['Account', 'DAU/MAU'], ['Acme', '']);
    expect(empty.kind).toBe('error');
    expect(empty.kind === 'error' && empty.message).toMatch(/No health data/);
  });

  it('ignores unreadable cells in columns the model does not use', () => {
    expect(scoreRow(['Account ID', 'NPS', 'DAU/MAU'], ['#REF!', 'great', 0.3]).kind).toBe('scored');
  });

  it('scores a realistic account from raw signals alone', () => {
    const headers = [
      'Account',
      'DAU/MAU',
      'Seats licensed',
      'Seats active',
      'Champion',
      'Executive sponsor',
      'Goals defined',
      'Goals achieved',
      'ROI documented',
      'Payment status',
      'ARR trend',
    ];
    const thriving = ['Acme', '55%', 100, 90, 'Dana', 'yes', 3, 3, 'yes', 'current', 'expanding'];
    const critical = ['Initech', '8%', 100, 12, 'no', 'no', 3, 0, 'no', 'delinquent', 'down'];
    expect(scoreOf(scoreRow(headers, thriving))).toBeGreaterThanOrEqual(80);
    expect(scoreOf(scoreRow(headers, critical))).toBeLessThan(40);
  });
});

describe('drivers', () => {
  it('lists the dimensions that cost the most points, worst first, and those without data', () => {
    const result = scoreRow(['Product usage', 'Relationship', 'Financial'], [20, 30, 100]);
    if (result.kind !== 'scored') throw new Error('expected a score');
    // Weights present: 30 + 15 + 15 = 60. Product usage costs 30/60 * 80 = 40 points,
    // Relationship 15/60 * 70 = 17.5 (a half rounds down: 17), Financial nothing.
    expect(describeDrivers(result.dimensions)).toBe(
      'Product usage 20/100 (-40 pts); Relationship 30/100 (-17 pts). No data: Engagement, Outcomes',
    );
  });

  it('says so when nothing costs points', () => {
    const headers = ['Product usage', 'Engagement', 'Relationship', 'Outcomes', 'Financial'];
    const result = scoreRow(headers, [100, 100, 100, 100, 100]);
    if (result.kind !== 'scored') throw new Error('expected a score');
    expect(describeDrivers(result.dimensions)).toBe('Nothing is costing points');
  });
});

describe('models', () => {
  it('has the five presets of the design with their weights and tiers', () => {
    const weightsOf = (name: string) =>
      resolveModel(name).dimensions.map((d) => `${d.label} ${d.weight}`);
    expect(weightsOf('cs-engine')).toEqual([
      'Product usage 30',
      'Engagement 20',
      'Relationship 15',
      'Outcomes 20',
      'Financial 15',
    ]);
    expect(weightsOf('playbook')).toEqual([
      'Product usage 35',
      'Engagement 25',
      'Outcomes 20',
      'Support 10',
      'Relationship 10',
    ]);
    expect(weightsOf('Seven Signal')).toHaveLength(7);
    expect(weightsOf('five_pillar')).toEqual([
      'Product usage 30',
      'Engagement 25',
      'Support 20',
      'Outcomes 15',
      'Relationship 10',
    ]);
    expect(weightsOf('FOUR-FACTOR')).toEqual([
      'Product usage 40',
      'Relationship 25',
      'Financial 20',
      'Sentiment 15',
    ]);
    const tiers = (name: string, scores: number[]) =>
      scores.map((score) => tierFor(resolveModel(name), score).label);
    expect(tiers('cs-engine', [80, 79, 60, 59, 40, 39, 0])).toEqual([
      'Thriving',
      'Healthy',
      'Healthy',
      'At-Risk',
      'At-Risk',
      'Critical',
      'Critical',
    ]);
    expect(tiers('playbook', [75, 74, 50, 49])).toEqual(['Green', 'Yellow', 'Yellow', 'Red']);
    expect(tiers('seven-signal', [80, 60, 40, 39])).toEqual([
      'Healthy',
      'Monitor',
      'At-Risk',
      'Critical',
    ]);
    expect(tiers('five-pillar', [80, 50, 49])).toEqual(['Green', 'Yellow', 'Red']);
    expect(tiers('four-factor', [80, 60, 40, 39])).toEqual([
      'Healthy',
      'Stable',
      'At-Risk',
      'Critical',
    ]);
  });

  it('reads custom weights, relative, with or without a header row', () => {
    const model = resolveModel([
      ['Dimension', 'Weight'],
      ['Product usage', 3],
      ['support score', '1'],
    ]);
    expect(model.dimensions.map((d) => [d.id, d.weight])).toEqual([
      ['productUsage', 3],
      ['support', 1],
    ]);
    // (3*80 + 1*40) / 4 = 70
    expect(
      scoreOf(
        scoreRow(
          ['Product usage', 'Support'],
          [80, 40],
          [
            ['Product usage', 3],
            ['Support', 1],
          ],
        ),
      ),
    ).toBe(70);
  });

  it.each([
    [[['Usage', 30]], /"Usage" is not a health dimension/],
    [[['Support', -5]], /negative/],
    [[['Support', 'lots']], /should be a number/],
    [
      [
        ['Support', 1],
        ['Support', 2],
      ],
      /listed twice/,
    ],
    [[['Support', 0]], /add up to 0/],
    [[['Support', 1, 2]], /exactly 2 columns/],
    ['gold-standard', /"gold-standard" is not a health model/],
  ])('rejects the model %p with a clear message', (model, message) => {
    expect(() => resolveModel(model)).toThrow(ArgumentError);
    expect(() => resolveModel(model)).toThrow(message);
  });
});
