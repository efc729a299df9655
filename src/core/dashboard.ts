/**
 * The Dashboard sheet as data: the Customer Success Engine's weekly CS metrics and its monthly
 * review questions answered from the book, History and the QBR Log, laid out as one grid of cells
 * (values and live formulas) plus the charts to draw over it. Pure: the app writes it in one batch.
 *
 * A figure is a live formula when a formula gives exactly the figure defined here (the
 * book's cells are plain numbers or dates, and no row needs a rule a formula cannot see,
 * such as "Status says churned"); otherwise it is the value computed at refresh.
 */
import {
  type Assessment,
  assessAccount,
  championEngaged,
  columnsForAssessment,
  isAtRisk,
} from './assess';
import { type AccountRow, type BookLayout, planRead, readAccountRows, readLayout } from './book';
import { type CellValue, isBlank, readText } from './cells';
import { type DayNumber, isoDay, readDay } from './dates';
import { describeDrivers } from './health';
import { type AccountHistory, type HistoryEntry } from './history';
import { touchCadence } from './lifecycle';
import { addMonths, npsOf } from './metrics';
import { type HealthModel, tierFor } from './models';
import { type Segment, segmentOf } from './retention';
import type { SignalId } from './signals';
import { type SheetFormula, sheetFormula } from './sheet-input';
import { normalizeKey } from './text';

export const DASHBOARD_WIDTH = 6;

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
  /** "2026-11-23 09:00 UTC", shown at the top. */
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
export function columnRef(sheet: string, index: number): string {
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

/** Retention trend: this many calendar months back from the current one. */
const TREND_MONTHS = 12;

interface Context {
  readonly input: DashboardInput;
  readonly layout: BookLayout;
  readonly rows: readonly (readonly CellValue[])[];
  readonly live: readonly Live[];
  readonly churnedRows: number;
  /** Every non-blank account row, churned ones included. */
  readonly allAccounts: readonly AccountRow[];
}

interface Live {
  readonly assessment: Assessment;
  readonly key: string;
  readonly name: string;
  readonly arr: number;
  readonly startArr: number | undefined;
  readonly segment: Segment;
  readonly atRisk: boolean;
  readonly history: AccountHistory | undefined;
}

function ref(context: Context, id: SignalId): string | undefined {
  const column = context.layout.signals.get(id);
  return column ? columnRef(context.input.bookSheet, column.index) : undefined;
}

function numericColumn(context: Context, id: SignalId): boolean {
  const column = context.layout.signals.get(id);
  return column !== undefined && columnIs(context.rows, column.index, isNumberCell);
}

// ------------------------------------------------------------------ sections

function portfolioSection(context: Context, out: Cell[][]): void {
  const { live } = context;
  const arr = live.reduce((sum, account) => sum + account.arr, 0);
  // Formulas only when no row is left out by Status (COUNTA and SUM cannot see it).
  const noChurned = context.churnedRows === 0;
  const accountRef = ref(context, 'account');
  const arrRef = ref(context, 'arr');
  out.push(['Portfolio', 'Value', '', 'Target', 'How', '']);
  out.push([
    'Accounts',
    noChurned && accountRef ? sheetFormula(`=COUNTA(${accountRef})`) : live.length,
    '',
    '',
    'Active accounts (Status not churned).',
    '',
  ]);
  out.push([
    'Total ARR',
    noChurned && arrRef && numericColumn(context, 'arr') ? sheetFormula(`=SUM(${arrRef})`) : arr,
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

function healthSection(context: Context, out: Cell[][]): HealthBlock {
  const { live, input } = context;
  const { model } = input;
  const scoreColumn = findScoreColumn(context);
  out.push(['Health distribution', 'Accounts', 'ARR', 'Share of ARR', 'How', '']);
  const firstRow = out.length + 1;
  const total = live.reduce((sum, account) => sum + account.arr, 0);
  const tiers = model.tiers;
  tiers.forEach((tier, i) => {
    const members = live.filter(
      (account) =>
        account.assessment.health.kind === 'scored' &&
        account.assessment.health.tier.label === tier.label,
    );
    const arr = members.reduce((sum, account) => sum + account.arr, 0);
    const upper = i === 0 ? undefined : (tiers[i - 1] as { min: number }).min;
    let count: Cell = members.length;
    let arrCell: Cell = arr;
    let how = `${input.model.name}: score ${tier.min}${upper === undefined ? '+' : `-${upper - 1}`}.`;
    if (scoreColumn && context.churnedRows === 0) {
      const conditions = `${scoreColumn},">=${tier.min}"${upper === undefined ? '' : `,${scoreColumn},"<${upper}"`}`;
      count = sheetFormula(`=COUNTIFS(${conditions})`);
      const arrRef = ref(context, 'arr');
      if (arrRef && numericColumn(context, 'arr'))
        arrCell = sheetFormula(`=SUMIFS(${arrRef},${conditions})`);
      how = `From the book's score column: ${tier.min}${upper === undefined ? '+' : `-${upper - 1}`}.`;
    }
    out.push([tier.label, count, arrCell, total > 0 ? arr / total : 0, how, '']);
  });
  const unscored = live.filter((account) => account.assessment.health.kind !== 'scored');
  out.push([
    'Not scored',
    unscored.length,
    unscored.reduce((sum, account) => sum + account.arr, 0),
    '',
    'Rows with no health data or a bad cell (see HEALTHSCORE).',
    '',
  ]);
  // Average health and its trend over 7 days, from History.
  const scored = live.filter((account) => account.assessment.health.kind === 'scored');
  const average =
    scored.length > 0
      ? scored.reduce(
          (sum, account) => sum + (account.assessment.health as { score: number }).score,
          0,
        ) / scored.length
      : undefined;
  out.push([
    'Average health',
    average === undefined ? 'n/a' : round1(average),
    '',
    '>70',
    `Trend: ${healthTrend(context)}`,
    '',
  ]);
  return { firstRow, rows: tiers.length };
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

/** The score on or before `day`, from History. */
function scoreOn(entries: readonly HistoryEntry[], day: DayNumber): number | undefined {
  let found: number | undefined;
  for (const entry of entries) {
    if (entry.day <= day) found = entry.score;
    else break;
  }
  return found;
}

/** Average score of the accounts History knows now and 7 days ago: up, flat or down. */
function healthTrend(context: Context): string {
  const { today } = context.input;
  let now = 0;
  let before = 0;
  let count = 0;
  for (const account of context.live) {
    const entries = account.history?.entries ?? [];
    const a = scoreOn(entries, today);
    const b = scoreOn(entries, today - 7);
    if (a === undefined || b === undefined) continue;
    now += a;
    before += b;
    count++;
  }
  if (count === 0) return 'n/a (History has no score from 7 days ago yet)';
  const delta = (now - before) / count;
  const word = delta >= 1 ? 'up' : delta <= -1 ? 'down' : 'flat';
  return `${word} (${delta >= 0 ? '+' : ''}${round1(delta)} pts over 7 days, ${count} accounts in History)`;
}

function retentionSection(context: Context, out: Cell[][]): void {
  out.push(['Retention', 'Value', '', 'Target', 'How', '']);
  const startRef = ref(context, 'startArr');
  const arrRef = ref(context, 'arr');
  const cohort = cohortOf(context);
  let start = 0;
  let end = 0;
  let capped = 0;
  let accounts = 0;
  let kept = 0;
  let churned = 0;
  let contracted = 0;
  let expanded = 0;
  for (const { startArr, endArr } of cohort) {
    accounts++;
    start += startArr;
    end += endArr;
    capped += Math.min(startArr, endArr);
    if (endArr > 0) kept++;
    if (endArr === 0) churned += startArr;
    else if (endArr < startArr) contracted += startArr - endArr;
    else expanded += endArr - startArr;
  }
  const formulas = startRef !== undefined && arrRef !== undefined && context.churnedRows === 0;
  const figure = (fn: string, value: number): Cell =>
    start <= 0 ? 'n/a' : formulas ? sheetFormula(`=${fn}(${startRef},${arrRef})`) : value;
  const how = startRef
    ? `Accounts with ARR at period start > 0 (${accounts}); end ARR from the ARR column${context.churnedRows > 0 ? ', 0 where Status is churned' : ''}.`
    : 'Add an "ARR at period start" column next to ARR.';
  out.push(['GRR', figure('GRR', start > 0 ? capped / start : 0), '', '>90%', how, '']);
  out.push(['NRR', figure('NRR', start > 0 ? end / start : 0), '', '>110%', how, '']);
  out.push([
    'Logo retention',
    figure('LOGORETENTION', accounts > 0 ? kept / accounts : 0),
    '',
    '>85%',
    how,
    '',
  ]);
  const money = (value: number): Cell => (start <= 0 ? 'n/a' : value);
  out.push(['ARR churned', money(churned), '', '', 'Start ARR of the accounts now at 0.', '']);
  out.push([
    'ARR contracted',
    money(contracted),
    '',
    '',
    'Start minus end, where it went down.',
    '',
  ]);
  out.push(['ARR expanded', money(expanded), '', '', 'End minus start, where it went up.', '']);
}

function cohortOf(context: Context): { startArr: number; endArr: number }[] {
  const list: { startArr: number; endArr: number }[] = [];
  for (const row of context.allAccounts) {
    const startArr = row.values.startArr;
    if (startArr === undefined || !(startArr > 0)) continue;
    const endArr = row.values.status === 'churned' ? 0 : (row.values.arr ?? 0);
    list.push({ startArr, endArr });
  }
  return list;
}

/** The QBR Log's latest QBR per account key or name. */
function lastQbrs(
  log: readonly (readonly CellValue[])[],
  timeZone: string,
): Map<string, DayNumber> {
  const header = (log[0] ?? []).map((cell) => normalizeKey(String(cell ?? '')));
  const keyColumns = ['accountkey', 'accountid', 'account', 'accountname', 'customer'];
  const dateColumns = [
    'date',
    'qbrdate',
    'time',
    'generated',
    'generatedat',
    'created',
    'createdat',
    'when',
    'heldon',
  ];
  const keyIndexes = keyColumns.map((name) => header.indexOf(name)).filter((index) => index >= 0);
  const dateIndex = dateColumns.map((name) => header.indexOf(name)).find((index) => index >= 0);
  const latest = new Map<string, DayNumber>();
  if (keyIndexes.length === 0 || dateIndex === undefined) return latest;
  for (const row of log.slice(1)) {
    const day = readDay(row[dateIndex], timeZone);
    if (typeof day !== 'number') continue;
    for (const index of keyIndexes) {
      const key = readText(row[index]);
      if (typeof key !== 'string') continue;
      latest.set(key, Math.max(latest.get(key) ?? day, day));
    }
  }
  return latest;
}

const CADENCE_DAYS: Readonly<Record<string, number>> = {
  Quarterly: 92,
  'Semi-annual': 183,
  Annual: 366,
};

function engagementSection(context: Context, out: Cell[][]): void {
  const { input, live } = context;
  out.push(['Engagement', 'Value', '', 'Target', 'How', '']);
  // QBR completion: accounts whose last QBR is within their segment's QBR cadence.
  let qbr: Cell = 'n/a';
  let qbrHow = 'No "QBR Log" sheet yet: it fills as QBRs are generated.';
  if (input.qbrLog) {
    const latest = lastQbrs(input.qbrLog, input.timeZone);
    let due = 0;
    let done = 0;
    for (const account of live) {
      const days = CADENCE_DAYS[touchCadence(account.segment).qbr];
      if (days === undefined) continue;
      due++;
      const last = latest.get(account.key) ?? latest.get(account.name);
      if (last !== undefined && input.today - last <= days) done++;
    }
    qbr = due > 0 ? done / due : 'n/a';
    qbrHow = `${done} of ${due} accounts had a QBR within their segment's cadence (Enterprise quarterly, Mid-Market semi-annual, SMB annual).`;
  }
  out.push(['QBR completion', qbr, '', '>85%', qbrHow, '']);
  // NPS: of the 0-10 answers in the NPS column.
  const npsColumn = context.layout.signals.get('nps');
  let nps: Cell = 'n/a';
  let npsHow = 'Add an NPS column (each account’s 0-10 answer).';
  if (npsColumn) {
    const answers = live
      .map((account) => account.assessment.account.values.nps)
      .filter((value): value is number => value !== undefined);
    const survey = answers.every((value) => Number.isInteger(value) && value >= 0 && value <= 10);
    if (answers.length > 0 && survey) {
      nps =
        context.churnedRows === 0 && columnIs(context.rows, npsColumn.index, isNumberCell)
          ? sheetFormula(`=NPS(${columnRef(input.bookSheet, npsColumn.index)})`)
          : npsOf(answers).nps;
      npsHow = `% promoters (9-10) minus % detractors (0-6) of ${answers.length} answers.`;
    } else if (answers.length > 0) {
      nps = round1(answers.reduce((sum, value) => sum + value, 0) / answers.length);
      npsHow = 'Average of the accounts’ NPS (the column holds NPS figures, not 0-10 answers).';
    }
  }
  out.push(['NPS', nps, '', '>50', npsHow, '']);
}

function onboardingSection(context: Context, out: Cell[][]): void {
  const { input, live } = context;
  const { today } = input;
  out.push(['Onboarding', 'Value', '', 'Target', 'How', '']);
  const started = live.filter(
    (account) => account.assessment.account.values.contractStart !== undefined,
  );
  const hasFlag = context.layout.signals.has('onboardingComplete');
  const hasFirstValue = context.layout.signals.has('firstValueDate');
  const done = (account: Live) => {
    const values = account.assessment.account.values;
    return hasFlag ? values.onboardingComplete === true : values.firstValueDate !== undefined;
  };
  const active = started.filter((account) => {
    const start = account.assessment.account.values.contractStart as number;
    return start <= today && today - start < 90 && !done(account);
  });
  out.push([
    'Active onboardings',
    started.length > 0 ? active.length : 'n/a',
    '',
    '',
    `Started in the last 90 days and not ${hasFlag ? 'marked Onboarding complete' : 'at first value yet'}.`,
    '',
  ]);
  const ttfvs = started
    .map((account) => {
      const values = account.assessment.account.values;
      return values.firstValueDate === undefined
        ? undefined
        : values.firstValueDate - (values.contractStart as number);
    })
    .filter((days): days is number => days !== undefined && days >= 0);
  out.push([
    'Average TTFV (days)',
    ttfvs.length > 0 ? round1(ttfvs.reduce((sum, days) => sum + days, 0) / ttfvs.length) : 'n/a',
    '',
    '<14 MM, <30 Ent',
    hasFirstValue
      ? `First value date minus Contract start, ${ttfvs.length} accounts.`
      : 'Add a "First value date" column.',
    '',
  ]);
  const window = started.filter((account) => {
    const start = account.assessment.account.values.contractStart as number;
    return today - start >= 90 && today - start < 365;
  });
  out.push([
    'Onboarding completion',
    window.length > 0 && (hasFlag || hasFirstValue)
      ? window.filter(done).length / window.length
      : 'n/a',
    '',
    '>90%',
    `Of the ${window.length} accounts that started 90-365 days ago, the share ${hasFlag ? 'marked complete' : 'that reached first value'}.`,
    '',
  ]);
}

function renewalsSection(context: Context, out: Cell[][]): void {
  const { input, live } = context;
  out.push([
    'Renewals',
    'Accounts',
    'ARR',
    'On track',
    'At risk',
    'At risk: score below 60 or a Critical warning',
  ]);
  for (const days of [30, 60, 90]) {
    const due = live.filter((account) => {
      const renewal = account.assessment.account.values.renewalDate;
      return renewal !== undefined && renewal >= input.today && renewal - input.today <= days;
    });
    const atRisk = due.filter((account) => account.atRisk).length;
    out.push([
      `Next ${days} days`,
      due.length,
      due.reduce((sum, account) => sum + account.arr, 0),
      due.length - atRisk,
      atRisk,
      '',
    ]);
  }
}

interface CsmRisk {
  readonly csm: string;
  readonly accounts: number;
  readonly atRisk: number;
  readonly atRiskArr: number;
  readonly concentrated: boolean;
}

/**
 * At-risk concentration per CSM: a CSM is flagged when at least 2 of their accounts are at
 * risk and their at-risk share is more than 1.5 times the portfolio's.
 */
export function csmRisks(
  live: readonly { csm: string; atRisk: boolean; arr: number }[],
): CsmRisk[] {
  const byCsm = new Map<string, { accounts: number; atRisk: number; atRiskArr: number }>();
  let totalAtRisk = 0;
  for (const account of live) {
    const entry = byCsm.get(account.csm) ?? { accounts: 0, atRisk: 0, atRiskArr: 0 };
    entry.accounts++;
    if (account.atRisk) {
      entry.atRisk++;
      entry.atRiskArr += account.arr;
      totalAtRisk++;
    }
    byCsm.set(account.csm, entry);
  }
  const portfolioShare = live.length > 0 ? totalAtRisk / live.length : 0;
  return [...byCsm]
    .map(([csm, entry]) => ({
      csm,
      ...entry,
      concentrated: entry.atRisk >= 2 && entry.atRisk / entry.accounts > 1.5 * portfolioShare,
    }))
    .sort(
      (a, b) =>
        b.atRisk / b.accounts - a.atRisk / a.accounts ||
        b.atRiskArr - a.atRiskArr ||
        a.csm.localeCompare(b.csm),
    );
}

function csmSection(context: Context, out: Cell[][]): CsmRisk[] {
  const risks = csmRisks(
    context.live.map((account) => ({
      csm: account.assessment.account.values.csm ?? '(no CSM)',
      atRisk: account.atRisk,
      arr: account.arr,
    })),
  );
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
  return risks;
}

/**
 * Monthly logo retention over the last 12 months: of the accounts that were customers on the
 * first day of the month (started before it, not churned before it), the share still
 * customers on the first day of the next. Needs a Churn date column.
 */
function retentionTrend(context: Context): { month: string; retention: number }[] {
  if (!context.layout.signals.has('churnDate')) return [];
  const { today } = context.input;
  const first = (day: DayNumber) => {
    const iso = isoDay(day);
    return readDay(`${iso.slice(0, 7)}-01`, 'UTC') as number;
  };
  const thisMonth = first(today);
  const trend: { month: string; retention: number }[] = [];
  for (let k = TREND_MONTHS; k >= 1; k--) {
    const from = addMonths(thisMonth, -k);
    const to = addMonths(from, 1);
    let open = 0;
    let kept = 0;
    for (const row of context.allAccounts) {
      const { contractStart, churnDate } = row.values;
      if (contractStart !== undefined && contractStart >= from) continue;
      if (churnDate !== undefined && churnDate < from) continue;
      if (churnDate === undefined && row.values.status === 'churned') continue;
      open++;
      if (churnDate === undefined || churnDate >= to) kept++;
    }
    if (open > 0) trend.push({ month: isoDay(from).slice(0, 7), retention: kept / open });
  }
  return trend;
}

// ------------------------------------------------------------------ monthly review

/** The Engine's churn reason taxonomy, matched by keywords in the Churn reason text. */
const CHURN_CATEGORIES: readonly [string, RegExp][] = [
  ['Competition', /compet|switch|in[- ]?house|rival|alternative/i],
  ['Relationship', /champion|relationship|trust|cs experience|support|service/i],
  ['Financial', /budget|price|pric|cost|expens|m&a|acqui|bankrupt|funding/i],
  ['Value', /value|roi|use case|over-?sold|adoption|not using|usage/i],
  ['Product', /feature|bug|ux|performance|product|integration|reliab/i],
  ['Strategic', /pivot|strateg|shut|priorit|reorg|division/i],
];

export function churnCategory(reason: string): string {
  for (const [category, pattern] of CHURN_CATEGORIES) if (pattern.test(reason)) return category;
  return 'Other';
}

function reviewSection(context: Context, out: Cell[][], risks: readonly CsmRisk[]): string[] {
  const { input, live } = context;
  const { today, model } = input;
  const notes: string[] = [];
  out.push(['Monthly review', '', '', '', '', '']);

  // 1 and 2: tier moves over 30 days (History) and why (the drivers now).
  const moves: { account: Live; from: string; to: string; change: number; down: boolean }[] = [];
  for (const account of live) {
    const health = account.assessment.health;
    if (health.kind !== 'scored' || !account.history) continue;
    const before =
      scoreOn(account.history.entries, today - 30) ?? account.history.entries[0]?.score;
    const oldest = account.history.entries[0];
    if (before === undefined || !oldest || oldest.day >= today) continue;
    const from = tierFor(model, before);
    const to = health.tier;
    if (from.label === to.label) continue;
    moves.push({
      account,
      from: from.label,
      to: to.label,
      change: health.score - before,
      down: to.min < from.min,
    });
  }
  const listMoves = (down: boolean, title: string) => {
    const list = moves
      .filter((move) => move.down === down)
      .sort((a, b) => (down ? a.change - b.change : b.change - a.change));
    out.push([title, 'From', 'To', 'Score change', 'Why (what costs the most points now)', '']);
    if (list.length === 0) out.push(['None in History over 30 days', '', '', '', '', '']);
    for (const move of list.slice(0, 10)) {
      const health = move.account.assessment.health;
      out.push([
        move.account.name,
        move.from,
        move.to,
        move.change,
        health.kind === 'scored' ? describeDrivers(health.dimensions, 2) : '',
        '',
      ]);
    }
    if (list.length > 10) out.push([`...and ${list.length - 10} more`, '', '', '', '', '']);
    return list.length;
  };
  notes.push(`${listMoves(true, '1. Moved down a tier (30 days)')} down`);
  notes.push(`${listMoves(false, '2. Moved up a tier (30 days)')} up`);

  // 3: top churn reason over the last 30 days, against the 30 days before.
  const reasons = (from: DayNumber, to: DayNumber) => {
    const counts = new Map<string, number>();
    for (const row of context.allAccounts) {
      const { churnDate, churnReason } = row.values;
      if (churnDate === undefined || churnDate <= from || churnDate > to) continue;
      const category = churnReason ? churnCategory(churnReason) : 'Not recorded';
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    return counts;
  };
  const recent = reasons(today - 30, today);
  const earlier = reasons(today - 60, today - 30);
  const top = [...recent].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
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
  } else if (!top) {
    out.push([
      'No churn in the last 30 days',
      0,
      [...earlier.values()].reduce((a, b) => a + b, 0),
      '',
      '',
      '',
    ]);
  } else {
    const before = earlier.get(top[0]) ?? 0;
    out.push([
      top[0],
      top[1],
      before,
      top[1] > before ? 'up' : top[1] < before ? 'down' : 'flat',
      [...recent]
        .filter(([category]) => category !== top[0])
        .map(([category, count]) => `${category} ${count}`)
        .join(', '),
      '',
    ]);
  }

  // 4: multi-threading in the top 10 accounts by ARR.
  const top10 = [...live]
    .sort((a, b) => b.arr - a.arr || a.name.localeCompare(b.name))
    .slice(0, 10);
  const threaded = top10.filter((account) => multiThreaded(account.assessment.account));
  out.push([
    '4. Multi-threaded in the top 10 by ARR',
    `${threaded.length} of ${top10.length}`,
    '',
    '',
    'Multi-threaded: champion and executive sponsor, or 3+ contacts.',
    '',
  ]);
  for (const account of top10) {
    if (multiThreaded(account.assessment.account)) continue;
    const values = account.assessment.account.values;
    out.push([
      account.name,
      account.arr,
      '',
      '',
      `Single-threaded: champion ${values.champion === true ? 'yes' : values.champion === false ? 'no' : 'unknown'}, sponsor ${
        values.executiveSponsor === true
          ? 'yes'
          : values.executiveSponsor === false
            ? 'no'
            : 'unknown'
      }, contacts ${values.contacts ?? 'unknown'}`,
      '',
    ]);
  }

  // 5: expansion pipeline: gate open, or buying signals.
  const pipeline = live.filter(
    (account) => account.assessment.gate.open || account.assessment.expansion.length > 0,
  );
  const open = pipeline.filter((account) => account.assessment.gate.open);
  const amount = pipeline.reduce(
    (sum, account) => sum + (account.assessment.account.values.expansionPipeline ?? 0),
    0,
  );
  out.push([
    '5. Expansion pipeline',
    `${open.length} open, ${pipeline.length - open.length} with signals only`,
    context.layout.signals.has('expansionPipeline') ? amount : '',
    '',
    'Expansion gate and buying signals, as EXPANSIONREADY; amount from the Expansion pipeline column.',
    '',
  ]);
  for (const account of [...pipeline]
    .sort(
      (a, b) => Number(b.assessment.gate.open) - Number(a.assessment.gate.open) || b.arr - a.arr,
    )
    .slice(0, 10)) {
    out.push([
      account.name,
      account.assessment.gate.open ? 'Open' : 'Closed',
      account.assessment.account.values.expansionPipeline ?? '',
      '',
      account.assessment.expansion.join('; ') || account.assessment.gate.reasons.join('; '),
      '',
    ]);
  }

  // 6: CSMs carrying at-risk concentration.
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
  return notes;
}

function multiThreaded(account: AccountRow): boolean {
  const { champion, executiveSponsor, contacts } = account.values;
  const hasChampion = champion === true && championEngaged(account.values) !== false;
  return (hasChampion && executiveSponsor === true) || (contacts !== undefined && contacts >= 3);
}

// ------------------------------------------------------------------ the whole sheet

export function buildDashboard(input: DashboardInput): Dashboard {
  const { model, today } = input;
  const header = (input.book[0] ?? []) as CellValue[];
  const rows = input.book.slice(1);
  const layout = readLayout(header);
  const plan = planRead(layout, columnsForAssessment(model), { timeZone: input.timeZone });
  const columns = new Set(layout.signals.keys());
  const allAccounts = readAccountRows(rows, plan).filter((account) => !account.blank);
  let churnedRows = 0;
  const live: Live[] = [];
  for (const account of allAccounts) {
    const values = account.values;
    if (values.status === 'churned') {
      churnedRows++;
      continue;
    }
    const key = values.accountId ?? values.account ?? `row-${account.index + 2}`;
    const history = input.histories.get(key);
    const assessment = assessAccount(account, model, today, { columns, history });
    const arr = values.arr ?? (values.mrr !== undefined ? values.mrr * 12 : 0);
    live.push({
      assessment,
      key,
      name: values.account ?? key,
      arr,
      startArr: values.startArr,
      segment: segmentOf(arr),
      atRisk: isAtRisk(assessment),
      history,
    });
  }
  const context: Context = { input, layout, rows, live, churnedRows, allAccounts };
  const out: Cell[][] = [];
  out.push([
    'CS Engine dashboard',
    input.bookSheet,
    'Refreshed',
    input.refreshedAt,
    `Model: ${model.name}`,
    '',
  ]);
  out.push(['', '', '', '', '', '']);
  portfolioSection(context, out);
  out.push(['', '', '', '', '', '']);
  const health = healthSection(context, out);
  out.push(['', '', '', '', '', '']);
  retentionSection(context, out);
  out.push(['', '', '', '', '', '']);
  engagementSection(context, out);
  out.push(['', '', '', '', '', '']);
  onboardingSection(context, out);
  out.push(['', '', '', '', '', '']);
  renewalsSection(context, out);
  out.push(['', '', '', '', '', '']);
  const risks = csmSection(context, out);
  out.push(['', '', '', '', '', '']);
  const trend = retentionTrend(context);
  out.push([
    'Retention trend',
    'Logo retention',
    '',
    '',
    'Monthly: customers on the 1st still customers on the next 1st.',
    '',
  ]);
  const trendRow = out.length;
  if (trend.length === 0) out.push(['n/a: add a Churn date column', '', '', '', '', '']);
  for (const point of trend) out.push([point.month, point.retention, '', '', '', '']);
  out.push(['', '', '', '', '', '']);
  const notes = reviewSection(context, out, risks);

  const charts: ChartSpec[] = [
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
  if (trend.length > 0) {
    charts.push({
      kind: 'line',
      title: 'Monthly logo retention',
      row: trendRow,
      column: 1,
      numRows: trend.length + 1,
      numColumns: 2,
      anchorRow: 21,
      anchorColumn: DASHBOARD_WIDTH + 2,
      colors: ['#1a73e8'],
    });
  }
  const summary = `Dashboard refreshed: ${live.length} accounts, ${churnedRows} churned rows left out; monthly review: ${notes.join(', ')} a tier.`;
  return { rows: out, charts, summary };
}
