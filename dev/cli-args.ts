/**
 * The dev scripts' command lines (no dependency): `--name value`, `--name=value` and `--flag`,
 * checked against each script's own options. Whatever is wrong with an argument or an
 * environment value is a UsageError, which runCli prints as one line (never a stack: the
 * user typed it, the code is fine) before exiting with USAGE_EXIT_CODE.
 */
import { writeFileSync } from 'node:fs';

/** A wrong argument or environment value; the message is all the user needs. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The exit code of a usage error, as for most command-line tools. */
export const USAGE_EXIT_CODE = 2;

export interface OptionSpec {
  /** options that take a value: `--port 8080` or `--port=8080` */
  readonly values: readonly string[];
  /** options that take none: `--once` */
  readonly flags: readonly string[];
}

/** The options given, by name without dashes; a flag's value is undefined. */
export type Args = ReadonlyMap<string, string | undefined>;

export function parseArgs(argv: readonly string[], spec: OptionSpec): Args {
  const known = [...spec.values, ...spec.flags].map((name) => `--${name}`).join(', ');
  const args = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) throw new UsageError(`unexpected argument "${arg}"`);
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, equals > 0 ? equals : undefined) : '';
    if (args.has(name)) throw new UsageError(`--${name} is given twice`);
    if (spec.flags.includes(name)) {
      if (equals > 0) throw new UsageError(`--${name} takes no value`);
      args.set(name, undefined);
    } else if (spec.values.includes(name)) {
      if (equals > 0) {
        args.set(name, arg.slice(equals + 1));
        continue;
      }
      // A value may start with one dash (a negative seed), never two (the next option).
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`--${name} needs a value`);
      }
      args.set(name, next);
      i++;
    } else {
      const shown = equals > 0 ? arg.slice(0, equals) : arg;
      throw new UsageError(`unknown option ${shown} (the options are ${known})`);
    }
  }
  return args;
}

/**
 * A whole number written in digits (no 1e3, 0x10 or blank): from `range.min` to `range.max`,
 * or any that is exact in JavaScript.
 */
export function wholeNumber(
  text: string,
  what: string,
  range?: { readonly min: number; readonly max: number },
): number {
  const trimmed = text.trim();
  const value = /^[-+]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  const ok = range ? value >= range.min && value <= range.max : Number.isSafeInteger(value);
  if (!ok) {
    const expected = range ? `a whole number from ${range.min} to ${range.max}` : 'a whole number';
    throw new UsageError(`${what}: expected ${expected}, got "${text}"`);
  }
  return value;
}

export function portNumber(text: string, what: string): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(value <= 65535)) {
    throw new UsageError(`${what}: expected a port number from 0 to 65535, got "${text}"`);
  }
  return value;
}

/** Local midnight of a YYYY-MM-DD text that names a real day, or undefined. */
function dayOf(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  const real = date.getMonth() === Number(m) - 1 && date.getDate() === Number(d);
  return real ? date : undefined;
}

const dayExpected = (text: string) => `expected a date such as 2026-11-23, got "${text}"`;

/** Local midnight of a YYYY-MM-DD text. */
export function parseDay(text: string): Date {
  const date = dayOf(text);
  if (!date) throw new UsageError(dayExpected(text));
  return date;
}

/** `--today YYYY-MM-DD`, or the real current date, at local midnight. */
export function todayFromArgs(args: Args): Date {
  const given = args.get('today');
  if (given !== undefined) {
    const date = dayOf(given);
    if (!date) throw new UsageError(`--today: ${dayExpected(given)}`);
    return date;
  }
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/**
 * `--book path`: the user's CSV or Excel file instead of the demo book (the demo's --accounts
 * and --seed make no sense with it).
 */
export function bookFileArg(args: Args): string | undefined {
  const file = args.get('book');
  if (file === undefined) return undefined;
  const clash = ['accounts', 'seed'].find((name) => args.has(name));
  if (clash) {
    throw new UsageError(
      `--book and --${clash} cannot be used together (--${clash} is for the demo book)`,
    );
  }
  if (file.trim() === '') throw new UsageError('--book needs the path of a CSV or Excel file');
  return file;
}

/** The demo book's options, shared by every script that makes one. */
export const BOOK_OPTIONS = ['accounts', 'seed', 'today'] as const;

/** A demo book stays a demo: larger ones take long to build and to show. */
export const MAX_ACCOUNTS = 10_000;

export interface BookArgs {
  readonly accounts: number;
  readonly seed: number;
  readonly today: Date;
}

/** `--accounts` (default 200), `--seed` (default 42) and `--today` (default today). */
export function bookArgs(args: Args): BookArgs {
  const accounts = args.get('accounts');
  const seed = args.get('seed');
  return {
    accounts:
      accounts === undefined
        ? 200
        : wholeNumber(accounts, '--accounts', { min: 1, max: MAX_ACCOUNTS }),
    seed: seed === undefined ? 42 : wholeNumber(seed, '--seed'),
    today: todayFromArgs(args),
  };
}

/**
 * `npm run <script>` without -s: npm has already printed its "> cs-engine@… <script>" lines
 * to the standard output the script shares, and nothing can take them back. Silencing npm for
 * the whole project (loglevel=silent in .npmrc) would also hide npm install's output and every
 * npm error, so a script that writes a file's text (CSV, SQL) to standard output checks this
 * when it is not a terminal, and says what to type instead of writing a file that would not load.
 */
export function npmBannerInOutput(script: string, env: NodeJS.ProcessEnv): boolean {
  return (
    env.npm_lifecycle_event === script &&
    (env.npm_config_user_agent ?? '').startsWith('npm/') &&
    env.npm_config_loglevel !== 'silent'
  );
}

/** Writes `text` to the --out file; a file that cannot be written is a UsageError. */
export function writeOut(out: string, text: string): void {
  try {
    writeFileSync(out, text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split(',')[0] ?? '') : String(error);
    throw new UsageError(`--out: cannot write ${out} (${reason})`);
  }
}

/**
 * Runs a script's main and sets the exit code it returns. A UsageError is one line on standard
 * error, prefixed with the command the user typed; anything else is a bug, shown with its stack.
 */
export function runCli(command: string, main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        if (code !== 0) process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof UsageError) {
          process.stderr.write(`${command}: ${error.message}\n`);
          process.exitCode = USAGE_EXIT_CODE;
          return;
        }
        const shown = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`${command} failed: ${shown}\n`);
        process.exitCode = 1;
      },
    );
}

/** "2026-11-23" for a local date. */
export function formatDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
