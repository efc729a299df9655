import * as r from '../../src/core/rubrics';
import type { SignalValues } from '../../src/core/rubrics';

const TODAY = 20_000;
const score = (rubric: r.Rubric, values: SignalValues, today = TODAY) => rubric({ values, today });

describe('rubrics from the playbooks', () => {
  it('DAU/MAU, Customer Success Engine: <20% = 0-3, 20-40% = 4-6, >40% = 7-10, interpolated', () => {
    expect(score(r.dauMauEngine, { dauMau: 0 })).toBe(0);
    expect(score(r.dauMauEngine, { dauMau: 0.1 })).toBeCloseTo(15);
    expect(score(r.dauMauEngine, { dauMau: 0.2 })).toBeCloseTo(40);
    expect(score(r.dauMauEngine, { dauMau: 0.3 })).toBeCloseTo(50);
    expect(score(r.dauMauEngine, { dauMau: 0.4 })).toBeCloseTo(60);
    expect(score(r.dauMauEngine, { dauMau: 0.41 })).toBeCloseTo(71);
    expect(score(r.dauMauEngine, { dauMau: 0.9 })).toBe(100);
    expect(score(r.dauMauEngine, {})).toBeUndefined();
  });

  it('DAU/MAU, office skill: <0.1 critical ... >0.5 excellent', () => {
    expect(score(r.dauMauOffice, { dauMau: 0.05 })).toBeLessThan(40);
    expect(score(r.dauMauOffice, { dauMau: 0.2 })).toBeCloseTo(49.5);
    expect(score(r.dauMauOffice, { dauMau: 0.4 })).toBeCloseTo(69.5);
    expect(score(r.dauMauOffice, { dauMau: 0.5 })).toBeCloseTo(79);
    expect(score(r.dauMauOffice, { dauMau: 0.8 })).toBe(100);
  });

  it('seat utilisation, bilingual playbook steps: 0 / 40 / 70 / 100', () => {
    const seats = (active: number) =>
      score(r.seatsPlaybook, { seatsActive: active, seatsLicensed: 100 });
    expect(seats(19)).toBe(0);
    expect(seats(20)).toBe(40);
    expect(seats(49)).toBe(40);
    expect(seats(50)).toBe(70);
    expect(seats(75)).toBe(100);
    expect(seats(120)).toBe(100);
    expect(score(r.seatsPlaybook, { seatsActive: 5, seatsLicensed: 0 })).toBeUndefined();
  });

  it('feature adoption, office skill; used/available wins over the % column', () => {
    expect(score(r.featuresOffice, { featuresUsed: 9, featuresAvailable: 10 })).toBeCloseTo(90);
    expect(score(r.featuresOffice, { featureAdoption: 0.5 })).toBeCloseTo(49.5);
    expect(
      score(r.featuresOffice, { featuresUsed: 2, featuresAvailable: 10, featureAdoption: 0.9 }),
    ).toBeLessThan(40);
  });

  it('trends: down = 0-3, flat = 4-6, up = 7-10; a % change places the account in its range', () => {
    expect(score(r.usageTrendEngine, { usageTrend: 'down' })).toBe(15);
    expect(score(r.usageTrendEngine, { usageTrend: 'flat' })).toBe(50);
    expect(score(r.usageTrendEngine, { usageTrend: 'up' })).toBe(85);
    expect(score(r.usageTrendEngine, { usageChange: -0.6 })).toBe(0);
    expect(score(r.usageTrendEngine, { usageChange: 0 })).toBeCloseTo(50);
    expect(score(r.usageTrendEngine, { usageChange: 0.5, usageTrend: 'down' })).toBe(100);
  });

  it('relationship, Customer Success Engine: no champion 0-3, champion only 4-6, multi 7-10', () => {
    expect(score(r.relationshipEngine, { champion: false, contacts: 0 })).toBe(0);
    expect(score(r.relationshipEngine, { champion: false, contacts: 5 })).toBe(30);
    expect(score(r.relationshipEngine, { champion: true })).toBe(50);
    expect(score(r.relationshipEngine, { champion: true, contacts: 1 })).toBe(40);
    expect(score(r.relationshipEngine, { champion: true, executiveSponsor: true })).toBe(85);
    expect(
      score(r.relationshipEngine, { champion: true, executiveSponsor: true, contacts: 6 }),
    ).toBe(100);
    // A champion who left is no champion, whatever the Champion column still says.
    expect(score(r.relationshipEngine, { champion: true, championStatus: 'left' })).toBe(0);
  });

  it('outcomes, Customer Success Engine: none met 0-3, some 4-6, all 7-10', () => {
    expect(
      score(r.outcomesEngine, { goalsDefined: 4, goalsAchieved: 0, roiDocumented: false }),
    ).toBe(0);
    expect(score(r.outcomesEngine, { goalsDefined: 4, goalsAchieved: 2 })).toBe(50);
    expect(score(r.outcomesEngine, { goalsDefined: 4, goalsAchieved: 1 })).toBe(45);
    expect(
      score(r.outcomesEngine, { goalsDefined: 4, goalsAchieved: 2, roiDocumented: true }),
    ).toBe(60);
    expect(
      score(r.outcomesEngine, { goalsDefined: 4, goalsAchieved: 4, roiDocumented: true }),
    ).toBe(100);
    expect(score(r.outcomesEngine, { goalsDefined: 4, goalsAchieved: 4 })).toBe(85);
  });

  it('financial, Customer Success Engine: late 0-3, on time 4-6, expanding 7-10', () => {
    expect(score(r.financialEngine, { paymentStatus: 'delinquent', arrTrend: 'expanding' })).toBe(
      0,
    );
    expect(score(r.financialEngine, { paymentStatus: 'late' })).toBe(15);
    expect(score(r.financialEngine, { paymentStatus: 'current' })).toBe(50);
    expect(score(r.financialEngine, { paymentStatus: 'current', arrTrend: 'expanding' })).toBe(85);
  });

  it('NPS, office skill: detractor 0-6, passive 7-8, promoter 9-10; account NPS is scaled', () => {
    expect(score(r.npsOffice, { nps: 0 })).toBe(0);
    expect(score(r.npsOffice, { nps: 6 })).toBe(59);
    expect(score(r.npsOffice, { nps: 6.5 })).toBeCloseTo(59.5);
    expect(score(r.npsOffice, { nps: 8 })).toBe(79);
    expect(score(r.npsOffice, { nps: 7 })).toBe(60);
    expect(score(r.npsOffice, { nps: 9 })).toBe(80);
    expect(score(r.npsOffice, { nps: 10 })).toBe(100);
    expect(score(r.npsOffice, { nps: 40 })).toBe(70);
    expect(score(r.npsOffice, { nps: -20 })).toBe(40);
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

  it('relationship, five-pillar skill: sponsor and champion pick the band, contacts place it', () => {
    expect(score(r.relationshipPillar, { champion: false, executiveSponsor: false })).toBe(0);
    expect(score(r.relationshipPillar, { champion: true })).toBe(50);
    expect(score(r.relationshipPillar, { champion: false, executiveSponsor: true })).toBe(70);
    expect(score(r.relationshipPillar, { champion: true, executiveSponsor: true })).toBe(90);
    expect(
      score(r.relationshipPillar, { champion: true, executiveSponsor: true, contacts: 6 }),
    ).toBe(100);
    expect(score(r.relationshipPillar, { executiveSponsor: true, contacts: 6 })).toBe(89);
    expect(
      score(r.relationshipPillar, { champion: true, championStatus: 'new', contacts: 6 }),
    ).toBe(50);
    expect(score(r.relationshipPillar, {})).toBeUndefined();
  });

  it('payment and growth, office skill: tiers score the middle of their bands', () => {
    expect(score(r.paymentOffice, { paymentStatus: 'current' })).toBe(90);
    expect(score(r.paymentOffice, { paymentStatus: 'late' })).toBe(70);
    // "late_2x+: at_risk" is the playbook's worst payment tier; delinquent is read from "late 2x+"
    expect(score(r.paymentOffice, { paymentStatus: 'delinquent' })).toBe(50);
    expect(score(r.growthOffice, { arrTrend: 'contracting' })).toBe(50);
  });
});

describe('scales', () => {
  it.each(Object.entries(r.SCALES))(
    '%s: ascending bands, each starting where the last ends, every boundary in exactly one',
    (_name, scale) => {
      scale.forEach((band, i) => {
        expect(band.from).toBeLessThanOrEqual(band.to);
        const next = scale[i + 1];
        if (!next) return;
        expect(next.from).toBe(band.to);
        expect(band.toIncluded !== next.fromIncluded).toBe(true);
      });
    },
  );

  it('scoreOnScale reads open and closed ends as written', () => {
    const scale = r.SCALES.dauMauOffice;
    expect(r.scoreOnScale(0.3, scale)).toBe(60); // in "0.3-0.5" (listed before "0.1-0.3")
    expect(r.scoreOnScale(0.5, scale)).toBe(79); // not in ">0.5"
    expect(r.scoreOnScale(-1, scale)).toBe(0);
    expect(r.scoreOnScale(2, scale)).toBe(100);
  });
});
