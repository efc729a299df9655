/**
 * The Dashboard sheet as data: the weekly CS metrics and the monthly review questions
 * answered from the book, History and the QBR Log, laid out as one grid of cells (values and
 * live formulas) plus the charts to draw over it. Pure: the app writes it in one batch.
 *
 * Every account is its snapshot (src/core/snapshot.ts), the same as in the sidebar, the
 * alerts and the formulas; the numbers come from src/core/dashboard-figures.ts, and each
 * section here only lays them out. Churned accounts (by Status, or a churn date that has
 * passed) are left out of every count but retention's and the churn reasons'.
 *
 * A figure is a live formula when a formula gives exactly the figure defined here (the
 * book's cells are plain numbers or dates, and no row needs a rule a formula cannot see,
 * such as "this account has churned"); otherwise it is the value computed at refresh.
 */
import { type BookLayout, planRead, readAccountRows, readLayout } from './book';
import { type CellValue, isBlank } from './cells';
import {
  type AccountLifecycle,
  type CsmRisk,
  type DashboardAccount,
  churnReasonCounts,
  cohortFigures,
  csmRisksOf,
  dashboardAccount,
  expansionPipeline,
  healthDistribution,
  healthTrend,
  lastQbrs,
  multiThreaded,
  onboardingFigures,
  qbrCompletion,
  renewalsWithin,
  retentionTrend,
  tierMoves,
  topByArr,
  topChurnReason,
} from './dashboard-figures';
import type { DayNumber } from './dates';
import { describeDrivers } from './health';
import { type AccountHistory, historyKey } from './history';
import { npsOf } from './metrics';
import type { HealthModel } from './models';
import { PALETTE } from './palette';
import type { SignalId } from './signals';
import { type SheetFormula, sheetFormula } from './sheet-input';
import {
  AT_RISK_BELOW,
  accountSnapshot,
  churnedLeftOut,
  columnsForSnapshot,
  lifecycleOf,
} from './snapshot';
import { formatCount, formatNumber, normalizeKey } from './text';

const DASHBOARD_WIDTH = 6;

/** A Dashboard cell: text, a number, or a live formula (src/core/sheet-input.ts). */
export type Cell = string | number | SheetFormula;

export interface ChartSpec {
  readonly kind: 'pie' | 'line' | 'column';
  readonly title: string;
  /** The data block on the Dashboard (1-based), its first row the series' header. */
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
  /** Where the chart's top-left corner sits. */
  readonly anchorRow: number;
  readonly anchorColumn: number;
  /** One color per slice or series. */
  readonly colors: readonly string[];
}

export interface DashboardInput {
  readonly bookSheet: string;
  /** The book's values, header row first. */
  readonly book: readonly (readonly CellValue[])[];
  readonly histories: ReadonlyMap<string, AccountHistory>;
  /** The QBR Log sheet's values (header first), or undefined when there is none. */
  readonly qbrLog: readonly (readonly CellValue[])[] | undefined;
  readonly model: HealthModel;
  readonly today: DayNumber;
  readonly timeZone: string;
  /** "2026-11-23 09:00 (UTC)", shown at the top. */
  readonly refreshedAt: string;
}

export interface Dashboard {
  readonly rows: Cell[][];
  readonly charts: ChartSpec[];
  readonly summary: string;
}

// ------------------------------------------------------------------ helpers

/** "A", "B", ..., "Z", "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 'Accounts'!E2:E: a whole column of the book below its header. */
function columnRef(sheet: string, index: number): string {
  const letter = columnLetter(index);
  return `'${sheet.replace(/'/g, "''")}'!${letter}2:${letter}`;
}

const isNumberCell = (cell: CellValue) => typeof cell === 'number' && Number.isFinite(cell);

/** Every non-blank cell of the column passes `test` (and there is at least one). */
function columnIs(
  rows: readonly (readonly CellValue[])[],
  index: number,
  test: (cell: CellValue) => boolean,
): boolean {
  let any = false;
  for (const row of rows) {
    const cell = row[index];
    if (isBlank(cell)) continue;
    if (!test(cell)) return false;
    any = true;
  }
  return any;
}

const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;
const round1 = (value: number) => Math.round(value * 10) / 10;
const BLANK_ROW: Cell[] = ['', '', '', '', '', ''];

interface Context {
  readonly input: DashboardInput;
  readonly layout: BookLayout;
  readonly rows: readonly (readonly CellValue[])[];
  /** Every non-blank account row, churned ones included, with its lifecycle. */
  readonly accounts: readonly AccountLifecycle[];
  /** The live accounts' snapshots, with their ARR. */
  readonly live: readonly DashboardAccount[];
  readonly churned: number;
}

function ref(context: Context, id: SignalId): string | undefined {
  const column = context.layout.signals.get(id);
  return column ? columnRef(context.input.bookSheet, column.index) : undefined;
}

function numericColumn(context: Context, id: SignalId): boolean {
  const column = context.layout.signals.get(id);
  return column !== undefined && columnIs(context.rows, column.index, isNumberCell);
}

/** A formula over the book can stand for a figure only when no row is left out as churned. */
const formulasAllowed = (context: Context) => context.churned === 0;

// ------------------------------------------------------------------ weekly metrics

function portfolioSection(context: Context, out: Cell[][]): void {
  const { live } = context;
  const arr = live.reduce((sum, account) => sum + account.arr, 0);
  const accountRef = ref(context, 'account');
  const arrRef = ref(context, 'arr');
  out.push(['Portfolio', 'Value', '', 'Target', 'How', '']);
  out.push([
    'Accounts',
    formulasAllowed(context) && accountRef ? sheetFormula(`=COUNTA(${accountRef})`) : live.length,
    '',
    '',
    `Live accounts${context.churned > 0 ? ` (${churnedLeftOut(context.churned)})` : ''}.`,
    '',
  ]);
  out.push([
    'Total ARR',
    formulasAllowed(context) && arrRef && numericColumn(context, 'arr')
      ? sheetFormula(`=SUM(${arrRef})`)
      : arr,
    '',
    '',
    arrRef ? 'Sum of the ARR column.' : 'No ARR column in the book.',
    '',
  ]);
}

interface HealthBlock {
  readonly firstRow: number;
  readonly rows: number;
}

function findScoreColumn(context: Context): string | undefined {
  const header = context.input.book[0] ?? [];
  for (let i = 0; i < header.length; i++) {
    const key = normalizeKey(String(header[i] ?? ''));
    if (key === 'healthscore' || key === 'health' || key === 'score') {
      if (
        columnIs(
          context.rows,
          i,
          (cell) => isNumberCell(cell) && (cell as number) >= 0 && (cell as number) <= 100,
        )
      ) {
        return columnRef(context.input.bookSheet, i);
      }
    }
  }
  return undefined;
}

function healthTrendText(context: Context): string {
  const trend = healthTrend(context.live, context.input.today);
  if (!trend) return 'n/a (History has no score from 7 days ago yet)';
  const { delta, accounts } = trend;
  const word = delta >= 1 ? 'up' : delta <= -1 ? 'down' : 'flat';
  const rounded = round1(delta);
  const points = `${rounded < 0 ? '-' : '+'}${formatCount(Math.abs(rounded), 'pt')}`;
  return `${word} (${points} over 7 days, ${formatCount(accounts, 'account')} in History)`;
}

function healthSection(context: Context, out: Cell[][]): HealthBlock {
  const { model } = context.input;
  const figures = healthDistribution(context.live, model);
  const scoreColumn = formulasAllowed(context) ? findScoreColumn(context) : undefined;
  const arrRef = ref(context, 'arr');
  const arrFormulas = arrRef !== undefined && numericColumn(context, 'arr');
  out.push(['Health distribution', 'Accounts', 'ARR', 'Share of ARR', 'How', '']);
  const firstRow = out.length + 1;
  for (const tier of figures.tiers) {
    const band = `${tier.min}${tier.upper === undefined ? '+' : `-${tier.upper - 1}`}`;
    if (scoreColumn) {
      const conditions = `${scoreColumn},">=${tier.min}"${tier.upper === undefined ? '' : `,${scoreColumn},"<${tier.upper}"`}`;
      out.push([
        tier.label,
        sheetFormula(`=COUNTIFS(${conditions})`),
        arrFormulas ? sheetFormula(`=SUMIFS(${arrRef},${conditions})`) : tier.arr,
        tier.share,
        `From the book's score column: ${band}.`,
        '',
      ]);
    } else {
      out.push([
        tier.label,
        tier.accounts,
        tier.arr,
        tier.share,
        `${model.name}: score ${band}.`,
        '',
      ]);
    }
  }
  out.push([
    'Not scored',
    figures.unscored.accounts,
    figures.unscored.arr,
    '',
    'Rows with no health data or a bad cell (see HEALTHSCORE).',
    '',
  ]);
  out.push([
    'Average health',
    figures.average === undefined ? 'n/a' : round1(figures.average),
    '',
    '>70',
    `Trend: ${healthTrendText(context)}`,
    '',
  ]);
  return { firstRow, rows: figures.tiers.length };
}

function retentionSection(context: Context, out: Cell[][]): void {
  out.push(['Retention', 'Value', '', 'Target', 'How', '']);
  const startRef = ref(context, 'startArr');
  const arrRef = ref(context, 'arr');
  const cohort = cohortFigures(context.accounts);
  const { start } = cohort;
  const formulas = startRef !== undefined && arrRef !== undefined && formulasAllowed(context);
  const figure = (fn: string, value: number): Cell =>
    start <= 0 ? 'n/a' : formulas ? sheetFormula(`=${fn}(${startRef},${arrRef})`) : value;
  const how = startRef
    ? `Accounts with ARR at period start > 0 (${cohort.accounts}); end ARR from the ARR column${context.churned > 0 ? ', 0 for a churned account' : ''}.`
    : 'Add an "ARR at period start" column next to ARR.';
  out.push(['GRR', figure('GRR', start > 0 ? cohort.capped / start : 0), '', '>90%', how, '']);
  out.push(['NRR', figure('NRR', start > 0 ? cohort.end / start : 0), '', '>110%', how, '']);
  out.push([
    'Logo retention',
    figure('LOGORETENTION', cohort.accounts > 0 ? cohort.kept / cohort.accounts : 0),
    '',
    '>85%',
    how,
    '',
  ]);
  const money = (value: number): Cell => (start <= 0 ? 'n/a' : value);
  out.push([
    'ARR churned',
    money(cohort.churned),
    '',
    '',
    'Start ARR of the accounts now at 0.',
    '',
  ]);
  out.push([
    'ARR contracted',
    money(cohort.contracted),
    '',
    '',
    'Start minus end, where it went down.',
    '',
  ]);
  out.push([
    'ARR expanded',
    money(cohort.expanded),
    '',
    '',
    'End minus start, where it went up.',
    '',
  ]);
}

function qbrRow(context: Context): Cell[] {
  const { input, live } = context;
  if (!input.qbrLog) {
    return [
      'QBR completion',
      'n/a',
      '',
      '>85%',
      'No "QBR Log" sheet yet: it fills as QBRs are generated.',
      '',
    ];
  }
  const { due, done } = qbrCompletion(live, lastQbrs(input.qbrLog, input.timeZone), input.today);
  return [
    'QBR completion',
    due > 0 ? done / due : 'n/a',
    '',
    '>85%',
    `${formatNumber(done)} of ${formatCount(due, 'account')} had a QBR within their segment's cadence (Enterprise quarterly, Mid-Market semi-annual, SMB annual).`,
    '',
  ];
}

function npsRow(context: Context): Cell[] {
  const npsColumn = context.layout.signals.get('nps');
  if (!npsColumn) {
    return ['NPS', 'n/a', '', '>50', 'Add an NPS column (each account’s 0-10 answer).', ''];
  }
  const answers = context.live.flatMap(({ snapshot }) =>
    snapshot.values.nps === undefined ? [] : [snapshot.values.nps],
  );
  if (answers.length === 0) {
    return ['NPS', 'n/a', '', '>50', 'Add an NPS column (each account’s 0-10 answer).', ''];
  }
  const survey = answers.every((value) => Number.isInteger(value) && value >= 0 && value <= 10);
  if (!survey) {
    return [
      'NPS',
      round1(answers.reduce((sum, value) => sum + value, 0) / answers.length),
      '',
      '>50',
      'Average of the accounts’ NPS (the column holds NPS figures, not 0-10 answers).',
      '',
    ];
  }
  const formula =
    formulasAllowed(context) && columnIs(context.rows, npsColumn.index, isNumberCell)
      ? sheetFormula(`=NPS(${columnRef(context.input.bookSheet, npsColumn.index)})`)
      : undefined;
  return [
    'NPS',
    formula ?? npsOf(answers).nps,
    '',
    '>50',
    `% promoters (9-10) minus % detractors (0-6) of ${formatCount(answers.length, 'answer')}.`,
    '',
  ];
}

function engagementSection(context: Context, out: Cell[][]): void {
  out.push(['Engagement', 'Value', '', 'Target', 'How', '']);
  out.push(qbrRow(context));
  out.push(npsRow(context));
}

function onboardingSection(context: Context, out: Cell[][]): void {
  const byFlag = context.layout.signals.has('onboardingComplete');
  const hasFirstValue = context.layout.signals.has('firstValueDate');
  const figures = onboardingFigures(context.live, context.input.today, byFlag);
  const { ttfvDays, window } = figures;
  out.push(['Onboarding', 'Value', '', 'Target', 'How', '']);
  out.push([
    'Active onboardings',
    figures.started > 0 ? figures.active : 'n/a',
    '',
    '',
    `Started in the last 90 days and not ${byFlag ? 'marked Onboarding complete' : 'at first value yet'}.`,
    '',
  ]);
  out.push([
    'Average TTFV (days)',
    ttfvDays.length > 0
      ? round1(ttfvDays.reduce((sum, days) => sum + days, 0) / ttfvDays.length)
      : 'n/a',
    '',
    '<14 MM, <30 Ent',
    hasFirstValue
      ? `First value date minus Contract start, ${formatCount(ttfvDays.length, 'account')}.`
      : 'Add a "First value date" column.',
    '',
  ]);
  out.push([
    'Onboarding completion',
    window > 0 && (byFlag || hasFirstValue) ? figures.completed / window : 'n/a',
    '',
    '>90%',
    `Of the ${formatCount(window, 'account')} that started 90-365 days ago, the share ${byFlag ? 'marked complete' : 'that reached first value'}.`,
    '',
  ]);
}

function renewalsSection(context: Context, out: Cell[][]): void {
  out.push([
    'Renewals',
    'Accounts',
    'ARR',
    'On track',
    'At risk',
    `At risk: score below ${AT_RISK_BELOW} or a Critical warning`,
  ]);
  for (const days of [30, 60, 90]) {
    const due = renewalsWithin(context.live, context.input.today, days);
    out.push([
      `Next ${days} days`,
      due.accounts,
      due.arr,
      due.accounts - due.atRisk,
      due.atRisk,
      '',
    ]);
  }
}

function csmSection(risks: readonly CsmRisk[], out: Cell[][]): void {
  out.push(['Risk by CSM', 'Accounts', 'At risk', 'At-risk share', 'At-risk ARR', 'Concentration']);
  for (const risk of risks) {
    out.push([
      risk.csm,
      risk.accounts,
      risk.atRisk,
      risk.accounts > 0 ? risk.atRisk / risk.accounts : 0,
      risk.atRiskArr,
      risk.concentrated ? 'Yes' : '',
    ]);
  }
}

interface TrendBlock {
  /** The row of the block's header (1-based). */
  readonly row: number;
  readonly points: number;
}

function trendSection(context: Context, out: Cell[][]): TrendBlock {
  const trend = context.layout.signals.has('churnDate')
    ? retentionTrend(context.accounts, context.input.today)
    : [];
  out.push([
    'Retention trend',
    'Logo retention',
    '',
    '',
    'Monthly: customers on the 1st still customers on the next 1st.',
    '',
  ]);
  const row = out.length;
  if (trend.length === 0) out.push(['n/a: add a Churn date column', '', '', '', '', '']);
  for (const point of trend) out.push([point.month, point.retention, '', '', '', '']);
  return { row, points: trend.length };
}

// ------------------------------------------------------------------ the monthly review

/** 1 and 2: tier moves over 30 days (History) and why (what costs the most points now). */
function tierMoveRows(context: Context, out: Cell[][]): string[] {
  const { model, today } = context.input;
  const moves = tierMoves(context.live, model, today);
  const notes: string[] = [];
  for (const [down, title] of [
    [true, '1. Moved down a tier (30 days)'],
    [false, '2. Moved up a tier (30 days)'],
  ] as const) {
    const list = moves
      .filter((move) => move.down === down)
      .sort((a, b) => (down ? a.change - b.change : b.change - a.change));
    out.push([title, 'From', 'To', 'Score change', 'Why (what costs the most points now)', '']);
    if (list.length === 0) out.push(['None in History over 30 days', '', '', '', '', '']);
    for (const move of list.slice(0, 10)) {
      const { snapshot } = move.account;
      out.push([
        snapshot.name,
        move.from,
        move.to,
        move.change,
        describeDrivers(snapshot.dimensions, 2),
        '',
      ]);
    }
    if (list.length > 10) out.push([`...and ${list.length - 10} more`, '', '', '', '', '']);
    notes.push(`${list.length} ${down ? 'down' : 'up'}`);
  }
  return notes;
}

/** 3: the top churn reason over the last 30 days, against the 30 days before. */
function churnReasonRows(context: Context, out: Cell[][]): void {
  const { today } = context.input;
  out.push([
    '3. Top churn reason (30 days)',
    'Churned',
    'Prior 30 days',
    'Trend',
    'Other reasons',
    '',
  ]);
  if (!context.layout.signals.has('churnDate')) {
    out.push(['n/a: add Churn date and Churn reason columns', '', '', '', '', '']);
    return;
  }
  const recent = churnReasonCounts(context.accounts, today - 30, today);
  const earlier = churnReasonCounts(context.accounts, today - 60, today - 30);
  const top = topChurnReason(recent, earlier);
  if (!top) {
    const before = [...earlier.values()].reduce((a, b) => a + b, 0);
    out.push(['No churn in the last 30 days', 0, before, '', '', '']);
    return;
  }
  out.push([top.category, top.count, top.before, top.trend, top.others, '']);
}

function yesNo(value: boolean | undefined): string {
  return value === true ? 'yes' : value === false ? 'no' : 'unknown';
}

/** 4: multi-threading in the top 10 accounts by ARR. */
function threadingRows(context: Context, out: Cell[][]): void {
  const top10 = topByArr(context.live);
  const single = top10.filter(({ snapshot }) => !multiThreaded(snapshot.values));
  out.push([
    '4. Multi-threaded in the top 10 by ARR',
    `${top10.length - single.length} of ${top10.length}`,
    '',
    '',
    'Multi-threaded: champion and executive sponsor, or 3+ contacts.',
    '',
  ]);
  for (const { snapshot, arr } of single) {
    const values = snapshot.values;
    out.push([
      snapshot.name,
      arr,
      '',
      '',
      `Single-threaded: champion ${yesNo(values.champion)}, sponsor ${yesNo(values.executiveSponsor)}, contacts ${values.contacts ?? 'unknown'}`,
      '',
    ]);
  }
}

/** 5: the expansion pipeline: gate open, or buying signals. */
function pipelineRows(context: Context, out: Cell[][]): void {
  const pipeline = expansionPipeline(context.live);
  out.push([
    '5. Expansion pipeline',
    `${pipeline.open} open, ${pipeline.accounts.length - pipeline.open} with signals only`,
    context.layout.signals.has('expansionPipeline') ? pipeline.amount : '',
    '',
    'Expansion gate and buying signals, as EXPANSIONREADY; amount from the Expansion pipeline column.',
    '',
  ]);
  for (const { snapshot } of pipeline.accounts.slice(0, 10)) {
    out.push([
      snapshot.name,
      snapshot.gate.open ? 'Open' : 'Closed',
      snapshot.values.expansionPipeline ?? '',
      '',
      snapshot.expansion.join('; ') || snapshot.gate.reasons.join('; '),
      '',
    ]);
  }
}

/** 6: CSMs carrying at-risk concentration. */
function concentrationRows(risks: readonly CsmRisk[], out: Cell[][]): void {
  const concentrated = risks.filter((risk) => risk.concentrated);
  out.push([
    '6. CSMs with at-risk concentration',
    concentrated.length,
    '',
    '',
    'At least 2 at-risk accounts and more than 1.5x the portfolio’s at-risk share.',
    '',
  ]);
  for (const risk of concentrated) {
    out.push([
      risk.csm,
      `${risk.atRisk} of ${risk.accounts}`,
      risk.atRiskArr,
      pct(risk.atRisk / risk.accounts),
      '',
      '',
    ]);
  }
}

function reviewSection(context: Context, out: Cell[][], risks: readonly CsmRisk[]): string[] {
  out.push(['Monthly review', '', '', '', '', '']);
  const notes = tierMoveRows(context, out);
  churnReasonRows(context, out);
  threadingRows(context, out);
  pipelineRows(context, out);
  concentrationRows(risks, out);
  return notes;
}

// ------------------------------------------------------------------ the whole sheet

/**
 * Every non-blank row with its lifecycle, and the live accounts' snapshots with their
 * History (a churned account counts only in retention and the churn reasons).
 */
function accountsOf(
  input: DashboardInput,
  layout: BookLayout,
): { accounts: AccountLifecycle[]; live: DashboardAccount[] } {
  const { model, today } = input;
  const plan = planRead(layout, columnsForSnapshot(model), { timeZone: input.timeZone });
  const columns = new Set(layout.signals.keys());
  const accounts: AccountLifecycle[] = [];
  const live: DashboardAccount[] = [];
  for (const account of readAccountRows(input.book.slice(1), plan)) {
    if (account.blank) continue;
    const lifecycle = lifecycleOf(account.values, today);
    accounts.push({ values: account.values, lifecycle });
    if (lifecycle.status === 'churned') continue;
    const history = input.histories.get(historyKey(account.values, account.index + 2));
    live.push(dashboardAccount(accountSnapshot({ account, model, today, columns, history })));
  }
  return { accounts, live };
}

function charts(model: HealthModel, health: HealthBlock, trend: TrendBlock): ChartSpec[] {
  const list: ChartSpec[] = [
    {
      kind: 'pie',
      title: 'Health distribution (accounts)',
      row: health.firstRow - 1,
      column: 1,
      numRows: health.rows + 1,
      numColumns: 2,
      anchorRow: 1,
      anchorColumn: DASHBOARD_WIDTH + 2,
      colors: model.tiers.map((tier) => tier.color),
    },
  ];
  if (trend.points > 0) {
    list.push({
      kind: 'line',
      title: 'Monthly logo retention',
      row: trend.row,
      column: 1,
      numRows: trend.points + 1,
      numColumns: 2,
      anchorRow: 21,
      anchorColumn: DASHBOARD_WIDTH + 2,
      colors: [PALETTE.blue],
    });
  }
  return list;
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const { model } = input;
  const layout = readLayout(input.book[0] ?? []);
  const { accounts, live } = accountsOf(input, layout);
  const context: Context = {
    input,
    layout,
    rows: input.book.slice(1),
    accounts,
    live,
    churned: accounts.length - live.length,
  };
  const out: Cell[][] = [
    [
      'CS Engine dashboard',
      input.bookSheet,
      'Refreshed',
      input.refreshedAt,
      `Model: ${model.name}`,
      '',
    ],
    [...BLANK_ROW],
  ];
  portfolioSection(context, out);
  out.push([...BLANK_ROW]);
  const health = healthSection(context, out);
  out.push([...BLANK_ROW]);
  retentionSection(context, out);
  out.push([...BLANK_ROW]);
  engagementSection(context, out);
  out.push([...BLANK_ROW]);
  onboardingSection(context, out);
  out.push([...BLANK_ROW]);
  renewalsSection(context, out);
  out.push([...BLANK_ROW]);
  const risks = csmRisksOf(live);
  csmSection(risks, out);
  out.push([...BLANK_ROW]);
  const trend = trendSection(context, out);
  out.push([...BLANK_ROW]);
  const notes = reviewSection(context, out, risks);
  const summary = `Dashboard refreshed: ${formatCount(live.length, 'account')} (${churnedLeftOut(context.churned)}); monthly review: ${notes.join(', ')} a tier.`;
  return { rows: out, charts: charts(model, health, trend), summary };
}
