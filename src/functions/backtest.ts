/**
 * HEALTHBACKTEST and HEALTHCALIBRATE: does the health score predict renewals, and which
 * weights would predict them better? Outcomes are coded 1 = renewed, 0 = churned.
 */
import { type CellValue, Invalid, describeCell, isBlank, readNumber } from '../core/cells';
import {
  type BacktestFigures,
  DEFAULT_THRESHOLD,
  type Outcome,
  type SkippedRows,
  auc,
  describeRange,
  readOutcome,
  requireBothOutcomes,
  runBacktest,
} from '../core/backtest';
import { calibrateWeights, roundToTotal } from '../core/calibrate';
import type { DimensionId } from '../core/dimensions';
import { ArgumentError, type HealthModel, resolveModel } from '../core/models';
import type { FunctionContext } from './context';
import { scoreBookRange } from './health';
import { todayOf } from './today';
import { cellsOfColumn, toGrid } from './ranges';
import { formatCount } from '../core/text';

function readThreshold(cell: unknown): number {
  if (isBlank(cell) || (Array.isArray(cell) && cell.flat().every(isBlank))) {
    return DEFAULT_THRESHOLD;
  }
  const value =
    Array.isArray(cell) && cell.length === 1 && cell[0]?.length === 1 ? cell[0][0] : cell;
  const read = readNumber(value as CellValue);
  if (typeof read !== 'number' || read < 0 || read > 100) {
    throw new ArgumentError(
      `HEALTHBACKTEST: threshold should be a score from 0 to 100 such as 60, found '${describeCell(
        Array.isArray(value) ? 'a range' : value,
      )}'.`,
    );
  }
  return read;
}

function columnOf(fn: string, arg: unknown, name: string): CellValue[] {
  return cellsOfColumn(arg, name, fn);
}

function rowList(rows: readonly number[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 5).join(', ');
  return ` (row${rows.length > 1 ? 's' : ''} ${shown}${rows.length > 5 ? ', ...' : ''})`;
}

const WIDTH = 4;

/** Rows of one width, padded with "". */
function padded(rows: (string | number)[][]): (string | number)[][] {
  return rows.map((row) => [...row, ...new Array<string>(WIDTH - row.length).fill('')]);
}

function backtestTable(figures: BacktestFigures, skipped: SkippedRows): (string | number)[][] {
  const { threshold, accuracy, precision, recall, flagged } = figures.atThreshold;
  const rate = (renewed: number, accounts: number) => (accounts > 0 ? renewed / accounts : '');
  return padded([
    ['Measure', 'Value', 'Accounts', 'Renewal rate'],
    ['Accounts', figures.accounts, figures.accounts, rate(figures.renewed, figures.accounts)],
    ['Churn rate', figures.churned / figures.accounts, figures.churned],
    ['AUC (chance a renewed account outscored a churned one)', figures.auc],
    ['Threshold (a score below it predicts churn)', threshold],
    ['Accuracy', accuracy, figures.accounts],
    [
      'Precision (flagged accounts that churned)',
      precision ?? `n/a: no account scored below ${threshold}`,
      flagged,
    ],
    ['Recall (churned accounts that were flagged)', recall ?? '', figures.churned],
    ['Skipped: blank score or outcome', skipped.blank],
    [`Skipped: score not a number 0-100${rowList(skipped.badScore)}`, skipped.badScore.length],
    [
      `Skipped: outcome not renewed/churned${rowList(skipped.badOutcome)}`,
      skipped.badOutcome.length,
    ],
    ...figures.tiers.map((tier) => [
      `Tier: ${tier.label}`,
      describeRange(tier.low, tier.high),
      tier.accounts,
      rate(tier.renewed, tier.accounts),
    ]),
    ...figures.deciles.map((decile) => [
      decile.label,
      describeRange(decile.low, decile.high),
      decile.accounts,
      rate(decile.renewed, decile.accounts),
    ]),
  ]);
}

export function healthBacktest(
  scores: unknown,
  outcomes: unknown,
  threshold: unknown,
): (string | number)[][] {
  const fn = 'HEALTHBACKTEST';
  const scoreCells = columnOf(fn, scores, 'scores');
  const outcomeCells = columnOf(fn, outcomes, 'outcomes');
  const result = runBacktest(fn, scoreCells, outcomeCells, readThreshold(threshold));
  return backtestTable(result.figures, result.skipped);
}

interface SuggestedWeight {
  readonly id: DimensionId;
  readonly label: string;
  /** The model's current weight, as a share of 100. */
  readonly current: number;
  /** The fitted weight, rounded to 0.1, the weights summing to 100. */
  readonly suggested: number;
}

export interface Calibration {
  readonly weights: readonly SuggestedWeight[];
  /** Dimensions of the model without data in any row used: left out of the fit. */
  readonly noData: readonly string[];
  /** AUC of the current model's scores on the rows used. */
  readonly aucBefore: number;
  /** Cross-validated AUC of the scores the suggested weights give. */
  readonly aucAfter: number;
  readonly accounts: number;
  readonly skipped: number;
  readonly lambda: number;
  readonly folds: number;
}

/** Scores the book, pairs each row with its outcome and fits the weights. */
export function calibrateBook(
  fn: string,
  headers: unknown,
  rows: unknown,
  outcomes: unknown,
  modelArg: unknown,
  todayArg: unknown,
  context: FunctionContext,
): Calibration {
  const outcomeCells = columnOf(fn, outcomes, 'outcomes');
  const rowCount = toGrid(rows).length;
  if (outcomeCells.length !== rowCount) {
    throw new ArgumentError(
      `${fn}: rows has ${formatCount(rowCount, 'row')} but outcomes has ${formatCount(outcomeCells.length, 'row')}. Give the outcome of each account row, for example A2:Z500 and AA2:AA500.`,
    );
  }
  const model = resolveModel(modelArg);
  const subScores: (number | undefined)[][] = [];
  const exact: number[] = [];
  const used: Outcome[] = [];
  let skipped = 0;
  scoreBookRange(
    fn,
    headers,
    rows,
    modelArg,
    todayOf(fn, todayArg, context),
    context,
    (result, account) => {
      const outcome = readOutcome(outcomeCells[account.index]);
      if (result.kind === 'blank' && outcome === undefined) return;
      if (result.kind !== 'scored' || outcome === undefined || outcome instanceof Invalid) {
        skipped++;
        return;
      }
      subScores.push(result.dimensions.map((dimension) => dimension.score));
      exact.push(result.exact);
      used.push(outcome);
    },
  );
  requireBothOutcomes(fn, used, skipped);
  const withData = model.dimensions
    .map((_, j) => j)
    .filter((j) => subScores.some((row) => row[j] !== undefined));
  const fitted = calibrateWeights(
    subScores.map((row) => withData.map((j) => row[j])),
    used,
    withData.length,
  );
  if (!fitted) {
    throw new ArgumentError(
      `${fn}: calibration needs at least 2 renewed and 2 churned accounts with a score; found ${
        used.filter((o) => o === 1).length
      } renewed and ${used.filter((o) => o === 0).length} churned.`,
    );
  }
  if (fitted.weights.every((weight) => weight === 0)) {
    throw new ArgumentError(
      `${fn}: no dimension scores renewed accounts higher than churned ones, so no weights can be suggested. Check that outcomes say 1 or "renewed" for renewals and 0 or "churned" for churn.`,
    );
  }
  const totalCurrent = model.dimensions.reduce((sum, dimension) => sum + dimension.weight, 0);
  const rounded = roundToTotal(fitted.weights);
  return {
    weights: withData.map((j, position) => {
      const dimension = model.dimensions[j] as HealthModel['dimensions'][number];
      return {
        id: dimension.id,
        label: dimension.label,
        current: totalCurrent > 0 ? (100 * dimension.weight) / totalCurrent : 0,
        suggested: rounded[position] as number,
      };
    }),
    noData: model.dimensions
      .filter((_, j) => !withData.includes(j))
      .map((dimension) => dimension.label),
    aucBefore: auc(exact, used) as number,
    aucAfter: fitted.cvAuc,
    accounts: used.length,
    skipped,
    lambda: fitted.lambda,
    folds: fitted.folds,
  };
}

function calibrationTable(calibration: Calibration): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['Dimension', 'Weight'],
    ...calibration.weights.map((weight) => [weight.label, weight.suggested]),
    ['', ''],
    ['AUC before', calibration.aucBefore],
    ['AUC after', calibration.aucAfter],
    ['Accounts used', calibration.accounts],
    ['Rows skipped', calibration.skipped],
  ];
  if (calibration.noData.length > 0) {
    rows.push(['No data, left out', calibration.noData.join(', ')]);
  }
  return rows;
}

export function healthCalibrate(
  headers: unknown,
  rows: unknown,
  outcomes: unknown,
  model: unknown,
  todayArg: unknown,
  context: FunctionContext,
): (string | number)[][] {
  return calibrationTable(
    calibrateBook('HEALTHCALIBRATE', headers, rows, outcomes, model, todayArg, context),
  );
}
