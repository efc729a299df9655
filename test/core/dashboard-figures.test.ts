/** The Dashboard's numbers, by value, on small books worked out by hand. */
import {
  type DashboardAccount,
  churnReasonCounts,
  cohortFigures,
  dashboardAccount,
  expansionPipeline,
  healthDistribution,
  healthTrend,
  multiThreaded,
  onboardingFigures,
  qbrCompletion,
  renewalsWithin,
  retentionTrend,
  tierMoves,
  topByArr,
  topChurnReason,
} from '../../src/core/dashboard-figures';
import type { AccountHistory } from '../../src/core/history';
import { defaultModel } from '../../src/core/models';
import { lifecycleOf } from '../../src/core/snapshot';
import { TODAY, atRisk, day, healthy, snapshotOf } from '../helpers/snapshots';

const live = (cells: Parameters<typeof snapshotOf>[0], history?: AccountHistory) =>
  dashboardAccount(snapshotOf(cells, { history }));

function history(key: string, entries: [string, number][]): AccountHistory {
  return {
    key,
    account: key,
    lastDay: undefined,
    score: undefined,
    tier: '',
    tierSince: undefined,
    alerts: new Map(),
    entries: entries.map(([iso, score]) => ({ day: day(iso), score })),
  };
}

describe('health', () => {
  it('counts the tiers, their ARR and share, the unscored and the average', () => {
    const accounts = [
      live(healthy({ ARR: 100 })),
      live(atRisk({ ARR: 300 })),
      live({ Account: 'Blank data', ARR: 600 }),
    ];
    const figures = healthDistribution(accounts, defaultModel());
    const scored = accounts.slice(0, 2).map((a) => a.snapshot);
    const byLabel = new Map(figures.tiers.map((tier) => [tier.label, tier]));
    expect(byLabel.get(scored[0]?.tier?.label as string)).toMatchObject({
      accounts: 1,
      arr: 100,
      share: 0.1,
    });
    expect(byLabel.get('Critical')).toMatchObject({
      accounts: 1,
      arr: 300,
      share: 0.3,
      min: 0,
      upper: 40,
    });
    expect(figures.tiers[0]).toMatchObject({ label: 'Thriving', upper: undefined });
    expect(figures.unscored).toEqual({ accounts: 1, arr: 600 });
    expect(figures.average).toBe(((scored[0]?.score as number) + (scored[1]?.score as number)) / 2);
  });

  it('moves the average over 7 days by the accounts History knows then and now', () => {
    const a = live(
      healthy(),
      history('A-1', [
        ['2026-01-01', 60],
        ['2026-01-14', 70],
      ]),
    );
    const b = live(atRisk(), history('G-2', [['2026-01-10', 50]]));
    // A: 70 now, 60 on the 8th; B has no score 7 days ago and is left out.
    expect(healthTrend([a, b], TODAY)).toEqual({ delta: 10, accounts: 1 });
    expect(healthTrend([b], TODAY)).toBeUndefined();
  });

  it('lists tier moves over 30 days (the oldest score when History is younger)', () => {
    const a = live(healthy(), history('A-1', [['2025-12-01', 30]]));
    const moves = tierMoves([a], defaultModel(), TODAY);
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ from: 'Critical', down: false });
    expect(moves[0]?.change).toBe((a.snapshot.score as number) - 30);
  });
});

describe('retention', () => {
  const rows = [
    { values: { startArr: 100, arr: 150 }, lifecycle: lifecycleOf({}, TODAY) },
    { values: { startArr: 200, arr: 150 }, lifecycle: lifecycleOf({}, TODAY) },
    // Churned by its churn date: its ARR column still says 100, its end ARR is 0.
    {
      values: { startArr: 100, arr: 100, churnDate: TODAY - 5 },
      lifecycle: lifecycleOf({ churnDate: TODAY - 5 }, TODAY),
    },
    // A new logo: not in the cohort.
    { values: { arr: 50 }, lifecycle: lifecycleOf({}, TODAY) },
  ];

  it('is the cohort of accounts paying at the start, churned ones ending at 0', () => {
    expect(cohortFigures(rows)).toEqual({
      accounts: 3,
      kept: 2,
      start: 400,
      end: 300,
      capped: 250,
      churned: 100,
      contracted: 50,
      expanded: 50,
    });
  });

  it('gives monthly logo retention from contract starts and churn dates', () => {
    const accounts = [
      { values: { contractStart: day('2024-01-01') }, lifecycle: lifecycleOf({}, TODAY) },
      {
        values: { contractStart: day('2024-01-01'), churnDate: day('2025-12-10') },
        lifecycle: lifecycleOf({ churnDate: day('2025-12-10') }, TODAY),
      },
      // Started in December: counts from January.
      { values: { contractStart: day('2025-12-05') }, lifecycle: lifecycleOf({}, TODAY) },
      // Churned without a date: cannot be placed, left out.
      { values: {}, lifecycle: lifecycleOf({ status: 'churned' }, TODAY) },
    ];
    expect(retentionTrend(accounts, TODAY, 2)).toEqual([
      { month: '2025-11', retention: 1 },
      { month: '2025-12', retention: 0.5 },
    ]);
  });

  it('counts churn reasons by category in a window, and the top one against the window before', () => {
    const churned = (iso: string, reason?: string) => ({
      values: { churnDate: day(iso), churnReason: reason },
      lifecycle: lifecycleOf({ churnDate: day(iso), churnReason: reason }, TODAY),
    });
    const accounts = [
      churned('2026-01-05', 'Poor support'),
      churned('2026-01-06', 'Lost trust in the CSM'),
      churned('2026-01-07', 'Unused seats'),
      churned('2026-01-08'),
      churned('2025-12-01', 'Champion left'),
    ];
    const recent = churnReasonCounts(accounts, TODAY - 30, TODAY);
    const earlier = churnReasonCounts(accounts, TODAY - 60, TODAY - 30);
    expect([...recent]).toEqual([
      ['Relationship', 2],
      ['Value', 1],
      ['Not recorded', 1],
    ]);
    expect(topChurnReason(recent, earlier)).toEqual({
      category: 'Relationship',
      count: 2,
      before: 1,
      trend: 'up',
      others: 'Value 1, Not recorded 1',
    });
    expect(topChurnReason(new Map(), earlier)).toBeUndefined();
  });
});

describe('engagement, onboarding and renewals', () => {
  it('counts a QBR on time when it is no older than the segment’s cadence: 91 days quarterly', () => {
    const enterprise = live(healthy({ Segment: 'Enterprise', ARR: 60000 }));
    const selfServe = live(healthy({ Account: 'Tiny', 'Account ID': 'T-1', ARR: 1000 }));
    const due = (daysAgo: number) =>
      qbrCompletion([enterprise, selfServe], new Map([['A-1', TODAY - daysAgo]]), TODAY);
    // Self-serve has no QBRs: not due.
    expect(due(91)).toEqual({ due: 1, done: 1 });
    expect(due(92)).toEqual({ due: 1, done: 0 });
  });

  it('counts onboardings by first value or the Onboarding complete flag', () => {
    const accounts = [
      live(healthy({ 'Contract start': '2025-12-15' })),
      live(healthy({ 'Contract start': '2025-12-01', 'First value date': '2025-12-11' })),
      live(healthy({ 'Contract start': '2025-06-01', 'First value date': '2025-06-21' })),
      live(healthy({ 'Contract start': '2025-05-01' })),
    ];
    expect(onboardingFigures(accounts, TODAY, false)).toEqual({
      started: 4,
      active: 1,
      ttfvDays: [10, 20],
      window: 2,
      completed: 1,
    });
  });

  it('counts renewals within a window, and those at risk', () => {
    const accounts = [live(healthy({ ARR: 100 })), live(atRisk({ ARR: 50 }))];
    expect(renewalsWithin(accounts, TODAY, 30)).toEqual({
      days: 30,
      accounts: 0,
      arr: 0,
      atRisk: 0,
    });
    expect(renewalsWithin(accounts, TODAY, 60)).toEqual({
      days: 60,
      accounts: 1,
      arr: 50,
      atRisk: 1,
    });
  });
});

describe('the monthly review', () => {
  it('calls an account multi-threaded with an engaged champion and a sponsor, or 3+ contacts', () => {
    expect(multiThreaded({ champion: true, executiveSponsor: true })).toBe(true);
    expect(multiThreaded({ champion: true, championStatus: 'left', executiveSponsor: true })).toBe(
      false,
    );
    expect(multiThreaded({ contacts: 3 })).toBe(true);
    expect(multiThreaded({ champion: true })).toBe(false);
  });

  it('takes the top accounts by ARR, ties by name, without sorting the book', () => {
    const accounts: DashboardAccount[] = [5, 9, 7, 9, 1].map((arr, i) => ({
      snapshot: snapshotOf(healthy({ Account: `N${5 - i}`, 'Account ID': `K${i}` })),
      arr,
    }));
    expect(topByArr(accounts, 3).map((a) => [a.snapshot.name, a.arr])).toEqual([
      ['N2', 9],
      ['N4', 9],
      ['N3', 7],
    ]);
  });

  it('lists the expansion pipeline: open gates first, then by ARR', () => {
    const open = live(
      healthy({ 'Goals achieved': 1, 'ROI documented': 'yes', 'Days in tier': 90, ARR: 10 }),
    );
    const signals = live(
      healthy({ Account: 'B', 'Account ID': 'B', 'Seats active': 95, ARR: 500 }),
    );
    const none = live(atRisk());
    const pipeline = expansionPipeline([signals, none, open]);
    expect(open.snapshot.gate.open).toBe(true);
    expect(pipeline.accounts.map((a) => a.snapshot.name)).toEqual(['Acme', 'B']);
    expect(pipeline.open).toBe(1);
  });
});
