/** The QBR's numbers and lists, each computed by a pure function of the snapshot, by value. */
import {
  actions,
  keyWins,
  metricRows,
  priorities,
  qbrRisks,
  summaryRows,
} from '../../src/core/qbr';
import { scoreTrend } from '../../src/core/snapshot';
import { TODAY, atRisk, healthy, snapshotOf } from '../helpers/snapshots';

const ROI = { 'Hours saved per month': 350, 'Hourly rate': 50, 'Annual investment': 60000 };

describe('QBR sections', () => {
  it('summary: score, tier, trend, segment, ARR, renewal and ROI', () => {
    const a = snapshotOf(healthy({ ...ROI, Segment: 'Enterprise' }));
    const rows = summaryRows(a, scoreTrend(a));
    expect(rows.map((row) => row[0])).toEqual([
      'Measure',
      'Health score',
      'Tier',
      'Trend',
      'Segment',
      'ARR',
      'Renewal',
      'ROI',
    ]);
    expect(rows[3]?.[1]).toBe('No history yet (the History sheet starts with the daily alerts)');
    expect(rows[5]?.[1]).toBe('$150,000');
    expect(rows[6]?.[1]).toBe('2026-09-30 (in 258 days)');
    expect(rows[7]?.[1]).toBe('3.5x');
  });

  it('wins: goals, ROI, seats, NPS and usage the book can show', () => {
    const a = snapshotOf(
      healthy({ ...ROI, 'Goals achieved': 1, 'Seats active': 90, NPS: 10, 'Usage change': 0.1 }),
    );
    expect(keyWins(a, scoreTrend(a))).toEqual([
      '1 success plan goal achieved',
      '$210,000 of value a year (3.5x)',
      '90% of licensed seats active',
      'NPS answer 10: a promoter',
      'Usage growing',
    ]);
    expect(keyWins(snapshotOf(atRisk()), { points: [], change: undefined })).toEqual([]);
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

  it('priorities and actions: the ROI to quantify, the renewal to prepare, the expansion', () => {
    const soon = snapshotOf(healthy({ 'Renewal date': '2026-04-15' }));
    expect(priorities(soon)).toContain('Prepare the renewal in 90 days');
    expect(priorities(soon)).toContain(
      'Quantify the ROI: fill in the hours saved, the hourly rate and the investment',
    );
    const list = actions(
      soon,
      { quarter: 'Q4 2025', agenda: 'qbr-60', today: TODAY, preparedBy: 'Dana' },
      true,
    );
    expect(list.map((item) => [item.action, item.owner, item.due - TODAY])).toEqual([
      ['Send the recap email with these action items', 'Dana', 1],
      ['Confirm next quarter’s goals and success criteria', 'Customer executive sponsor', 14],
      ['Update the success plan and score each goal', 'Dana', 14],
      ['Quantify and document the ROI', 'Dana', 7],
      ['Renewal: success recap (send a recap of what the customer achieved this year)', 'Dana', 15],
      ['Send the expansion proposal', 'Account executive', 30],
    ]);
  });
});
