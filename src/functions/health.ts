/**
 * HEALTHSCORE, HEALTHTIER and HEALTHDRIVERS: a book range in, one result per row out.
 */
import { type CellValue, describeCell, isBlank, parseNumberText } from '../core/cells';
import { type AccountRow, planRead, readAccountRows, readLayout } from '../core/book';
import type { DayNumber } from '../core/dates';
import {
  type HealthResult,
  columnsNeededBy,
  MAX_PASSED_MESSAGE,
  describeDrivers,
  notAScoreMessage,
  scoreAccount,
  usesAnyColumn,
} from '../core/health';
import { ArgumentError, type HealthModel, resolveModel, tierFor } from '../core/models';
import { DIMENSION_LABELS } from '../core/dimensions';
import { bookArguments, mapCells } from './ranges';
import { todayOf } from './today';
import type { FunctionContext } from './context';

/**
 * Reads and scores every row of a book range, the shared core of the health functions, and
 * turns each row's result into an output with `present`.
 */
export function scoreBookRange<T>(
  fn: string,
  headers: unknown,
  rows: unknown,
  modelArg: unknown,
  today: DayNumber,
  context: FunctionContext,
  present: (result: HealthResult, account: AccountRow) => T,
): T[] {
  const { headerRow, rowGrid } = bookArguments(fn, headers, rows);
  const model = resolveModel(modelArg);
  const layout = readLayout(headerRow);
  if (!usesAnyColumn(layout, model)) {
    throw new ArgumentError(
      `${fn}: none of the headers names health data the ${model.name} model can use. Expected columns such as DAU/MAU, Seats active, Last login, Champion, Goals achieved or Payment status, or dimension scores such as "${
        DIMENSION_LABELS[model.dimensions[0]?.id ?? 'productUsage']
      } score".`,
    );
  }
  const plan = planRead(layout, columnsNeededBy(model), { timeZone: context.timeZone });
  return readAccountRows(rowGrid, plan).map((account) =>
    present(scoreAccount(account, model, today), account),
  );
}

export function healthScore(
  headers: unknown,
  rows: unknown,
  model: unknown,
  todayArg: unknown,
  context: FunctionContext,
): (number | string)[][] {
  return scoreBookRange(
    'HEALTHSCORE',
    headers,
    rows,
    model,
    todayOf('HEALTHSCORE', todayArg, context),
    context,
    (result) => [
      result.kind === 'scored' ? result.score : result.kind === 'error' ? result.message : '',
    ],
  );
}

export function healthDrivers(
  headers: unknown,
  rows: unknown,
  model: unknown,
  todayArg: unknown,
  context: FunctionContext,
): string[][] {
  return scoreBookRange(
    'HEALTHDRIVERS',
    headers,
    rows,
    model,
    todayOf('HEALTHDRIVERS', todayArg, context),
    context,
    (result) => [
      result.kind === 'scored'
        ? describeDrivers(result.dimensions)
        : result.kind === 'error'
          ? result.message
          : '',
    ],
  );
}

/** The tier of one score cell: "" stays "", an error text stays as it is. */
function tierOfCell(cell: CellValue, model: HealthModel): string {
  if (isBlank(cell)) return '';
  let score: number | undefined;
  if (typeof cell === 'number') score = cell;
  else if (typeof cell === 'string') {
    const parsed = parseNumberText(cell);
    if (!parsed && cell.length <= MAX_PASSED_MESSAGE) return cell;
    score = parsed?.value;
  }
  if (score === undefined || !Number.isFinite(score)) {
    return notAScoreMessage(`'${describeCell(cell)}'`);
  }
  if (score < 0 || score > 100) {
    return notAScoreMessage(describeCell(score));
  }
  return tierFor(model, score).label;
}

export function healthTier(score: unknown, modelArg: unknown): string | string[][] {
  const model = resolveModel(modelArg);
  return mapCells(score, (cell) => tierOfCell(cell, model));
}
