/**
 * One of a thing is singular, everywhere outside the alert run: "1 row", "1 account",
 * "1 day", never "1 rows" or "row(s)". Each text is driven with a count of 1 (and another
 * count) through the code that writes it; the sidebar's own texts use the same formatCount.
 */
import { createSpreadsheet, loadBundle } from '../../dev/runtime';
import { renderBacktestReport } from '../../src/app/backtest-report';
import { checkHeaders } from '../../src/app/header-check';
import { backtest } from '../../src/core/backtest';
import { buildDashboard } from '../../src/core/dashboard';
import { expansionGate } from '../../src/core/expansion';
import { defaultModel } from '../../src/core/models';
import { cabCheck } from '../../src/core/playbooks';
import { formatCount } from '../../src/core/text';
import { dayFromParts } from '../../src/core/dates';

/** No "(s)" and no "1 <plural>": the two mistakes this file is about. */
function expectGoodPlurals(text: string): void {
  expect(text).not.toMatch(/\w\(s\)/);
  expect(text).not.toMatch(
    /(^|[^\d.,])1 (rows|accounts|days|columns|emails|months|goals|answers|folds|pts|account rows)\b/,
  );
}

test('formatCount: singular for exactly 1, plural otherwise, thousands separated', () => {
  expect(formatCount(1, 'row')).toBe('1 row');
  expect(formatCount(0, 'row')).toBe('0 rows');
  expect(formatCount(2, 'day')).toBe('2 days');
  expect(formatCount(1.5, 'day')).toBe('1.5 days');
  expect(formatCount(1200, 'account')).toBe('1,200 accounts');
  expect(formatCount(3, 'child', 'children')).toBe('3 children');
});

test('Check setup: "the sheet, 1 row"', () => {
  const spreadsheet = createSpreadsheet(
    {
      Accounts: [
        ['Account', 'DAU/MAU'],
        ['Acme', 0.5],
      ],
    },
    { name: 'Book', timeZone: 'UTC' },
  );
  const runtime = loadBundle({ spreadsheet, timeZone: 'UTC', userEmail: 'owner@acme.test' });
  runtime.call('menuDiagnostics');
  const event = runtime.ui.events.at(-1);
  const html = event?.type === 'modalDialog' ? event.output.getContent() : '';
  expect(html).toContain('Your book of accounts: the &quot;Accounts&quot; sheet, 1 row');
  expectGoodPlurals(html);
});

test("Check my book's columns: 1 column recognised, 1 ignored", () => {
  const { message } = checkHeaders('Accounts', ['DAU/MAU', 'Notes']);
  expect(message).toContain('Recognised, 1 column: DAU/MAU.');
  expect(message).toContain('Not recognised, so ignored, 1 column: Notes.');
  expectGoodPlurals(message);
  expect(checkHeaders('Accounts', ['Notes', 'More notes']).message).toContain(
    'Recognised: no column.',
  );
});

test('the backtest report: 1 row skipped', () => {
  const figures = backtest([30, 50, 70, 90], [0, 1, 1, 0], 60, defaultModel().tiers);
  const html = renderBacktestReport({
    sheetName: 'Accounts',
    scoreSource: 'column "Score"',
    outcomeHeader: 'Outcome',
    figures: figures as NonNullable<typeof figures>,
    skipped: { blank: 1, badScore: [], badOutcome: [] },
    calibration: { unavailable: 'no health data' },
  });
  expect(html).toContain('4 accounts, churn rate');
  expect(html).toContain(' 1 row skipped (blank or unreadable score or outcome).');
  expectGoodPlurals(html);
});

test('the Dashboard: 1 account refreshed, of 1 answer, 1 account in TTFV', () => {
  const today = dayFromParts(2026, 1, 15);
  const dashboard = buildDashboard({
    bookSheet: 'Accounts',
    book: [
      ['Account', 'DAU/MAU', 'NPS', 'Contract start', 'First value date', 'ARR'],
      ['Acme', 0.5, 9, new Date('2025-06-01T00:00:00Z'), new Date('2025-06-20T00:00:00Z'), 1000],
    ],
    histories: new Map(),
    qbrLog: undefined,
    model: defaultModel(),
    today,
    timeZone: 'UTC',
    refreshedAt: '2026-01-15 09:00 (UTC)',
  });
  expect(dashboard.summary).toMatch(/^Dashboard refreshed: 1 account \(/);
  const texts = dashboard.rows.flat().filter((cell): cell is string => typeof cell === 'string');
  expect(texts).toContain('% promoters (9-10) minus % detractors (0-6) of 1 answer.');
  expect(texts).toContain('First value date minus Contract start, 1 account.');
  expectGoodPlurals([dashboard.summary, ...texts].join('\n'));
});

test('the expansion gate and the advisory board check: 1 day, 1 goal, 1 month', () => {
  const gate = expansionGate({
    topTier: true,
    daysInTopTier: 1,
    goalsAchieved: 1,
    roiDocumented: true,
    championEngaged: true,
    daysToRenewal: 1,
  });
  const reasons = gate.reasons.join('\n');
  expect(reasons).toContain('in the top tier for 1 day (needs 60+)');
  expect(reasons).toContain('1 goal achieved, ROI documented');
  expect(reasons).toContain('renewal in 1 day (within 60)');
  expect(
    expansionGate({ topTier: false, daysInTopTier: undefined, daysToRenewal: -1 }).reasons.join(
      '\n',
    ),
  ).toContain('renewal overdue by 1 day');
  expect(cabCheck(85, 40).reasons.join('\n')).toContain('a customer for 1 month');
  expectGoodPlurals(reasons);
});

test('RENEWALSTAGE: "1 day to renewal"; a range of 1 row against one of 2', () => {
  const spreadsheet = createSpreadsheet({ S: [['x']] }, { name: 'Book', timeZone: 'UTC' });
  const runtime = loadBundle({
    spreadsheet,
    timeZone: 'UTC',
    now: new Date('2026-01-15T12:00:00Z'),
  });
  const stage = runtime.call<string>(
    'RENEWALSTAGE',
    new Date('2026-01-16T00:00:00Z'),
    new Date('2026-01-15T00:00:00Z'),
  );
  expect(stage).toMatch(/, 1 day to renewal\./);
  expectGoodPlurals(stage);
  const notStarted = runtime.call<string>(
    'RENEWALSTAGE',
    new Date('2026-04-16T00:00:00Z'),
    new Date('2026-01-15T00:00:00Z'),
  );
  expectGoodPlurals(notStarted);
  expect(() => runtime.call('NRR', [[100]], [[100], [200]])).toThrow(
    'NRR: start_arr has 1 row but end_arr has 2 rows.',
  );
});
