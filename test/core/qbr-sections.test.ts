/**
 * The QBR's numbers and lists, each computed by a pure function of the snapshot, by value:
 * what the customer's QBR and the prep brief share, and what only the brief holds.
 */
import { actions, customerObjectives, keyWins, metricRows, qbrContext } from '../../src/core/qbr';
import { healthRows, qbrRisks, talkingPoints } from '../../src/core/qbr-brief';
import { daysFromWording, planDate } from '../../src/core/plans';
import { personName } from '../../src/core/people';
import { roiIsWin, roiReview, computeRoi } from '../../src/core/roi';
import { scoreTrend } from '../../src/core/snapshot';
import { CONTENT } from '../../src/content';
import { TODAY, atRisk, healthy, snapshotOf } from '../helpers/snapshots';

const ROI = { 'Hours saved per month': 350, 'Hourly rate': 50, 'Annual investment': 60000 };
/** 200 h x $40 x 12 = $96,000 against $120,000: 0.8x. */
const ROI_BELOW = { 'Hours saved per month': 200, 'Hourly rate': 40, 'Annual investment': 120000 };
const OPTIONS = { quarter: 'Q4 2025', agenda: 'qbr-60', today: TODAY, preparedBy: 'Dana' } as const;

describe('QBR sections', () => {
  it('the brief’s health table: score, tier (no model name), trend, drivers, ARR, renewal, ROI', () => {
    const a = snapshotOf(healthy({ ...ROI, Segment: 'Enterprise' }));
    const rows = healthRows(a, qbrContext(a, OPTIONS, CONTENT));
    expect(rows.map((row) => row[0])).toEqual([
      'Measure',
      'Health score',
      'Tier',
      'Trend',
      'What costs the most points',
      'Segment',
      'ARR',
      'Renewal',
      'ROI',
      'In the customer’s QBR',
    ]);
    expect(rows[2]?.[1]).toBe(a.tier?.label);
    expect(rows[3]?.[1]).toBe('No history yet (the History sheet starts with the daily alerts)');
    expect(rows[6]?.[1]).toBe('$150,000');
    expect(rows[7]?.[1]).toBe('2026-09-30 (in 258 days)');
    expect(rows[8]?.[1]).toBe('3.5x');
    expect(rows[9]?.[1]).toBe('The score and tier are left out');
  });

  it('wins: goals, ROI, seats, NPS and usage the book can show', () => {
    const a = snapshotOf(
      healthy({ ...ROI, 'Goals achieved': 1, 'Seats active': 90, NPS: 10, 'Usage change': 0.1 }),
    );
    expect(keyWins(a, scoreTrend(a), false)).toEqual([
      '1 success plan goal achieved',
      '$210,000 of value a year (3.5x the investment)',
      '90% of licensed seats active',
      'NPS answer 10: a promoter',
      'Usage growing',
    ]);
    expect(keyWins(snapshotOf(atRisk()), { points: [], change: undefined }, false)).toEqual([]);
  });

  it('an ROI below 1x is no win, and the CSM is asked to review the value case', () => {
    const a = snapshotOf(healthy({ ...ROI_BELOW, 'Goals achieved': 1 }));
    expect(a.roi.ok && a.roi.multiple).toBeCloseTo(0.8, 10);
    expect(roiIsWin(a.roi)).toBe(false);
    expect(keyWins(a, scoreTrend(a), true)).toEqual([
      '1 success plan goal achieved',
      '80% of licensed seats active',
    ]);
    expect(roiReview(a.roi)).toMatch(
      /^ROI 0\.8x: the value counted, \$96,000 a year, is less than the annual investment of \$120,000\. Review the value case/,
    );
    const points = talkingPoints(a, qbrContext(a, OPTIONS, CONTENT));
    expect(points).toContain(
      'Review the value case: ROI 0.8x is below 1x, so the QBR does not present it as a win',
    );
    // Exactly 1x is the line: a win, and nothing to review; 0.96 shows "1.0x" but is below.
    const even = computeRoi({ hoursSavedPerMonth: 100, hourlyRate: 50, annualInvestment: 60000 });
    expect([roiIsWin(even), roiReview(even)]).toEqual([true, undefined]);
    const almost = computeRoi({ hoursSavedPerMonth: 96, hourlyRate: 50, annualInvestment: 60000 });
    expect(roiIsWin(almost)).toBe(false);
    expect(roiIsWin(computeRoi({}))).toBe(false);
    expect(roiReview(computeRoi({}))).toBeUndefined();
  });

  it('the score’s rise is a win only when the score is shared', () => {
    const a = snapshotOf(healthy());
    const trend = { points: [{ day: TODAY - 30, score: 60 }], change: 12 };
    expect(keyWins(a, trend, false)).not.toContain('Health up 12 points');
    expect(keyWins(a, trend, true)).toContain('Health up 12 points');
  });

  it('risks: the early warnings (not expansion news) and what costs the most points', () => {
    const risks = qbrRisks(snapshotOf(atRisk()));
    expect(risks[0]).toMatch(/^Act today: In the Critical tier \(score \d+\)\.$/);
    expect(risks).toContain('Act today: The champion has left.');
    expect(risks[risks.length - 1]).toMatch(/^What costs the most points: /);
  });

  it('metrics against their targets, and what the book cannot measure', () => {
    const { rows, missing } = metricRows(snapshotOf(healthy({ NPS: 9 })));
    expect(rows.map((row) => [row.metric, row.actual, row.met])).toEqual([
      ['Licensed seats active', '80% (80 of 100)', true],
      ['DAU/MAU', '55%', true],
      ['NPS', '9', true],
    ]);
    expect(missing).toEqual(['Features used / Features available', 'Tickets (30 days)']);
  });

  it('objectives for the customer: shared terms, no score, no internal move', () => {
    const objectives = customerObjectives(snapshotOf(atRisk()));
    expect(objectives).toContain(
      'Measure the value delivered together: the hours saved and what they are worth',
    );
    for (const text of objectives) {
      expect(text).not.toMatch(/\/100|multi-thread|executive|escalat|payment/i);
    }
  });

  it('actions: earliest first; the renewal and the expansion are the CSM’s, not the customer’s', () => {
    const soon = snapshotOf(healthy({ 'Renewal date': '2026-04-15' }));
    const list = actions(soon, {
      ...OPTIONS,
      people: { sponsor: 'Ria Chen' },
    });
    expect(list.map((item) => [item.action, item.owner, item.due - TODAY, item.internal])).toEqual([
      ['Send the recap email with these action items', 'Dana', 1, false],
      ['Quantify and document the ROI', 'Dana', 7, false],
      ['Confirm next quarter’s goals and success criteria', 'Ria Chen', 14, false],
      ['Update the success plan and score each goal', 'Dana', 14, false],
      [
        'Renewal: success recap (send a recap of what the customer achieved this year)',
        'Dana',
        15,
        true,
      ],
    ]);
    const dues = list.map((item) => item.due);
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    // Without a sponsor's name, the customer reads who it is.
    expect(actions(soon, OPTIONS)[2]?.owner).toBe('Your executive sponsor');
  });
});

describe('plan dates and names', () => {
  it('a past date says it is overdue; today and later are the day itself', () => {
    expect(planDate(TODAY - 1, TODAY)).toBe('overdue since 2026-01-14');
    expect(planDate(TODAY, TODAY)).toBe('2026-01-15');
    expect(planDate(TODAY + 2, TODAY)).toBe('2026-01-17');
  });

  it.each([
    ['Escalate to an executive today', 0],
    ['Executive escalation the same day', 0],
    ['Hold a save call within 24 hours with the CSM', 1],
    ['Have an intervention plan in place within 48 hours', 2],
    ['Reply within 10 days', 10],
    ['Check in within a week', 7],
    ['Find the root cause: product, people or process?', undefined],
  ])('the deadline in %p is %p days', (step, days) => {
    expect(daysFromWording(step)).toBe(days);
  });

  it.each([
    ['Sam Fox', 'Sam Fox'],
    ['  Ria Chen ', 'Ria Chen'],
    ['yes', undefined],
    ['no', undefined],
    ['TBD', undefined],
    [true, undefined],
    ['', undefined],
    [null, undefined],
  ])('the Champion cell %p names %p', (cell, name) => {
    expect(personName('champion', cell)).toBe(name);
  });
});
