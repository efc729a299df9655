/**
 * CS Engine: every global Apps Script sees, and nothing else.
 *
 * Each custom function is a thin wrapper here, with its JSDoc, because esbuild-gas-plugin
 * copies the JSDoc and parameter names of this file's functions into the top-level stubs
 * Sheets reads for autocomplete and argument hints. The work happens in src/functions/, and
 * every result goes through sheetOutput (src/functions/output.ts) on its way to the cells.
 */
import {
  type Dialogs,
  editSettings,
  preview,
  runNow,
  showStatus,
  turnOff,
  turnOn,
} from './app/alerts/control';
import { runAlerts } from './app/alerts/run';
import { FORMULA_HELP, MENU } from './app/menu';
import { healthBacktest, healthCalibrate } from './functions/backtest';
import type { FunctionContext } from './functions/context';
import { healthDrivers, healthScore, healthTier } from './functions/health';
import { sheetOutput } from './functions/output';
import { isRange } from './functions/ranges';
import { grr, logoRetention, nrr, segment } from './functions/retention';
import {
  churnRisk,
  engagementLevelOfBook,
  expansionReady,
  renewalStageOf,
  ttfv,
  winBackStageOf,
} from './functions/lifecycle';
import {
  churnRate,
  cohortRetention,
  csat,
  csmCapacity,
  expansionRate,
  nps,
} from './functions/portfolio';
import { showDialog } from './gas/dialog';
import { currentTimeZone, now } from './gas/environment';
import { alertPorts } from './gas/alert-ports';
import { askText, installMenu, showMessage } from './gas/ui';
import type {
  AccountRequest,
  ColumnsRequest,
  HealthSqlRequest,
  PlanRequest,
  QbrRequest,
  SidebarApi,
} from './app/sidebar/api';
import { loadActions } from './gas/load-actions';
import { showSidebar } from './gas/sidebar';
import { stampTodayInActiveBook } from './gas/today';
import { guardAlertsTrigger } from './gas/alert-trigger';

declare const global: Record<string, unknown>;

function functionContext(): FunctionContext {
  return { now: now(), timeZone: currentTimeZone() };
}

/** A single-cell `rows` argument gets a single value back, a range gets a column. */
function columnOrCell<T>(rows: unknown, column: T[][]): T | T[][] {
  return isRange(rows) ? column : (column[0]?.[0] as T);
}

/**
 * Health score 0-100 of each account row, from the book's own columns.
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, for example A2:AZ500.
 * @param {string|Array<Array<string|number>>} [model] Optional. A model name: "cs-engine" (default), "playbook", "seven-signal", "five-pillar" or "four-factor"; or a 2-column range of dimension and weight.
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @return One value per row: the score 0-100, "" for a blank row, or a message saying why the row cannot be scored.
 * @customfunction
 */
function HEALTHSCORE(headers: unknown, rows: unknown, model?: unknown, today?: unknown) {
  return sheetOutput(
    columnOrCell(rows, healthScore(headers, rows, model, today, functionContext())),
  );
}

/**
 * Health tier of a score or a column of scores (Thriving, Healthy, At-Risk, Critical for the default model).
 *
 * @param {number|Array<Array<number>>} score A score 0-100, or a range of scores such as the HEALTHSCORE column.
 * @param {string|Array<Array<string|number>>} [model] Optional. The model whose tiers to use, as in HEALTHSCORE.
 * @return The tier of each score; blanks stay blank and messages are passed through.
 * @customfunction
 */
function HEALTHTIER(score: unknown, model?: unknown) {
  return sheetOutput(healthTier(score, model));
}

/**
 * What costs each account the most health points, worst first, and which dimensions had no data.
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, for example A2:AZ500.
 * @param {string|Array<Array<string|number>>} [model] Optional. The health model, as in HEALTHSCORE.
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @return One text per row, such as "Product usage 20/100 (-24 pts); Relationship 30/100 (-10 pts)".
 * @customfunction
 */
function HEALTHDRIVERS(headers: unknown, rows: unknown, model?: unknown, today?: unknown) {
  return sheetOutput(
    columnOrCell(rows, healthDrivers(headers, rows, model, today, functionContext())),
  );
}

/**
 * Net revenue retention. With two columns: sum(end ARR) / sum(start ARR) over the accounts that started the period paying. With four values: (start + expansion - contraction - churn) / start.
 *
 * @param {number|Array<Array<number>>} start_or_start_arr The ARR at the start of the period: a column, one row per account (2-argument form), or the starting amount (4-argument form).
 * @param {number|Array<Array<number>>} end_arr_or_expansion The ARR at the end of the period, same rows (2-argument form), or the expansion amount (4-argument form).
 * @param {number|Array<Array<number>>} [contraction] 4-argument form: the ARR lost to downgrades.
 * @param {number|Array<Array<number>>} [churn] 4-argument form: the ARR lost to cancellations.
 * @return NRR as a fraction: 1.05 means 105%.
 * @customfunction
 */
function NRR(
  start_or_start_arr: unknown,
  end_arr_or_expansion: unknown,
  contraction?: unknown,
  churn?: unknown,
) {
  return sheetOutput(nrr(start_or_start_arr, end_arr_or_expansion, contraction, churn));
}

/**
 * Gross revenue retention, expansion left out. With two columns: sum(min(start, end)) / sum(start) over the accounts that started paying. With four values: (start - contraction - churn) / start, at most 1.
 *
 * @param {number|Array<Array<number>>} start_or_start_arr The ARR at the start of the period: a column, one row per account (2-argument form), or the starting amount (4-argument form).
 * @param {number|Array<Array<number>>} end_arr_or_expansion The ARR at the end of the period, same rows (2-argument form), or the expansion amount, which GRR ignores (4-argument form).
 * @param {number|Array<Array<number>>} [contraction] 4-argument form: the ARR lost to downgrades.
 * @param {number|Array<Array<number>>} [churn] 4-argument form: the ARR lost to cancellations.
 * @return GRR as a fraction: 0.92 means 92%.
 * @customfunction
 */
function GRR(
  start_or_start_arr: unknown,
  end_arr_or_expansion: unknown,
  contraction?: unknown,
  churn?: unknown,
) {
  return sheetOutput(grr(start_or_start_arr, end_arr_or_expansion, contraction, churn));
}

/**
 * Logo retention: the share of accounts paying at the start of the period that still pay at the end.
 *
 * @param {Array<Array<number>>} start_arr The ARR at the start of the period, one row per account (blank or 0 for new logos).
 * @param {Array<Array<number>>} end_arr The ARR at the end of the period, same rows (blank or 0 for accounts that left).
 * @return The share as a fraction: 0.9 means 90%.
 * @customfunction
 */
function LOGORETENTION(start_arr: unknown, end_arr: unknown) {
  return sheetOutput(logoRetention(start_arr, end_arr));
}

/**
 * Customer segment from ARR: Enterprise (100,000 and up), Mid-Market (25,000 and up), SMB (5,000 and up) or Self-Serve.
 *
 * @param {number|Array<Array<number>>} arr An ARR amount, or a column of them.
 * @return The segment of each amount; blanks stay blank.
 * @customfunction
 */
function SEGMENT(arr: unknown) {
  return sheetOutput(segment(arr));
}

/**
 * Backtest: how well scores taken before renewal predicted the renewals. Returns a table with a header row: accounts, churn rate, AUC, accuracy / precision / recall at the threshold, skipped rows, and the renewal rate per tier and per score decile.
 *
 * @param {Array<Array<number>>} scores The health score of each account taken before its renewal (for example 90 days before), one row per account, such as C2:C500.
 * @param {Array<Array<string|number|boolean>>} outcomes What happened at renewal, same rows: renewed / retained / yes / 1 for a renewal, churned / lost / cancelled / no / 0 for churn.
 * @param {number} [threshold] Optional. A score below it counts as a churn prediction (default 60, the lowest score of the default model's Healthy tier).
 * @return A 4-column table (Measure, Value, Accounts, Renewal rate) with a header row.
 * @customfunction
 */
function HEALTHBACKTEST(scores: unknown, outcomes: unknown, threshold?: unknown) {
  return sheetOutput(healthBacktest(scores, outcomes, threshold));
}

/**
 * Suggests dimension weights fitted to renewal outcomes (regularised logistic regression, cross-validated), in the 2-column form HEALTHSCORE accepts as its model, then the AUC of the current and the suggested weights.
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, as they were before renewal, for example A2:AZ500.
 * @param {Array<Array<string|number|boolean>>} outcomes What happened at renewal, one row per account row: renewed / retained / yes / 1, or churned / lost / cancelled / no / 0.
 * @param {string|Array<Array<string|number>>} [model] Optional. The current model whose dimensions are re-weighted, as in HEALTHSCORE (default "cs-engine").
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @return Rows of dimension and suggested weight (summing to 100) under a "Dimension, Weight" header, a blank row, then "AUC before" and "AUC after".
 * @customfunction
 */
function HEALTHCALIBRATE(
  headers: unknown,
  rows: unknown,
  outcomes: unknown,
  model?: unknown,
  today?: unknown,
) {
  return sheetOutput(healthCalibrate(headers, rows, outcomes, model, today, functionContext()));
}

/**
 * Early-warning flags of each account row, worst first: the same rules as the daily alerts (tier, champion or sponsor gone, usage drop, no login for 30 days, competitor, data export, missed meetings, renewal without a conversation...).
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, for example A2:AZ500.
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @return One text per row, such as "Act today: The champion has left. | Within 2 days: No login for 45 days.", "No warning signs", "" for a blank row, or why the row cannot be scored.
 * @customfunction
 */
function CHURNRISK(headers: unknown, rows: unknown, today?: unknown) {
  return sheetOutput(columnOrCell(rows, churnRisk(headers, rows, today, functionContext())));
}

/**
 * Whether each account is ready for an expansion conversation: the expansion gate (top health tier for 60+ days, a goal achieved with ROI documented, champion engaged, renewal more than 60 days away) and the buying signals present.
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, for example A2:AZ500.
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @return Two columns per row: "Open" or "Closed", then each gate condition met (✓) or not (✗) and the expansion signals.
 * @customfunction
 */
function EXPANSIONREADY(headers: unknown, rows: unknown, today?: unknown) {
  return sheetOutput(expansionReady(headers, rows, today, functionContext()));
}

/**
 * The renewal prep step due for a renewal date (the prep sequence from day -90 to day -7), the days left and the next step.
 *
 * @param {Date|Array<Array<Date>>} renewal_date A renewal date, or a column of them.
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @param {string|Date|Array<Array<string|Date>>} [status] Optional. The Status column (active / churned) or the Churn date column, same rows: a churned account gets no renewal countdown.
 * @return One text per date, such as "Day -60: ROI presentation, 50 days to renewal. ..."; "Churned: no renewal to prepare" for a churned account; blanks stay blank.
 * @customfunction
 */
function RENEWALSTAGE(renewal_date: unknown, today?: unknown, status?: unknown) {
  return sheetOutput(renewalStageOf(renewal_date, today, status, functionContext()));
}

/**
 * Net Promoter Score of 0-10 survey answers: the percentage of promoters (9-10) minus the percentage of detractors (0-6).
 *
 * @param {Array<Array<number>>} responses The answers, 0 to 10, in any range; blanks are ignored.
 * @return The NPS, a number from -100 to 100.
 * @customfunction
 */
function NPS(responses: unknown) {
  return sheetOutput(nps(responses));
}

/**
 * Customer satisfaction: the share of answers of 4 or 5 on a 1-5 scale.
 *
 * @param {Array<Array<number>>} responses The answers, 1 to 5, in any range; blanks are ignored.
 * @return The share of satisfied answers as a fraction: 0.9 means 90%.
 * @customfunction
 */
function CSAT(responses: unknown) {
  return sheetOutput(csat(responses));
}

/**
 * Time to first value in days, and whether it met the segment's target (Enterprise 30 days, Mid-Market 14 days, SMB 24 hours, Self-Serve 10 minutes).
 *
 * @param {Date|Array<Array<Date>>} start The onboarding start (contract start) of each account.
 * @param {Date|Array<Array<Date>>} first_value The day each account first got value, same rows; blank if not yet.
 * @param {string|number|Array<Array<string|number>>} [segment] Optional. The segment of each row (Enterprise, Mid-Market, SMB, Self-Serve) or its ARR, or one segment for every row.
 * @return Two columns per row: the days, and "On target (14 days for Mid-Market)", "Late by 6 days (...)" or "No first value yet".
 * @customfunction
 */
function TTFV(start: unknown, first_value: unknown, segment?: unknown) {
  return sheetOutput(ttfv(start, first_value, segment, functionContext()));
}

/**
 * Engagement level of each account row: Power user, Regular, Casual, Dormant or Ghost, from DAU/MAU (or core actions per week), feature adoption and the last login.
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, for example A2:AZ500.
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @return Two columns per row: the level, then what it was decided from, the expected renewal rate and the action.
 * @customfunction
 */
function ENGAGEMENTLEVEL(headers: unknown, rows: unknown, today?: unknown) {
  return sheetOutput(engagementLevelOfBook(headers, rows, today, functionContext()));
}

/**
 * Win-back stage of a churned account by time since churn: the approach and its usual success rate.
 *
 * @param {Date|Array<Array<Date>>} churn_date A churn date, or a column of them.
 * @param {Date} [today] Optional. The day to count from; pass CSE_TODAY, the named range CS Engine keeps at today's date, so results move with the days (left out: the day the formula last recalculated).
 * @return One text per date, such as "30-90 days: Product update with proof of improvement (10-15% win back)".
 * @customfunction
 */
function WINBACKSTAGE(churn_date: unknown, today?: unknown) {
  return sheetOutput(winBackStageOf(churn_date, today, functionContext()));
}

/**
 * Retention cohort table: accounts grouped by month of start, the share still a customer at each month since start (logo retention, or revenue retention when arr is given).
 *
 * @param {Array<Array<Date>>} start_dates The start (contract start) of each account.
 * @param {Array<Array<Date>>} end_dates The day each account left, same rows; blank while it is a customer.
 * @param {Array<Array<number>>} [arr] Optional. The ARR of each account, same rows: weights the shares by revenue.
 * @param {number|Array<Array<number>>} [periods] Optional. The months to show: a number such as 12 (months 0 to 12) or a range of month offsets (default 0, 1, 2, 3, 6, 12).
 * @param {Date} [today] Optional. Months not yet reached by every account of a cohort stay blank; pass CSE_TODAY, the named range CS Engine keeps at today's date (left out: the day the formula last recalculated).
 * @return A table with a header row: Cohort (YYYY-MM), Accounts, then one column per month as a fraction.
 * @customfunction
 */
function COHORTRETENTION(
  start_dates: unknown,
  end_dates: unknown,
  arr?: unknown,
  periods?: unknown,
  today?: unknown,
) {
  return sheetOutput(
    cohortRetention(start_dates, end_dates, arr, periods, today, functionContext()),
  );
}

/**
 * Converts a churn rate from one period to another by compounding: 1 - (1 - rate) ^ (to / from). 2% a month is 21.5% a year.
 *
 * @param {number|Array<Array<number>>} rate The churn rate over from_period, such as 2% or 0.02, or a column of rates.
 * @param {string|number} [from_period] Optional. The period the rate is for: "monthly" (default), "quarterly", "annual", or a number of months.
 * @param {string|number} [to_period] Optional. The period to convert to: "annual" (default), "monthly", "quarterly", or a number of months.
 * @return The churn rate over to_period, as a fraction.
 * @customfunction
 */
function CHURNRATE(rate: unknown, from_period?: unknown, to_period?: unknown) {
  return sheetOutput(churnRate(rate, from_period, to_period));
}

/**
 * Converts an expansion (or net growth) rate from one period to another by compounding: (1 + rate) ^ (to / from) - 1. 1.5% a month is 19.6% a year.
 *
 * @param {number|Array<Array<number>>} rate The expansion rate over from_period, such as 1.5% or 0.015, or a column of rates.
 * @param {string|number} [from_period] Optional. The period the rate is for: "monthly" (default), "quarterly", "annual", or a number of months.
 * @param {string|number} [to_period] Optional. The period to convert to: "annual" (default), "monthly", "quarterly", or a number of months.
 * @return The expansion rate over to_period, as a fraction.
 * @customfunction
 */
function EXPANSIONRATE(rate: unknown, from_period?: unknown, to_period?: unknown) {
  return sheetOutput(expansionRate(rate, from_period, to_period));
}

/**
 * Accounts and ARR per CSM against the CSM capacity model (Enterprise 10-15 accounts, Mid-Market 25-40, SMB 50-80, Self-Serve automated), segments taken from ARR.
 *
 * @param {Array<Array<string>>} csm_column The CSM of each account, for example C2:C500.
 * @param {Array<Array<number>>} arr_column The ARR of each account, same rows.
 * @return A table with a header row: CSM, Accounts, ARR, accounts per segment, Load (1 = a full book at the top of the ranges) and Status.
 * @customfunction
 */
function CSMCAPACITY(csm_column: unknown, arr_column: unknown) {
  return sheetOutput(csmCapacity(csm_column, arr_column));
}

/** Menu: rebuild the Dashboard sheet (metrics, charts and the monthly review). */
function menuRefreshDashboard() {
  loadActions().refreshDashboard();
}

/**
 * Builds the add-on menu when the spreadsheet opens, and brings CSE_TODAY to today so the
 * formulas that use it recompute (not possible before the add-on is enabled in this file).
 */
function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen) {
  installMenu(MENU);
  stampTodayInActiveBook(event?.authMode);
}

/** Runs when the add-on is installed: show the menu straight away. */
function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/**
 * Menu: the sidebar's Columns tab, where each header CS Engine does not recognise is mapped to
 * the column it holds (or ignored), without renaming the user's columns.
 */
function menuCheckHeaders() {
  showSidebar('columns');
}

/** Menu: backtest the health score of the active sheet against its renewal outcomes. */
function menuBacktest() {
  loadActions().backtest(functionContext());
}

const dialogs: Dialogs = { message: showMessage, ask: askText, html: showDialog };

/** Menu: turn the daily alert run on, at an hour the user picks. */
function menuAlertsOn() {
  turnOn(alertPorts(), dialogs);
}

/** Menu: turn the daily alert run off. */
function menuAlertsOff() {
  turnOff(alertPorts(), dialogs);
}

/** Menu: check the book and send the alerts now. */
function menuAlertsRunNow() {
  stampTodayInActiveBook();
  runNow(alertPorts(), dialogs);
}

/** Menu: show what the alerts would send, without sending. */
function menuAlertsPreview() {
  preview(alertPorts(), dialogs);
}

/** Menu: whether alerts are on, their hour, the last run and its result. */
function menuAlertsStatus() {
  showStatus(alertPorts(), dialogs);
}

/** Menu: escalation address, reminder interval and health model of the alerts. */
function menuAlertsSettings() {
  editSettings(alertPorts(), dialogs);
}

/**
 * The hourly time-driven trigger: checks the book once a day at the chosen hour, and sends
 * whatever is still queued. Errors are logged and reported by the run itself.
 */
function onAlertsTrigger(event?: GoogleAppsScript.Events.TimeDriven) {
  guardAlertsTrigger(event, () => {
    stampTodayInActiveBook();
    runAlerts(
      { ...alertPorts(), afterScheduledCheck: () => loadActions().refreshDashboardIfStale() },
      'scheduled',
    );
  });
}

/** Menu: check the setup in this spreadsheet: columns, trigger, quota, permissions, sheets. */
function menuDiagnostics() {
  loadActions().diagnostics();
}

/** Menu: open the account sidebar (account view, playbooks, QBR and plan documents). */
function menuOpenSidebar() {
  stampTodayInActiveBook();
  showSidebar();
}

// The sidebar's endpoints (src/app/sidebar/api.ts), called with google.script.run; their code
// is in dist/Actions.html (src/actions.ts). They go through an object typed as SidebarApi: an
// endpoint renamed in the interface fails to compile here, and a test checks that every
// SidebarApi method is a global of the bundle.
const sidebarEndpoints: SidebarApi = {
  getAccount: (request) => loadActions().sidebar().getAccount(request),
  searchAccounts: (query) => loadActions().sidebar().searchAccounts(query),
  getPlaybooks: () => loadActions().sidebar().getPlaybooks(),
  generateQbr: (request) => loadActions().sidebar().generateQbr(request),
  generatePlan: (request) => loadActions().sidebar().generatePlan(request),
  getColumns: () => loadActions().sidebar().getColumns(),
  saveColumns: (request) => loadActions().sidebar().saveColumns(request),
  getHealthSql: (request) => loadActions().sidebar().getHealthSql(request),
};

/** Sidebar: the account on the active row, or on the given row of the book. */
function getAccount(request: AccountRequest) {
  return sidebarEndpoints.getAccount(request);
}

/** Sidebar: accounts whose name or ID contains the query. */
function searchAccounts(query: string) {
  return sidebarEndpoints.searchAccounts(query);
}

/** Sidebar: every playbook, for the Playbooks tab. */
function getPlaybooks() {
  return sidebarEndpoints.getPlaybooks();
}

/** Sidebar: create the QBR document in Google Docs and log it in the QBR Log sheet. */
function generateQbr(request: QbrRequest) {
  return sidebarEndpoints.generateQbr(request);
}

/** Sidebar: create a save, success or onboarding plan document. */
function generatePlan(request: PlanRequest) {
  return sidebarEndpoints.generatePlan(request);
}

/** Sidebar: the book's headers and what each unrecognised one is mapped to. */
function getColumns() {
  return sidebarEndpoints.getColumns();
}

/** Sidebar: save the mapping of the book's headers in the Columns sheet. */
function saveColumns(request: ColumnsRequest) {
  return sidebarEndpoints.saveColumns(request);
}

/** Sidebar: the health model, as mapped, in BigQuery SQL over a table loaded from the book. */
function getHealthSql(request: HealthSqlRequest) {
  return sidebarEndpoints.getHealthSql(request);
}

/** Menu: a short reference of the formulas. */
function menuFormulaHelp() {
  showMessage('CS Engine formulas', FORMULA_HELP);
}

global.HEALTHSCORE = HEALTHSCORE;
global.HEALTHTIER = HEALTHTIER;
global.HEALTHDRIVERS = HEALTHDRIVERS;
global.NRR = NRR;
global.GRR = GRR;
global.LOGORETENTION = LOGORETENTION;
global.SEGMENT = SEGMENT;
global.HEALTHBACKTEST = HEALTHBACKTEST;
global.HEALTHCALIBRATE = HEALTHCALIBRATE;
global.CHURNRISK = CHURNRISK;
global.EXPANSIONREADY = EXPANSIONREADY;
global.RENEWALSTAGE = RENEWALSTAGE;
global.NPS = NPS;
global.CSAT = CSAT;
global.TTFV = TTFV;
global.ENGAGEMENTLEVEL = ENGAGEMENTLEVEL;
global.WINBACKSTAGE = WINBACKSTAGE;
global.COHORTRETENTION = COHORTRETENTION;
global.CHURNRATE = CHURNRATE;
global.EXPANSIONRATE = EXPANSIONRATE;
global.CSMCAPACITY = CSMCAPACITY;
global.menuRefreshDashboard = menuRefreshDashboard;
global.onOpen = onOpen;
global.onInstall = onInstall;
global.menuCheckHeaders = menuCheckHeaders;
global.menuFormulaHelp = menuFormulaHelp;
global.menuBacktest = menuBacktest;
global.menuDiagnostics = menuDiagnostics;
global.menuAlertsOn = menuAlertsOn;
global.menuAlertsOff = menuAlertsOff;
global.menuAlertsRunNow = menuAlertsRunNow;
global.menuAlertsPreview = menuAlertsPreview;
global.menuAlertsStatus = menuAlertsStatus;
global.menuAlertsSettings = menuAlertsSettings;
global.onAlertsTrigger = onAlertsTrigger;
global.menuOpenSidebar = menuOpenSidebar;
global.getAccount = getAccount;
global.searchAccounts = searchAccounts;
global.getPlaybooks = getPlaybooks;
global.generateQbr = generateQbr;
global.generatePlan = generatePlan;
global.getColumns = getColumns;
global.saveColumns = saveColumns;
global.getHealthSql = getHealthSql;
