/** Metric definitions against worked examples computed by hand. */
import { dayFromParts } from '../../src/core/dates';
import {
  addMonths,
  cohortTable,
  convertChurnRate,
  convertExpansionRate,
  csatOf,
  csmLoads,
  npsOf,
} from '../../src/core/metrics';
import { churnCategory, columnLetter, csmRisks } from '../../src/core/dashboard';

describe('NPS and CSAT', () => {
  it('NPS = % promoters - % detractors', () => {
    // 10, 9, 9 promoters; 8, 7 passives; 6, 3, 0 detractors: (3 - 3) / 8 = 0.
    expect(npsOf([10, 9, 9, 8, 7, 6, 3, 0]).nps).toBe(0);
    // 4 promoters, 1 passive, 0 detractors of 5: 80.
    expect(npsOf([9, 9, 10, 10, 8]).nps).toBe(80);
    expect(npsOf([0, 6]).nps).toBe(-100);
  });
  it('CSAT = share of 4-5 answers', () => {
    expect(csatOf([5, 4, 3, 1])).toBe(0.5);
    expect(csatOf([5, 5, 4, 2, 1])).toBeCloseTo(0.6);
  });
});

describe('rates between periods compound, never multiply', () => {
  it('2% monthly churn is 21.53% a year, not 24%', () => {
    // 1 - 0.98^12 = 1 - 0.784716 = 0.215284
    expect(convertChurnRate(0.02, 1, 12)).toBeCloseTo(0.215283, 6);
  });
  it('20% annual churn is 1.842% a month', () => {
    // 1 - 0.8^(1/12) = 1 - 0.981577 = 0.018423
    expect(convertChurnRate(0.2, 12, 1)).toBeCloseTo(0.018423, 6);
  });
  it('1.5% monthly expansion is 19.56% a year', () => {
    // 1.015^12 - 1 = 0.195618
    expect(convertExpansionRate(0.015, 1, 12)).toBeCloseTo(0.195618, 6);
  });
  it('quarterly to annual', () => {
    // 1 - 0.95^4 = 0.185494
    expect(convertChurnRate(0.05, 3, 12)).toBeCloseTo(0.185494, 6);
  });
});

describe('cohortTable', () => {
  const d = dayFromParts;
  it('clamps month ends', () => {
    expect(addMonths(d(2025, 1, 31), 1)).toBe(d(2025, 2, 28));
    expect(addMonths(d(2025, 11, 15), 3)).toBe(d(2026, 2, 15));
    expect(addMonths(d(2025, 3, 15), -3)).toBe(d(2024, 12, 15));
  });
  it('counts accounts still customers k months after their own start', () => {
    const accounts = [
      // January cohort: 4 accounts, ARR 10, 20, 30, 40
      { start: d(2025, 1, 5), end: undefined, weight: 10 },
      { start: d(2025, 1, 10), end: d(2025, 1, 25), weight: 20 }, // gone in month 1
      { start: d(2025, 1, 20), end: d(2025, 4, 1), weight: 30 }, // gone by month 3 (Apr 20)
      { start: d(2025, 1, 31), end: undefined, weight: 40 },
      // March cohort: 1 account
      { start: d(2025, 3, 3), end: undefined, weight: 5 },
    ];
    const today = d(2025, 6, 1);
    const logo = cohortTable(
      accounts.map((a) => ({ ...a, weight: 1 })),
      [0, 1, 2, 3, 6],
      today,
    );
    // January: month 0 = 4/4 (the 2nd ends Jan 25, after its start Jan 10). Month 1 (Feb
    // 10 for the 2nd, which ended Jan 25): 3/4. Month 2: 3/4. Month 3 (Apr 20 for the 3rd,
    // which ended Apr 1): 2/4. Month 6 needs Jul 31 <= today: not yet.
    // March: month 3 is June 3, after today (June 1): not yet.
    expect(logo).toEqual([
      { cohort: '2025-01', accounts: 4, retention: [1, 0.75, 0.75, 0.5, undefined] },
      { cohort: '2025-03', accounts: 1, retention: [1, 1, 1, undefined, undefined] },
    ]);
    const revenue = cohortTable(accounts, [1, 3], today);
    // Month 1: (10 + 30 + 40) / 100; month 3: (10 + 40) / 100.
    expect(revenue[0]?.retention).toEqual([0.8, 0.5]);
  });
});

describe('csmLoads (afrexai playbook capacity)', () => {
  it('mixes segments: 8 Enterprise + 20 Mid-Market = 8/15 + 20/40 of a full book', () => {
    const accounts = [
      ...Array.from({ length: 8 }, () => ({ csm: 'Ana', arr: 150_000 })),
      ...Array.from({ length: 20 }, () => ({ csm: 'Ana', arr: 50_000 })),
      ...Array.from({ length: 30 }, () => ({ csm: 'Bo', arr: 10_000 })),
      { csm: 'Bo', arr: 1_000 },
    ];
    const [ana, bo] = csmLoads(accounts);
    expect(ana?.csm).toBe('Ana');
    expect(ana?.load).toBeCloseTo(8 / 15 + 20 / 40, 10); // 1.0333
    expect(ana?.status).toBe('Over capacity');
    expect(ana?.arr).toBe(2_200_000);
    expect(bo?.load).toBeCloseTo(30 / 80, 10); // self-serve takes no capacity
    expect(bo?.loadAtMin).toBeCloseTo(30 / 50, 10);
    expect(bo?.status).toBe('Room for more accounts');
    expect(bo?.bySegment).toEqual({ Enterprise: 0, 'Mid-Market': 0, SMB: 30, 'Self-Serve': 1 });
    const [within] = csmLoads(Array.from({ length: 12 }, () => ({ csm: 'Cy', arr: 200_000 })));
    expect(within?.status).toBe('Within range'); // 12/10 >= 1, 12/15 <= 1
  });
});

describe('dashboard helpers', () => {
  it('column letters', () => {
    expect([0, 25, 26, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
  it('churn reasons map to the Customer Success Engine categories', () => {
    expect(churnCategory('Budget cuts')).toBe('Financial');
    expect(churnCategory('Switched to a competitor')).toBe('Competition');
    expect(churnCategory('Champion left')).toBe('Relationship');
    expect(churnCategory('ROI not realized')).toBe('Value');
    expect(churnCategory('Missing feature')).toBe('Product');
    expect(churnCategory('???')).toBe('Other');
  });
  it('flags at-risk concentration above 1.5x the portfolio share, 2+ accounts', () => {
    // 10 accounts, 4 at risk: portfolio 40%. Ana 3 of 4 (75% > 60%): flagged. Bo 1 of 1
    // (100%) but a single account: not flagged. Cy 0 of 5.
    const live = [
      ...[true, true, true, false].map((atRisk) => ({ csm: 'Ana', atRisk, arr: 10 })),
      { csm: 'Bo', atRisk: true, arr: 10 },
      ...Array.from({ length: 5 }, () => ({ csm: 'Cy', atRisk: false, arr: 10 })),
    ];
    const risks = csmRisks(live);
    expect(risks.map((r) => [r.csm, r.atRisk, r.concentrated])).toEqual([
      ['Bo', 1, false],
      ['Ana', 3, true],
      ['Cy', 0, false],
    ]);
  });
});
