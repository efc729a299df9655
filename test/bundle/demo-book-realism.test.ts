/**
 * The demo book looks like a real team's book: most active accounts healthy, a minority at
 * risk and a few critical, a few percent churned in the last year. Scored by the bundle, as a
 * user's HEALTHSCORE column would score it.
 */
import { generateBook } from '../../dev/demo-book';
import { createSpreadsheet, loadBundle } from '../../dev/runtime';

describe('the demo book', () => {
  it('is mostly healthy: the top two tiers hold most active accounts', () => {
    const today = new Date('2026-11-30T00:00:00Z');
    const book = generateBook({ accounts: 1000, seed: 42, today });
    const runtime = loadBundle({
      spreadsheet: createSpreadsheet({ Accounts: [book.headers, ...book.rows] }),
      now: new Date('2026-11-30T12:00:00Z'),
    });
    const status = book.headers.indexOf('Status');
    const scores = (runtime.call('HEALTHSCORE', [book.headers], book.rows) as unknown[][])
      .map((row, i) => ({ score: row[0], churned: /churn/i.test(String(book.rows[i]?.[status])) }))
      .filter((row) => !row.churned && typeof row.score === 'number')
      .map((row) => row.score as number);
    const share = (low: number, high: number) =>
      scores.filter((score) => score >= low && score < high).length / scores.length;
    expect(share(60, 101)).toBeGreaterThan(0.7);
    expect(share(40, 60)).toBeGreaterThan(0.08);
    expect(share(40, 60)).toBeLessThan(0.25);
    expect(share(0, 40)).toBeGreaterThan(0.01);
    expect(share(0, 40)).toBeLessThan(0.1);
  });
});
