import {
  cohortTotals,
  grrOfCohort,
  grrOfMovements,
  logoRetentionOfCohort,
  nrrOfCohort,
  nrrOfMovements,
  segmentOf,
} from '../../src/core/retention';

describe('retention, worked by hand', () => {
  // Four accounts: one expands 100 -> 150, one contracts 200 -> 150, one churns 100 -> 0,
  // and a new logo (0 -> 80) that is not part of the starting cohort.
  const totals = cohortTotals([
    [100, 150],
    [200, 150],
    [100, 0],
    [0, 80],
  ]);

  it('keeps only accounts paying at the start in the cohort', () => {
    expect(totals).toEqual({
      accounts: 3,
      retainedAccounts: 2,
      start: 400,
      end: 300,
      endCapped: 250,
    });
  });

  it('NRR = sum(end) / sum(start) = 300 / 400', () => {
    expect(nrrOfCohort(totals)).toBeCloseTo(0.75);
  });

  it('GRR caps each account at its start: (100 + 150 + 0) / 400', () => {
    expect(grrOfCohort(totals)).toBeCloseTo(0.625);
  });

  it('logo retention = 2 of 3 starting accounts still paying', () => {
    expect(logoRetentionOfCohort(totals)).toBeCloseTo(2 / 3);
  });

  it('computes NRR and GRR from movements', () => {
    const movements = { start: 1000, expansion: 200, contraction: 50, churn: 100 };
    expect(nrrOfMovements(movements)).toBeCloseTo(1.05);
    expect(grrOfMovements(movements)).toBeCloseTo(0.85);
    expect(grrOfMovements({ start: 100, expansion: 0, contraction: -20, churn: 0 })).toBe(1);
  });

  it('segments by ARR with the afrexai playbook thresholds', () => {
    expect([100_000, 99_999, 25_000, 24_999, 5_000, 4_999, 0].map(segmentOf)).toEqual([
      'Enterprise',
      'Mid-Market',
      'Mid-Market',
      'SMB',
      'SMB',
      'Self-Serve',
      'Self-Serve',
    ]);
  });
});
