/** Lifecycle and expansion rules, checked against the seeds' tables by hand. */
import { dayFromParts } from '../../src/core/dates';
import { expansionGate, expansionSignals } from '../../src/core/expansion';
import {
  engagementLevel,
  renewalStage,
  touchCadence,
  ttfvTarget,
  winBackStage,
} from '../../src/core/lifecycle';

const renewal = dayFromParts(2026, 6, 30);

describe('renewalStage (day -90 to day -7)', () => {
  it.each([
    [120, undefined, -90, false],
    [91, undefined, -90, false],
    [90, -90, -75, false],
    [76, -90, -75, false],
    [75, -75, -60, false],
    [50, -60, -45, false],
    [45, -45, -30, false],
    [30, -30, -14, false],
    [14, -14, -7, false],
    [7, -7, undefined, false],
    [0, -7, undefined, false],
    [-3, -7, undefined, true],
  ])('%i days out: step %s, next %s, overdue %s', (days, step, next, overdue) => {
    const stage = renewalStage(renewal, renewal - days);
    expect(stage.daysToRenewal).toBe(days);
    expect(stage.step?.day).toBe(step);
    expect(stage.next?.day).toBe(next);
    expect(stage.overdue).toBe(overdue);
  });
});

describe('touch cadence and TTFV targets', () => {
  it('follows the table by segment', () => {
    expect(touchCadence('Enterprise')).toEqual({
      sync: 'Bi-weekly',
      async: 'Weekly',
      qbr: 'Quarterly',
      executive: 'Quarterly',
    });
    expect(touchCadence('SMB').qbr).toBe('Annual');
    expect(touchCadence('Self-Serve').executive).toBe('None');
    expect(ttfvTarget('Enterprise')).toEqual({ days: 30, label: '30 days' });
    expect(ttfvTarget('Mid-Market').days).toBe(14);
    expect(ttfvTarget('SMB')).toEqual({ days: 1, label: '24 hours' });
    expect(ttfvTarget('Self-Serve').label).toBe('10 minutes');
  });
});

describe('winBackStage', () => {
  it.each([
    [0, '0-30 days', '15-25%'],
    [30, '0-30 days', '15-25%'],
    [31, '30-90 days', '10-15%'],
    [90, '30-90 days', '10-15%'],
    [180, '90-180 days', '5-10%'],
    [365, '180-365 days', '2-5%'],
    [366, 'Over 365 days', '<2%'],
  ])('%i days after churn: %s', (days, stage, rate) => {
    expect(winBackStage(days)).toMatchObject({ stage, successRate: rate });
  });
  it('has no stage before the churn date', () => {
    expect(winBackStage(-1)).toBeUndefined();
  });
});

describe('engagementLevel', () => {
  it.each([
    [{ dauMau: 0.8, featureAdoption: 0.6 }, 'Power user'],
    [{ dauMau: 0.8, featureAdoption: 0.3 }, 'Regular'], // daily but not multi-feature
    [{ dauMau: 0.5 }, 'Regular'], // 3.5 days a week
    [{ dauMau: 0.2 }, 'Casual'], // 1.4 days a week
    [{ dauMau: 0.1 }, 'Dormant'], // 0.7 days a week
    [{ dauMau: 0.9, daysSinceLastLogin: 30 }, 'Ghost'],
    [{ coreActionsPerWeek: 4 }, 'Regular'],
    [{ coreActionsPerWeek: 12 }, 'Power user'],
  ])('%o is %s', (input, level) => {
    expect(engagementLevel(input)?.level).toBe(level);
  });
  it('is unknown with a recent login only', () => {
    expect(engagementLevel({ daysSinceLastLogin: 3 })).toBeUndefined();
  });
});

describe('expansionGate', () => {
  const ready = {
    topTier: true,
    daysInTopTier: 60,
    goalsAchieved: 1,
    roiDocumented: true,
    championEngaged: true,
    daysToRenewal: 61,
  };
  it('opens when every condition is met', () => {
    const gate = expansionGate(ready);
    expect(gate.open).toBe(true);
    expect(gate.reasons).toHaveLength(4);
    expect(gate.reasons.every((reason) => reason.startsWith('✓'))).toBe(true);
  });
  it.each([
    [{ daysInTopTier: 59 }, 'in the top tier for 59 days'],
    [{ daysInTopTier: undefined }, 'for how long is unknown'],
    [{ topTier: false }, 'not in the top health tier'],
    [{ goalsAchieved: 0 }, 'no goal achieved'],
    [{ roiDocumented: false }, 'ROI not documented'],
    [{ championEngaged: false }, 'champion not engaged'],
    [{ daysToRenewal: 60 }, 'renewal in 60 days (within 60)'],
    [{ daysToRenewal: undefined }, 'renewal date unknown'],
  ])('closes on %o', (change, reason) => {
    const gate = expansionGate({ ...ready, ...change });
    expect(gate.open).toBe(false);
    expect(gate.reasons.find((r) => r.startsWith('✗'))).toContain(reason);
  });
});

describe('expansionSignals', () => {
  it('lists the signals the columns show, hot first', () => {
    expect(
      expansionSignals(
        {
          usageLimitReached: true,
          newDepartmentInterest: true,
          seatsActive: 81,
          seatsLicensed: 100,
          championPromoted: true,
        },
        { score: 85, daysToRenewal: 45 },
      ),
    ).toEqual([
      'Hitting usage limits (hot): proactive upgrade conversation',
      'New department interested (hot): land-and-expand intro meeting',
      'Seats 81% used (over 80%): seat expansion, right-size conversation',
      'Champion promoted (warm): bring the product to their new scope',
      'Health 85 with renewal in 45 days (warm): multi-year and expansion bundle',
    ]);
  });
  it('says nothing at exactly 80% of seats or a health of 80', () => {
    expect(expansionSignals({ seatsActive: 80, seatsLicensed: 100 }, { score: 80 })).toEqual([]);
  });
});
