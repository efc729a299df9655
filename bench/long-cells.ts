/**
 * Long and hostile cells through every custom function: a cell of 50,000 digits, of 50,000
 * letters, a number followed by 4,000 spaces, signs and a currency between runs of spaces...
 * put in turn into every argument of each function's sample call (dev/function-calls.ts):
 * as the whole argument, in the first row of a column, across the first row of a book, and
 * as the first header. Reports the slowest placement per function (median of a few calls),
 * any result a cell could not show (a JavaScript error, a non-finite number, text over
 * 50,000 characters), and the time of the cell readers alone on each long cell.
 */
import { type FunctionSample, functionSamples, sampleBook } from '../dev/function-calls';
import type { LocalRuntime } from '../dev/runtime';
import { readNumber, readRatio } from '../src/core/cells';
import { readDay } from '../src/core/dates';
import { median, time } from './timing';

const SPACES = (n: number) => ' '.repeat(n);

/** The hostile cells, by a short name for the report. */
export const LONG_CELLS: readonly (readonly [string, string])[] = [
  ['50,000 digits', '9'.repeat(50_000)],
  ['50,000 letters', 'x'.repeat(50_000)],
  ['"1", 4,000 spaces, "x"', `1${SPACES(4_000)}x`],
  ['"-", "$", "1" between 500 spaces', `-${SPACES(500)}$${SPACES(500)}1${SPACES(500)}x`],
  ['"=" then 49,999 characters', `=${'A1+'.repeat(16_666)}1`],
  ['a date then 50,000 digits', `2026-01-15T${'9'.repeat(50_000)}`],
  ['50,000 digits and "%"', `${'1'.repeat(49_999)}%`],
  ['25,000 "1,"', '1,'.repeat(25_000)],
];

export interface LongCellFigure {
  readonly label: string;
  readonly calls: number;
  /** The slowest placement's median time. */
  readonly maxMs: number;
  readonly slowest: string;
  /** What the function returned that a cell cannot show, if anything. */
  readonly problems: string[];
}

export interface ReaderFigure {
  readonly cell: string;
  /** Median microseconds of one read (number, ratio and date readers each). */
  readonly numberUs: number;
  readonly ratioUs: number;
  readonly dateUs: number;
}

/** Every way of placing `cell` into a sample call: [where, args]. */
function placements(sample: FunctionSample, cell: unknown): [string, unknown[]][] {
  const out: [string, unknown[]][] = [];
  sample.args.forEach((arg, index) => {
    const replace = (value: unknown) => sample.args.map((a, i) => (i === index ? value : a));
    out.push([`argument ${index + 1}`, replace(cell)]);
    if (!Array.isArray(arg) || arg.length === 0) return;
    const grid = arg as unknown[][];
    const first = grid[0] ?? [];
    // A header row (one row): its first header; a range: its first row, every cell.
    const row = grid.length === 1 ? [cell, ...first.slice(1)] : first.map(() => cell);
    out.push([`argument ${index + 1}, first row`, replace([row, ...grid.slice(1)])]);
  });
  return out;
}

/** Why a result cannot go into cells, or undefined when it can. */
function cellProblem(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const width = Math.max(0, ...value.map((row) => (Array.isArray(row) ? row.length : 1)));
    if (width > 18_278) return `${width} columns wide`;
    for (const row of value) {
      for (const cell of Array.isArray(row) ? row : [row]) {
        const problem = cellProblem(cell);
        if (problem) return problem;
      }
    }
    return undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
  if (typeof value === 'string') {
    return value.length > 50_000 ? `text of ${value.length} characters` : undefined;
  }
  if (typeof value === 'boolean') return undefined;
  if (Object.prototype.toString.call(value) === '[object Date]') return undefined;
  return String(value);
}

/** Time of `fn` in ms: the median of `runs` calls after one warm-up. */
function medianMs(fn: () => void, runs: number): number {
  return median(time(fn, runs));
}

export function benchLongCells(runtime: LocalRuntime, runs = 3): LongCellFigure[] {
  const samples = functionSamples(sampleBook(6));
  return samples.map((sample) => {
    let maxMs = 0;
    let slowest = '';
    let calls = 0;
    const problems: string[] = [];
    for (const [name, cell] of LONG_CELLS) {
      for (const [where, args] of placements(sample, cell)) {
        let result: unknown;
        const call = () => {
          result = undefined;
          try {
            result = runtime.call(sample.fn, ...args);
          } catch (error) {
            const named = error as Error;
            if (named.name !== 'ArgumentError') {
              problems.push(`${name} in ${where}: ${named.name}: ${named.message.slice(0, 80)}`);
            }
          }
        };
        const ms = medianMs(call, runs);
        calls++;
        if (ms > maxMs) {
          maxMs = ms;
          slowest = `${name} in ${where}`;
        }
        const problem = result === undefined ? undefined : cellProblem(result);
        if (problem) problems.push(`${name} in ${where}: ${problem}`);
      }
    }
    return { label: sample.label, calls, maxMs, slowest, problems: [...new Set(problems)] };
  });
}

/** The cell readers alone (src/core/cells.ts, src/core/dates.ts) on each long cell, in µs. */
export function benchReaders(runs = 2_000): ReaderFigure[] {
  const us = (fn: () => unknown) => {
    const batch = 100;
    return (
      (medianMs(
        () => {
          for (let i = 0; i < batch; i++) fn();
        },
        Math.max(1, Math.round(runs / batch)),
      ) *
        1000) /
      batch
    );
  };
  return LONG_CELLS.map(([cell, text]) => ({
    cell,
    numberUs: us(() => readNumber(text)),
    ratioUs: us(() => readRatio(text)),
    dateUs: us(() => readDay(text, 'UTC')),
  }));
}
