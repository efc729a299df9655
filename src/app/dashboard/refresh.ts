/**
 * Refresh the Dashboard sheet: read the book, History and the QBR Log (one getValues each),
 * build the weekly metrics and the monthly review, write them in one batch with the charts.
 * From the menu, and weekly from the alert trigger when the dashboard is older than 7 days.
 */
import { errorMessage } from '../../core/text';
import { buildDashboard } from '../../core/dashboard';
import { DASHBOARD_SHEET, QBR_LOG_SHEET } from '../../core/owned-sheets';
import { dashboardFormats } from '../../core/dashboard-formats';
import { dayOfDate, formatTimestamp } from '../../core/dates';
import { resolveModel } from '../../core/models';
import { type Book, readBook } from '../workbook/book';
import { readHistories } from '../workbook/history';
import { loadSettings } from '../workbook/settings';
import type { DashboardPorts } from './ports';

const REFRESHED_KEY = 'csEngine.dashboard.refreshedAt';
/** The trigger refreshes a dashboard older than this. */
const DASHBOARD_MAX_AGE_DAYS = 7;

export interface DashboardReport {
  readonly ok: boolean;
  readonly summary: string;
}

export function refreshDashboard(ports: DashboardPorts): DashboardReport {
  const settings = loadSettings(ports.properties);
  let book: Book;
  try {
    book = readBook(ports.sheets, settings);
  } catch (error) {
    return { ok: false, summary: errorMessage(error) };
  }
  const now = ports.now();
  const dashboard = buildDashboard({
    bookSheet: book.sheet,
    book: book.values,
    histories: readHistories(ports),
    qbrLog: ports.sheets.read(QBR_LOG_SHEET),
    model: resolveModel(settings.model),
    today: dayOfDate(now, ports.timeZone),
    timeZone: ports.timeZone,
    refreshedAt: formatTimestamp(now, ports.timeZone),
  });
  ports.canvas.replace(
    DASHBOARD_SHEET,
    dashboard.rows,
    dashboardFormats(dashboard.rows),
    dashboard.charts,
  );
  ports.properties.set(REFRESHED_KEY, now.toISOString());
  return { ok: true, summary: dashboard.summary };
}

/** Refreshes the dashboard when it is missing, was never refreshed, or is older than 7 days. */
export function refreshDashboardIfStale(ports: DashboardPorts): DashboardReport | undefined {
  const last = Date.parse(ports.properties.get(REFRESHED_KEY) ?? '');
  const age = (ports.now().getTime() - last) / 86_400_000;
  const exists = ports.sheets.sheetNames().includes(DASHBOARD_SHEET);
  if (exists && Number.isFinite(age) && age < DASHBOARD_MAX_AGE_DAYS) return undefined;
  return refreshDashboard(ports);
}
