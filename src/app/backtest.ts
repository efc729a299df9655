/**
 * The "Backtest the health score" menu action, minus the Apps Script calls: given the active
 * sheet's values, find the score and outcome columns, run the backtest and the calibration,
 * and render the dialog's HTML (or say what is missing).
 */
import { type CellValue, describeCell } from '../core/cells';
import { ArgumentError } from '../core/models';
import { normalizeKey } from '../core/text';
import {
  type Calibration,
  DEFAULT_THRESHOLD,
  calibrateBook,
  runBacktest,
} from '../functions/backtest';
import type { FunctionContext } from '../functions/context';
import { scoreBookRange } from '../functions/health';
import { dayOfDate } from '../core/dates';
import { renderBacktestReport } from './backtest-report';

/** Headers of a column of scores taken before renewal, most specific first. */
export const SCORE_HEADERS = [
  'Health score 90 days before renewal',
  'Score before renewal',
  'Health score before renewal',
  'Health score',
];
/** Headers of a column of renewal outcomes, most specific first. */
export const OUTCOME_HEADERS = ['Renewal outcome', 'Outcome', 'Renewed', 'Renewal status'];

export type BacktestAction =
  | { readonly kind: 'dialog'; readonly title: string; readonly html: string }
  | { readonly kind: 'message'; readonly title: string; readonly message: string };

function findColumn(headerRow: readonly CellValue[], names: readonly string[]): number {
  const keys = headerRow.map((cell) => normalizeKey(String(cell ?? '')));
  for (const name of names) {
    const index = keys.indexOf(normalizeKey(name));
    if (index >= 0) return index;
  }
  return -1;
}

const TITLE = 'CS Engine: backtest of the health score';

export function backtestSheet(
  sheetName: string,
  values: readonly (readonly CellValue[])[],
  context: FunctionContext,
): BacktestAction {
  const [headerRow = [], ...rows] = values.map((row) => [...row]);
  const outcomeColumn = findColumn(headerRow, OUTCOME_HEADERS);
  if (outcomeColumn < 0) {
    return {
      kind: 'message',
      title: TITLE,
      message: `The sheet "${sheetName}" has no outcome column. Add a column headed "Renewal outcome" (or "Outcome", "Renewed") holding renewed or churned (1 or 0) for each account, and a column "Health score 90 days before renewal" with the score taken before the renewal (without it, the book is scored with the default model now).`,
    };
  }
  const outcomeCells = rows.map((row) => row[outcomeColumn]);
  const scoreColumn = findColumn(headerRow, SCORE_HEADERS);
  try {
    let scoreCells: CellValue[];
    let scoreSource: string;
    if (scoreColumn >= 0) {
      scoreCells = rows.map((row) => row[scoreColumn]);
      scoreSource = `column "${describeCell(headerRow[scoreColumn])}"`;
    } else {
      scoreCells = scoreBookRange(
        'Backtest',
        [headerRow],
        rows,
        undefined,
        dayOfDate(context.now, context.timeZone),
        context,
        (result) =>
          result.kind === 'scored' ? result.score : result.kind === 'error' ? result.message : '',
      );
      scoreSource = 'the default model (cs-engine), scoring the book as it is now';
    }
    const { figures, skipped } = runBacktest(
      'Backtest',
      scoreCells,
      outcomeCells,
      DEFAULT_THRESHOLD,
    );
    let calibration: Calibration | { unavailable: string };
    try {
      calibration = calibrateBook(
        'Calibration',
        [headerRow],
        rows,
        outcomeCells,
        undefined,
        undefined,
        context,
      );
    } catch (error) {
      if (!(error instanceof ArgumentError)) throw error;
      calibration = { unavailable: error.message };
    }
    const html = renderBacktestReport({
      sheetName,
      scoreSource,
      outcomeHeader: String(headerRow[outcomeColumn]),
      figures,
      skipped,
      calibration,
    });
    return { kind: 'dialog', title: TITLE, html };
  } catch (error) {
    if (error instanceof ArgumentError) {
      return { kind: 'message', title: TITLE, message: error.message };
    }
    throw error;
  }
}
