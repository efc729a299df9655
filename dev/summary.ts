/**
 * The terminal summary of the book (the demo book, or the user's with --book), as `npm start`
 * prints it: the riskiest accounts with
 * their health score, tier and drivers, accounts by tier, rows the add-on could not score, and
 * the book's retention. Every figure comes from the custom functions, called through the
 * bundle exactly as Sheets calls them; which accounts have churned is CHURNRISK's answer, so
 * the terminal leaves out of the tiers the same accounts as the Dashboard.
 */
import { readLayout } from '../src/core/book';
import type { CellValue } from '../src/core/cells';
import type { SignalId } from '../src/core/signals';
import { segmentNamed } from '../src/core/segments';
import { churnedLeftOut } from '../src/core/snapshot';
import type { BookRun } from './book-run';
import { formatDay } from './cli-args';
import { type Column, moneyOf, percent, shortMoney, styler, table, truncate } from './format';

const SHOWN = 25;

type Grid = unknown[][];

/** A custom function's result as a column of cells (a scalar is a 1 x 1 range). */
function column(result: unknown): unknown[] {
  if (!Array.isArray(result)) return [result];
  return result.map((row: unknown) => (Array.isArray(row) ? row[0] : row));
}

/** A custom function's single result (a scalar, or the top-left cell of a range). */
function single(result: unknown): unknown {
  return column(result)[0];
}

function isScore(cell: unknown): cell is number {
  return typeof cell === 'number' && Number.isFinite(cell);
}

interface Line {
  readonly index: number;
  readonly account: string;
  readonly csm: string;
  readonly arr: number;
  readonly segment: string;
  readonly score: unknown;
  readonly tier: string;
  readonly drivers: string;
  readonly churned: boolean;
}

/**
 * Prints the summary with `out`; false when the bundle lacks the health functions (nothing to
 * show).
 */
export function printSummary(
  run: BookRun,
  out: (text?: string) => void,
  stream: NodeJS.WriteStream = process.stdout,
): boolean {
  const { runtime, sheetName: SHEET, source } = run;
  const today = formatDay(runtime.clock.now());
  const timeZone = runtime.spreadsheet.getSpreadsheetTimeZone();
  const s = styler(stream);
  const globals = runtime.globals as Record<string, unknown>;
  const has = (name: string) => typeof globals[name] === 'function';

  // The sheet's values, read back the way a formula's ranges would see them.
  const values = (runtime.spreadsheet.getSheetByName(SHEET)?.getDataRange().getValues() ??
    []) as Grid;
  const headers: Grid = [values[0] ?? []];
  const rows: Grid = values.slice(1);

  out(s.bold('CS Engine — local run of dist/Code.js'));
  const what =
    source.kind === 'demo'
      ? `Demo book: ${source.accounts} accounts (seed ${source.seed})`
      : `Book ${source.fileName}: ${rows.length} rows`;
  out(s.dim(`${what} in sheet "${SHEET}", today ${today}, time zone ${timeZone}`));
  if (run.opened) out(s.dim('onOpen ran: the add-on menu is installed.'));
  const missing = ['HEALTHSCORE', 'HEALTHTIER', 'HEALTHDRIVERS'].filter((name) => !has(name));
  if (missing.length > 0) {
    out(s.red(`The bundle has no ${missing.join(', ')} yet: nothing to show.`));
    return false;
  }

  // The columns as the add-on recognises them (any order, any of their usual headers).
  const layout = readLayout((values[0] ?? []) as CellValue[]);
  const at = (signal: SignalId) => layout.signals.get(signal)?.index ?? -1;
  const columnOf = (signal: SignalId): Grid | undefined => {
    const index = at(signal);
    return index < 0 ? undefined : rows.map((row) => [row[index] ?? '']);
  };

  const scores = column(runtime.call('HEALTHSCORE', headers, rows));
  const tiers = column(
    runtime.call(
      'HEALTHTIER',
      scores.map((score) => [score]),
    ),
  );
  const drivers = column(runtime.call('HEALTHDRIVERS', headers, rows));
  // The bundle's lifecycle rule (Status, or a churn date that has passed), as CHURNRISK says it.
  const risks = has('CHURNRISK') ? column(runtime.call('CHURNRISK', headers, rows)) : [];
  const arrColumn = columnOf('arr');
  const segments = has('SEGMENT') && arrColumn ? column(runtime.call('SEGMENT', arrColumn)) : [];
  const segmentColumn = at('segment');

  const account = Math.max(at('account'), 0);
  const csm = at('csm');
  const arr = at('arr');
  const lines: Line[] = rows.map((row, index) => ({
    index,
    account: String(row[account] ?? ''),
    csm: String(row[csm] ?? ''),
    arr: moneyOf(row[arr]),
    // The segment as everywhere else: the Segment column when it names one, else SEGMENT(ARR).
    segment: segmentNamed(String(row[segmentColumn] ?? '')) ?? String(segments[index] ?? ''),
    score: scores[index],
    tier: String(tiers[index] ?? ''),
    drivers: String(drivers[index] ?? ''),
    churned: risks[index] === 'Churned',
  }));

  // Churned accounts are lost, not at risk: left out of the list and the tiers, as on the
  // Dashboard; retention below counts them.
  const live = lines.filter((line) => !line.churned);
  const scored = live.filter((line) => isScore(line.score));
  const errors = live.filter((line) => !isScore(line.score) && line.score !== '');
  const blank = live.filter((line) => line.score === '');
  const riskiest = [...scored].sort(
    (a, b) => (a.score as number) - (b.score as number) || b.arr - a.arr,
  );
  const churnedCount = lines.length - live.length;

  const width = Math.max(100, Math.min(stream.columns ?? 160, 200));
  const fixed = 4 + 26 + 14 + 8 + 11 + 5 + 9 + 2 * 7;
  const columns: Column[] = [
    { title: 'Row', width: 4, align: 'right' },
    { title: 'Account', width: 26 },
    { title: 'CSM', width: 14 },
    { title: 'ARR', width: 8, align: 'right' },
    { title: 'Segment', width: 11 },
    { title: 'Score', width: 5, align: 'right' },
    { title: 'Tier', width: 9 },
    { title: 'Top drivers', width: Math.max(30, width - fixed) },
  ];
  const tierStyle = (tier: string) => {
    const key = tier.toLowerCase();
    if (/critical|red/.test(key)) return s.red(tier);
    if (/risk|yellow|monitor/.test(key)) return s.yellow(tier);
    return s.green(tier);
  };

  out();
  out(
    s.bold(
      `The ${Math.min(SHOWN, riskiest.length)} riskiest active accounts (lowest health score first)`,
    ),
  );
  out(
    table(
      columns,
      riskiest
        .slice(0, SHOWN)
        .map((line) => [
          String(line.index + 2),
          line.account,
          line.csm,
          shortMoney(line.arr),
          line.segment,
          String(line.score),
          line.tier,
          line.drivers,
        ]),
      (text, _row, index) => (index === 6 ? tierStyle(text) : text),
    ),
  );
  if (churnedCount > 0) {
    out(s.dim(`${churnedLeftOut(churnedCount)}; retention counts them.`));
  }

  // Accounts by tier, best tier first (ordered by the best score seen in each tier).
  const byTier = new Map<string, { count: number; arr: number; best: number }>();
  for (const line of scored) {
    const entry = byTier.get(line.tier) ?? { count: 0, arr: 0, best: -1 };
    entry.count += 1;
    entry.arr += Number.isFinite(line.arr) ? line.arr : 0;
    entry.best = Math.max(entry.best, line.score as number);
    byTier.set(line.tier, entry);
  }
  const totalArr = scored.reduce(
    (sum, line) => sum + (Number.isFinite(line.arr) ? line.arr : 0),
    0,
  );
  out();
  out(s.bold(`Accounts by tier (${churnedLeftOut(churnedCount)})`));
  out(
    table(
      [
        { title: 'Tier', width: 10 },
        { title: 'Accounts', width: 8, align: 'right' },
        { title: 'ARR', width: 9, align: 'right' },
        { title: 'Share of ARR', width: 12, align: 'right' },
      ],
      [...byTier.entries()]
        .sort((a, b) => b[1].best - a[1].best)
        .map(([tier, entry]) => [
          tier,
          String(entry.count),
          shortMoney(entry.arr),
          totalArr > 0 ? percent(entry.arr / totalArr) : '',
        ]),
      (text, _row, index) => (index === 0 ? tierStyle(text) : text),
    ),
  );
  out(
    s.dim(
      `${scored.length} scored, ${errors.length} with errors, ${blank.length} blank row${blank.length === 1 ? '' : 's'} left blank.`,
    ),
  );

  if (errors.length > 0) {
    out();
    out(s.bold(`Rows the add-on could not score (${errors.length}), as the cells show them`));
    for (const line of errors.slice(0, 6)) {
      out(
        `  row ${line.index + 2} ${truncate(line.account, 26)}: ${s.red(truncate(String(line.score), width - 40))}`,
      );
    }
    if (errors.length > 6) out(s.dim(`  ... and ${errors.length - 6} more`));
  }

  const start = columnOf('startArr');
  if (!start || !arrColumn) return true;
  out();
  out(s.bold('Retention over the period (ARR at period start -> ARR)'));
  for (const name of ['NRR', 'GRR', 'LOGORETENTION']) {
    if (!has(name)) continue;
    let text: string;
    try {
      const result = single(runtime.call(name, start, arrColumn));
      text = typeof result === 'number' ? percent(result) : String(result);
    } catch (error) {
      text = s.red(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
    out(`  ${`${name}:`.padEnd(15)} ${text}`);
  }

  return true;
}
