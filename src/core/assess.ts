/**
 * One account seen whole: its health, the early warnings the alert rules raise, its expansion
 * gate and signals, its engagement level. Shared by CHURNRISK, EXPANSIONREADY,
 * ENGAGEMENTLEVEL and the Dashboard, so that each says the same about the same account.
 */
import type { AccountRow } from './book';
import type { DayNumber } from './dates';
import { type ExpansionGate, expansionGate, expansionSignals } from './expansion';
import { type HealthResult, columnsNeededBy, scoreAccount } from './health';
import { type AccountHistory, previousEntry, tierSinceFor } from './history';
import { type EngagementLevel, engagementLevel } from './lifecycle';
import { type HealthModel, tierFor } from './models';
import { featureAdoption } from './rubrics';
import type { SignalValues } from './rubrics';
import type { SignalId } from './signals';
import { type Finding, SEVERITY_LABELS, evaluateRules } from './alerts/rules';
import type { NeededColumns } from './book';

/** Signals read besides the health model's: the alert rules', expansion's, lifecycle's. */
export const ASSESSMENT_SIGNALS: readonly SignalId[] = [
  'account',
  'accountId',
  'csm',
  'csmEmail',
  'arr',
  'mrr',
  'startArr',
  'segment',
  'status',
  'contractStart',
  'renewalDate',
  'renewalConversation',
  'churnDate',
  'churnReason',
  'usageChange',
  'lastLogin',
  'dauMau',
  'coreActionsPerWeek',
  'featuresUsed',
  'featuresAvailable',
  'featureAdoption',
  'ticketTrend',
  'csat',
  'nps',
  'competitorMentioned',
  'dataExportRequested',
  'missedMeetings',
  'champion',
  'championStatus',
  'executiveSponsor',
  'sponsorStatus',
  'contacts',
  'formalComplaint',
  'seatsActive',
  'seatsLicensed',
  'goalsAchieved',
  'roiDocumented',
  'usageLimitReached',
  'newDepartmentInterest',
  'championPromoted',
  'expansionPipeline',
  'tierSince',
  'daysInTier',
  'firstValueDate',
  'onboardingComplete',
];

export function columnsForAssessment(model: HealthModel): NeededColumns {
  const needed = columnsNeededBy(model);
  return {
    signals: new Set([...needed.signals, ...ASSESSMENT_SIGNALS]),
    dimensions: needed.dimensions,
  };
}

export interface Assessment {
  readonly account: AccountRow;
  readonly health: HealthResult;
  /** The alert rules' findings, worst first ([] when the row could not be scored). */
  readonly findings: readonly Finding[];
  readonly topTier: boolean;
  /** Days in the top tier, when known (History, or a Days in tier / Tier since column). */
  readonly daysInTopTier: number | undefined;
  readonly gate: ExpansionGate;
  readonly expansion: readonly string[];
  readonly engagement: EngagementLevel | undefined;
}

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

export interface AssessOptions {
  /** The book's columns, to tell "blank" from "not tracked" (some rules need it). */
  readonly columns: ReadonlySet<SignalId>;
  /** The account's History; undefined for custom functions, which do not read it. */
  readonly history?: AccountHistory;
}

export function assessAccount(
  account: AccountRow,
  model: HealthModel,
  today: DayNumber,
  options: AssessOptions,
): Assessment {
  const values = account.values;
  const health = scoreAccount(account, model, today);
  const daysToRenewal = values.renewalDate === undefined ? undefined : values.renewalDate - today;
  const lastLogin = values.lastLogin;
  const engagement = engagementLevel({
    dauMau: values.dauMau,
    daysSinceLastLogin: lastLogin === undefined ? undefined : Math.max(0, today - lastLogin),
    coreActionsPerWeek: values.coreActionsPerWeek,
    featureAdoption: featureAdoption(values),
  });
  let findings: Finding[] = [];
  let topTier = false;
  let daysInTopTier: number | undefined;
  if (health.kind === 'scored') {
    const tier = health.tier.label;
    topTier = model.tiers[0]?.label === tier;
    const { history } = options;
    const previous = previousEntry(history, today);
    const previousTier = previous ? tierFor(model, previous.score).label : undefined;
    const tierSince = tierSinceFor(history, tier, previousTier, today);
    findings = evaluateRules({
      today,
      model,
      score: health.score,
      tier,
      tierSince,
      dimensions: health.dimensions,
      values,
      columns: options.columns,
      history,
    });
    if (topTier) {
      if (history && previousTier === tier) daysInTopTier = today - tierSince;
      else if (values.daysInTier !== undefined) daysInTopTier = values.daysInTier;
      else if (values.tierSince !== undefined)
        daysInTopTier = Math.max(0, today - values.tierSince);
    }
  }
  const gate = expansionGate({
    topTier,
    daysInTopTier,
    goalsAchieved: values.goalsAchieved,
    roiDocumented: values.roiDocumented,
    championEngaged: championEngaged(values),
    daysToRenewal,
  });
  const expansion = expansionSignals(values, {
    score: health.kind === 'scored' ? health.score : undefined,
    daysToRenewal,
  });
  return { account, health, findings, topTier, daysInTopTier, gate, expansion, engagement };
}

/** The churn-risk findings (expansion news left out), worst first. */
export function riskFindings(assessment: Assessment): Finding[] {
  return assessment.findings.filter((finding) => finding.severity !== 'expansion');
}

/** "Critical: The champion has left. | At-Risk: Usage down 35% month over month." */
export function describeRisk(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No warning signs';
  return findings
    .map((finding) => `${SEVERITY_LABELS[finding.severity]}: ${finding.reason}`)
    .join(' | ');
}

/**
 * At risk for the dashboard and the monthly review: a score below 60 (the default model's
 * At-Risk and Critical tiers; the office skill's "drop below 60" line) or a Critical early warning.
 */
export const AT_RISK_BELOW = 60;

export function isAtRisk(assessment: Assessment): boolean {
  if (assessment.health.kind !== 'scored') return false;
  return (
    assessment.health.score < AT_RISK_BELOW ||
    assessment.findings.some((finding) => finding.severity === 'critical')
  );
}
