/**
 * CS Engine: every global Apps Script sees, and nothing else.
 *
 * Each custom function is a thin wrapper here, with its JSDoc, because esbuild-gas-plugin
 * copies the JSDoc and parameter names of this file's functions into the top-level stubs
 * Sheets reads for autocomplete and argument hints. The work happens in src/functions/.
 */
import { backtestSheet } from './app/backtest';
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
import { checkHeaders } from './app/header-check';
import { FORMULA_HELP, MENU } from './app/menu';
import { healthBacktest, healthCalibrate } from './functions/backtest';
import { type FunctionContext, healthDrivers, healthScore, healthTier } from './functions/health';
import { isRange } from './functions/ranges';
import { grr, logoRetention, nrr, segment } from './functions/retention';
import { showDialog } from './gas/dialog';
import { currentTimeZone, now } from './gas/environment';
import { readActiveSheet } from './gas/sheets';
import { alertPorts } from './gas/alert-ports';
import { askText, installMenu, showMessage } from './gas/ui';

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
 * @return One value per row: the score 0-100, "" for a blank row, or a message saying why the row cannot be scored.
 * @customfunction
 */
function HEALTHSCORE(headers: unknown, rows: unknown, model?: unknown) {
  return columnOrCell(rows, healthScore(headers, rows, model, functionContext()));
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
  return healthTier(score, model);
}

/**
 * What costs each account the most health points, worst first, and which dimensions had no data.
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, for example A2:AZ500.
 * @param {string|Array<Array<string|number>>} [model] Optional. The health model, as in HEALTHSCORE.
 * @return One text per row, such as "Product usage 20/100 (-24 pts); Relationship 30/100 (-10 pts)".
 * @customfunction
 */
function HEALTHDRIVERS(headers: unknown, rows: unknown, model?: unknown) {
  return columnOrCell(rows, healthDrivers(headers, rows, model, functionContext()));
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
  return nrr(start_or_start_arr, end_arr_or_expansion, contraction, churn);
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
  return grr(start_or_start_arr, end_arr_or_expansion, contraction, churn);
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
  return logoRetention(start_arr, end_arr);
}

/**
 * Customer segment from ARR: Enterprise (100,000 and up), Mid-Market (25,000 and up), SMB (5,000 and up) or Self-Serve.
 *
 * @param {number|Array<Array<number>>} arr An ARR amount, or a column of them.
 * @return The segment of each amount; blanks stay blank.
 * @customfunction
 */
function SEGMENT(arr: unknown) {
  return segment(arr);
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
  return healthBacktest(scores, outcomes, threshold);
}

/**
 * Suggests dimension weights fitted to renewal outcomes (regularised logistic regression, cross-validated), in the 2-column form HEALTHSCORE accepts as its model, then the AUC of the current and the suggested weights.
 *
 * @param {Array<Array<string>>} headers The book's header row, for example A1:AZ1.
 * @param {Array<Array<string|number|Date|boolean>>} rows The account rows under those headers, as they were before renewal, for example A2:AZ500.
 * @param {Array<Array<string|number|boolean>>} outcomes What happened at renewal, one row per account row: renewed / retained / yes / 1, or churned / lost / cancelled / no / 0.
 * @param {string|Array<Array<string|number>>} [model] Optional. The current model whose dimensions are re-weighted, as in HEALTHSCORE (default "cs-engine").
 * @return Rows of dimension and suggested weight (summing to 100) under a "Dimension, Weight" header, a blank row, then "AUC before" and "AUC after".
 * @customfunction
 */
function HEALTHCALIBRATE(headers: unknown, rows: unknown, outcomes: unknown, model?: unknown) {
  return healthCalibrate(headers, rows, outcomes, model, functionContext());
}

/** Builds the add-on menu when the spreadsheet opens. */
function onOpen() {
  installMenu(MENU);
}

/** Runs when the add-on is installed: show the menu straight away. */
function onInstall() {
  onOpen();
}

/** Menu: report which columns of the active sheet CS Engine recognises. */
function menuCheckHeaders() {
  const sheet = readActiveSheet();
  const report = checkHeaders(sheet.name, sheet.values as never);
  showMessage(report.title, report.message);
}

/** Menu: backtest the health score of the active sheet against its renewal outcomes. */
function menuBacktest() {
  const sheet = readActiveSheet();
  const action = backtestSheet(sheet.name, sheet.values as never, functionContext());
  if (action.kind === 'dialog') showDialog(action.title, action.html, 960, 640);
  else showMessage(action.title, action.message);
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
function onAlertsTrigger() {
  runAlerts(alertPorts(), 'scheduled');
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
global.onOpen = onOpen;
global.onInstall = onInstall;
global.menuCheckHeaders = menuCheckHeaders;
global.menuFormulaHelp = menuFormulaHelp;
global.menuBacktest = menuBacktest;
global.menuAlertsOn = menuAlertsOn;
global.menuAlertsOff = menuAlertsOff;
global.menuAlertsRunNow = menuAlertsRunNow;
global.menuAlertsPreview = menuAlertsPreview;
global.menuAlertsStatus = menuAlertsStatus;
global.menuAlertsSettings = menuAlertsSettings;
global.onAlertsTrigger = onAlertsTrigger;
