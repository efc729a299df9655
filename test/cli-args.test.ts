/** The dev scripts' command lines (dev/cli-args.ts): every mistake is a UsageError that says what was expected. */
import {
  type Args,
  MAX_ACCOUNTS,
  UsageError,
  bookArgs,
  bookFileArg,
  formatDay,
  parseArgs,
  parseDay,
  portNumber,
  todayFromArgs,
  wholeNumber,
} from '../dev/cli-args';

const SPEC = { values: ['port', 'seed', 'out'], flags: ['once'] };

function usageError(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a UsageError');
}

describe('parseArgs', () => {
  it('reads values (spaced or with =) and flags', () => {
    const args = parseArgs(['--port', '8081', '--once', '--out=book.csv', '--seed', '-7'], SPEC);
    expect([...args]).toEqual([
      ['port', '8081'],
      ['once', undefined],
      ['out', 'book.csv'],
      ['seed', '-7'],
    ]);
  });

  it('takes nothing for nothing', () => {
    expect(parseArgs([], SPEC).size).toBe(0);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus (the options are --port, --seed, --out, --once)'],
    [['--bogus=1'], 'unknown option --bogus (the options are --port, --seed, --out, --once)'],
    [['-p', '80'], 'unknown option -p (the options are --port, --seed, --out, --once)'],
    [['--'], 'unknown option -- (the options are --port, --seed, --out, --once)'],
    [['8080'], 'unexpected argument "8080"'],
    [['--once', 'yes'], 'unexpected argument "yes"'],
    [['--once=yes'], '--once takes no value'],
    [['--port'], '--port needs a value'],
    [['--port', '--once'], '--port needs a value'],
    [['--once', '--once'], '--once is given twice'],
    [['--port', '1', '--port=2'], '--port is given twice'],
  ])('%j: %s', (argv, message) => {
    expect(usageError(() => parseArgs(argv, SPEC))).toBe(message);
  });
});

describe('wholeNumber and portNumber', () => {
  it('read digits within the range', () => {
    expect(wholeNumber('12', '--n', { min: 1, max: 20 })).toBe(12);
    expect(wholeNumber(' -3 ', '--n', { min: -5, max: 5 })).toBe(-3);
    expect(portNumber('0', '--port')).toBe(0);
    expect(portNumber('65535', 'PORT')).toBe(65535);
  });

  it.each(['', 'abc', '1e3', '0x10', '1.5', '21', '0', '99999999999999999999'])(
    'refuse "%s" for a number from 1 to 20',
    (text) => {
      expect(usageError(() => wholeNumber(text, '--n', { min: 1, max: 20 }))).toBe(
        `--n: expected a whole number from 1 to 20, got "${text}"`,
      );
    },
  );

  it('read any exact whole number without a range', () => {
    expect(wholeNumber('-123456789', '--seed')).toBe(-123456789);
    expect(usageError(() => wholeNumber('99999999999999999999', '--seed'))).toBe(
      '--seed: expected a whole number, got "99999999999999999999"',
    );
  });

  it.each(['', 'abc', '-1', '65536', '80.5', '8e3'])('refuse the port "%s"', (text) => {
    expect(usageError(() => portNumber(text, 'PORT'))).toBe(
      `PORT: expected a port number from 0 to 65535, got "${text}"`,
    );
  });
});

describe('days', () => {
  it('reads a real day at local midnight', () => {
    expect(parseDay('2028-02-29')).toEqual(new Date(2028, 1, 29));
    expect(formatDay(parseDay('2026-11-23'))).toBe('2026-11-23');
  });

  it.each(['2026-13-01', '2026-02-30', '2027-02-29', '26-11-23', '2026-11-23T00:00', 'today'])(
    'refuses "%s"',
    (text) => {
      expect(usageError(() => parseDay(text))).toBe(
        `expected a date such as 2026-11-23, got "${text}"`,
      );
      const args: Args = new Map([['today', text]]);
      expect(usageError(() => todayFromArgs(args))).toBe(
        `--today: expected a date such as 2026-11-23, got "${text}"`,
      );
    },
  );

  it('is today at local midnight without --today', () => {
    const before = formatDay(new Date());
    const today = todayFromArgs(new Map());
    const after = formatDay(new Date());
    expect(today.getHours() + today.getMinutes() + today.getSeconds()).toBe(0);
    expect([before, after]).toContain(formatDay(today));
  });
});

describe('bookArgs', () => {
  it('defaults to 200 accounts, seed 42', () => {
    const args: Args = new Map([['today', '2026-11-23']]);
    expect(bookArgs(args)).toEqual({ accounts: 200, seed: 42, today: new Date(2026, 10, 23) });
  });

  it('reads the given ones', () => {
    const args: Args = new Map([
      ['accounts', '12'],
      ['seed', '-3'],
      ['today', '2026-01-31'],
    ]);
    expect(bookArgs(args)).toEqual({ accounts: 12, seed: -3, today: new Date(2026, 0, 31) });
  });

  it.each([
    ['accounts', 'abc', `--accounts: expected a whole number from 1 to ${MAX_ACCOUNTS}, got "abc"`],
    ['accounts', '0', `--accounts: expected a whole number from 1 to ${MAX_ACCOUNTS}, got "0"`],
    [
      'accounts',
      String(MAX_ACCOUNTS + 1),
      `--accounts: expected a whole number from 1 to ${MAX_ACCOUNTS}, got "${MAX_ACCOUNTS + 1}"`,
    ],
    ['seed', '4.2', '--seed: expected a whole number, got "4.2"'],
  ])('--%s %s', (name, value, message) => {
    const args: Args = new Map([[name, value]]);
    expect(usageError(() => bookArgs(args))).toBe(message);
  });
});

describe('bookFileArg', () => {
  it('is the path given with --book, or nothing', () => {
    expect(bookFileArg(new Map([['book', 'accounts.csv']]))).toBe('accounts.csv');
    expect(bookFileArg(new Map())).toBeUndefined();
  });

  const cases: [string, Args, string][] = [
    [
      '--accounts',
      new Map([
        ['book', 'a.csv'],
        ['accounts', '5'],
      ]),
      '--book and --accounts cannot be used together (--accounts is for the demo book)',
    ],
    [
      '--seed',
      new Map([
        ['book', 'a.csv'],
        ['seed', '7'],
      ]),
      '--book and --seed cannot be used together (--seed is for the demo book)',
    ],
    ['a blank path', new Map([['book', ' ']]), '--book needs the path of a CSV or Excel file'],
  ];
  it.each(cases)('with %s', (_, args, message) => {
    expect(usageError(() => bookFileArg(args))).toBe(message);
  });
});
