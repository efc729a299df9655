/**
 * Everything CS Engine knows about one account on a given day, gathered in one place so the
 * sidebar, the QBR and the plan documents say the same thing. The health, the alert rules'
 * early warnings (the very same evaluateRules), the expansion gate and signals come from
 * assess.ts, which CHURNRISK, EXPANSIONREADY and the Dashboard use too; this adds what the
 * sidebar and the documents show besides: the trend and tier history from the History sheet,
 * the segment and its cadence, the renewal stage and the ROI. Pure.
 */
import type { AccountRow } from './book';
import type { DayNumber } from './dates';
import { type AccountHistory, entriesWithin, previousEntry, tierSinceFor } from './history';
import { type Driver, type DimensionScore, describeDrivers, driversOf } from './health';
import { type HealthModel, type Tier, tierFor } from './models';
import type { Finding } from './alerts/rules';
import { assessAccount as assessHealth } from './assess';
import type { ExpansionGate } from './expansion';
import {
  type RenewalStage,
  type TouchCadence,
  type TtfvTarget,
  renewalStage,
  touchCadence,
  ttfvTarget,
} from './lifecycle';
import { type Segment, segmentOf } from './retention';
import type { SignalValues } from './rubrics';
import type { SignalId } from './signals';
import { type Roi, computeRoi } from './roi';
import { normalizeKey } from './text';

export interface TrendPoint {
  readonly day: DayNumber;
  readonly score: number;
}

export interface Assessment {
  readonly name: string;
  /** The sheet row (1-based, header is row 1). */
  readonly row: number;
  readonly values: SignalValues;
  /** undefined when the row cannot be scored; see `error`. */
  readonly score: number | undefined;
  readonly error: string | undefined;
  readonly tier: Tier | undefined;
  /** The model's tier labels, best first, for "is this the top tier?" questions. */
  readonly model: HealthModel;
  readonly dimensions: readonly DimensionScore[];
  readonly drivers: readonly Driver[];
  readonly driversText: string;
  /** Past scores from the History sheet (up to 180 days) and today's score, oldest first. */
  readonly trend: readonly TrendPoint[];
  /** Score change over the trend (today minus the first point), when there is a past. */
  readonly change: number | undefined;
  readonly tierSince: DayNumber | undefined;
  readonly daysInTier: number | undefined;
  readonly findings: readonly Finding[];
  readonly segment: Segment | undefined;
  /** Where the segment came from: the Segment column, or ARR by the CSM capacity model. */
  readonly segmentFrom: 'column' | 'arr' | undefined;
  readonly cadence: TouchCadence | undefined;
  readonly ttfv: TtfvTarget | undefined;
  readonly renewal: RenewalStage | undefined;
  readonly gate: ExpansionGate;
  readonly expansionSignals: readonly string[];
  readonly roi: Roi;
  readonly today: DayNumber;
}

/** Segment words by normalizeKey (a Map: a typed "constructor" finds nothing). */
const SEGMENTS: ReadonlyMap<string, Segment> = new Map([
  ['enterprise', 'Enterprise'],
  ['ent', 'Enterprise'],
  ['midmarket', 'Mid-Market'],
  ['mm', 'Mid-Market'],
  ['mid', 'Mid-Market'],
  ['smb', 'SMB'],
  ['smallbusiness', 'SMB'],
  ['selfserve', 'Self-Serve'],
  ['selfservice', 'Self-Serve'],
  ['plg', 'Self-Serve'],
]);

/** The segment: the Segment column when it names one, otherwise from ARR (or MRR x 12). */
export function segmentFor(
  values: SignalValues,
): { segment: Segment; from: 'column' | 'arr' } | undefined {
  const typed =
    values.segment === undefined ? undefined : SEGMENTS.get(normalizeKey(values.segment));
  if (typed) return { segment: typed, from: 'column' };
  const arr = values.arr ?? (values.mrr === undefined ? undefined : values.mrr * 12);
  return arr === undefined ? undefined : { segment: segmentOf(arr), from: 'arr' };
}

export interface AssessInput {
  readonly account: AccountRow;
  readonly model: HealthModel;
  readonly history: AccountHistory | undefined;
  readonly columns: ReadonlySet<SignalId>;
  readonly today: DayNumber;
  /** How many days of History to show as the trend. */
  readonly trendDays?: number;
}

export function assessAccount(input: AssessInput): Assessment {
  const { account, model, history, columns, today } = input;
  const values = account.values;
  const row = account.index + 2;
  const name = values.account ?? `Row ${row}`;
  const core = assessHealth(account, model, today, { columns, history });
  const result = core.health;
  const scored = result.kind === 'scored' ? result : undefined;
  const score = scored?.score;
  const tier = scored?.tier;
  const dimensions = scored?.dimensions ?? [];

  const past = entriesWithin(history, today, input.trendDays ?? 180);
  const trend: TrendPoint[] = past.map((entry) => ({ day: entry.day, score: entry.score }));
  if (score !== undefined) trend.push({ day: today, score });
  const first = trend[0];
  const change = score !== undefined && first && trend.length > 1 ? score - first.score : undefined;

  let tierSince: DayNumber | undefined;
  if (tier) {
    const previous = previousEntry(history, today);
    const previousTier = previous ? tierFor(model, previous.score).label : undefined;
    tierSince = history ? tierSinceFor(history, tier.label, previousTier, today) : undefined;
    // Without History, the book's own "Tier since" / "Days in tier" columns may say.
    if (tierSince === undefined && values.tierSince !== undefined) tierSince = values.tierSince;
    if (tierSince === undefined && values.daysInTier !== undefined) {
      tierSince = today - values.daysInTier;
    }
  }
  const daysInTier = tierSince === undefined ? undefined : today - tierSince;

  const segmentInfo = segmentFor(values);
  const segment = segmentInfo?.segment;
  const renewal =
    values.renewalDate === undefined ? undefined : renewalStage(values.renewalDate, today);

  return {
    name,
    row,
    values,
    score,
    error:
      result.kind === 'error'
        ? result.message
        : result.kind === 'blank'
          ? 'The row is blank.'
          : undefined,
    tier,
    model,
    dimensions,
    drivers: driversOf(dimensions),
    driversText: scored ? describeDrivers(dimensions) : '',
    trend,
    change,
    tierSince,
    daysInTier,
    findings: core.findings,
    segment,
    segmentFrom: segmentInfo?.from,
    cadence: segment ? touchCadence(segment) : undefined,
    ttfv: segment ? ttfvTarget(segment) : undefined,
    renewal,
    gate: core.gate,
    expansionSignals: core.expansion,
    roi: computeRoi(values),
    today,
  };
}
