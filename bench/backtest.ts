/** HEALTHBACKTEST and HEALTHCALIBRATE on a 10,000-account book whose churn process is known. */
import { median, time } from './timing';
import { renewalBook } from '../dev/renewal-book';
import type { LocalRuntime } from '../dev/runtime';

export interface BacktestFigures {
  readonly backtestMs: number;
  readonly calibrateMs: number;
  readonly aucBefore: unknown;
  readonly aucAfter: unknown;
}

export function benchBacktest(runtime: LocalRuntime, accounts: number, runs = 5): BacktestFigures {
  const book = renewalBook(accounts, 41);
  const outcomes = book.outcomes.map((outcome) => [outcome]);
  const scores = runtime.call<unknown[][]>('HEALTHSCORE', [book.headers], book.rows);
  const timeOf = (fn: () => unknown) => median(time(fn, runs));
  const backtestMs = timeOf(() => runtime.call('HEALTHBACKTEST', scores, outcomes));
  let table: unknown[][] = [];
  const calibrateMs = timeOf(() => {
    table = runtime.call<unknown[][]>('HEALTHCALIBRATE', [book.headers], book.rows, outcomes);
  });
  const valueOf = (label: string) => table.find((row) => row[0] === label)?.[1];
  return {
    backtestMs,
    calibrateMs,
    aucBefore: valueOf('AUC before'),
    aucAfter: valueOf('AUC after'),
  };
}
