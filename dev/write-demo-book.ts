/**
 * `npm run -s demo-book -- [--accounts 200] [--seed 42] [--today YYYY-MM-DD] [--clean] [--out file.csv]`
 *
 * Writes the demo book as CSV (to stdout, or to --out), ready for File > Import in Google
 * Sheets. Dates are written as YYYY-MM-DD. Note that Sheets imports a cell starting with "="
 * as a formula: the demo's "=HYPERLINK(...)" account name is there on purpose, to check
 * that CS Engine treats sheet text as untrusted. A wrong option is one line and exit code 2.
 */
import {
  BOOK_OPTIONS,
  UsageError,
  bookArgs,
  npmBannerInOutput,
  parseArgs,
  runCli,
  writeOut,
} from './cli-args';
import { generateBook, toCsv } from './demo-book';

const SCRIPT = 'demo-book';

function main(argv: readonly string[]): number {
  const args = parseArgs(argv, { values: [...BOOK_OPTIONS, 'out'], flags: ['clean'] });
  const out = args.get('out');
  if (out === '') throw new UsageError('--out needs a file name');
  // On a terminal npm's lines are only on the screen; in a file or a pipe they would be CSV rows.
  if (out === undefined && !process.stdout.isTTY && npmBannerInOutput(SCRIPT, process.env)) {
    throw new UsageError(
      `npm put its own lines at the top of the output, so it is not clean CSV: run npm run -s ${SCRIPT} > book.csv, or npm run ${SCRIPT} -- --out book.csv`,
    );
  }
  const book = generateBook({ ...bookArgs(args), messy: !args.has('clean') });
  const csv = toCsv(book.headers, book.rows);
  if (out === undefined) {
    process.stdout.write(csv);
    return 0;
  }
  writeOut(out, csv);
  process.stderr.write(`Wrote ${book.rows.length} accounts to ${out}\n`);
  return 0;
}

// A reader that stops early (`| head`) closes the pipe: that is not an error worth a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

runCli(SCRIPT, () => main(process.argv.slice(2)));
