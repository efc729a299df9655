/** The account snapshot: lifecycle, what a churned account has and has not, and its views. */
import { evaluateRules } from '../../src/core/alerts/rules';
import { readLayout } from '../../src/core/book';
import type { AccountHistory } from '../../src/core/history';
import {
  churnedLeftOut,
  describeRisk,
  driversText,
  lifecycleOf,
  riskFindings,
  scoreTrend,
} from '../../src/core/snapshot';
import { TODAY, atRisk, day, healthy, snapshotOf } from '../helpers/snapshots';

describe('lifecycleOf: churned by Status, or by a churn date that has passed', () => {
  it.each([
    [{ status: 'churned' as const }, 'churned'],
    [{ status: 'active' as const }, 'active'],
    [{}, 'active'],
    [{ churnDate: TODAY - 1 }, 'churned'],
    [{ churnDate: TODAY }, 'churned'],
    // A churn date still ahead is notice given: live until then.
    [{ churnDate: TODAY + 30 }, 'active'],
    // Won back: the Status says active again, the old churn date stays in the book.
    [{ status: 'active' as const, churnDate: TODAY - 400 }, 'active'],
  ])('%p is %s', (values, status) => {
    expect(lifecycleOf(values, TODAY).status).toBe(status);
  });

  it('places a churned account in the win-back sequence and categorises its reason', () => {
    const lifecycle = lifecycleOf(
      { status: 'churned', churnDate: TODAY - 45, churnReason: 'Poor support' },
      TODAY,
    );
    expect(lifecycle).toMatchObject({
      daysSinceChurn: 45,
      churnCategory: 'relationship',
      winBack: { stage: '30-90 days', successRate: '10-15%' },
    });
    // Without a churn date, no stage can be given.
    expect(lifecycleOf({ status: 'churned' }, TODAY).winBack).toBeUndefined();
  });
});

describe('the snapshot of a live account', () => {
  it('has the findings of the alert rules, as the alert run evaluates them', () => {
    const s = snapshotOf(atRisk());
    expect(s.lifecycle.status).toBe('active');
    expect(s.tier?.label).toBe('Critical');
    const direct = evaluateRules({
      today: TODAY,
      model: s.model,
      score: s.score as number,
      tier: 'Critical',
      tierSince: TODAY,
      dimensions: s.dimensions,
      values: s.values,
      columns: new Set(readLayout(Object.keys(atRisk())).signals.keys()),
      history: undefined,
    });
    expect(s.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['lowest-tier', 'champion-left', 'competitor']),
    );
    expect(direct.map((f) => f.rule)).toEqual(s.findings.map((f) => f.rule));
    expect(s.atRisk).toBe(true);
    expect(describeRisk(riskFindings(s))).toMatch(/^Act today: In the Critical tier/);
    expect(s.renewal).toMatchObject({ daysToRenewal: 36, step: { day: -45 } });
  });

  it('reads its segment from the Segment column first, then ARR', () => {
    expect(snapshotOf(healthy({ Segment: 'Enterprise', ARR: 60000 }))).toMatchObject({
      segment: 'Enterprise',
      segmentFrom: 'column',
      cadence: { qbr: 'Quarterly' },
      ttfv: { days: 30 },
    });
    expect(snapshotOf(healthy({ ARR: 60000 }))).toMatchObject({
      segment: 'Mid-Market',
      segmentFrom: 'arr',
      cadence: { qbr: 'Semi-annual' },
    });
  });

  it('knows since when it is in its tier: History first, else the book’s columns', () => {
    const history: AccountHistory = {
      key: 'A-1',
      account: 'Acme',
      lastDay: TODAY - 1,
      score: 85,
      tier: 'Thriving',
      tierSince: day('2025-11-01'),
      alerts: new Map(),
      entries: [
        { day: day('2025-10-15'), score: 72 },
        { day: day('2025-11-01'), score: 80 },
        { day: TODAY - 1, score: 85 },
      ],
    };
    const withHistory = snapshotOf(healthy(), { history });
    expect(withHistory.tier?.label).toBe('Thriving');
    expect(withHistory.tierSince).toBe(day('2025-11-01'));
    expect(withHistory.daysInTopTier).toBe(75);
    expect(withHistory.previous?.score).toBe(85);
    const byColumn = snapshotOf(healthy({ 'Days in tier': 70 }));
    expect(byColumn.tierSince).toBe(TODAY - 70);
    expect(byColumn.daysInTopTier).toBe(70);
    // The rules count from History only: without it the tier was entered today.
    expect(byColumn.tierEntered).toBe(TODAY);
  });

  it('gives its score trend from History, and its drivers in words', () => {
    const history: AccountHistory = {
      key: 'A-1',
      account: 'Acme',
      lastDay: TODAY - 1,
      score: 80,
      tier: 'Thriving',
      tierSince: TODAY - 10,
      alerts: new Map(),
      entries: [
        { day: TODAY - 400, score: 10 },
        { day: TODAY - 100, score: 70 },
        { day: TODAY - 1, score: 80 },
      ],
    };
    const s = snapshotOf(healthy(), { history });
    const trend = scoreTrend(s);
    // 400 days ago is outside the 180-day window.
    expect(trend.points.map((p) => p.score)).toEqual([70, 80, s.score]);
    expect(trend.change).toBe((s.score as number) - 70);
    expect(driversText(s)).toMatch(/\/100 \(-\d+ pts\)/);
    expect(s.drivers[0]?.pointsLost).toBeGreaterThanOrEqual(s.drivers[1]?.pointsLost ?? 0);
  });
});

describe('the snapshot of a churned account', () => {
  it.each([
    ['by Status', { Status: 'churned', 'Churn date': '2026-01-05' }],
    ['by churn date alone', { 'Churn date': '2026-01-05' }],
  ])('(%s) has no findings, renewal step, open gate, signals or engagement', (_how, cells) => {
    const s = snapshotOf(atRisk({ ...cells, 'Churn reason': 'Unused seats' }));
    expect(s.lifecycle).toMatchObject({
      status: 'churned',
      daysSinceChurn: 10,
      churnCategory: 'value',
      winBack: { stage: '0-30 days' },
    });
    expect(s.findings).toEqual([]);
    expect(s.atRisk).toBe(false);
    expect(s.renewal).toBeUndefined();
    expect(s.gate).toEqual({ open: false, reasons: ['✗ the account has churned'] });
    expect(s.expansion).toEqual([]);
    expect(s.engagement).toBeUndefined();
  });
});

it('says how many churned accounts were left out, in one set of words', () => {
  expect(churnedLeftOut(1)).toBe('1 churned account left out');
  expect(churnedLeftOut(1200)).toBe('1,200 churned accounts left out');
});
