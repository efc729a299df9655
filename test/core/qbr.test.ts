/** ROI, quarters and playbook choices, worked by hand. */
import { computeRoi, formatMoney, formatMultiple } from '../../src/core/roi';
import { parseQuarter, quarterChoices, longDay } from '../../src/core/quarters';
import { dayFromParts } from '../../src/core/dates';
import { npsFollowUpFor, tierPlaybookFor, cabCheck } from '../../src/core/playbooks';
import { classifyChurnReason } from '../../src/core/churn-reasons';
import { CONTENT } from '../../src/content';

const PLAYBOOKS = CONTENT.playbooks;

describe('ROI', () => {
  it('is the office skill’s worked example: 350 h x $50 x 12 = $210,000 against $60,000 = 3.5x', () => {
    const roi = computeRoi({ hoursSavedPerMonth: 350, hourlyRate: 50, annualInvestment: 60000 });
    expect(roi).toMatchObject({
      ok: true,
      monthlyValue: 17500,
      annualValue: 210000,
      multiple: 3.5,
    });
    expect(formatMultiple(3.5)).toBe('3.5x');
    expect(formatMoney(210000)).toBe('$210,000');
  });

  it('names what is missing', () => {
    const roi = computeRoi({ hourlyRate: 50 });
    expect(roi.ok).toBe(false);
    expect(!roi.ok && roi.missing).toEqual(['Hours saved per month', 'Annual investment']);
  });

  it('takes an investment under a dollar for none: no Infinity multiple', () => {
    for (const annualInvestment of [5e-324, 0.5, 0, -1]) {
      const roi = computeRoi({ hoursSavedPerMonth: 10, hourlyRate: 50, annualInvestment });
      expect(!roi.ok && roi.missing).toEqual(['Annual investment']);
    }
  });
});

describe('quarters', () => {
  it('reads Q4 2026 in several spellings and offers the quarters around today', () => {
    expect(parseQuarter('Q4 2026')).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarter('2026-q1')).toEqual({ year: 2026, quarter: 1 });
    expect(parseQuarter('Q5 2026')).toBeUndefined();
    expect(quarterChoices(dayFromParts(2026, 1, 15))).toEqual([
      'Q3 2025',
      'Q4 2025',
      'Q1 2026',
      'Q2 2026',
    ]);
    expect(longDay(dayFromParts(2026, 4, 16))).toBe('April 16, 2026');
  });
});

describe('playbooks', () => {
  it('pick the tier playbook and churn tier by score', () => {
    expect([85, 79, 60, 59, 40, 39, 0].map((s) => tierPlaybookFor(PLAYBOOKS, s).id)).toEqual([
      'thriving',
      'healthy',
      'healthy',
      'at-risk',
      'at-risk',
      'critical',
      'critical',
    ]);
    expect(tierPlaybookFor(PLAYBOOKS, 39).churnTier).toBe(3);
  });

  it('classify free-text churn reasons', () => {
    expect(classifyChurnReason('Switched to a competitor')).toBe('competition');
    expect(classifyChurnReason('Budget cuts')).toBe('financial');
    expect(classifyChurnReason('Never saw the ROI')).toBe('value');
    expect(classifyChurnReason('Missing feature')).toBe('product');
    expect(classifyChurnReason('Champion left')).toBe('relationship');
    expect(classifyChurnReason('Company pivot')).toBe('strategic');
    expect(classifyChurnReason('')).toBeUndefined();
  });

  it('follow up NPS answers and check CAB criteria', () => {
    expect(npsFollowUpFor(PLAYBOOKS, 6)?.title).toBe('Detractor (0-6)');
    expect(npsFollowUpFor(PLAYBOOKS, 8)?.title).toBe('Passive (7-8)');
    expect(npsFollowUpFor(PLAYBOOKS, 10)?.sla).toBeUndefined();
    expect(cabCheck(71, 200).eligible).toBe(true);
    expect(cabCheck(70, 200).eligible).toBe(false);
    expect(cabCheck(90, 100).eligible).toBe(false);
  });
});
