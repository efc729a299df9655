/**
 * `npm run -s sql -- --table project.dataset.accounts [--model cs-engine | --weights "..."]`
 *
 * Writes the health model as one BigQuery Standard SQL query (or, with --view, a view): for
 * every row of the table, what HEALTHSCORE, HEALTHTIER and HEALTHDRIVERS give for that row of
 * a book. docs/bigquery.md says how to run it and see the result in Sheets.
 *
 * Options:
 *   --table name        the table to read (required)
 *   --model name        a preset (default cs-engine)
 *   --weights list      custom weights on the default rubrics: "Product usage=40,Engagement=20"
 *   --columns list      the table's columns, comma-separated (default: the model's signals in
 *                       snake case, such as dau_mau)
 *   --columns-from file the table's columns from the header line of a CSV file
 *   --today YYYY-MM-DD  the day to count from (default: the current date when the query runs)
 *   --time-zone name    the spreadsheet's time zone, such as America/New_York (default UTC)
 *   --view name         write CREATE OR REPLACE VIEW name AS ...
 *   --dialect name      bigquery (default) or duckdb
 *   --out file          write to a file instead of standard output
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import {
  UsageError,
  npmBannerInOutput,
  parseArgs,
  runCli,
  todayFromArgs,
  writeOut,
} from './cli-args';
import { dayFromParts } from '../src/core/dates';
import { ArgumentError, type HealthModel, resolveModel } from '../src/core/models';
import { DIALECT_NAMES, type DialectName } from '../src/core/sql/dialect';
import { healthModelSql } from '../src/core/sql/health';

const SCRIPT = 'sql';

/** Runs `act`; a mistake in the user's words becomes a UsageError, about `option` if given. */
function asUsage<T>(option: string | undefined, act: () => T): T {
  try {
    return act();
  } catch (error) {
    if (error instanceof ArgumentError) {
      throw new UsageError(option === undefined ? error.message : `${option}: ${error.message}`);
    }
    throw error;
  }
}

/** "Product usage=40,Engagement=20" as the 2-column range HEALTHSCORE's model takes. */
function weightsRange(text: string): string[][] {
  return text.split(',').map((entry) => {
    const equals = entry.indexOf('=');
    if (equals < 0) {
      throw new UsageError(
        `--weights: expected dimension=weight pairs such as "Product usage=40,Engagement=20", got "${entry.trim()}"`,
      );
    }
    return [entry.slice(0, equals).trim(), entry.slice(equals + 1).trim()];
  });
}

function modelOf(args: ReadonlyMap<string, string | undefined>): HealthModel {
  const model = args.get('model');
  const weights = args.get('weights');
  if (model !== undefined && weights !== undefined) {
    throw new UsageError('give --model or --weights, not both');
  }
  if (weights !== undefined) return asUsage('--weights', () => resolveModel(weightsRange(weights)));
  return asUsage(undefined, () => resolveModel(model ?? ''));
}

function columnsOf(args: ReadonlyMap<string, string | undefined>): string[] | undefined {
  const list = args.get('columns');
  const file = args.get('columns-from');
  if (list !== undefined && file !== undefined) {
    throw new UsageError('give --columns or --columns-from, not both');
  }
  if (list !== undefined) return list.split(',').map((name) => name.trim());
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split(',')[0] ?? '') : String(error);
    throw new UsageError(`--columns-from: cannot read ${file} (${reason})`);
  }
  const header = Papa.parse<string[]>(text, { preview: 1 }).data[0];
  if (!header || header.every((name) => name.trim() === '')) {
    throw new UsageError(`--columns-from: ${file} has no header line`);
  }
  return header;
}

function timeZoneOf(args: ReadonlyMap<string, string | undefined>): string | undefined {
  const zone = args.get('time-zone');
  if (zone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new UsageError(
      `--time-zone: expected a time zone such as America/New_York, got "${zone}"`,
    );
  }
  return zone;
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv, {
    values: [
      'table',
      'model',
      'weights',
      'columns',
      'columns-from',
      'today',
      'time-zone',
      'view',
      'dialect',
      'out',
    ],
    flags: [],
  });
  const table = args.get('table');
  if (table === undefined || table.trim() === '') {
    throw new UsageError(
      '--table is required: the table to read, such as project.dataset.accounts',
    );
  }
  const dialect = args.get('dialect') ?? 'bigquery';
  if (!(DIALECT_NAMES as readonly string[]).includes(dialect)) {
    throw new UsageError(`--dialect: expected ${DIALECT_NAMES.join(' or ')}, got "${dialect}"`);
  }
  const out = args.get('out');
  if (out === '') throw new UsageError('--out needs a file name');
  if (out === undefined && !process.stdout.isTTY && npmBannerInOutput(SCRIPT, process.env)) {
    throw new UsageError(
      `npm put its own lines at the top of the output, so it is not clean SQL: run npm run -s ${SCRIPT} -- ... > health.sql, or npm run ${SCRIPT} -- ... --out health.sql`,
    );
  }
  const model = modelOf(args);
  const today = args.has('today') ? todayFromArgs(args) : undefined;
  const view = args.get('view');
  const sql = asUsage(undefined, () =>
    healthModelSql(model, {
      dialect: dialect as DialectName,
      table: table.trim(),
      columns: columnsOf(args),
      today:
        today === undefined
          ? undefined
          : dayFromParts(today.getFullYear(), today.getMonth() + 1, today.getDate()),
      timeZone: timeZoneOf(args),
      view: view?.trim(),
    }),
  );
  if (out === undefined) {
    process.stdout.write(sql);
    return 0;
  }
  writeOut(out, sql);
  process.stderr.write(`Wrote the ${model.name} model's SQL to ${out}\n`);
  return 0;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

runCli(SCRIPT, () => main(process.argv.slice(2)));
