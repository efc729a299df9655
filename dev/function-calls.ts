/**
 * One sample call of every custom function, built from a demo book, with what each argument
 * is: the fuzz test (test/bundle/fuzz.test.ts) and the long-cell benchmark (bench/long-cells.ts)
 * put hostile cells into these calls, so both cover every function the same way.
 */
import { type DemoBook, type DemoHeader, columnOf, generateBook } from './demo-book';

export interface FunctionSample {
  /** The global Sheets calls, such as "HEALTHSCORE". */
  readonly fn: string;
  /** A short name for reports: "NRR(start, end)". */
  readonly label: string;
  /** The arguments as Sheets passes them: a scalar for a cell, rows of cells for a range. */
  readonly args: readonly unknown[];
  /**
   * Row-wise functions: the arguments whose row i is account i, and the width of the result,
   * which then has one row per account row (row i computed from row i alone). Undefined for
   * a function that sums up its rows into a figure or a table.
   */
  readonly rows?: { readonly args: readonly number[]; readonly width: number };
}

export const SAMPLE_TODAY = new Date(Date.UTC(2026, 0, 15));

/** A book of `accounts` clean rows (no blank, script or formula row). */
export function sampleBook(accounts: number, seed = 11): DemoBook {
  return generateBook({ accounts, seed, today: SAMPLE_TODAY, messy: false });
}

/** Every custom function, called on `book`. */
export function functionSamples(book: DemoBook): FunctionSample[] {
  const n = book.rows.length;
  const col = (header: DemoHeader) => columnOf(book, header);
  const headers = [book.headers];
  const numbers = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => [f(i)]);
  const scores = numbers((i) => (i * 37) % 101);
  const outcomes = Array.from({ length: n }, (_, i) => [i % 3 === 0 ? 'churned' : 'renewed']);
  const start = numbers((i) => 10_000 + 1_000 * i);
  const expansion = numbers((i) => (i % 4) * 500);
  const contraction = numbers((i) => (i % 3) * 200);
  const churn = numbers((i) => (i % 5 === 0 ? 1_000 : 0));
  const rates = numbers((i) => (i % 20) / 1000);
  const answers = numbers((i) => i % 11);
  const ratings = numbers((i) => 1 + (i % 5));
  // A custom model: a 2-column range of dimension and weight, with its header row.
  const model = [
    ['Dimension', 'Weight'],
    ['Product usage', 40],
    ['Engagement', 20],
    ['Support', 10],
    ['Relationship', 15],
    ['Financial', 15],
  ];
  const book1 = (fn: string, extra: unknown[] = [], width = 1): FunctionSample => ({
    fn,
    label: `${fn}(headers, rows${extra.length > 0 ? ', ...' : ''})`,
    args: [headers, book.rows, ...extra],
    rows: { args: [1], width },
  });
  return [
    book1('HEALTHSCORE'),
    book1('HEALTHSCORE', [model]),
    {
      fn: 'HEALTHTIER',
      label: 'HEALTHTIER(scores, model)',
      args: [scores, 'playbook'],
      rows: { args: [0], width: 1 },
    },
    book1('HEALTHDRIVERS', [model]),
    { fn: 'NRR', label: 'NRR(start, end)', args: [col('ARR at period start'), col('ARR')] },
    {
      fn: 'NRR',
      label: 'NRR(start, expansion, contraction, churn)',
      args: [start, expansion, contraction, churn],
      rows: { args: [0, 1, 2, 3], width: 1 },
    },
    { fn: 'GRR', label: 'GRR(start, end)', args: [col('ARR at period start'), col('ARR')] },
    {
      fn: 'GRR',
      label: 'GRR(start, expansion, contraction, churn)',
      args: [start, expansion, contraction, churn],
      rows: { args: [0, 1, 2, 3], width: 1 },
    },
    {
      fn: 'LOGORETENTION',
      label: 'LOGORETENTION(start, end)',
      args: [col('ARR at period start'), col('ARR')],
    },
    { fn: 'SEGMENT', label: 'SEGMENT(arr)', args: [col('ARR')], rows: { args: [0], width: 1 } },
    { fn: 'HEALTHBACKTEST', label: 'HEALTHBACKTEST(scores, outcomes)', args: [scores, outcomes] },
    {
      fn: 'HEALTHCALIBRATE',
      label: 'HEALTHCALIBRATE(headers, rows, outcomes, model)',
      args: [headers, book.rows, outcomes, model],
    },
    book1('CHURNRISK', [SAMPLE_TODAY]),
    book1('EXPANSIONREADY', [SAMPLE_TODAY], 2),
    {
      fn: 'RENEWALSTAGE',
      label: 'RENEWALSTAGE(renewal dates, today)',
      args: [col('Renewal date'), SAMPLE_TODAY],
      rows: { args: [0], width: 1 },
    },
    { fn: 'NPS', label: 'NPS(answers)', args: [answers] },
    { fn: 'CSAT', label: 'CSAT(answers)', args: [ratings] },
    {
      fn: 'TTFV',
      label: 'TTFV(start, first value, segment)',
      args: [col('Contract start'), col('Renewal date'), col('Segment')],
      rows: { args: [0, 1, 2], width: 2 },
    },
    book1('ENGAGEMENTLEVEL', [SAMPLE_TODAY], 2),
    {
      fn: 'WINBACKSTAGE',
      label: 'WINBACKSTAGE(churn dates, today)',
      args: [col('Churn date'), SAMPLE_TODAY],
      rows: { args: [0], width: 1 },
    },
    {
      fn: 'COHORTRETENTION',
      label: 'COHORTRETENTION(start, end, arr, periods, today)',
      args: [col('Contract start'), col('Churn date'), col('ARR'), 12, SAMPLE_TODAY],
    },
    {
      fn: 'CHURNRATE',
      label: 'CHURNRATE(rates, from, to)',
      args: [rates, 'monthly', 'annual'],
      rows: { args: [0], width: 1 },
    },
    {
      fn: 'EXPANSIONRATE',
      label: 'EXPANSIONRATE(rates, from, to)',
      args: [rates, 'monthly', 'annual'],
      rows: { args: [0], width: 1 },
    },
    { fn: 'CSMCAPACITY', label: 'CSMCAPACITY(csm, arr)', args: [col('CSM'), col('ARR')] },
  ];
}
