/**
 * One account on one day, whole: the one truth every feature shows. The formulas (CHURNRISK,
 * EXPANSIONREADY, ENGAGEMENTLEVEL), the alert run, the Dashboard, the sidebar and the
 * documents all take an account from here, so the same row never gets two answers.
 *
 * accountSnapshot is pure: a book row, the health model, today and the account's History in;
 * its lifecycle, health, tier and since when, dimensions and drivers, the alert rules'
 * findings, segment and cadence, renewal step, expansion gate and signals, engagement, ROI
 * and win-back stage out. A churned account is churned everywhere: it has no findings, no
 * renewal countdown and a closed expansion gate, and it is not at risk (it is lost).
 */
import type { AccountRow, NeededColumns } from './book';
import { classifyChurnReason } from './churn-reasons';
import type { ChurnReason } from './content-types';
import type { DayNumber } from './dates';
import { type ExpansionGate, expansionGate, expansionSignals } from './expansion';
import {
  type DimensionScore,
  type Driver,
  type HealthResult,
  columnsNeededBy,
  describeDrivers,
  driversOf,
  scoreAccount,
} from './health';
import {
  type AccountHistory,
  type HistoryEntry,
  entriesWithin,
  historyKey,
  previousEntry,
  tierSinceFor,
} from './history';
import {
  type EngagementLevel,
  type RenewalStage,
  type TouchCadence,
  type TtfvTarget,
  type WinBackStage,
  engagementLevel,
  renewalStage,
  touchCadence,
  ttfvTarget,
  winBackStage,
} from './lifecycle';
import { type HealthModel, type Tier, tierFor } from './models';
import { type Roi, computeRoi } from './roi';
import { type SignalValues, featureAdoption } from './rubrics';
import { type Segment, segmentFor } from './segments';
import type { SignalId } from './signals';
import { type Finding, RULE_SIGNALS, SEVERITY_LABELS, evaluateRules } from './alerts/rules';
import { formatCount } from './text';

/** Who the account is and who looks after it. */
export const IDENTITY_SIGNALS: readonly SignalId[] = ['account', 'accountId', 'csm', 'csmEmail'];

/** What says an account has churned, and why. */
export const LIFECYCLE_SIGNALS: readonly SignalId[] = ['status', 'churnDate', 'churnReason'];

/**
 * The columns a snapshot reads besides the health model's: who the account is, its
 * lifecycle, the alert rules' columns, and what the segment, expansion, engagement, the
 * Dashboard and the documents read. The one list of what is read from a book.
 */
export const SNAPSHOT_SIGNALS: readonly SignalId[] = [
  ...IDENTITY_SIGNALS,
  ...LIFECYCLE_SIGNALS,
  ...RULE_SIGNALS,
  'arr',
  'mrr',
  'startArr',
  'segment',
  'contractStart',
  'usageTrend',
  'dauMau',
  'coreActionsPerWeek',
  'featuresUsed',
  'featuresAvailable',
  'featureAdoption',
  'tickets30',
  'openCriticalTickets',
  'escalations',
  'nps',
  'champion',
  'executiveSponsor',
  'contacts',
  'goalsDefined',
  'goalsAchieved',
  'roiDocumented',
  'hoursSavedPerMonth',
  'hourlyRate',
  'annualInvestment',
  'paymentStatus',
  'usageLimitReached',
  'newDepartmentInterest',
  'championPromoted',
  'expansionPipeline',
  'tierSince',
  'daysInTier',
  'firstValueDate',
  'onboardingComplete',
];

/** What to read from a book to take every account's snapshot with `model`. */
export function columnsForSnapshot(model: HealthModel): NeededColumns {
  const needed = columnsNeededBy(model);
  return {
    signals: new Set([...needed.signals, ...SNAPSHOT_SIGNALS]),
    dimensions: needed.dimensions,
  };
}

// ------------------------------------------------------------------ lifecycle

export interface Lifecycle {
  readonly status: 'active' | 'churned';
  /** The Churn date column, when it has one. */
  readonly churnDate: DayNumber | undefined;
  /** The Churn reason as typed, and its category when its words tell. */
  readonly churnReason: string | undefined;
  readonly churnCategory: ChurnReason | undefined;
  /** Days since the churn date (churned accounts with a date only). */
  readonly daysSinceChurn: number | undefined;
  /** Where a churned account stands in the win-back sequence (needs the churn date). */
  readonly winBack: WinBackStage | undefined;
}

/**
 * Churned or live. The Status column decides when it says (churned, or active again after a
 * win-back); without a status, a churn date on or before today means churned. A churn date
 * still ahead is a notice given: the account is live until then.
 */
export function lifecycleOf(
  values: Pick<SignalValues, 'status' | 'churnDate' | 'churnReason'>,
  today: DayNumber,
): Lifecycle {
  const { status, churnDate, churnReason } = values;
  const churned =
    status === 'churned' || (status === undefined && churnDate !== undefined && churnDate <= today);
  const daysSinceChurn =
    churned && churnDate !== undefined && churnDate <= today ? today - churnDate : undefined;
  return {
    status: churned ? 'churned' : 'active',
    churnDate,
    churnReason,
    churnCategory: churned ? classifyChurnReason(churnReason) : undefined,
    daysSinceChurn,
    winBack: daysSinceChurn === undefined ? undefined : winBackStage(daysSinceChurn),
  };
}

// ------------------------------------------------------------------ the snapshot

export interface SnapshotInput {
  readonly account: AccountRow;
  readonly model: HealthModel;
  readonly today: DayNumber;
  /** The book's columns, to tell "blank" from "not tracked" (some rules need it). */
  readonly columns: ReadonlySet<SignalId>;
  /** The account's History; undefined for the formulas, which do not read it. */
  readonly history?: AccountHistory;
}

export interface AccountSnapshot {
  readonly account: AccountRow;
  readonly values: SignalValues;
  /** The sheet row (1-based; the header is row 1). */
  readonly row: number;
  /** The Account column, or "Row 7". */
  readonly name: string;
  /** The key of its History row (historyKey). */
  readonly key: string;
  readonly today: DayNumber;
  readonly model: HealthModel;
  readonly history: AccountHistory | undefined;
  readonly lifecycle: Lifecycle;
  readonly health: HealthResult;
  /** undefined when the row cannot be scored; see `error`. */
  readonly score: number | undefined;
  readonly tier: Tier | undefined;
  /** Why the row has no score. */
  readonly error: string | undefined;
  readonly dimensions: readonly DimensionScore[];
  /** The dimensions that cost the most points, worst first. */
  readonly drivers: readonly Driver[];
  /** The last score History holds from before today. */
  readonly previous: HistoryEntry | undefined;
  /**
   * The day the account entered its tier by History (today when History has it in another
   * tier, or not at all): what the alert rules count from and what History records.
   */
  readonly tierEntered: DayNumber | undefined;
  /** Since when it is in its tier as far as the book knows: History, else its own columns. */
  readonly tierSince: DayNumber | undefined;
  readonly daysInTier: number | undefined;
  readonly topTier: boolean;
  /** Days in the top tier, when known (History, or a Days in tier / Tier since column). */
  readonly daysInTopTier: number | undefined;
  /** The alert rules' findings, worst first; none for a churned or unscored account. */
  readonly findings: readonly Finding[];
  /** Score below 60 or a Critical finding (a live account only). */
  readonly atRisk: boolean;
  readonly segment: Segment | undefined;
  /** Where the segment came from: the Segment column, or ARR. */
  readonly segmentFrom: 'column' | 'arr' | undefined;
  readonly cadence: TouchCadence | undefined;
  readonly ttfv: TtfvTarget | undefined;
  /** The renewal prep step; undefined without a renewal date, and for a churned account. */
  readonly renewal: RenewalStage | undefined;
  readonly gate: ExpansionGate;
  /** Buying signals, strongest first (none for a churned account). */
  readonly expansion: readonly string[];
  readonly engagement: EngagementLevel | undefined;
  readonly roi: Roi;
}

/**
 * At risk for the Dashboard and the monthly review: a score below 60 (the default model's
 * At-Risk and Critical tiers, and the playbooks' "drop below 60" line) or a Critical finding.
 */
export const AT_RISK_BELOW = 60;

const CHURNED_GATE: ExpansionGate = { open: false, reasons: ['✗ the account has churned'] };

/**
 * The champion is "actively engaged" when Champion status says active; at risk, left, none
 * or a brand-new champion are not (yet) engaged; without a status, a Champion column saying
 * no means no, and a name alone leaves it unknown.
 */
export function championEngaged(values: SignalValues): boolean | undefined {
  if (values.championStatus !== undefined) return values.championStatus === 'active';
  if (values.champion === false) return false;
  return undefined;
}

interface TierTiming {
  readonly previous: HistoryEntry | undefined;
  readonly tierEntered: DayNumber | undefined;
  readonly tierSince: DayNumber | undefined;
  readonly daysInTopTier: number | undefined;
}

/** Since when the account is in its tier, by History first and the book's columns second. */
function tierTiming(
  values: SignalValues,
  model: HealthModel,
  tier: Tier | undefined,
  history: AccountHistory | undefined,
  today: DayNumber,
): TierTiming {
  const previous = previousEntry(history, today);
  if (!tier) {
    return { previous, tierEntered: undefined, tierSince: undefined, daysInTopTier: undefined };
  }
  const previousTier = previous ? tierFor(model, previous.score).label : undefined;
  const tierEntered = tierSinceFor(history, tier.label, previousTier, today);
  // Without History, the book's own "Tier since" / "Days in tier" columns may say.
  let tierSince = history ? tierEntered : undefined;
  if (tierSince === undefined && values.tierSince !== undefined) tierSince = values.tierSince;
  if (tierSince === undefined && values.daysInTier !== undefined) {
    tierSince = today - values.daysInTier;
  }
  let daysInTopTier: number | undefined;
  if (model.tiers[0]?.label === tier.label) {
    if (history && previousTier === tier.label) daysInTopTier = today - tierEntered;
    else if (values.daysInTier !== undefined) daysInTopTier = values.daysInTier;
    else if (values.tierSince !== undefined) daysInTopTier = Math.max(0, today - values.tierSince);
  }
  return { previous, tierEntered, tierSince, daysInTopTier };
}

export function accountSnapshot(input: SnapshotInput): AccountSnapshot {
  const { account, model, today, history, columns } = input;
  const values = account.values;
  const row = account.index + 2;
  const lifecycle = lifecycleOf(values, today);
  const live = lifecycle.status === 'active';
  const health = scoreAccount(account, model, today);
  const scored = health.kind === 'scored' ? health : undefined;
  const tier = scored?.tier;
  const dimensions = scored?.dimensions ?? [];
  const timing = tierTiming(values, model, tier, history, today);
  const topTier = tier !== undefined && model.tiers[0]?.label === tier.label;
  const findings =
    live && scored && timing.tierEntered !== undefined
      ? evaluateRules({
          today,
          model,
          score: scored.score,
          tier: scored.tier.label,
          tierSince: timing.tierEntered,
          dimensions,
          values,
          columns,
          history,
        })
      : [];
  const daysToRenewal =
    live && values.renewalDate !== undefined ? values.renewalDate - today : undefined;
  const segment = segmentFor(values);
  const lastLogin = values.lastLogin;
  return {
    account,
    values,
    row,
    name: values.account ?? `Row ${row}`,
    key: historyKey(values, row),
    today,
    model,
    history,
    lifecycle,
    health,
    score: scored?.score,
    tier,
    error:
      health.kind === 'error'
        ? health.message
        : health.kind === 'blank'
          ? 'The row is blank.'
          : undefined,
    dimensions,
    drivers: driversOf(dimensions),
    previous: timing.previous,
    tierEntered: timing.tierEntered,
    tierSince: timing.tierSince,
    daysInTier: timing.tierSince === undefined ? undefined : today - timing.tierSince,
    topTier,
    daysInTopTier: timing.daysInTopTier,
    findings,
    atRisk:
      live &&
      scored !== undefined &&
      (scored.score < AT_RISK_BELOW || findings.some((f) => f.severity === 'critical')),
    segment: segment?.segment,
    segmentFrom: segment?.from,
    cadence: segment ? touchCadence(segment.segment) : undefined,
    ttfv: segment ? ttfvTarget(segment.segment) : undefined,
    renewal:
      daysToRenewal === undefined ? undefined : renewalStage(values.renewalDate as number, today),
    gate: live
      ? expansionGate({
          topTier,
          daysInTopTier: timing.daysInTopTier,
          goalsAchieved: values.goalsAchieved,
          roiDocumented: values.roiDocumented,
          championEngaged: championEngaged(values),
          daysToRenewal,
        })
      : CHURNED_GATE,
    expansion: live ? expansionSignals(values, { score: scored?.score, daysToRenewal }) : [],
    engagement: live
      ? engagementLevel({
          dauMau: values.dauMau,
          daysSinceLastLogin: lastLogin === undefined ? undefined : Math.max(0, today - lastLogin),
          coreActionsPerWeek: values.coreActionsPerWeek,
          featureAdoption: featureAdoption(values),
        })
      : undefined,
    roi: computeRoi(values),
  };
}

// ------------------------------------------------------------------ views of a snapshot

/** The churn-risk findings (expansion news left out), worst first. */
export function riskFindings(snapshot: AccountSnapshot): Finding[] {
  return snapshot.findings.filter((finding) => finding.severity !== 'expansion');
}

/** "Critical: The champion has left. | At-Risk: Usage down 35% month over month." */
export function describeRisk(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No warning signs';
  return findings
    .map((finding) => `${SEVERITY_LABELS[finding.severity]}: ${finding.reason}`)
    .join(' | ');
}

export interface TrendPoint {
  readonly day: DayNumber;
  readonly score: number;
}

export interface ScoreTrend {
  /** Past scores from History within the window and today's score, oldest first. */
  readonly points: readonly TrendPoint[];
  /** Today's score minus the first point's, when there is a past. */
  readonly change: number | undefined;
}

/**
 * The score over the last `days` days from History, and today's. Kept out of the snapshot
 * itself: only the sidebar and the QBR show it, and the alert run takes 10,000 snapshots.
 */
export function scoreTrend(snapshot: AccountSnapshot, days = 180): ScoreTrend {
  const points: TrendPoint[] = entriesWithin(snapshot.history, snapshot.today, days).map(
    (entry) => ({ day: entry.day, score: entry.score }),
  );
  const { score } = snapshot;
  if (score !== undefined) points.push({ day: snapshot.today, score });
  const first = points[0];
  const change =
    score !== undefined && first && points.length > 1 ? score - first.score : undefined;
  return { points, change };
}

/**
 * How every count says that churned accounts were left out ("12 churned accounts left out"):
 * the Dashboard, the alert run and the terminal summary use these words.
 */
export function churnedLeftOut(count: number): string {
  return `${formatCount(count, 'churned account')} left out`;
}

/** "Product usage 20/100 (-24 pts); ...": what costs the most points, '' when not scored. */
export function driversText(snapshot: AccountSnapshot): string {
  return snapshot.score === undefined ? '' : describeDrivers(snapshot.dimensions);
}
