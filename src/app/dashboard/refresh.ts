/**
 * Refresh the Dashboard sheet: read the book, History and the QBR Log (one getValues each),
 * build the weekly metrics and the monthly review, write them in one batch with the charts.
 * From the menu, and weekly from the alert trigger when the dashboard is older than 7 days.
 */
import { errorMessage } from '../../core/text';
import type { CellValue } from '../../core/cells';
import { buildDashboard } from '../../core/dashboard';
import { DASHBOARD_SHEET, HISTORY_SHEET, QBR_LOG_SHEET } from '../../core/owned-sheets';
import { dashboardFormats } from '../../core/dashboard-formats';
import { dayOfDate } from '../../core/dates';
import { parseHistory } from '../../core/history';
import { resolveModel } from '../../core/models';
import { findBookSheet } from '../alerts/run';
import { loadSettings } from '../alerts/settings';
import type { AlertPorts } from '../alerts/ports';
import type { DashboardPorts } from './ports';

const REFRESHED_KEY = 'csEngine.dashboard.refreshedAt';
/** The trigger refreshes a dashboard older than this. */
export const DASHBOARD_MAX_AGE_DAYS = 7;

export interface DashboardReport {
  readonly ok: boolean;
  readonly summary: string;
}

function stamp(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timeZone})`;
}

export function refreshDashboard(ports: DashboardPorts): DashboardReport {
  const settings = loadSettings(ports.properties);
  let bookSheet: string;
  try {
    // findBookSheet only uses the sheets; the rest of AlertPorts is not touched.
    bookSheet = findBookSheet({ sheets: ports.sheets } as AlertPorts, settings);
  } catch (error) {
    return { ok: false, summary: errorMessage(error) };
  }
  const now = ports.now();
  const book = (ports.sheets.read(bookSheet) ?? []) as CellValue[][];
  const histories = parseHistory(
    (ports.sheets.read(HISTORY_SHEET) ?? []) as CellValue[][],
    ports.timeZone,
  );
  const qbrLog = ports.sheets.read(QBR_LOG_SHEET) as CellValue[][] | undefined;
  const dashboard = buildDashboard({
    bookSheet,
    book,
    histories,
    qbrLog,
    model: resolveModel(settings.model),
    today: dayOfDate(now, ports.timeZone),
    timeZone: ports.timeZone,
    refreshedAt: stamp(now, ports.timeZone),
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
