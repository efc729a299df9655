/** Tiny argument parsing for the dev scripts (no dependency): `--name value` and `--flag`. */

export type Args = Map<string, string | undefined>;

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    const equals = arg.indexOf('=');
    if (equals > 0) {
      args.set(arg.slice(2, equals), arg.slice(equals + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      args.set(arg.slice(2), next);
      i++;
    } else {
      args.set(arg.slice(2), undefined);
    }
  }
  return args;
}

/** Local midnight of a YYYY-MM-DD text. */
export function parseDay(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`Expected a date such as 2026-11-23, got "${text}"`);
  const [, y, m, d] = match;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  if (date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d)) {
    throw new Error(`No such date: ${text}`);
  }
  return date;
}

/** `--today YYYY-MM-DD`, or the real current date, at local midnight. */
export function todayFromArgs(args: Args): Date {
  const given = args.get('today');
  if (given !== undefined) return parseDay(given);
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** "2026-11-23" for a local date. */
export function formatDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
