/**
 * NPS, CSAT, CHURNRATE, EXPANSIONRATE, COHORTRETENTION and CSMCAPACITY: columns in, a
 * figure or a table out.
 */
import {
  type CellValue,
  Invalid,
  MAX_MAGNITUDE,
  describeCell,
  isBlank,
  readChange,
  readMoney,
  readNumber,
  readRatio,
  readText,
} from '../core/cells';
import { type DayNumber, readDay } from '../core/dates';
import {
  DEFAULT_COHORT_PERIODS,
  cohortTable,
  convertChurnRate,
  convertExpansionRate,
  csatOf,
  csmLoads,
  npsOf,
  periodMonths,
} from '../core/metrics';
import { ArgumentError } from '../core/models';
import { SEGMENT_ORDER } from '../core/segments';
import type { FunctionContext } from './context';
import { todayOf } from './today';
import { cellsOfColumn, mapCells, toGrid } from './ranges';
import { formatCount } from '../core/text';

/** Every non-blank cell of a range as a number within [min, max]; a bad cell stops the call. */
function answers(fn: string, arg: unknown, argument: string, min: number, max: number): number[] {
  const grid = toGrid(arg);
  const out: number[] = [];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const value = readNumber(cell);
      if (typeof value !== 'number' || value < min || value > max || !Number.isInteger(value)) {
        const where =
          grid.length > 1 && row.length > 1 ? `row ${r + 1}, column ${c + 1}` : `cell ${r + c + 1}`;
        throw new ArgumentError(
          `${fn}: ${argument} ${where}: expected a whole number from ${min} to ${max}, found '${describeCell(cell)}'.`,
        );
      }
      out.push(value);
    }),
  );
  if (out.length === 0) throw new ArgumentError(`${fn}: ${argument} holds no answers.`);
  return out;
}

export function nps(responses: unknown): number {
  return npsOf(answers('NPS', responses, 'responses', 0, 10)).nps;
}

export function csat(responses: unknown): number {
  return csatOf(answers('CSAT', responses, 'responses', 1, 5));
}

/** The longest period argument: 100 years, in months. */
const MAX_PERIOD_MONTHS = 1200;

/** A period argument: a name ("monthly", "year") or a number of months up to 100 years. */
function months(fn: string, arg: unknown, argument: string, fallback: number): number {
  if (isBlank(arg as CellValue)) return fallback;
  const count =
    typeof arg === 'string' ? (periodMonths(arg) ?? readNumber(arg)) : readNumber(arg as CellValue);
  if (typeof count === 'number' && count > 0 && count <= MAX_PERIOD_MONTHS) return count;
  throw new ArgumentError(
    `${fn}: ${argument} should be a period such as "monthly", "quarterly" or "annual", or a number of months up to ${MAX_PERIOD_MONTHS}; found '${describeCell(arg)}'.`,
  );
}

const describePeriod = (months: number) =>
  months === 1 ? '1 month' : `${Math.round(months * 1000) / 1000} months`;

function convertRates(
  fn: string,
  rate: unknown,
  from: unknown,
  to: unknown,
  read: (cell: CellValue) => number | undefined | Invalid,
  expected: string,
  convert: (rate: number, from: number, to: number) => number,
): number | string | (number | string)[][] {
  const fromMonths = months(fn, from, 'from_period', 1);
  const toMonths = months(fn, to, 'to_period', 12);
  return mapCells(rate, (cell): number | string => {
    const value = read(cell);
    if (value === undefined) return '';
    if (value instanceof Invalid) return `rate: expected ${expected}, found '${value.found}'`;
    const converted = convert(value, fromMonths, toMonths);
    // Compounding a large rate over many periods can exceed any number a cell can show.
    return Number.isFinite(converted) && Math.abs(converted) <= MAX_MAGNITUDE
      ? converted
      : `rate: ${describeCell(cell)} compounded from ${describePeriod(fromMonths)} to ${describePeriod(toMonths)} is too large to show`;
  });
}

export function churnRate(rate: unknown, from: unknown, to: unknown) {
  return convertRates(
    'CHURNRATE',
    rate,
    from,
    to,
    (cell) => {
      const value = readRatio(cell);
      return typeof value === 'number' && value >= 1 ? new Invalid(describeCell(cell)) : value;
    },
    'a churn rate from 0% to under 100%, such as 2%',
    convertChurnRate,
  );
}

export function expansionRate(rate: unknown, from: unknown, to: unknown) {
  return convertRates(
    'EXPANSIONRATE',
    rate,
    from,
    to,
    (cell) => {
      const value = readChange(cell);
      return typeof value === 'number' && value <= -1 ? new Invalid(describeCell(cell)) : value;
    },
    'a rate such as 1.5% (above -100%)',
    convertExpansionRate,
  );
}

/** The last month a cohort table shows: 20 years, in either form of `periods`. */
const MAX_COHORT_MONTH = 240;

function periodsOf(arg: unknown): number[] {
  if (arg === undefined || isBlank(arg as CellValue)) return [...DEFAULT_COHORT_PERIODS];
  const cells = toGrid(arg)
    .flat()
    .filter((cell) => !isBlank(cell));
  const periods = cells.map((cell) => {
    const value = readNumber(cell);
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < 0 ||
      value > MAX_COHORT_MONTH
    ) {
      throw new ArgumentError(
        `COHORTRETENTION: periods should be a number of months from 1 to ${MAX_COHORT_MONTH} (such as 12) or a range of month offsets from 0 to ${MAX_COHORT_MONTH} (0, 1, 2, 3, 6, 12); found '${describeCell(cell)}'.`,
      );
    }
    return value;
  });
  // A single number n > 0 means every month from 0 to n.
  const [only] = periods;
  if (periods.length === 1 && typeof cells[0] === 'number' && only !== undefined && only > 0) {
    return Array.from({ length: only + 1 }, (_, k) => k);
  }
  return [...new Set(periods)].sort((a, b) => a - b);
}

export function cohortRetention(
  startDates: unknown,
  endDates: unknown,
  arr: unknown,
  periodsArg: unknown,
  todayArg: unknown,
  context: FunctionContext,
): (string | number)[][] {
  const fn = 'COHORTRETENTION';
  const today: DayNumber = todayOf(fn, todayArg, context);
  const starts = cellsOfColumn(startDates, 'start_dates', fn);
  const ends = cellsOfColumn(endDates, 'end_dates', fn);
  if (starts.length !== ends.length) {
    throw new ArgumentError(
      `${fn}: start_dates has ${formatCount(starts.length, 'row')} but end_dates has ${formatCount(ends.length, 'row')}. Give columns of the same length, one row per account.`,
    );
  }
  const byRevenue = arr !== undefined && !isBlank(arr as CellValue);
  const amounts = byRevenue ? cellsOfColumn(arr, 'arr', fn) : [];
  if (byRevenue && amounts.length !== starts.length) {
    throw new ArgumentError(
      `${fn}: arr has ${formatCount(amounts.length, 'row')} but start_dates has ${formatCount(starts.length, 'row')}.`,
    );
  }
  const periods = periodsOf(periodsArg);
  const accounts = [];
  for (let i = 0; i < starts.length; i++) {
    const startCell = starts[i];
    if (isBlank(startCell)) continue;
    const start = readDay(startCell, context.timeZone);
    const end = readDay(ends[i], context.timeZone);
    const where = `row ${i + 1}`;
    if (start instanceof Invalid || start === undefined) {
      throw new ArgumentError(
        `${fn}: start_dates ${where}: expected a date such as 2026-01-15, found '${describeCell(startCell)}'.`,
      );
    }
    if (end instanceof Invalid) {
      throw new ArgumentError(
        `${fn}: end_dates ${where}: expected a date or a blank (still a customer), found '${end.found}'.`,
      );
    }
    if (end !== undefined && end < start) {
      throw new ArgumentError(
        `${fn}: end_dates ${where}: ${describeCell(ends[i])} is before the start ${describeCell(startCell)}.`,
      );
    }
    let weight = 1;
    if (byRevenue) {
      const amount = readMoney(amounts[i]);
      if (amount instanceof Invalid) {
        throw new ArgumentError(
          `${fn}: arr ${where}: expected an amount such as 12000, found '${amount.found}'.`,
        );
      }
      weight = amount ?? 0;
    }
    accounts.push({ start, end, weight });
  }
  if (accounts.length === 0) throw new ArgumentError(`${fn}: start_dates holds no dates.`);
  const rows = cohortTable(accounts, periods, today);
  return [
    ['Cohort', 'Accounts', ...periods.map((k) => `Month ${k}`)],
    ...rows.map((row) => [row.cohort, row.accounts, ...row.retention.map((value) => value ?? '')]),
  ];
}

export function csmCapacity(csmColumn: unknown, arrColumn: unknown): (string | number)[][] {
  const fn = 'CSMCAPACITY';
  const csms = cellsOfColumn(csmColumn, 'csm_column', fn);
  const amounts = cellsOfColumn(arrColumn, 'arr_column', fn);
  if (csms.length !== amounts.length) {
    throw new ArgumentError(
      `${fn}: csm_column has ${formatCount(csms.length, 'row')} but arr_column has ${formatCount(amounts.length, 'row')}. Give two columns of the same length, one row per account.`,
    );
  }
  const accounts: { csm: string; arr: number }[] = [];
  csms.forEach((cell, i) => {
    const amount = readMoney(amounts[i]);
    if (isBlank(cell) && amount === undefined) return;
    if (amount instanceof Invalid) {
      throw new ArgumentError(
        `${fn}: arr_column row ${i + 1}: expected an amount such as 120000, found '${amount.found}'.`,
      );
    }
    const name = readText(cell);
    accounts.push({ csm: typeof name === 'string' ? name : '(no CSM)', arr: amount ?? 0 });
  });
  if (accounts.length === 0) throw new ArgumentError(`${fn}: csm_column holds no accounts.`);
  return [
    ['CSM', 'Accounts', 'ARR', ...SEGMENT_ORDER, 'Load', 'Status'],
    ...csmLoads(accounts).map((load) => [
      load.csm,
      load.accounts,
      load.arr,
      ...SEGMENT_ORDER.map((segment) => load.bySegment[segment]),
      load.load,
      load.status,
    ]),
  ];
}
