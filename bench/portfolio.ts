/**
 * Issue 5's figures: the lifecycle and portfolio custom functions on 10,000 rows, and the
 * Dashboard refresh on a 10,000-account book (with History from an alert run first).
 */
import { median, time } from './timing';
import { type DemoBook, columnOf, generateBook } from '../dev/demo-book';
import { createSpreadsheet, loadBundle, type LocalRuntime } from '../dev/runtime';

export interface FunctionFigure {
  readonly name: string;
  readonly rows: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  /** why the call failed, if it did (the bench reports it and goes on) */
  readonly failure?: string;
}

export interface DashboardFigure {
  readonly accounts: number;
  readonly ms: number;
  readonly spreadsheetCalls: number;
  readonly setValues: number;
  readonly charts: number;
  readonly summary: string;
}

export function benchPortfolioFunctions(runtime: LocalRuntime, book: DemoBook): FunctionFigure[] {
  const headers = [book.headers];
  const col = (header: Parameters<typeof columnOf>[1]) => columnOf(book, header);
  const nps = col('NPS').map((row) => [
    typeof row[0] === 'number' ? Math.min(10, Math.max(0, Math.round(row[0]))) : '',
  ]);
  const csat = col('CSAT').map((row) => [
    typeof row[0] === 'number' && row[0] >= 1 && row[0] <= 5 ? Math.round(row[0]) : '',
  ]);
  const rates = Array.from({ length: book.rows.length }, (_, i) => [(i % 50) / 1000]);
  const calls: [string, unknown[], number][] = [
    ['CHURNRISK(headers, rows)', ['CHURNRISK', headers, book.rows], 5],
    ['EXPANSIONREADY(headers, rows)', ['EXPANSIONREADY', headers, book.rows], 5],
    ['ENGAGEMENTLEVEL(headers, rows)', ['ENGAGEMENTLEVEL', headers, book.rows], 5],
    ['RENEWALSTAGE(renewal dates)', ['RENEWALSTAGE', col('Renewal date')], 10],
    ['WINBACKSTAGE(churn dates)', ['WINBACKSTAGE', col('Churn date')], 10],
    [
      'TTFV(contract start, renewal, segment)',
      ['TTFV', col('Contract start'), col('Renewal date'), col('Segment')],
      10,
    ],
    ['NPS(answers)', ['NPS', nps], 10],
    ['CSAT(answers)', ['CSAT', csat], 10],
    [
      'COHORTRETENTION(start, churn date, ARR)',
      ['COHORTRETENTION', col('Contract start'), col('Churn date'), col('ARR')],
      10,
    ],
    ['CHURNRATE(column of rates)', ['CHURNRATE', rates], 10],
    ['EXPANSIONRATE(column of rates)', ['EXPANSIONRATE', rates], 10],
    ['CSMCAPACITY(CSM, ARR)', ['CSMCAPACITY', col('CSM'), col('ARR')], 10],
  ];
  return calls.map(([name, [fn, ...args], runs]) => {
    let times: number[];
    try {
      times = time(() => runtime.call(fn as string, ...args), runs);
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      return { name, rows: book.rows.length, runs, medianMs: NaN, minMs: NaN, failure };
    }
    return {
      name,
      rows: book.rows.length,
      runs,
      medianMs: median(times),
      minMs: Math.min(...times),
    };
  });
}

export function benchDashboard(accounts: number, today: Date): DashboardFigure {
  const book = generateBook({ accounts, seed: 7, today, messy: true });
  const spreadsheet = createSpreadsheet(
    { Accounts: [book.headers, ...book.rows] },
    { timeZone: 'UTC' },
  );
  // History from a first alert run, as the weekly trigger would have.
  const first = loadBundle({
    now: today,
    timeZone: 'UTC',
    spreadsheet,
    userEmail: 'owner@example.com',
  });
  first.call('menuAlertsRunNow');
  const runtime = loadBundle({
    now: today,
    timeZone: 'UTC',
    spreadsheet,
    userEmail: 'owner@example.com',
  });
  runtime.call('menuRefreshDashboard'); // warm-up
  runtime.calls.reset();
  const start = performance.now();
  runtime.call('menuRefreshDashboard');
  const ms = performance.now() - start;
  const alert = runtime.ui.events.filter((event) => event.type === 'alert').pop();
  return {
    accounts,
    ms,
    spreadsheetCalls:
      runtime.calls.total('SpreadsheetApp') +
      runtime.calls.total('Spreadsheet') +
      runtime.calls.total('Sheet') +
      runtime.calls.total('Range'),
    setValues: runtime.calls.count('Range.setValues'),
    charts: runtime.calls.count('Sheet.insertChart'),
    summary: alert?.type === 'alert' ? alert.prompt : '',
  };
}
