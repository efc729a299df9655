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
import { type Segment, type SegmentOfAccount, segmentFor } from './segments';
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
const SNAPSHOT_SIGNALS: readonly SignalId[] = [
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

/**
 * The snapshot. What the alert run needs for 10,000 accounts (lifecycle, health, tier timing,
 * findings) is computed at once; the rest (drivers, segment and cadence, renewal step,
 * expansion gate and signals, engagement, ROI) on first read and then kept, so that no use
 * case pays for what it does not show. Either way it is a function of the inputs alone.
 */
class Snapshot implements AccountSnapshot {
  readonly values: SignalValues;
  readonly row: number;
  readonly name: string;
  readonly key: string;
  readonly lifecycle: Lifecycle;
  readonly health: HealthResult;
  readonly score: number | undefined;
  readonly tier: Tier | undefined;
  readonly error: string | undefined;
  readonly dimensions: readonly DimensionScore[];
  readonly previous: HistoryEntry | undefined;
  readonly tierEntered: DayNumber | undefined;
  readonly tierSince: DayNumber | undefined;
  readonly daysInTier: number | undefined;
  readonly topTier: boolean;
  readonly daysInTopTier: number | undefined;
  readonly findings: readonly Finding[];
  readonly atRisk: boolean;
  // Every field is set in the constructor, the caches too, so that all snapshots share one
  // shape: loops over 10,000 of them stay fast (V8 optimises property reads per shape).
  private cachedDrivers: readonly Driver[] | undefined = undefined;
  private cachedSegment: SegmentOfAccount | null | undefined = undefined;
  private cachedRenewal: RenewalStage | null | undefined = undefined;
  private cachedGate: ExpansionGate | undefined = undefined;
  private cachedExpansion: readonly string[] | undefined = undefined;
  private cachedEngagement: EngagementLevel | null | undefined = undefined;
  private cachedRoi: Roi | undefined = undefined;

  constructor(
    readonly account: AccountRow,
    readonly model: HealthModel,
    readonly today: DayNumber,
    readonly history: AccountHistory | undefined,
    columns: ReadonlySet<SignalId>,
  ) {
    const values = account.values;
    this.values = values;
    this.row = account.index + 2;
    this.name = values.account ?? `Row ${this.row}`;
    this.key = historyKey(values, this.row);
    this.lifecycle = lifecycleOf(values, today);
    const health = scoreAccount(account, model, today);
    const scored = health.kind === 'scored' ? health : undefined;
    this.health = health;
    this.score = scored?.score;
    this.tier = scored?.tier;
    this.error =
      health.kind === 'error'
        ? health.message
        : health.kind === 'blank'
          ? 'The row is blank.'
          : undefined;
    this.dimensions = scored?.dimensions ?? [];
    const timing = tierTiming(values, model, this.tier, history, today);
    this.previous = timing.previous;
    this.tierEntered = timing.tierEntered;
    this.tierSince = timing.tierSince;
    this.daysInTier = timing.tierSince === undefined ? undefined : today - timing.tierSince;
    this.topTier = this.tier !== undefined && model.tiers[0]?.label === this.tier.label;
    this.daysInTopTier = timing.daysInTopTier;
    const live = this.lifecycle.status === 'active';
    this.findings =
      live && scored && timing.tierEntered !== undefined
        ? evaluateRules({
            today,
            model,
            score: scored.score,
            tier: scored.tier.label,
            tierSince: timing.tierEntered,
            dimensions: scored.dimensions,
            values,
            columns,
            history,
          })
        : [];
    this.atRisk =
      live &&
      scored !== undefined &&
      (scored.score < AT_RISK_BELOW || this.findings.some((f) => f.severity === 'critical'));
  }

  private get live(): boolean {
    return this.lifecycle.status === 'active';
  }

  /** Days to the renewal date, for a live account that has one. */
  private get daysToRenewal(): number | undefined {
    const renewal = this.values.renewalDate;
    return this.live && renewal !== undefined ? renewal - this.today : undefined;
  }

  get drivers(): readonly Driver[] {
    return (this.cachedDrivers ??= driversOf(this.dimensions));
  }

  private get segmentOfAccount(): SegmentOfAccount | undefined {
    if (this.cachedSegment === undefined) this.cachedSegment = segmentFor(this.values) ?? null;
    return this.cachedSegment ?? undefined;
  }

  get segment(): Segment | undefined {
    return this.segmentOfAccount?.segment;
  }

  get segmentFrom(): 'column' | 'arr' | undefined {
    return this.segmentOfAccount?.from;
  }

  get cadence(): TouchCadence | undefined {
    const segment = this.segment;
    return segment ? touchCadence(segment) : undefined;
  }

  get ttfv(): TtfvTarget | undefined {
    const segment = this.segment;
    return segment ? ttfvTarget(segment) : undefined;
  }

  get renewal(): RenewalStage | undefined {
    if (this.cachedRenewal === undefined) {
      const days = this.daysToRenewal;
      this.cachedRenewal = days === undefined ? null : renewalStage(this.today + days, this.today);
    }
    return this.cachedRenewal ?? undefined;
  }

  get gate(): ExpansionGate {
    if (!this.cachedGate) {
      const values = this.values;
      this.cachedGate = this.live
        ? expansionGate({
            topTier: this.topTier,
            daysInTopTier: this.daysInTopTier,
            goalsAchieved: values.goalsAchieved,
            roiDocumented: values.roiDocumented,
            championEngaged: championEngaged(values),
            daysToRenewal: this.daysToRenewal,
          })
        : CHURNED_GATE;
    }
    return this.cachedGate;
  }

  get expansion(): readonly string[] {
    return (this.cachedExpansion ??= this.live
      ? expansionSignals(this.values, { score: this.score, daysToRenewal: this.daysToRenewal })
      : []);
  }

  get engagement(): EngagementLevel | undefined {
    if (this.cachedEngagement === undefined) {
      const values = this.values;
      const lastLogin = values.lastLogin;
      this.cachedEngagement = this.live
        ? (engagementLevel({
            dauMau: values.dauMau,
            daysSinceLastLogin:
              lastLogin === undefined ? undefined : Math.max(0, this.today - lastLogin),
            coreActionsPerWeek: values.coreActionsPerWeek,
            featureAdoption: featureAdoption(values),
          }) ?? null)
        : null;
    }
    return this.cachedEngagement ?? undefined;
  }

  get roi(): Roi {
    return (this.cachedRoi ??= computeRoi(this.values));
  }
}

export function accountSnapshot(input: SnapshotInput): AccountSnapshot {
  return new Snapshot(input.account, input.model, input.today, input.history, input.columns);
}

// ------------------------------------------------------------------ views of a snapshot

/** The churn-risk findings (expansion news left out), worst first. */
export function riskFindings(snapshot: AccountSnapshot): Finding[] {
  return snapshot.findings.filter((finding) => finding.severity !== 'expansion');
}

/** "Act today: The champion has left. | Within 2 days: Usage down 35% month over month." */
export function describeRisk(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No warning signs';
  return findings
    .map((finding) => `${SEVERITY_LABELS[finding.severity]}: ${finding.reason}`)
    .join(' | ');
}

interface TrendPoint {
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
