/**
 * Portfolio metrics that are plain arithmetic: NPS, CSAT, rates converted between periods,
 * the cohort retention table, and CSM capacity. Pure: dates are DayNumbers, "today" an
 * argument.
 */
import { type DayNumber, dayFromParts, isoDay } from './dates';
import { SEGMENT_ORDER, type Segment, segmentOf } from './segments';
import { normalizeKey } from './text';

// ------------------------------------------------------------------ NPS and CSAT

export interface NpsResult {
  readonly responses: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** % promoters (9-10) minus % detractors (0-6), from -100 to 100. */
  readonly nps: number;
}

/** Net Promoter Score of 0-10 answers (the Engine's VoC program: 0-6, 7-8, 9-10). */
export function npsOf(answers: readonly number[]): NpsResult {
  let promoters = 0;
  let detractors = 0;
  for (const answer of answers) {
    if (answer >= 9) promoters++;
    else if (answer <= 6) detractors++;
  }
  const responses = answers.length;
  return {
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    nps: responses === 0 ? 0 : ((promoters - detractors) / responses) * 100,
  };
}

/** CSAT: the share of answers of 4 or 5 on a 1-5 scale, as a fraction. */
export function csatOf(answers: readonly number[]): number {
  if (answers.length === 0) return 0;
  return answers.filter((answer) => answer >= 4).length / answers.length;
}

// ------------------------------------------------------------------ rates over periods

/**
 * A churn rate measured over `from` periods, converted to `to` periods by compounding
 * retention: 1 - (1 - c)^(to / from). 2% a month is 1 - 0.98^12 = 21.5% a year, not 24%.
 */
export function convertChurnRate(rate: number, from: number, to: number): number {
  return 1 - Math.pow(1 - rate, to / from);
}

/** An expansion (growth) rate compounded the same way: (1 + e)^(to / from) - 1. */
export function convertExpansionRate(rate: number, from: number, to: number): number {
  return Math.pow(1 + rate, to / from) - 1;
}

/**
 * Period names and their length in months, keyed by normalizeKey of the name ("Semi-annual"
 * and "semiannual" are "semiannual"). A Map, so that a name such as "constructor" or
 * "__proto__" typed by a user finds nothing rather than an Object.prototype member.
 */
const PERIOD_MONTHS: ReadonlyMap<string, number> = new Map([
  ['day', 12 / 365],
  ['daily', 12 / 365],
  ['week', 12 / 52],
  ['weekly', 12 / 52],
  ['month', 1],
  ['monthly', 1],
  ['quarter', 3],
  ['quarterly', 3],
  ['halfyear', 6],
  ['semiannual', 6],
  ['year', 12],
  ['yearly', 12],
  ['annual', 12],
  ['annually', 12],
]);

/** The length in months of a period name ("monthly", "per year", "Semi-annual"), if known. */
export function periodMonths(name: string): number | undefined {
  const key = normalizeKey(name);
  return PERIOD_MONTHS.get(key) ?? PERIOD_MONTHS.get(key.replace(/^per/, ''));
}

// ------------------------------------------------------------------ cohorts

/** The day `months` calendar months after `day`, the day of month clamped (Jan 31 + 1 = Feb 28). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return dayFromParts(targetYear, targetMonth + 1, Math.min(date.getUTCDate(), lastDay));
}

export interface CohortAccount {
  readonly start: DayNumber;
  /** The day the account stopped paying; undefined while it is still a customer. */
  readonly end: DayNumber | undefined;
  /** Weight for revenue retention (ARR); 1 for logo retention. */
  readonly weight: number;
}

export interface CohortRow {
  /** "2026-01": the month of start. */
  readonly cohort: string;
  readonly accounts: number;
  /** Retention at each period, undefined where the cohort has not reached it yet. */
  readonly retention: (number | undefined)[];
}

/** The Customer Success Engine's cohort table columns: Month 0, 1, 2, 3, 6 and 12. */
export const DEFAULT_COHORT_PERIODS: readonly number[] = [0, 1, 2, 3, 6, 12];

/**
 * The retention cohort table (Customer Success Engine, Phase 9): accounts grouped by month of
 * start, and for each period k (in months) the share still a customer k months after its own start:
 * the account counts as retained when it has no end date or ended after start + k months. A cell is
 * filled only once every account of the cohort has reached month k, so a young cohort's row stops
 * where the playbook's table shows a dash. With weights (ARR), the share is of revenue: the ARR of
 * the retained accounts over the cohort's ARR.
 */
export function cohortTable(
  accounts: readonly CohortAccount[],
  periods: readonly number[],
  today: DayNumber,
): CohortRow[] {
  const byMonth = new Map<string, CohortAccount[]>();
  for (const account of accounts) {
    const cohort = isoDay(account.start).slice(0, 7);
    const list = byMonth.get(cohort);
    if (list) list.push(account);
    else byMonth.set(cohort, [account]);
  }
  return [...byMonth.keys()].sort().map((cohort) => {
    const members = byMonth.get(cohort) as CohortAccount[];
    const latestStart = Math.max(...members.map((account) => account.start));
    const total = members.reduce((sum, account) => sum + account.weight, 0);
    const retention = periods.map((k) => {
      if (addMonths(latestStart, k) > today) return undefined;
      let kept = 0;
      for (const account of members) {
        if (account.end === undefined || account.end > addMonths(account.start, k)) {
          kept += account.weight;
        }
      }
      return total > 0 ? kept / total : undefined;
    });
    return { cohort, accounts: members.length, retention };
  });
}

// ------------------------------------------------------------------ capacity

/** The afrexai playbook's CSM capacity model: accounts one CSM can carry, by segment. */
const CAPACITY: Readonly<Record<Segment, { min: number; max: number } | undefined>> = {
  Enterprise: { min: 10, max: 15 },
  'Mid-Market': { min: 25, max: 40 },
  SMB: { min: 50, max: 80 },
  // Self-serve (<$5K) is automated, digital-only: it takes no CSM capacity.
  'Self-Serve': undefined,
};

export interface CsmLoad {
  readonly csm: string;
  readonly accounts: number;
  readonly arr: number;
  readonly bySegment: Readonly<Record<Segment, number>>;
  /** Share of a full book at the top of the capacity ranges: sum(accounts / max). */
  readonly load: number;
  /** The same at the bottom of the ranges: sum(accounts / min). */
  readonly loadAtMin: number;
  readonly status: string;
}

/**
 * Accounts and ARR per CSM against the capacity model. A CSM's load mixes segments: 8
 * Enterprise and 20 Mid-Market accounts are 8/15 + 20/40 = 103% of a full book at the top
 * of the ranges (8/10 + 20/25 = 160% at the bottom). Over 100% at the top is over capacity;
 * 100% or more at the bottom (but not over the top) is within the range; below is room to
 * grow. Heaviest load first.
 */
export function csmLoads(accounts: readonly { csm: string; arr: number }[]): CsmLoad[] {
  const byCsm = new Map<string, { arr: number; bySegment: Record<Segment, number> }>();
  for (const { csm, arr } of accounts) {
    let entry = byCsm.get(csm);
    if (!entry) {
      entry = { arr: 0, bySegment: { Enterprise: 0, 'Mid-Market': 0, SMB: 0, 'Self-Serve': 0 } };
      byCsm.set(csm, entry);
    }
    entry.arr += arr;
    entry.bySegment[segmentOf(arr)]++;
  }
  const loads = [...byCsm].map(([csm, { arr, bySegment }]) => {
    let load = 0;
    let loadAtMin = 0;
    let count = 0;
    for (const segment of SEGMENT_ORDER) {
      const n = bySegment[segment];
      count += n;
      const capacity = CAPACITY[segment];
      if (!capacity) continue;
      load += n / capacity.max;
      loadAtMin += n / capacity.min;
    }
    const status =
      load > 1 + 1e-9
        ? 'Over capacity'
        : loadAtMin >= 1 - 1e-9
          ? 'Within range'
          : 'Room for more accounts';
    return { csm, accounts: count, arr, bySegment, load, loadAtMin, status };
  });
  return loads.sort((a, b) => b.load - a.load || a.csm.localeCompare(b.csm));
}
