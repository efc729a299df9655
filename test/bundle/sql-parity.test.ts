/**
 * Proof without Google that the health model compiled to SQL computes what the add-on does:
 * the DuckDB dialect of the generated query, run over books loaded as text, against the
 * BUILT bundle's HEALTHSCORE, HEALTHTIER and HEALTHDRIVERS through the local runtime, row by
 * row: every score, tier, driver text and error text equal.
 *
 * Books: the demo book (messy and clean) for every preset and a custom model; 100,000
 * generated messy rows for the default preset (the other presets read the same cells through
 * the same readers, and run on fewer rows to keep this file under a minute on two busy
 * cores); an adversarial book of edge values for every model; random books (fast-check).
 * Then the proof that the test can fail: one rubric's definition changed, the SQL
 * regenerated, and the rows it moves no longer match.
 *
 * The few inputs on which SQL cannot follow JavaScript are listed in docs/bigquery.md; the
 * last tests show each, so that a change in them is seen.
 */
import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import { generateBook } from '../../dev/demo-book';
import { loadBook, openDuckDB, runHealthSql } from '../../dev/duckdb-book';
import { loadBundle, type LocalRuntime } from '../../dev/runtime/load-bundle';
import { dayFromParts } from '../../src/core/dates';
import { presetNames, resolveModel } from '../../src/core/models';
import { SCALES, TABLES } from '../../src/core/rubrics';
import { healthModelSql } from '../../src/core/sql/health';
import { fuzzBook } from '../helpers/fuzz-book';

jest.setTimeout(240_000);

const TODAY = dayFromParts(2026, 1, 15);
const TODAY_TEXT = '2026-01-15';
/** Demo books hold Dates at local midnight: the spreadsheet's time zone is the local one. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

type ModelArg = string | (string | number)[][];

/** Custom weights on the default recipes, as a user types them in a 2-column range. */
const CUSTOM: ModelArg = [
  ['Dimension', 'Weight'],
  ['Product usage', 40],
  ['Engagement', 20],
  ['Support', 12.5],
  ['Satisfaction', 7.5],
  ['Payment', 20],
];
/** Every dimension at once, so that every default recipe is compared. */
const EVERY_DIMENSION: ModelArg = [
  ['Product usage', 12],
  ['Engagement', 11],
  ['Support', 10],
  ['Outcomes', 9],
  ['Relationship', 8],
  ['Financial', 7],
  ['Sentiment', 6],
  ['Feature breadth', 5],
  ['Executive engagement', 4],
  ['Satisfaction', 3],
  ['Growth', 2],
  ['Payment', 1],
];
const MODELS: [string, ModelArg][] = [
  ...presetNames().map((name) => [name, name] as [string, ModelArg]),
  ['custom weights', CUSTOM],
];

let runtime: LocalRuntime;
let duck: DuckDBConnection;

beforeAll(async () => {
  runtime = loadBundle({ now: new Date(2026, 0, 15, 12), timeZone: TIME_ZONE });
  duck = await openDuckDB();
});

interface Book {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

interface Comparison {
  readonly rows: number;
  readonly scored: number;
  readonly errors: number;
  /** The first few rows that differ, with what each side gave. */
  readonly differences: string[];
  readonly differing: number;
  /** Rows whose error text is too long for HEALTHTIER to pass through as a message. */
  readonly longErrors: number;
}

/** The bundle and the SQL over the same book (already loaded as `table`), row by row. */
async function compare(table: string, book: Book, model: ModelArg): Promise<Comparison> {
  const headers = [book.headers];
  const scores = runtime.call<unknown[][]>('HEALTHSCORE', headers, book.rows, model, TODAY_TEXT);
  const drivers = runtime.call<unknown[][]>('HEALTHDRIVERS', headers, book.rows, model, TODAY_TEXT);
  const tiers = runtime.call<unknown[][]>('HEALTHTIER', scores, model);
  const sql = healthModelSql(resolveModel(model), {
    dialect: 'duckdb',
    table,
    columns: book.headers,
    today: TODAY,
    timeZone: TIME_ZONE,
  });
  const rows = await runHealthSql(duck, sql);
  expect(rows).toHaveLength(book.rows.length);
  const differences: string[] = [];
  let differing = 0;
  let scored = 0;
  let errors = 0;
  let longErrors = 0;
  rows.forEach((row, i) => {
    const add = { score: scores[i]?.[0], tier: tiers[i]?.[0], drivers: drivers[i]?.[0] };
    const sql = { score: row.score ?? row.error ?? '', tier: row.tier, drivers: row.drivers };
    if (typeof add.score === 'number') scored++;
    else if (add.score !== '') errors++;
    if (String(add.tier).startsWith('Score: expected a number')) longErrors++;
    if (add.score !== sql.score || add.tier !== sql.tier || add.drivers !== sql.drivers) {
      differing++;
      if (differences.length < 5) {
        differences.push(
          `row ${i}: add-on ${JSON.stringify(add)}, SQL ${JSON.stringify(sql)}, cells ${JSON.stringify(book.rows[i])}`,
        );
      }
    }
  });
  return { rows: rows.length, scored, errors, differences, differing, longErrors };
}

function expectSame(result: Comparison): void {
  expect(result.differences).toEqual([]);
  expect(result.differing).toBe(0);
}

describe('the demo book', () => {
  const messy = generateBook({ accounts: 3_000, seed: 11, today: new Date(2026, 0, 15) });
  const clean = generateBook({
    accounts: 500,
    seed: 12,
    today: new Date(2026, 0, 15),
    messy: false,
  });

  beforeAll(async () => {
    await loadBook(duck, 'demo_messy', messy.headers, messy.rows);
    await loadBook(duck, 'demo_clean', clean.headers, clean.rows);
  });

  test.each(MODELS)('%s: every row of the messy book', async (_name, model) => {
    const result = await compare('demo_messy', messy, model);
    expectSame(result);
    // The messy book has broken cells and a blank row: errors and blanks are compared too.
    expect(result.errors).toBeGreaterThan(0);
    expect(result.scored).toBeGreaterThan(2_500);
  });

  test.each(MODELS)('%s: every row of the clean book', async (_name, model) => {
    const result = await compare('demo_clean', clean, model);
    expectSame(result);
    expect(result.scored).toBe(500);
  });
});

describe('100,000 generated messy rows', () => {
  const big = generateBook({ accounts: 100_000, seed: 7, today: new Date(2026, 0, 15) });

  beforeAll(async () => {
    await loadBook(duck, 'demo_100k', big.headers, big.rows);
  });

  test('cs-engine (the default): all 100,000 rows', async () => {
    const result = await compare('demo_100k', big, 'cs-engine');
    expectSame(result);
    expect(result.rows).toBe(100_000);
  });

  test.each(MODELS.filter(([name]) => name !== 'cs-engine'))(
    '%s: the first 20,000 rows',
    async (_name, model) => {
      const part = { headers: big.headers, rows: big.rows.slice(0, 20_000) };
      await loadBook(duck, 'demo_20k', part.headers, part.rows);
      expectSame(await compare('demo_20k', part, model));
    },
  );
});

describe('the adversarial book: every boundary, spelling and mistake', () => {
  const book = fuzzBook(6_000, 5, TODAY);

  beforeAll(async () => {
    await loadBook(duck, 'fuzz', book.headers, book.rows);
  });

  test.each([...MODELS, ['every dimension', EVERY_DIMENSION] as [string, ModelArg]])(
    '%s',
    async (_name, model) => {
      const result = await compare('fuzz', book, model);
      expectSame(result);
      expect(result.scored).toBeGreaterThan(2_000);
      expect(result.errors).toBeGreaterThan(1_000);
    },
  );
});

test('rows with every cell wrong: error texts too long for HEALTHTIER to pass through', async () => {
  const book = fuzzBook(100, 9, TODAY, 0, 1);
  await loadBook(duck, 'all_wrong', book.headers, book.rows);
  const result = await compare('all_wrong', book, EVERY_DIMENSION);
  expectSame(result);
  expect(result.longErrors).toBeGreaterThan(0);
});

test('random books and random weights (property)', async () => {
  const dimensions = EVERY_DIMENSION.map(([name]) => name as string);
  const model = fc.oneof(
    fc.constantFrom<ModelArg>(...presetNames()),
    fc
      .subarray(dimensions, { minLength: 1 })
      .chain((names) =>
        fc.tuple(
          ...names.map((name) =>
            fc.integer({ min: 1, max: 60 }).map((weight): (string | number)[] => [name, weight]),
          ),
        ),
      ),
  );
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), model, async (seed, weights) => {
      const book = fuzzBook(40, seed, TODAY, 0.4);
      const table = `random_${run++}`;
      await loadBook(duck, table, book.headers, book.rows);
      const result = await compare(table, book, weights);
      await duck.run(`DROP TABLE ${table}`);
      return result.differing === 0;
    }),
    { numRuns: 25 },
  );
});

describe('the test fails when a rubric of the SQL changes', () => {
  const book = generateBook({ accounts: 2_000, seed: 3, today: new Date(2026, 0, 15) });

  beforeAll(async () => {
    await loadBook(duck, 'mutation', book.headers, book.rows);
  });

  /** Changes a definition for the SQL only (the bundle was built before), then restores it. */
  async function withMutation<T extends object, K extends keyof T>(
    target: T,
    key: K,
    value: T[K],
    model: ModelArg,
  ): Promise<Comparison> {
    const mutable = target as { [P in K]: T[K] };
    const before = mutable[key];
    mutable[key] = value;
    try {
      return await compare('mutation', book, model);
    } finally {
      mutable[key] = before;
    }
  }

  test('a band of a scale: DAU/MAU 20-40% scoring 40-61 instead of 40-60', async () => {
    const band = SCALES.dauMauEngine[1] as { high: number };
    const result = await withMutation(band, 'high', 61, 'cs-engine');
    expect(result.differing).toBeGreaterThan(0);
    expectSame(await compare('mutation', book, 'cs-engine'));
  });

  test('a score of a table: on-time payments with stable ARR scoring 55 instead of 50', async () => {
    const result = await withMutation(TABLES.financialEngine.current, 'stable', 55, 'cs-engine');
    expect(result.differing).toBeGreaterThan(0);
  });

  test("a band's end: 50% of seats active falling to the 20-49% step", async () => {
    const band = SCALES.seatsPlaybook[1] as { toIncluded: boolean };
    const result = await withMutation(band, 'toIncluded', true, 'playbook');
    expect(result.differing).toBeGreaterThan(0);
  });
});

describe('where SQL cannot follow JavaScript (listed in docs/bigquery.md)', () => {
  async function sqlAndAddOn(cells: Record<string, string>): Promise<[unknown, unknown]> {
    const headers = Object.keys(cells);
    const rows = [Object.values(cells)];
    const table = 'differences';
    await loadBook(duck, table, headers, rows);
    const [sql] = await runHealthSql(
      duck,
      healthModelSql(resolveModel('cs-engine'), {
        dialect: 'duckdb',
        table,
        columns: headers,
        today: TODAY,
        timeZone: TIME_ZONE,
      }),
    );
    const addOn = runtime.call<unknown[][]>(
      'HEALTHSCORE',
      [headers],
      rows,
      'cs-engine',
      TODAY_TEXT,
    );
    return [addOn[0]?.[0], sql?.score ?? sql?.error];
  }

  test('full-width letters: NFKD reads "ｕｐ" as up; DuckDB only strips accents', async () => {
    const [addOn, sql] = await sqlAndAddOn({ 'Login trend': 'ｕｐ' });
    expect(addOn).toBe(85);
    // DuckDB drops the letters, leaving no word: what the add-on reads an empty key as.
    expect(sql).not.toBe(85);
  });

  test('a quoted cell over 40 characters with emoji: JavaScript counts UTF-16 units', async () => {
    const text = `${'😀'.repeat(25)}`;
    const [addOn, sql] = await sqlAndAddOn({ 'DAU/MAU': text });
    expect(addOn).not.toBe(sql);
    expect(String(addOn)).toContain('...');
    expect(String(sql)).not.toContain('...');
  });

  test('a time of 24:00, which JavaScript reads as the next midnight', async () => {
    const [addOn, sql] = await sqlAndAddOn({ 'Last login': '2026-01-14T24:00' });
    expect(typeof addOn).toBe('number');
    expect(sql).toContain('Last login: expected a date');
  });
});
