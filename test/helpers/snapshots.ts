/** Snapshots of hand-made account rows, for unit tests of the one account truth. */
import { planRead, readAccountRows, readLayout } from '../../src/core/book';
import type { CellValue } from '../../src/core/cells';
import { dayFromParts } from '../../src/core/dates';
import type { AccountHistory } from '../../src/core/history';
import { defaultModel } from '../../src/core/models';
import { type AccountSnapshot, accountSnapshot, columnsForSnapshot } from '../../src/core/snapshot';

export const TODAY = dayFromParts(2026, 1, 15);
export const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromParts(y as number, m as number, d as number);
};

/** The snapshot of one row given as header -> cell (sheet row `sheetRow`). */
export function snapshotOf(
  cells: Record<string, CellValue>,
  options: { history?: AccountHistory; sheetRow?: number; today?: number } = {},
): AccountSnapshot {
  const headers = Object.keys(cells);
  const layout = readLayout(headers);
  const model = defaultModel();
  const plan = planRead(layout, columnsForSnapshot(model), { timeZone: 'UTC' });
  const [read] = readAccountRows([headers.map((header) => cells[header])], plan);
  if (!read) throw new Error('no row');
  return accountSnapshot({
    account: { ...read, index: (options.sheetRow ?? 2) - 2 },
    model,
    today: options.today ?? TODAY,
    columns: new Set(layout.signals.keys()),
    history: options.history,
  });
}

/** A healthy live account; `cells` adds or replaces columns. */
export function healthy(cells: Record<string, CellValue> = {}): Record<string, CellValue> {
  return {
    Account: 'Acme',
    'Account ID': 'A-1',
    CSM: 'Dana',
    ARR: 150000,
    'DAU/MAU': 0.55,
    'Seats licensed': 100,
    'Seats active': 80,
    Champion: 'yes',
    'Champion status': 'active',
    'Executive sponsor': 'yes',
    'Payment status': 'current',
    'Last login': '2026-01-14',
    'Renewal date': '2026-09-30',
    ...cells,
  };
}

/** An unhealthy live account: the champion left, a competitor, little use. */
export function atRisk(cells: Record<string, CellValue> = {}): Record<string, CellValue> {
  return healthy({
    Account: 'Globex',
    'Account ID': 'G-2',
    'DAU/MAU': 0.05,
    'Seats active': 10,
    Champion: 'no',
    'Champion status': 'left',
    'Payment status': 'late',
    'Competitor mentioned': 'yes',
    'Renewal date': '2026-02-20',
    ...cells,
  });
}
