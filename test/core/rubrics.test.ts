import * as r from '../../src/core/rubrics';
import type { SignalValues } from '../../src/core/rubrics';

const TODAY = 20_000;
const score = (rubric: r.Rubric, values: SignalValues, today = TODAY) => rubric({ values, today });

describe('rubrics from the seeds', () => {
  it('DAU/MAU follows seed 002: <20% = 0-3, 20-40% = 4-6, >40% = 7-10, interpolated', () => {
    expect(score(r.dauMau002, { dauMau: 0 })).toBe(0);
    expect(score(r.dauMau002, { dauMau: 0.1 })).toBeCloseTo(15);
    expect(score(r.dauMau002, { dauMau: 0.2 })).toBeCloseTo(40);
    expect(score(r.dauMau002, { dauMau: 0.3 })).toBeCloseTo(50);
    expect(score(r.dauMau002, { dauMau: 0.4 })).toBeCloseTo(70);
    expect(score(r.dauMau002, { dauMau: 0.9 })).toBe(100);
    expect(score(r.dauMau002, {})).toBeUndefined();
  });

  it('DAU/MAU follows seed 004 bands: <0.1 critical ... >0.5 excellent', () => {
    expect(score(r.dauMau004, { dauMau: 0.05 })).toBeLessThan(40);
    expect(score(r.dauMau004, { dauMau: 0.2 })).toBeCloseTo(49.5);
    expect(score(r.dauMau004, { dauMau: 0.4 })).toBeCloseTo(69.5);
    expect(score(r.dauMau004, { dauMau: 0.5 })).toBeCloseTo(80);
  });

  it('seat utilisation follows seed 001 steps: 0 / 40 / 70 / 100', () => {
    const seats = (active: number) =>
      score(r.seats001, { seatsActive: active, seatsLicensed: 100 });
    expect(seats(19)).toBe(0);
    expect(seats(20)).toBe(40);
    expect(seats(49)).toBe(40);
    expect(seats(50)).toBe(70);
    expect(seats(75)).toBe(100);
    expect(seats(120)).toBe(100);
    expect(score(r.seats001, { seatsActive: 5, seatsLicensed: 0 })).toBeUndefined();
  });

  it('feature adoption follows seed 004 and prefers used/available over the % column', () => {
    expect(score(r.features004, { featuresUsed: 9, featuresAvailable: 10 })).toBeCloseTo(90);
    expect(score(r.features004, { featureAdoption: 0.5 })).toBeCloseTo(49.5);
    expect(
      score(r.features004, { featuresUsed: 2, featuresAvailable: 10, featureAdoption: 0.9 }),
    ).toBeLessThan(40);
  });

  it('trends: down = 0-3, flat = 4-6, up = 7-10; a % change places the account in its range', () => {
    expect(score(r.usageTrend002, { usageTrend: 'down' })).toBe(15);
    expect(score(r.usageTrend002, { usageTrend: 'flat' })).toBe(50);
    expect(score(r.usageTrend002, { usageTrend: 'up' })).toBe(85);
    expect(score(r.usageTrend002, { usageChange: -0.6 })).toBe(0);
    expect(score(r.usageTrend002, { usageChange: 0 })).toBeCloseTo(50);
    expect(score(r.usageTrend002, { usageChange: 0.5, usageTrend: 'down' })).toBe(100);
  });

  it('relationship follows seed 002: no champion 0-3, champion only 4-6, multi-threaded 7-10', () => {
    expect(score(r.relationship002, { champion: false, contacts: 0 })).toBe(0);
    expect(score(r.relationship002, { champion: false, contacts: 5 })).toBe(30);
    expect(score(r.relationship002, { champion: true })).toBe(50);
    expect(score(r.relationship002, { champion: true, contacts: 1 })).toBe(40);
    expect(score(r.relationship002, { champion: true, executiveSponsor: true })).toBe(85);
    expect(score(r.relationship002, { champion: true, executiveSponsor: true, contacts: 6 })).toBe(
      100,
    );
    // A champion who left is no champion, whatever the Champion column still says.
    expect(score(r.relationship002, { champion: true, championStatus: 'left' })).toBe(0);
  });

  it('outcomes follow seed 002: none met 0-3, some 4-6, all 7-10', () => {
    expect(score(r.outcomes002, { goalsDefined: 4, goalsAchieved: 0, roiDocumented: false })).toBe(
      0,
    );
    expect(score(r.outcomes002, { goalsDefined: 4, goalsAchieved: 2 })).toBe(50);
    expect(score(r.outcomes002, { goalsDefined: 4, goalsAchieved: 4, roiDocumented: true })).toBe(
      100,
    );
    expect(score(r.outcomes002, { goalsDefined: 4, goalsAchieved: 4 })).toBe(85);
  });

  it('financial follows seed 002: late 0-3, on time 4-6, expanding 7-10', () => {
    expect(score(r.financial002, { paymentStatus: 'delinquent', arrTrend: 'expanding' })).toBe(0);
    expect(score(r.financial002, { paymentStatus: 'late' })).toBe(15);
    expect(score(r.financial002, { paymentStatus: 'current' })).toBe(50);
    expect(score(r.financial002, { paymentStatus: 'current', arrTrend: 'expanding' })).toBe(85);
  });

  it('NPS follows seed 004: detractor 0-6, passive 7-8, promoter 9-10; account NPS is scaled', () => {
    expect(score(r.nps004, { nps: 0 })).toBe(0);
    expect(score(r.nps004, { nps: 6 })).toBeLessThan(60);
    expect(score(r.nps004, { nps: 7 })).toBe(60);
    expect(score(r.nps004, { nps: 9 })).toBe(80);
    expect(score(r.nps004, { nps: 10 })).toBe(100);
    expect(score(r.nps004, { nps: 40 })).toBe(70);
    expect(score(r.nps004, { nps: -20 })).toBe(40);
  });

  it('CSAT reads a 1-5 rating or a satisfied share', () => {
    expect(score(r.csat, { csat: 5 })).toBe(100);
    expect(score(r.csat, { csat: 4.5 })).toBe(90);
    expect(score(r.csat, { csat: 2.9 })).toBeLessThan(40);
    expect(score(r.csat, { csat: 0.92 })).toBeCloseTo(92);
    expect(score(r.csat, { csat: 92 })).toBe(92);
  });

  it('recency: a login this week is full marks, a month without one is near the bottom', () => {
    expect(score(r.lastLogin, { lastLogin: TODAY - 3 })).toBe(100);
    expect(score(r.lastLogin, { lastLogin: TODAY - 30 })).toBe(20);
    expect(score(r.lastLogin, { lastLogin: TODAY - 90 })).toBe(0);
    expect(score(r.lastLogin, { lastLogin: TODAY + 2 })).toBe(100);
  });
});
