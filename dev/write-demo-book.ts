/**
 * `npm run demo-book -- [--accounts 200] [--seed 42] [--today YYYY-MM-DD] [--clean] [--out file.csv]`
 *
 * Writes the demo book as CSV (to stdout, or to --out), ready for File > Import in Google
 * Sheets. Dates are written as YYYY-MM-DD. Note that Sheets imports a cell starting with "="
 * as a formula: the demo's "=HYPERLINK(...)" account name is there on purpose, to check
 * that CS Engine treats sheet text as untrusted.
 */
import { writeFileSync } from 'node:fs';
import { generateBook, toCsv } from './demo-book';
import { parseArgs, todayFromArgs } from './cli-args';

function main(argv: readonly string[]): void {
  const args = parseArgs(argv);
  const accounts = Number(args.get('accounts') ?? 200);
  const seed = Number(args.get('seed') ?? 42);
  if (!Number.isInteger(accounts) || accounts < 0) throw new Error('--accounts: a whole number');
  if (!Number.isInteger(seed)) throw new Error('--seed: a whole number');
  const book = generateBook({
    accounts,
    seed,
    today: todayFromArgs(args),
    messy: !args.has('clean'),
  });
  const csv = toCsv(book.headers, book.rows);
  const out = args.get('out');
  if (out) {
    writeFileSync(out, csv);
    process.stderr.write(`Wrote ${book.rows.length} accounts to ${out}\n`);
  } else {
    process.stdout.write(csv);
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`demo-book: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
