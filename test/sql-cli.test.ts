/**
 * `npm run sql` as a process: the query alone on standard output (or in --out), for a preset
 * or custom weights, in BigQuery's dialect or DuckDB's (which runs here); every mistake said
 * in one line with exit code 2. The parity of the query itself is test/bundle/sql-parity.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateBook, toCsv } from '../dev/demo-book';
import { loadBook, openDuckDB, runHealthSql } from '../dev/duckdb-book';
import { expectUsageError, run, runScript } from './helpers/run-cli';

jest.setTimeout(60_000);

const SCRIPT = 'dev/sql.ts';

test('writes the BigQuery query, and nothing else, to standard output', async () => {
  const finished = await runScript(SCRIPT, ['--table', 'my-project.cs.accounts']);
  expect(finished).toMatchObject({ code: 0, stderr: '' });
  expect(finished.stdout).toMatch(/^-- CS Engine health model "CS Engine \(default\)"/);
  expect(finished.stdout).toContain('FROM `my-project.cs.accounts`');
  expect(finished.stdout).toContain('CURRENT_DATE(');
  expect(finished.stdout.endsWith(';\n')).toBe(true);
});

test('custom weights, a view and a fixed day', async () => {
  const finished = await runScript(SCRIPT, [
    '--table',
    'p.d.accounts',
    '--weights',
    'Product usage=40, Engagement=20,Support=40',
    '--view',
    'p.d.health',
    '--today',
    '2026-01-15',
  ]);
  expect(finished).toMatchObject({ code: 0, stderr: '' });
  expect(finished.stdout).toContain(
    '"Custom weights" (Product usage 40, Engagement 20, Support 40)',
  );
  expect(finished.stdout).toContain('CREATE OR REPLACE VIEW `p.d.health` AS');
  expect(finished.stdout).toContain("DATE '2026-01-15'");
});

test('--dialect duckdb with the columns of a CSV export: the query runs in DuckDB', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sql-cli-'));
  try {
    const book = generateBook({ accounts: 30, seed: 2, today: new Date(2026, 0, 15) });
    const csv = path.join(dir, 'book.csv');
    const out = path.join(dir, 'health.sql');
    fs.writeFileSync(csv, toCsv(book.headers, book.rows));
    const finished = await runScript(SCRIPT, [
      '--table',
      'accounts',
      '--dialect',
      'duckdb',
      '--columns-from',
      csv,
      '--model',
      'five-pillar',
      '--today',
      '2026-01-15',
      '--out',
      out,
    ]);
    expect(finished).toEqual({
      code: 0,
      stdout: '',
      stderr: `Wrote the Five-pillar model's SQL to ${out}\n`,
    });
    const duck = await openDuckDB();
    await loadBook(duck, 'accounts', book.headers, book.rows);
    const rows = await runHealthSql(duck, fs.readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(30);
    expect(rows.filter((row) => row.score !== null).length).toBeGreaterThan(20);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('a mistake: one line, exit code 2, no SQL', () => {
  it.each([
    [
      ['--bogus'],
      'unknown option --bogus (the options are --table, --model, --weights, --columns, --columns-from, --today, --time-zone, --view, --dialect, --out)',
    ],
    [[], '--table is required: the table to read, such as project.dataset.accounts'],
    [
      ['--table', 't', '--model', 'best'],
      'model: "best" is not a health model. Use one of "cs-engine", "playbook", "seven-signal", "five-pillar" or "four-factor", or a 2-column range of dimension and weight.',
    ],
    [
      ['--table', 't', '--model', 'playbook', '--weights', 'Support=1'],
      'give --model or --weights, not both',
    ],
    [
      ['--table', 't', '--weights', 'Support'],
      '--weights: expected dimension=weight pairs such as "Product usage=40,Engagement=20", got "Support"',
    ],
    [
      ['--table', 't', '--weights', 'Support=heavy'],
      '--weights: model row 1: the weight of Support should be a number such as 30, found "heavy".',
    ],
    [
      ['--table', 't', '--weights', 'Support=0'],
      '--weights: model: the weights add up to 0; give at least one dimension a weight.',
    ],
    [
      ['--table', 't', '--dialect', 'postgres'],
      '--dialect: expected bigquery or duckdb, got "postgres"',
    ],
    [
      ['--table', 't', '--today', '2026-02-30'],
      '--today: expected a date such as 2026-11-23, got "2026-02-30"',
    ],
    [
      ['--table', 't', '--time-zone', 'Mars/Base'],
      '--time-zone: expected a time zone such as America/New_York, got "Mars/Base"',
    ],
    [
      ['--table', 'p.d.t`; DROP TABLE x; --'],
      'The table name "p.d.t`; DROP TABLE x; --" cannot be written in SQL.',
    ],
    [
      ['--table', 't', '--columns', 'Account,Owner'],
      'none of the columns names health data the CS Engine (default) model can use. Expected columns such as DAU/MAU (or dau_mau), Seats active, Last login, Champion, Goals achieved or Payment status.',
    ],
    [
      ['--table', 't', '--columns-from', path.join(os.tmpdir(), 'no-such-book.csv')],
      `--columns-from: cannot read ${path.join(os.tmpdir(), 'no-such-book.csv')} (ENOENT: no such file or directory)`,
    ],
  ])('%j', async (args, line) => {
    const finished = await runScript(SCRIPT, args);
    expectUsageError(finished, `sql: ${line}`);
    expect(finished.stdout).toBe('');
  });
});

describe('through npm', () => {
  test('npm run -s sql: the query alone on standard output', async () => {
    const finished = await run('npm', ['run', '-s', 'sql', '--', '--table', 'p.d.t']);
    expect(finished).toMatchObject({ code: 0, stderr: '' });
    expect(finished.stdout).toMatch(/^-- CS Engine health model/);
  });

  test('npm run sql into a file or a pipe: refused, since npm’s lines would break the SQL', async () => {
    const finished = await run('npm', ['run', 'sql', '--', '--table', 'p.d.t']);
    expectUsageError(
      finished,
      'sql: npm put its own lines at the top of the output, so it is not clean SQL: run npm run -s sql -- ... > health.sql, or npm run sql -- ... --out health.sql',
    );
    expect(finished.stdout).not.toContain('WITH');
  });
});
