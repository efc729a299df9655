/**
 * The health model compiled to SQL, run in DuckDB over a book loaded as text, beside the
 * bundle's HEALTHSCORE on the same book and model. DuckDB's figure is the query producing every
 * result row into a table (CREATE TEMP TABLE ... AS), so that no time goes to handing 100,000
 * rows back to JavaScript; loading the book is measured apart.
 */
import { loadBook, openDuckDB } from '../dev/duckdb-book';
import type { DemoBook } from '../dev/demo-book';
import type { LocalRuntime } from '../dev/runtime';
import { dayFromParts } from '../src/core/dates';
import { presetNames, resolveModel } from '../src/core/models';
import { healthModelSql } from '../src/core/sql/health';
import { median, time } from './timing';

interface SqlFigure {
  readonly model: string;
  readonly duckDbMs: number;
  readonly healthScoreMs: number;
  readonly bigQueryChars: number;
  readonly duckDbChars: number;
}

export interface SqlFigures {
  readonly rows: number;
  readonly loadMs: number;
  readonly threads: number;
  readonly figures: readonly SqlFigure[];
}

/** Custom weights, as in the parity tests. */
const CUSTOM = [
  ['Product usage', 40],
  ['Engagement', 20],
  ['Support', 12.5],
  ['Satisfaction', 7.5],
  ['Payment', 20],
];

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export async function benchSql(
  runtime: LocalRuntime,
  book: DemoBook,
  today: string,
  runs = 3,
): Promise<SqlFigures> {
  const duck = await openDuckDB();
  const threads = Number(
    (await duck.runAndReadAll("SELECT current_setting('threads')")).getRowsJS()[0]?.[0],
  );
  const loadStart = performance.now();
  await loadBook(duck, 'accounts', book.headers, book.rows);
  const loadMs = performance.now() - loadStart;
  const healthScore = (runtime.globals as Record<string, unknown>).HEALTHSCORE as (
    ...args: unknown[]
  ) => unknown;
  const models: [string, unknown][] = [
    ...presetNames().map((name) => [name, name] as [string, unknown]),
    ['custom weights', CUSTOM],
  ];
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const todayDay = dayFromParts(year, month, day);
  const figures: SqlFigure[] = [];
  for (const [name, arg] of models) {
    const model = resolveModel(arg);
    const options = { table: 'accounts', columns: book.headers, today: todayDay };
    const sql = healthModelSql(model, { ...options, dialect: 'duckdb' });
    const query = sql.replace(/;\s*$/, '');
    const duckDbMs = median(
      await timeAsync(() => duck.run(`CREATE OR REPLACE TEMP TABLE health AS ${query}`), runs),
    );
    const headers = [book.headers];
    const healthScoreMs = median(time(() => healthScore(headers, book.rows, arg, today), runs));
    figures.push({
      model: name,
      duckDbMs,
      healthScoreMs,
      bigQueryChars: healthModelSql(model, { ...options, dialect: 'bigquery' }).length,
      duckDbChars: sql.length,
    });
  }
  return { rows: book.rows.length, loadMs, threads, figures };
}
