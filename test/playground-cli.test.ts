/**
 * `npm start` as a process (dev/start.ts through tsx, no terminal, no standard input): the
 * summary and `--once`, a taken port, a clean stop on SIGTERM, and a wrong argument or PORT
 * said in one line. The page itself is tested in test/browser/playground.test.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_ACCOUNTS } from '../dev/cli-args';
import { ROOT, TSX, cleanEnv, expectUsageError, runScript } from './helpers/run-cli';

jest.setTimeout(30_000);

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(TSX, ['dev/start.ts', '--today', '2026-11-23', ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Resolves when the process has printed `pattern` (or rejects when it exits first). */
function waitFor(started: Started, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(started.stdout());
      if (match) {
        started.child.stdout?.off('data', check);
        resolve(match);
      }
    };
    started.child.stdout?.on('data', check);
    void started.exit.then(() =>
      reject(new Error(`exited before printing ${pattern}: ${started.stderr()}`)),
    );
    check();
  });
}

test('--once prints the summary and exits 0 without serving', async () => {
  const once = start(['--once']);
  const { code } = await once.exit;
  expect(code).toBe(0);
  expect(once.stdout()).toContain('CS Engine — local run of dist/Code.js');
  expect(once.stdout()).toContain('riskiest active accounts');
  expect(once.stdout()).toContain('NRR:');
  expect(once.stdout()).not.toContain('Playground:');
});

test('a taken port: a clear message and a non-zero exit', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const taken = start([], { PORT: String(port) });
    const { code } = await taken.exit;
    expect(code).toBe(1);
    expect(taken.stderr().trim()).toBe(
      `Port ${port} is in use: another playground may be running. Stop it, or run PORT=${port + 1} npm start.`,
    );
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
});

test('serves after the summary, answers, and stops cleanly on SIGTERM', async () => {
  const served = start(['--port', '0']);
  try {
    const [, url] = await waitFor(served, /Playground: (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(served.stdout().indexOf('riskiest active accounts')).toBeLessThan(
      served.stdout().indexOf('Playground:'),
    );
    const response = await fetch(`${url}api/state`);
    expect(response.status).toBe(200);
    const state = (await response.json()) as { book: { rows: unknown[] } };
    expect(state.book.rows).toHaveLength(200);
    served.child.kill('SIGTERM');
    expect(await served.exit).toEqual({ code: 0, signal: null });
  } finally {
    served.child.kill('SIGKILL');
  }
});

describe('--book: the user’s own book', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-book-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the summary is of the book in the file', async () => {
    const file = path.join(dir, 'customers.csv');
    fs.writeFileSync(
      file,
      [
        'Account,CSM,ARR,ARR at period start,DAU/MAU,Last login,Payment status',
        'Acme Corp,Ana,"$120,000","$100,000",45%,2026-11-20,current',
        'Globex,Ben,1.2k,5000,5%,2026-08-01,delinquent',
        'Initech,Cy,,,,not a date,',
      ].join('\n'),
    );
    const once = start(['--once', '--book', file]);
    const { code } = await once.exit;
    expect(once.stderr()).toBe('');
    expect(code).toBe(0);
    expect(once.stdout()).toContain(`Book ${file}: 3 rows in sheet "customers", today 2026-11-23`);
    expect(once.stdout()).toContain('Acme Corp');
    expect(once.stdout()).toContain(
      "Last login: expected a date such as 2026-11-23, found 'not a date'",
    );
    expect(once.stdout()).toContain('NRR:');
  });

  // One process each (the other mistakes are tested without one, in book-file.test.ts).
  it.each([
    [
      'a missing file',
      'nope.csv',
      (file: string) => `cannot read "${file}": there is no such file.`,
    ],
    [
      'a broken CSV',
      'broken.csv',
      () =>
        '"broken.csv" could not be read as CSV: a quoted cell in row 2 is never closed (a " is missing).',
    ],
  ])('%s is one line, exit code 2', async (_, name, said) => {
    const file = path.join(dir, name);
    if (name === 'broken.csv') fs.writeFileSync(file, 'Account,ARR\n"Acme,10\n');
    const finished = await runScript('dev/start.ts', ['--once', '--book', file]);
    expectUsageError(finished, `npm start: --book: ${said(file)}`);
    expect(finished.stdout).toBe('');
  });
});

describe('a wrong argument or PORT: one line, exit code 2, nothing else', () => {
  const OPTIONS = '(the options are --port, --book, --accounts, --seed, --today, --once)';
  it.each([
    [['--port', 'abc'], {}, '--port: expected a port number from 0 to 65535, got "abc"'],
    [['--port', '70000'], {}, '--port: expected a port number from 0 to 65535, got "70000"'],
    [['--port'], {}, '--port needs a value'],
    [[], { PORT: 'abc' }, 'PORT: expected a port number from 0 to 65535, got "abc"'],
    [
      ['--accounts', 'abc'],
      {},
      `--accounts: expected a whole number from 1 to ${MAX_ACCOUNTS}, got "abc"`,
    ],
    [
      ['--today', '2026-13-01'],
      {},
      '--today: expected a date such as 2026-11-23, got "2026-13-01"',
    ],
    [['--bogus'], {}, `unknown option --bogus ${OPTIONS}`],
    [['--once', 'now'], {}, 'unexpected argument "now"'],
  ])('%j %j', async (args, env, line) => {
    const finished = await runScript('dev/start.ts', args, env);
    expectUsageError(finished, `npm start: ${line}`);
    expect(finished.stdout).toBe('');
  });
});
