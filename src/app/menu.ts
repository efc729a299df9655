/** The CS Engine menu (under Extensions > CS Engine in the Marketplace add-on). */

interface MenuItem {
  readonly caption: string;
  /** The name of the global function the item runs. */
  readonly handler: string;
}

interface SubMenu {
  readonly caption: string;
  readonly items: readonly MenuItem[];
}

/** What the menu holds; src/gas/ui.ts installs it with Apps Script's Ui. */
export type MenuEntry = MenuItem | SubMenu | 'separator';

export const MENU: readonly MenuEntry[] = [
  { caption: 'Open account sidebar', handler: 'menuOpenSidebar' },
  { caption: 'Check my book’s columns', handler: 'menuCheckHeaders' },
  { caption: 'Check setup (diagnostics)', handler: 'menuDiagnostics' },
  {
    caption: 'Alerts',
    items: [
      { caption: 'Turn on daily alerts…', handler: 'menuAlertsOn' },
      { caption: 'Turn off daily alerts', handler: 'menuAlertsOff' },
      { caption: 'Run alerts now', handler: 'menuAlertsRunNow' },
      { caption: 'Preview the next alerts', handler: 'menuAlertsPreview' },
      { caption: 'Alert status', handler: 'menuAlertsStatus' },
      { caption: 'Alert settings…', handler: 'menuAlertsSettings' },
    ],
  },
  { caption: 'Backtest the health score', handler: 'menuBacktest' },
  { caption: 'Refresh dashboard', handler: 'menuRefreshDashboard' },
  'separator',
  { caption: 'Formula help', handler: 'menuFormulaHelp' },
];

export const FORMULA_HELP = [
  'Put these in any cell. Ranges in, ranges out: one result per account row.',
  '',
  '=HEALTHSCORE(A1:AZ1, A2:AZ500, , CSE_TODAY): health 0-100 per row (optional 3rd argument: a model name such as "playbook", or a 2-column range of dimension and weight).',
  '=HEALTHTIER(B2:B500): Thriving / Healthy / At-Risk / Critical for each score.',
  '=HEALTHDRIVERS(A1:AZ1, A2:AZ500, , CSE_TODAY): the dimensions costing each account the most points.',
  '=NRR(start_arr, end_arr) and =GRR(start_arr, end_arr): revenue retention of the cohort (1.05 = 105%).',
  '=NRR(start, expansion, contraction, churn): the same from the movements.',
  '=LOGORETENTION(start_arr, end_arr): share of starting accounts still paying.',
  '=SEGMENT(E2:E500): Enterprise, Mid-Market, SMB or Self-Serve from ARR.',
  '=CHURNRISK(A1:AZ1, A2:AZ500, CSE_TODAY), =EXPANSIONREADY(...), =ENGAGEMENTLEVEL(...): early warnings, expansion gate and signals, engagement level per row.',
  '=RENEWALSTAGE(R2:R500, CSE_TODAY, [status]), =WINBACKSTAGE(S2:S500, CSE_TODAY), =TTFV(start, first_value, [segment]): lifecycle stages and time to first value (give RENEWALSTAGE the Status column so churned accounts get no countdown).',
  '=NPS(answers), =CSAT(answers), =CHURNRATE(2%, "monthly", "annual"), =EXPANSIONRATE(...): survey scores and compounded rates.',
  '=COHORTRETENTION(start_dates, end_dates, [arr]) and =CSMCAPACITY(csm, arr): cohort and capacity tables.',
  '=HEALTHBACKTEST(scores, outcomes) and =HEALTHCALIBRATE(A1:AZ1, A2:AZ500, outcomes): how well the score predicted renewals, and weights that predict them better.',
  '',
  'CSE_TODAY is a named range CS Engine keeps at today’s date. Give it as the last argument of any formula that counts days, so the result moves with the days: Sheets recalculates a formula only when its inputs change, and TODAY() is not allowed inside these functions.',
  '',
  '"Check my book’s columns" shows which of your columns CS Engine reads, and lets you tell it what the others hold ("Most recent login" is Last login) without renaming them. The mapping is kept in the Columns sheet: point a formula’s headers at its row 1, as in =HEALTHSCORE(Columns!A1:AZ1, Accounts!A2:AZ500, , CSE_TODAY).',
].join('\n');
