/**
 * Each rule has one owner: the churn-reason categories, the segment, the QBR cadence, the key
 * that joins a row to History and the timestamp. These are the cases where the Dashboard and
 * the sidebar used to disagree, checked against the one rule both now use.
 */
import {
  CHURN_REASON_LABELS,
  churnCategory,
  classifyChurnReason,
} from '../../src/core/churn-reasons';
import { formatTimestamp } from '../../src/core/dates';
import { historyKey } from '../../src/core/history';
import { qbrIntervalDays, touchCadence } from '../../src/core/lifecycle';
import { segmentFor, segmentNamed, segmentOf } from '../../src/core/segments';

describe('churn reasons: one list of words for the Dashboard and the sidebar', () => {
  it.each([
    ['Poor support', 'relationship', 'Relationship'],
    ['Unused seats', 'value', 'Value'],
    ['Company closed', 'strategic', 'Strategic'],
    ['Switched to a competitor over price', 'competition', 'Competition'],
    ['Pricing too high', 'financial', 'Financial'],
    ['CS experience was poor', 'relationship', 'Relationship'],
    ['Not using it', 'value', 'Value'],
    ['Moved in-house', 'competition', 'Competition'],
    ['Reliability problems', 'product', 'Product'],
    ['Re-org: division shut down', 'strategic', 'Strategic'],
  ])('%p is %s', (text, reason, label) => {
    expect(classifyChurnReason(text)).toBe(reason);
    expect(churnCategory(text)).toBe(label);
    expect(CHURN_REASON_LABELS[reason as keyof typeof CHURN_REASON_LABELS]).toBe(label);
  });

  it('leaves a reason no word tells uncategorised', () => {
    expect(classifyChurnReason('???')).toBeUndefined();
    expect(classifyChurnReason(undefined)).toBeUndefined();
    expect(churnCategory('???')).toBe('Other');
  });
});

describe('segment: the Segment column first, then ARR', () => {
  it('an "Enterprise" account with $60k ARR is Enterprise, with a quarterly QBR', () => {
    const found = segmentFor({ segment: 'Enterprise', arr: 60_000 });
    expect(found).toEqual({ segment: 'Enterprise', from: 'column' });
    expect(touchCadence('Enterprise').qbr).toBe('Quarterly');
  });

  it('ARR (or MRR x 12) when the column says nothing it knows', () => {
    expect(segmentFor({ arr: 60_000 })).toEqual({ segment: 'Mid-Market', from: 'arr' });
    expect(segmentFor({ segment: 'Gold', mrr: 10_000 })).toEqual({
      segment: 'Enterprise',
      from: 'arr',
    });
    expect(segmentFor({})).toBeUndefined();
    expect([100_000, 99_999, 25_000, 5_000, 4_999].map(segmentOf)).toEqual([
      'Enterprise',
      'Mid-Market',
      'Mid-Market',
      'SMB',
      'Self-Serve',
    ]);
  });

  it('reads the usual spellings, and nothing of Object.prototype', () => {
    expect(['Mid-market', 'MM', 'self service', 'PLG', 'Ent'].map(segmentNamed)).toEqual([
      'Mid-Market',
      'Mid-Market',
      'Self-Serve',
      'Self-Serve',
      'Enterprise',
    ]);
    expect(segmentNamed('constructor')).toBeUndefined();
  });
});

describe('QBR cadence in days', () => {
  it('is 91, 182 and 365 days, and none for self-serve', () => {
    expect(qbrIntervalDays('Quarterly')).toBe(91);
    expect(qbrIntervalDays('Semi-annual')).toBe(182);
    expect(qbrIntervalDays('Annual')).toBe(365);
    expect(qbrIntervalDays(touchCadence('Self-Serve').qbr)).toBeUndefined();
  });
});

describe('historyKey', () => {
  it('is the Account ID, else the name, else the sheet row', () => {
    expect(historyKey({ accountId: 'A-1', account: 'Acme' }, 2)).toBe('A-1');
    expect(historyKey({ account: 'Acme' }, 2)).toBe('Acme');
    expect(historyKey({}, 7)).toBe('row-7');
  });
});

describe('formatTimestamp', () => {
  it('shows the instant on the spreadsheet’s clocks, with the zone named', () => {
    const instant = new Date('2026-11-23T23:30:00Z');
    expect(formatTimestamp(instant, 'UTC')).toBe('2026-11-23 23:30 (UTC)');
    expect(formatTimestamp(instant, 'Europe/Paris')).toBe('2026-11-24 00:30 (Europe/Paris)');
    expect(formatTimestamp(instant, 'America/Los_Angeles')).toBe(
      '2026-11-23 15:30 (America/Los_Angeles)',
    );
  });
});
