/**
 * How big the add-on's own sheets get. Google Sheets holds 10 million cells per spreadsheet,
 * counting every sheet's whole grid, and History is read and rewritten every day.
 *
 * - History text for 10,000 accounts x 730 days: measured by encoding two years of daily
 *   scores per account (a random walk, so most days move a little and some jump) exactly as
 *   the alert run writes them;
 * - cells used: measured after daily alert runs through the bundle on a 10,000-account book,
 *   and the Alert Log extrapolated to its 90-day window from the rows those runs added.
 */
import { loadBundle } from '../dev/runtime';
import { alertBenchWorld } from './alerts';
import { HISTORY_DAYS, historyRows } from '../src/core/history';
import { seededRandom } from '../src/core/random';

const DAY_MS = 86_400_000;
const CELL_LIMIT = 10_000_000;
const ALERT_LOG_DAYS = 90;

export interface StorageFigures {
  readonly accounts: number;
  readonly historyDays: number;
  readonly historyChars: number;
  readonly runDays: number;
  readonly cellsAfterRuns: number;
  readonly alertLogRowsAfterRuns: number;
  readonly alertLogRowsPerDay: number;
  readonly cellsAt90Days: number;
  readonly alertLogColumns: number;
}

/** Characters of every History cell for `accounts` accounts with `days` daily scores each. */
function historyText(accounts: number, days: number): number {
  const random = seededRandom(2026);
  const start = 20_000;
  const histories = Array.from({ length: accounts }, (_, i) => {
    let score = 30 + Math.floor(random() * 60);
    const entries = Array.from({ length: days }, (_, day) => {
      const step =
        random() < 0.05 ? Math.floor(random() * 101) - score : Math.round((random() - 0.5) * 6);
      score = Math.min(100, Math.max(0, score + step));
      return { day: start + day, score };
    });
    return {
      key: `ACC-${String(i).padStart(5, '0')}`,
      account: `Account ${i}`,
      lastDay: start + days - 1,
      score,
      tier: 'Healthy',
      tierSince: start,
      alerts: new Map(),
      entries,
    };
  });
  return historyRows(histories).reduce(
    (sum, row) => sum + row.reduce<number>((cells, cell) => cells + String(cell).length, 0),
    0,
  );
}

export function benchStorage(accounts: number, runDays: number): StorageFigures {
  const shared = alertBenchWorld(accounts);
  const { spreadsheet } = shared;
  let firstDayRows = 0;
  for (let day = 0; day < runDays; day++) {
    shared.mail.resetDay();
    const runtime = loadBundle({
      ...shared,
      now: new Date(Date.parse('2026-01-15T08:00:00Z') + day * DAY_MS),
    });
    runtime.fireTimeTrigger('onAlertsTrigger');
    runtime.endExecution();
    if (day === 0) firstDayRows = spreadsheet.sheet('Alert Log').getLastRow() - 1;
  }
  const cells = spreadsheet.model.sheets.reduce(
    (sum, sheet) => sum + sheet.maxRows * sheet.maxColumns,
    0,
  );
  const log = spreadsheet.sheet('Alert Log');
  const logRows = log.getLastRow() - 1;
  // The first run records every condition already there; later days add what changed.
  const perDay = runDays > 1 ? (logRows - firstDayRows) / (runDays - 1) : logRows;
  const logColumns = log.getMaxColumns();
  const extraRows = Math.max(
    0,
    firstDayRows + perDay * (ALERT_LOG_DAYS - 1) - Math.max(logRows, log.getMaxRows() - 1),
  );
  return {
    accounts,
    historyDays: HISTORY_DAYS,
    historyChars: historyText(accounts, HISTORY_DAYS),
    runDays,
    cellsAfterRuns: cells,
    alertLogRowsAfterRuns: logRows,
    alertLogRowsPerDay: perDay,
    cellsAt90Days: cells + extraRows * logColumns,
    alertLogColumns: logColumns,
  };
}

export const STORAGE_CELL_LIMIT = CELL_LIMIT;
