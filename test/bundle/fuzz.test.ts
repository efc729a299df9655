/**
 * Property-based fuzzing of every custom function through the built bundle, as Sheets calls
 * them: each function's sample call (dev/function-calls.ts) with hostile cells put into its
 * ranges and in place of its arguments. Whatever the cells:
 * - no JavaScript error: the only error a call may throw is an ArgumentError, whose message
 *   names the argument (Sheets shows it on the formula's cell);
 * - every output cell is something a cell can show: a finite number, text of at most 50,000
 *   characters, a boolean or a date; never NaN, Infinity, undefined, null or an object;
 * - the right shape: a row-wise function gives one row per account row, of its width;
 * - one row's garbage never changes another row's result;
 * - messages quote at most an excerpt of a cell (40 characters), never the whole of it.
 * Seeds and run counts are fixed so that the suite stays quick and repeatable. How long a
 * call takes on long cells is measured in bench/long-cells.ts (never asserted here).
 */
import fc from 'fast-check';
import { type FunctionSample, functionSamples, sampleBook } from '../../dev/function-calls';
import { loadBundle, type LocalRuntime } from '../../dev/runtime';

let runtime: LocalRuntime;
let samples: FunctionSample[];

beforeAll(() => {
  runtime = loadBundle({ now: new Date(Date.UTC(2026, 0, 15, 12)), timeZone: 'UTC' });
  samples = functionSamples(sampleBook(6));
});

const MAX_CELL = 50_000;
const EXCERPT = 40;

/** Texts that have broken spreadsheet code before, and some that look like every kind of value. */
const NAMED_TEXTS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '=HYPERLINK("http://evil.test","x")',
  '=cmd|x@evil.test',
  '+1',
  '-',
  '@x',
  "'quoted",
  '#N/A',
  '#REF!',
  '#DIV/0!',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e999',
  '∞',
  '45%',
  '$1,200',
  '(5)',
  '1.2k',
  '999999999999999999999',
  'yes',
  'no',
  '✓',
  '2026-02-30',
  '2026-01-15T25:00',
  '0000-01-01',
  '9999-12-31',
  'Enterprise',
  'monthly',
  'cs-engine',
  ' ',
];

/** A run of one character, long enough to matter (the long-cell benchmark goes to 50,000). */
const longRun = fc
  .tuple(fc.constantFrom('1', '9', ' ', '-', '$', 'x', ',', '.', '%', '='), fc.nat({ max: 3_000 }))
  .map(([char, length]) => char.repeat(length + 41));

/** Pieces of number text in any order and with any spacing, the way a reader is stressed. */
const numberish = fc
  .array(
    fc.constantFrom(
      '1',
      '0',
      ',',
      '.',
      ' ',
      '  ',
      '-',
      '+',
      '$',
      '€',
      'k',
      'm',
      'bn',
      '%',
      'usd',
      '(',
      ')',
    ),
    {
      maxLength: 12,
    },
  )
  .map((pieces) => pieces.join(''));

const hostileText = fc.oneof(
  fc.constantFrom(...NAMED_TEXTS),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 30, unit: 'binary' }),
  numberish,
  longRun,
);

/** Numbers a cell can hold: finite, of any size (Sheets never passes NaN or Infinity). */
const hostileNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 5e-324, -0, 2 ** 31, 1e15, 1e16, 0.5, 100, 101),
);

const hostileDate = fc.date({
  min: new Date(Date.UTC(-270_000, 0, 1)),
  max: new Date(Date.UTC(270_000, 0, 1)),
  noInvalidDate: true,
});

const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 5 },
  { arbitrary: hostileNumber, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: hostileDate, weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

/** A range of hostile cells (Sheets always passes rectangular ranges). */
const hostileRange = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(hostileCell, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

/** What Sheets hands back for one call: the result, or the error it threw. */
type Outcome = { result: unknown } | { error: Error };

function callBundle(sample: FunctionSample, args: unknown[]): Outcome {
  try {
    return { result: runtime.call(sample.fn, ...args) };
  } catch (error) {
    return { error: error as Error };
  }
}

/** Every cell of a result, flattened (a single value is one cell). */
function cellsOf(result: unknown): unknown[] {
  if (!Array.isArray(result)) return [result];
  return result.flatMap((row: unknown) => (Array.isArray(row) ? row : [row]));
}

function isShowable(cell: unknown): boolean {
  if (typeof cell === 'number') return Number.isFinite(cell);
  if (typeof cell === 'string') return cell.length <= MAX_CELL;
  if (typeof cell === 'boolean') return true;
  return Object.prototype.toString.call(cell) === '[object Date]';
}

/** The texts among `cells` long enough that quoting one whole would break the excerpt rule. */
function longTexts(cells: readonly unknown[]): string[] {
  return cells.filter(
    (cell): cell is string => typeof cell === 'string' && cell.trim().length > EXCERPT,
  );
}

/**
 * Functions whose output repeats a cell by design: CSMCAPACITY lists the CSMs by name, and
 * HEALTHTIER passes a row's message through. Their other checks still apply.
 */
const ECHOES_CELLS = new Set(['CSMCAPACITY', 'HEALTHTIER']);

/** Checks everything an outcome must satisfy whatever the input; returns the result, if any. */
function checkOutcome(
  sample: FunctionSample,
  outcome: Outcome,
  placed: readonly unknown[],
): unknown {
  const quoted = longTexts(placed).map((text) => text.trim().slice(0, EXCERPT + 1));
  if ('error' in outcome) {
    const { error } = outcome;
    expect({ fn: sample.label, name: error.name, message: error.message.slice(0, 200) }).toEqual({
      fn: sample.label,
      name: 'ArgumentError',
      message: error.message.slice(0, 200),
    });
    expect(error.message.length).toBeLessThanOrEqual(2_000);
    for (const excerpt of quoted) expect(error.message.includes(excerpt)).toBe(false);
    return undefined;
  }
  const cells = cellsOf(outcome.result);
  const bad = cells.filter((cell) => !isShowable(cell));
  expect({ fn: sample.label, bad }).toEqual({ fn: sample.label, bad: [] });
  if (Array.isArray(outcome.result)) {
    const width = Math.max(...outcome.result.map((row: unknown[]) => row.length));
    expect(width).toBeLessThanOrEqual(18_278);
    expect(outcome.result.every((row: unknown[]) => row.length === width)).toBe(true);
  }
  if (!ECHOES_CELLS.has(sample.fn)) {
    for (const excerpt of quoted) {
      const echoed = cells.some((cell) => typeof cell === 'string' && cell.includes(excerpt));
      expect({ fn: sample.label, echoed }).toEqual({ fn: sample.label, echoed: false });
    }
  }
  return outcome.result;
}

/** A copy of a range argument with `cell` at (row, column). */
function withCell(arg: unknown, row: number, column: number, cell: unknown): unknown[][] {
  const grid = (arg as unknown[][]).map((cells) => [...cells]);
  const target = grid[row] as unknown[];
  target[column % target.length] = cell;
  return grid;
}

/** Fixed for CI; FUZZ_RUNS=2000 FUZZ_SEED=n npx jest test/bundle/fuzz.test.ts for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 10);

describe('every custom function, fuzzed through the bundle', () => {
  it('covers every custom function the bundle defines', () => {
    const defined = Object.keys(runtime.globals).filter((name) => /^[A-Z]+$/.test(name));
    expect(new Set(samples.map((sample) => sample.fn))).toEqual(new Set(defined));
  });

  it('any hostile cell anywhere in a range: no JavaScript error, nothing a cell cannot show, the right shape', () => {
    for (const sample of samples) {
      const ranges = sample.args
        .map((arg, index) => ({ arg, index }))
        .filter(({ arg }) => Array.isArray(arg));
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              range: fc.nat(),
              row: fc.nat(),
              column: fc.nat(),
              cell: hostileCell,
            }),
            { minLength: 1, maxLength: 4 },
          ),
          (placements) => {
            const args = [...sample.args];
            for (const { range, row, column, cell } of placements) {
              const { index } = ranges[range % ranges.length] as { index: number };
              const grid = args[index] as unknown[][];
              args[index] = withCell(grid, row % grid.length, column, cell);
            }
            const result = checkOutcome(
              sample,
              callBundle(sample, args),
              placements.map((p) => p.cell),
            );
            if (sample.rows && Array.isArray(result)) {
              const accounts = (sample.args[sample.rows.args[0] as number] as unknown[][]).length;
              expect(result).toHaveLength(accounts);
              for (const row of result as unknown[][]) expect(row).toHaveLength(sample.rows.width);
            }
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    }
  });

  it('any hostile value in place of a whole argument: a result or a clear ArgumentError', () => {
    for (const sample of samples) {
      // Every named text and extreme number in every argument, then random ones.
      for (const cell of [...NAMED_TEXTS, 1e308, -1e308, 2 ** 31, 1e16, -0, 5e-324]) {
        sample.args.forEach((_, index) => {
          const args = sample.args.map((arg, i) => (i === index ? cell : arg));
          checkOutcome(sample, callBundle(sample, args), [cell]);
        });
      }
      fc.assert(
        fc.property(fc.nat(), fc.oneof(hostileCell, hostileRange), (which, value) => {
          const index = which % sample.args.length;
          const args = sample.args.map((arg, i) => (i === index ? value : arg));
          checkOutcome(sample, callBundle(sample, args), cellsOf(value));
        }),
        { seed: SEED + 1, numRuns: RUNS },
      );
    }
  });

  it("one row's garbage never changes another row's result", () => {
    for (const sample of samples) {
      const rows = sample.rows;
      if (!rows) continue;
      const clean = checkOutcome(sample, callBundle(sample, [...sample.args]), []) as unknown[][];
      const accounts = clean.length;
      fc.assert(
        fc.property(
          fc.nat({ max: accounts - 1 }),
          fc.array(fc.tuple(fc.nat(), fc.nat(), hostileCell), { minLength: 1, maxLength: 3 }),
          (row, garbage) => {
            const args = [...sample.args];
            for (const [which, column, cell] of garbage) {
              const index = rows.args[which % rows.args.length] as number;
              args[index] = withCell(args[index], row, column, cell);
            }
            const outcome = callBundle(sample, args);
            const result = checkOutcome(
              sample,
              outcome,
              garbage.map(([, , cell]) => cell),
            ) as unknown[][];
            expect({ fn: sample.label, threw: result === undefined }).toEqual({
              fn: sample.label,
              threw: false,
            });
            const others = (grid: unknown[][]) => grid.filter((_, r) => r !== row);
            expect({ fn: sample.label, rows: others(result) }).toEqual({
              fn: sample.label,
              rows: others(clean),
            });
          },
        ),
        { seed: SEED + 2, numRuns: RUNS },
      );
    }
  });
});
