/**
 * NRR, GRR, LOGORETENTION and SEGMENT.
 *
 * NRR and GRR have two forms. With four arguments (start, expansion, contraction, churn)
 * they work cell by cell: a cell gives a number, ranges of one shape give a range. With two
 * (start_arr, end_arr) they measure a cohort: two columns, one row per account, one result.
 */
import {
  type CellValue,
  Invalid,
  type Read,
  describeCell,
  isBlank,
  readMoney,
  readNumber,
} from '../core/cells';
import { ArgumentError } from '../core/models';
import {
  type CohortTotals,
  type Movements,
  cohortTotals,
  grrOfCohort,
  grrOfMovements,
  logoRetentionOfCohort,
  nrrOfCohort,
  nrrOfMovements,
} from '../core/retention';
import { segmentOf } from '../core/segments';
import { cellsOfColumn, isRange, mapCells, toGrid } from './ranges';
import { formatCount } from '../core/text';

const AMOUNT = 'an amount such as 1200 or $1,200';

function amountProblem(argument: string, read: Read<number>, cell: CellValue): string {
  return `${argument}: expected ${AMOUNT}, found '${
    read instanceof Invalid ? read.found : describeCell(cell)
  }'`;
}

/** Reads two columns into (start, end) pairs; any unreadable cell stops the call by name. */
function readCohort(fn: string, startArr: unknown, endArr: unknown): CohortTotals {
  const starts = cellsOfColumn(startArr, 'start_arr', fn);
  const ends = cellsOfColumn(endArr, 'end_arr', fn);
  if (starts.length !== ends.length) {
    throw new ArgumentError(
      `${fn}: start_arr has ${formatCount(starts.length, 'row')} but end_arr has ${formatCount(ends.length, 'row')}. Give two columns of the same length, one row per account.`,
    );
  }
  const pairs: [number, number][] = [];
  starts.forEach((startCell, index) => {
    const start = readMoney(startCell);
    const end = readMoney(ends[index]);
    const where = `row ${index + 1} of`;
    if (start instanceof Invalid) {
      throw new ArgumentError(`${fn}: ${amountProblem(`${where} start_arr`, start, startCell)}.`);
    }
    if (end instanceof Invalid) {
      throw new ArgumentError(`${fn}: ${amountProblem(`${where} end_arr`, end, ends[index])}.`);
    }
    // A blank start is a new logo (outside the cohort); a blank end is an account that left.
    pairs.push([start ?? 0, end ?? 0]);
  });
  const totals = cohortTotals(pairs);
  if (totals.start <= 0) {
    throw new ArgumentError(
      `${fn}: no account has a starting ARR above 0, so there is no cohort to measure. Check that start_arr holds the ARR at the start of the period.`,
    );
  }
  return totals;
}

type MovementArgs = [start: unknown, expansion: unknown, contraction: unknown, churn: unknown];
const MOVEMENT_NAMES = ['start', 'expansion', 'contraction', 'churn'] as const;

/**
 * One account's movements, used exactly as typed: the formulas subtract contraction and
 * churn, so they are entered as positive amounts lost.
 */
function readMovements(cells: CellValue[]): Movements | string | '' {
  if (cells.every(isBlank)) return '';
  const [startCell] = cells;
  const start = readMoney(startCell);
  if (start instanceof Invalid) return amountProblem('start', start, startCell);
  if (start === undefined || start === 0) {
    return 'start: the starting ARR is 0 or blank, so there is nothing to retain';
  }
  const amounts: number[] = [];
  for (let i = 1; i < 4; i++) {
    const read = readNumber(cells[i]);
    if (read instanceof Invalid) return amountProblem(MOVEMENT_NAMES[i] as string, read, cells[i]);
    amounts.push(read ?? 0);
  }
  const [expansion = 0, contraction = 0, churn = 0] = amounts;
  return { start, expansion, contraction, churn };
}

function byMovements(
  fn: string,
  args: MovementArgs,
  formula: (movements: Movements) => number,
): number | (number | string)[][] {
  if (!args.some(isRange)) {
    const movements = readMovements(args as CellValue[]);
    if (typeof movements === 'string') {
      throw new ArgumentError(`${fn}: ${movements || 'all four arguments are blank'}.`);
    }
    return formula(movements);
  }
  const grids = args.map((arg) => toGrid(arg));
  const [first] = grids as [CellValue[][]];
  grids.forEach((grid, index) => {
    if (grid.length !== first.length || (grid[0]?.length ?? 0) !== (first[0]?.length ?? 0)) {
      throw new ArgumentError(
        `${fn}: ${MOVEMENT_NAMES[index]} is ${grid.length} x ${grid[0]?.length ?? 0} but start is ${
          first.length
        } x ${first[0]?.length ?? 0}. Give four ranges of the same size.`,
      );
    }
  });
  return first.map((row, r) =>
    row.map((_, c) => {
      const movements = readMovements(grids.map((grid) => grid[r]?.[c] as CellValue));
      return typeof movements === 'string' ? movements : formula(movements);
    }),
  );
}

function checkArity(fn: string, contraction: unknown, churn: unknown): 2 | 4 {
  if (contraction === undefined && churn === undefined) return 2;
  if (contraction === undefined || churn === undefined) {
    throw new ArgumentError(
      `${fn} takes 2 arguments (start_arr, end_arr) or 4 (start, expansion, contraction, churn), but got 3.`,
    );
  }
  return 4;
}

export function nrr(a: unknown, b: unknown, contraction?: unknown, churn?: unknown) {
  if (checkArity('NRR', contraction, churn) === 2) return nrrOfCohort(readCohort('NRR', a, b));
  return byMovements('NRR', [a, b, contraction, churn], nrrOfMovements);
}

export function grr(a: unknown, b: unknown, contraction?: unknown, churn?: unknown) {
  if (checkArity('GRR', contraction, churn) === 2) return grrOfCohort(readCohort('GRR', a, b));
  return byMovements('GRR', [a, b, contraction, churn], grrOfMovements);
}

export function logoRetention(startArr: unknown, endArr: unknown): number {
  return logoRetentionOfCohort(readCohort('LOGORETENTION', startArr, endArr));
}

export function segment(arr: unknown): string | string[][] {
  return mapCells(arr, (cell) => {
    const read = readMoney(cell);
    if (read === undefined) return '';
    if (read instanceof Invalid) return `ARR: expected ${AMOUNT}, found '${read.found}'`;
    return segmentOf(read);
  });
}
