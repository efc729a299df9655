/**
 * `npm start [-- --port 8080] [--once] [--today YYYY-MM-DD] [--accounts 200] [--seed 42]`
 * `npm start -- --book accounts.csv` (or .xlsx)
 *
 * Runs the built add-on (dist/Code.js) in the local Apps Script runtime against a demo book,
 * or the user's own book read from a CSV or Excel file (dev/book-file.ts), prints a short
 * summary of what a CS team would see in their sheet (the riskiest accounts,
 * accounts by tier, rows the add-on could not score, retention), then serves the playground
 * on http://127.0.0.1:8080/ (PORT or --port to change): the book with the add-on's formula
 * columns, the real sidebar, the documents and emails the bundle produced, and the menu's
 * actions. `--once` (`npm run start:once`) prints the summary and exits.
 *
 * Never waits for input; works without a terminal. Ctrl-C (SIGINT) or SIGTERM stops it. An
 * unknown option or a wrong value (an option's or PORT's, a --book file that is missing or
 * cannot be read) is one line and exit code 2; a taken port is one line and exit code 1.
 */
import { BookFileError, loadBookFile } from './book-file';
import { type BookRun, startFileRun } from './book-run';
import {
  type Args,
  BOOK_OPTIONS,
  UsageError,
  bookArgs,
  bookFileArg,
  parseArgs,
  portNumber,
  runCli,
  todayFromArgs,
} from './cli-args';
import { startDemoRun } from './demo-run';
import { styler } from './format';
import { Playground } from './playground/playground';
import {
  DEFAULT_PORT,
  type PlaygroundServer,
  PortInUseError,
  servePlayground,
} from './playground/server';
import { printSummary } from './summary';

/** --port, else PORT (an empty PORT is no choice), else DEFAULT_PORT. */
function portFrom(given: string | undefined, env: string | undefined): number {
  if (given !== undefined) return portNumber(given, '--port');
  if (env) return portNumber(env, 'PORT');
  return DEFAULT_PORT;
}

/** The user's book with --book, else the demo book. */
function startRun(args: Args): BookRun {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const file = bookFileArg(args);
  if (file === undefined) return startDemoRun({ ...bookArgs(args), timeZone });
  const now = todayFromArgs(args);
  try {
    return startFileRun(loadBookFile(file, timeZone), file, { now, timeZone });
  } catch (error) {
    // The file is the user's: what is wrong with it is theirs to fix, said in one line.
    if (error instanceof BookFileError) throw new UsageError(`--book: ${error.message}`);
    throw error;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  // Every argument and PORT are checked before any work: a mistake is one line, at once.
  const args = parseArgs(argv, { values: ['port', 'book', ...BOOK_OPTIONS], flags: ['once'] });
  const once = args.has('once');
  const port = portFrom(args.get('port'), process.env.PORT);
  const run = startRun(args);
  const s = styler();
  const out = (text = '') => process.stdout.write(`${text}\n`);

  // Take the port before printing anything: a taken port is the one thing to say.
  let served: PlaygroundServer | undefined;
  if (!once) {
    try {
      served = await servePlayground(new Playground(run), { port });
    } catch (error) {
      if (error instanceof PortInUseError) {
        process.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }

  if (!printSummary(run, out)) {
    await served?.close();
    return 1;
  }
  out();
  out(
    s.dim(
      `Done in ${Math.round(performance.now() - started)} ms. \`npm test\` runs every check, \`npm run bench\` measures the bundle${run.source.kind === 'demo' ? ', `npm run demo-book -- --out book.csv` writes this book for import into Google Sheets' : ''}; the README explains how to deploy.`,
    ),
  );
  if (!served) return 0;

  out();
  out(`${s.bold('Playground:')} ${s.cyan(served.url)}`);
  out(
    s.dim(
      'The book with the add-on’s formulas, its menu and sidebar, documents and emails; load your own book and move today on in the page. Ctrl-C to stop.',
    ),
  );
  const server = served;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the playground.\n`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

runCli('npm start', () => main(process.argv.slice(2)));
