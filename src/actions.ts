/**
 * What only the menu's actions and the sidebar run: the sidebar's endpoints and the documents
 * they write, the Dashboard, the backtest report and the setup check. scripts/build.mjs builds
 * this file into dist/Actions.html, not into dist/Code.js: Apps Script parses and evaluates
 * every script file of the project before each custom-function call, so code no custom
 * function needs is kept out of that cost and loaded when an action runs
 * (src/gas/load-actions.ts). Nothing here may be imported by src/index.ts except its type.
 */
import { backtestSheet } from './app/backtest';
import { runDiagnostics } from './app/diagnostics';
import { SCOPES } from './app/scopes';
import { refreshDashboard, refreshDashboardIfStale } from './app/dashboard/refresh';
import type { SidebarApi } from './app/sidebar/api';
import { createSidebarServer } from './app/sidebar/server';
import type { FunctionContext } from './functions/context';
import { alertPorts, permissionsGranted } from './gas/alert-ports';
import { dashboardPorts } from './gas/dashboard-ports';
import { showDialog } from './gas/dialog';
import { readActiveSheet } from './gas/sheets';
import { sidebarPorts } from './gas/sidebar';
import { showMessage } from './gas/ui';

export const actions = {
  /** The sidebar's endpoints, on this execution's spreadsheet. */
  sidebar(): SidebarApi {
    return createSidebarServer(sidebarPorts());
  },

  /** Rebuilds the Dashboard sheet and says what it did. */
  refreshDashboard(): void {
    const report = refreshDashboard(dashboardPorts());
    showMessage('CS Engine dashboard', report.summary);
  },

  /** Rebuilds the Dashboard if it is missing or a day old (after the daily alert check). */
  refreshDashboardIfStale(): void {
    refreshDashboardIfStale(dashboardPorts());
  },

  /** Backtests the health score of the active sheet against its renewal outcomes. */
  backtest(context: FunctionContext): void {
    const sheet = readActiveSheet();
    const action = backtestSheet(sheet.name, sheet.values, context);
    if (action.kind === 'dialog') showDialog(action.title, action.html, 960, 640);
    else showMessage(action.title, action.message);
  },

  /** Checks the setup in this spreadsheet: columns, trigger, quota, permissions, sheets. */
  diagnostics(): void {
    const report = runDiagnostics({
      ports: alertPorts(),
      authorized: permissionsGranted(),
      scopes: SCOPES.map((entry) => entry.scope),
    });
    showDialog(report.title, report.html, 560, 520);
  },
};

export type Actions = typeof actions;
