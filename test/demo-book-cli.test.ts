/**
 * `npm run demo-book` as a process: the CSV alone on standard output (also through `npm run
 * -s`), or in --out; a wrong option said in one line; and plain `npm run` into a file or a
 * pipe, where npm's own lines would land in the CSV, refused with the commands that work.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_ACCOUNTS } from '../dev/cli-args';
import { DEMO_HEADERS } from '../dev/demo-book';
import { expectUsageError, run, runScript } from './helpers/run-cli';

jest.setTimeout(30_000);

const SCRIPT = 'dev/write-demo-book.ts';
const BOOK = ['--accounts', '3', '--today', '2026-11-23'];
const HEADER_LINE = DEMO_HEADERS.join(',');

test('writes the CSV, and nothing else, to standard output', async () => {
  const finished = await runScript(SCRIPT, BOOK);
  expect(finished).toMatchObject({ code: 0, stderr: '' });
  expect(finished.stdout.split(/\r?\n/)[0]).toBe(HEADER_LINE);
});

test('--out writes the file and says so on standard error', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-book-'));
  try {
    const file = path.join(dir, 'book.csv');
    const finished = await runScript(SCRIPT, [...BOOK, '--out', file]);
    expect(finished).toEqual({ code: 0, stdout: '', stderr: `Wrote 3 accounts to ${file}\n` });
    expect(fs.readFileSync(file, 'utf8').startsWith(`${HEADER_LINE}\r\n`)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('a wrong option: one line, exit code 2, no CSV', () => {
  const OPTIONS = '(the options are --accounts, --seed, --today, --out, --clean)';
  it.each([
    [['--bogus'], `unknown option --bogus ${OPTIONS}`],
    [
      ['--accounts', 'abc'],
      `--accounts: expected a whole number from 1 to ${MAX_ACCOUNTS}, got "abc"`,
    ],
    [['--seed', '1.5'], '--seed: expected a whole number, got "1.5"'],
    [['--today', '2026-13-01'], '--today: expected a date such as 2026-11-23, got "2026-13-01"'],
    [['--clean', 'yes'], 'unexpected argument "yes"'],
    [['--out'], '--out needs a value'],
    [
      ['--out', path.join(os.tmpdir(), 'no-such-folder-for-demo-book', 'book.csv')],
      `--out: cannot write ${path.join(os.tmpdir(), 'no-such-folder-for-demo-book', 'book.csv')} (ENOENT: no such file or directory)`,
    ],
  ])('%j', async (args, line) => {
    const finished = await runScript(SCRIPT, args);
    expectUsageError(finished, `demo-book: ${line}`);
    expect(finished.stdout).toBe('');
  });
});

describe('through npm', () => {
  test('npm run -s demo-book: clean CSV on standard output', async () => {
    const finished = await run('npm', ['run', '-s', 'demo-book', '--', ...BOOK]);
    expect(finished).toMatchObject({ code: 0, stderr: '' });
    expect(finished.stdout.split(/\r?\n/)[0]).toBe(HEADER_LINE);
  });

  test('npm run demo-book into a file or a pipe: npm’s lines are not written over as CSV', async () => {
    const finished = await run('npm', ['run', 'demo-book', '--', ...BOOK]);
    expectUsageError(
      finished,
      'demo-book: npm put its own lines at the top of the output, so it is not clean CSV: run npm run -s demo-book > book.csv, or npm run demo-book -- --out book.csv',
    );
    // What is in the output is npm's banner only, no half a book after it.
    expect(finished.stdout).not.toContain(HEADER_LINE);
    expect(finished.stdout).toContain('> cs-engine@');
  });
});
