/**
 * The Dashboard's numbers, each a pure function of the accounts' snapshots (src/core/
 * snapshot.ts) and today, tested by value; src/core/dashboard.ts lays them out as cells.
 * "Live" accounts are the snapshots whose lifecycle is active: churned accounts are left out
 * of every count but retention's and the churn reasons', which are about them.
 */
import { churnCategory } from './churn-reasons';
import { type CellValue, readText } from './cells';
import { type DayNumber, isoDay, readDay } from './dates';
import type { HistoryEntry } from './history';
import { qbrIntervalDays } from './lifecycle';
import { addMonths } from './metrics';
import { type HealthModel, tierFor } from './models';
import type { SignalValues } from './rubrics';
import { annualRevenue } from './segments';
import { type AccountSnapshot, type Lifecycle, championEngaged } from './snapshot';
import { normalizeKey } from './text';

/** An account as the Dashboard counts it: its snapshot and its ARR (0 when unknown). */
export interface DashboardAccount {
  readonly snapshot: AccountSnapshot;
  readonly arr: number;
}

export function dashboardAccount(snapshot: AccountSnapshot): DashboardAccount {
  return { snapshot, arr: annualRevenue(snapshot.values) ?? 0 };
}

/**
 * Any account row, live or churned, as retention and the churn reasons read it: its values
 * and its lifecycle (a snapshot is one; the Dashboard takes snapshots of live accounts only).
 */
export interface AccountLifecycle {
  readonly values: SignalValues;
  readonly lifecycle: Lifecycle;
}

const sumArr = (accounts: readonly DashboardAccount[]) =>
  accounts.reduce((sum, account) => sum + account.arr, 0);

// ------------------------------------------------------------------ health

interface TierFigure {
  readonly label: string;
  readonly min: number;
  /** The next tier's minimum (exclusive upper bound); undefined for the top tier. */
  readonly upper: number | undefined;
  readonly accounts: number;
  readonly arr: number;
  /** Of the live accounts' ARR. */
  readonly share: number;
}

export interface HealthDistribution {
  readonly tiers: readonly TierFigure[];
  readonly unscored: { readonly accounts: number; readonly arr: number };
  /** The scored accounts' average score. */
  readonly average: number | undefined;
}

export function healthDistribution(
  live: readonly DashboardAccount[],
  model: HealthModel,
): HealthDistribution {
  const total = sumArr(live);
  const tiers = model.tiers.map((tier, i): TierFigure => {
    const members = live.filter((account) => account.snapshot.tier?.label === tier.label);
    const arr = sumArr(members);
    return {
      label: tier.label,
      min: tier.min,
      upper: i === 0 ? undefined : model.tiers[i - 1]?.min,
      accounts: members.length,
      arr,
      share: total > 0 ? arr / total : 0,
    };
  });
  const unscored = live.filter((account) => account.snapshot.score === undefined);
  const scores = live.flatMap((account) =>
    account.snapshot.score === undefined ? [] : [account.snapshot.score],
  );
  return {
    tiers,
    unscored: { accounts: unscored.length, arr: sumArr(unscored) },
    average:
      scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : undefined,
  };
}

/** The score on or before `day`, from History (entries oldest first). */
function scoreOn(entries: readonly HistoryEntry[], day: DayNumber): number | undefined {
  let found: number | undefined;
  for (const entry of entries) {
    if (entry.day <= day) found = entry.score;
    else break;
  }
  return found;
}

/** The average score's move over 7 days, of the accounts History knows now and then. */
export function healthTrend(
  live: readonly DashboardAccount[],
  today: DayNumber,
): { readonly delta: number; readonly accounts: number } | undefined {
  let now = 0;
  let before = 0;
  let accounts = 0;
  for (const { snapshot } of live) {
    const entries = snapshot.history?.entries ?? [];
    const a = scoreOn(entries, today);
    const b = scoreOn(entries, today - 7);
    if (a === undefined || b === undefined) continue;
    now += a;
    before += b;
    accounts++;
  }
  return accounts === 0 ? undefined : { delta: (now - before) / accounts, accounts };
}

// ------------------------------------------------------------------ retention

export interface CohortFigures {
  /** Accounts with ARR at period start > 0. */
  readonly accounts: number;
  /** Of those, still paying (end ARR > 0). */
  readonly kept: number;
  readonly start: number;
  readonly end: number;
  /** Sum of min(start, end): GRR's numerator. */
  readonly capped: number;
  readonly churned: number;
  readonly contracted: number;
  readonly expanded: number;
}

/** The period's cohort: start ARR, and end ARR from the ARR column (0 for a churned account). */
export function cohortFigures(accounts: readonly AccountLifecycle[]): CohortFigures {
  let start = 0;
  let end = 0;
  let capped = 0;
  let cohort = 0;
  let kept = 0;
  let churned = 0;
  let contracted = 0;
  let expanded = 0;
  for (const { values, lifecycle } of accounts) {
    const startArr = values.startArr;
    if (startArr === undefined || !(startArr > 0)) continue;
    const endArr = lifecycle.status === 'churned' ? 0 : (values.arr ?? 0);
    cohort++;
    start += startArr;
    end += endArr;
    capped += Math.min(startArr, endArr);
    if (endArr > 0) kept++;
    if (endArr === 0) churned += startArr;
    else if (endArr < startArr) contracted += startArr - endArr;
    else expanded += endArr - startArr;
  }
  return { accounts: cohort, kept, start, end, capped, churned, contracted, expanded };
}

/**
 * Monthly logo retention over the `months` months before the current one: of the accounts
 * that were customers on the first day of the month (started before it, not churned before
 * it), the share still customers on the first day of the next. A churned account without a
 * churn date cannot be placed and is left out.
 */
export function retentionTrend(
  accounts: readonly AccountLifecycle[],
  today: DayNumber,
  months = 12,
): { month: string; retention: number }[] {
  const thisMonth = readDay(`${isoDay(today).slice(0, 7)}-01`, 'UTC') as number;
  // Each account once: the first day it counts (its start, or -Infinity) and the day it
  // stops (its churn date, or +Infinity); a churned account without a date is left out.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const { values, lifecycle } of accounts) {
    const { contractStart, churnDate } = values;
    if (churnDate === undefined && lifecycle.status === 'churned') continue;
    starts.push(contractStart ?? -Infinity);
    ends.push(churnDate ?? Infinity);
  }
  const trend: { month: string; retention: number }[] = [];
  for (let k = months; k >= 1; k--) {
    const from = addMonths(thisMonth, -k);
    const to = addMonths(from, 1);
    let open = 0;
    let kept = 0;
    for (let i = 0; i < starts.length; i++) {
      const end = ends[i] as number;
      if ((starts[i] as number) >= from || end < from) continue;
      open++;
      if (end >= to) kept++;
    }
    if (open > 0) trend.push({ month: isoDay(from).slice(0, 7), retention: kept / open });
  }
  return trend;
}

// ------------------------------------------------------------------ engagement

/** The QBR Log's latest QBR per account key or name (any log with such columns). */
export function lastQbrs(
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

/**
 * QBR completion: of the live accounts whose segment has QBRs, those whose last QBR is no
 * older than their cadence's interval (the same days the QBR document dates the next one by).
 */
export function qbrCompletion(
  live: readonly DashboardAccount[],
  latest: ReadonlyMap<string, DayNumber>,
  today: DayNumber,
): { readonly due: number; readonly done: number } {
  let due = 0;
  let done = 0;
  for (const { snapshot } of live) {
    const days = snapshot.cadence ? qbrIntervalDays(snapshot.cadence.qbr) : undefined;
    if (days === undefined) continue;
    due++;
    const last = latest.get(snapshot.key) ?? latest.get(snapshot.name);
    if (last !== undefined && today - last <= days) done++;
  }
  return { due, done };
}

export interface OnboardingFigures {
  /** Live accounts with a contract start. */
  readonly started: number;
  /** Started in the last 90 days and not done yet. */
  readonly active: number;
  /** First value date minus contract start, of the accounts that have both. */
  readonly ttfvDays: readonly number[];
  /** Started 90 to 365 days ago, and how many of them are done. */
  readonly window: number;
  readonly completed: number;
}

/**
 * Onboarding, "done" being the Onboarding complete flag when the book has that column
 * (`byFlag`), otherwise a first value date.
 */
export function onboardingFigures(
  live: readonly DashboardAccount[],
  today: DayNumber,
  byFlag: boolean,
): OnboardingFigures {
  const done = (values: SignalValues) =>
    byFlag ? values.onboardingComplete === true : values.firstValueDate !== undefined;
  let started = 0;
  let active = 0;
  let window = 0;
  let completed = 0;
  const ttfvDays: number[] = [];
  for (const { snapshot } of live) {
    const { contractStart, firstValueDate } = snapshot.values;
    if (contractStart === undefined) continue;
    started++;
    const age = today - contractStart;
    if (age >= 0 && age < 90 && !done(snapshot.values)) active++;
    if (age >= 90 && age < 365) {
      window++;
      if (done(snapshot.values)) completed++;
    }
    if (firstValueDate !== undefined && firstValueDate >= contractStart) {
      ttfvDays.push(firstValueDate - contractStart);
    }
  }
  return { started, active, ttfvDays, window, completed };
}

export interface RenewalWindow {
  readonly days: number;
  readonly accounts: number;
  readonly arr: number;
  readonly atRisk: number;
}

/** Live accounts renewing within `days` days (today included). */
export function renewalsWithin(
  live: readonly DashboardAccount[],
  today: DayNumber,
  days: number,
): RenewalWindow {
  const due = live.filter(({ snapshot }) => {
    const renewal = snapshot.values.renewalDate;
    return renewal !== undefined && renewal >= today && renewal - today <= days;
  });
  return {
    days,
    accounts: due.length,
    arr: sumArr(due),
    atRisk: due.filter(({ snapshot }) => snapshot.atRisk).length,
  };
}

export interface CsmRisk {
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

/** The live accounts' at-risk concentration per CSM ("(no CSM)" for a blank CSM). */
export function csmRisksOf(live: readonly DashboardAccount[]): CsmRisk[] {
  return csmRisks(
    live.map(({ snapshot, arr }) => ({
      csm: snapshot.values.csm ?? '(no CSM)',
      atRisk: snapshot.atRisk,
      arr,
    })),
  );
}

// ------------------------------------------------------------------ the monthly review

export interface TierMove {
  readonly account: DashboardAccount;
  readonly from: string;
  readonly to: string;
  readonly change: number;
  readonly down: boolean;
}

/**
 * Accounts whose tier now differs from their tier 30 days ago by History (or its oldest
 * score, when History is younger than 30 days).
 */
export function tierMoves(
  live: readonly DashboardAccount[],
  model: HealthModel,
  today: DayNumber,
): TierMove[] {
  const moves: TierMove[] = [];
  for (const account of live) {
    const { snapshot } = account;
    const history = snapshot.history;
    if (snapshot.score === undefined || !snapshot.tier || !history) continue;
    const oldest = history.entries[0];
    const before = scoreOn(history.entries, today - 30) ?? oldest?.score;
    if (before === undefined || !oldest || oldest.day >= today) continue;
    const from = tierFor(model, before);
    const to = snapshot.tier;
    if (from.label === to.label) continue;
    moves.push({
      account,
      from: from.label,
      to: to.label,
      change: snapshot.score - before,
      down: to.min < from.min,
    });
  }
  return moves;
}

/** Churns with a churn date in (from, to], by reason category ("Not recorded" without one). */
export function churnReasonCounts(
  accounts: readonly AccountLifecycle[],
  from: DayNumber,
  to: DayNumber,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { values } of accounts) {
    const { churnDate, churnReason } = values;
    if (churnDate === undefined || churnDate <= from || churnDate > to) continue;
    const category = churnReason ? churnCategory(churnReason) : 'Not recorded';
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return counts;
}

export interface TopChurnReason {
  readonly category: string;
  readonly count: number;
  /** The same category's count in the period before. */
  readonly before: number;
  readonly trend: 'up' | 'down' | 'flat';
  /** The other categories of the period, "Value 1, Product 2". */
  readonly others: string;
}

/** The most frequent reason of `recent` (ties by name), against `earlier`. */
export function topChurnReason(
  recent: ReadonlyMap<string, number>,
  earlier: ReadonlyMap<string, number>,
): TopChurnReason | undefined {
  const top = [...recent].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!top) return undefined;
  const [category, count] = top;
  const before = earlier.get(category) ?? 0;
  return {
    category,
    count,
    before,
    trend: count > before ? 'up' : count < before ? 'down' : 'flat',
    others: [...recent]
      .filter(([other]) => other !== category)
      .map(([other, n]) => `${other} ${n}`)
      .join(', '),
  };
}

/** Multi-threaded: an engaged champion and an executive sponsor, or 3+ contacts. */
export function multiThreaded(values: SignalValues): boolean {
  const { champion, executiveSponsor, contacts } = values;
  const hasChampion = champion === true && championEngaged(values) !== false;
  return (hasChampion && executiveSponsor === true) || (contacts !== undefined && contacts >= 3);
}

/** The 10 live accounts with the most ARR (ties by name). */
export function topByArr(live: readonly DashboardAccount[], count = 10): DashboardAccount[] {
  const before = (a: DashboardAccount, b: DashboardAccount) =>
    b.arr - a.arr || a.snapshot.name.localeCompare(b.snapshot.name);
  // One pass keeping the best `count` in order: the whole book is never sorted.
  const top: DashboardAccount[] = [];
  for (const account of live) {
    const last = top[top.length - 1];
    if (top.length === count && last && before(account, last) >= 0) continue;
    let at = top.length;
    while (at > 0 && before(account, top[at - 1] as DashboardAccount) < 0) at--;
    top.splice(at, 0, account);
    if (top.length > count) top.pop();
  }
  return top;
}

export interface ExpansionPipeline {
  /** Gate open or buying signals, open gates first, then by ARR. */
  readonly accounts: readonly DashboardAccount[];
  readonly open: number;
  /** Sum of the Expansion pipeline column over those accounts. */
  readonly amount: number;
}

export function expansionPipeline(live: readonly DashboardAccount[]): ExpansionPipeline {
  const listed: { account: DashboardAccount; open: boolean }[] = [];
  let amount = 0;
  for (const account of live) {
    const { snapshot } = account;
    const open = snapshot.gate.open;
    if (!open && snapshot.expansion.length === 0) continue;
    listed.push({ account, open });
    amount += snapshot.values.expansionPipeline ?? 0;
  }
  listed.sort((a, b) => Number(b.open) - Number(a.open) || b.account.arr - a.account.arr);
  return {
    accounts: listed.map((entry) => entry.account),
    open: listed.filter((entry) => entry.open).length,
    amount,
  };
}
