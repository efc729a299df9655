/**
 * The alert rules: what the playbooks say should make a CSM act, evaluated for one account.
 *
 * Two kinds of rule. A condition ("in the lowest tier", "no login for 30 days") holds for as
 * long as the data says so: it alerts when the account enters it and reminds while it stays.
 * An event ("dropped out of the top tier") happens between two runs: it alerts once.
 */
import type { DayNumber } from '../dates';
import type { DimensionScore } from '../health';
import { type AccountHistory, entriesWithin, previousEntry } from '../history';
import { type HealthModel, tierFor } from '../models';
import { seatUtilization } from '../rubrics';
import type { SignalValues } from '../rubrics';
import type { SignalId } from '../signals';
import type { RuleId } from './rule-names';

/**
 * How soon a finding needs the CSM. The ids are internal (the sidebar's styles and the Alert
 * Log's parser key on them); what users read is SEVERITY_LABELS, worded as a deadline so that
 * it cannot be mistaken for a health tier ("Critical", "At-Risk" are tiers of the default
 * model, and an account in the Healthy tier can still need action today).
 */
export type Severity = 'critical' | 'at-risk' | 'watch' | 'expansion';

/** The book's columns the rules read besides the health model's. */
export const RULE_SIGNALS: readonly SignalId[] = [
  'renewalDate',
  'renewalConversation',
  'usageChange',
  'lastLogin',
  'ticketTrend',
  'csat',
  'competitorMentioned',
  'dataExportRequested',
  'missedMeetings',
  'championStatus',
  'sponsorStatus',
  'formalComplaint',
  'seatsActive',
  'seatsLicensed',
];

/** Worst first: the order of sections in a digest. */
export const SEVERITIES: readonly Severity[] = ['critical', 'at-risk', 'watch', 'expansion'];

interface SeverityWords {
  /** The name users read: digests, the Alert Log, CHURNRISK, the sidebar's warnings. */
  readonly label: string;
  /** The deadline (the playbooks' SLAs, combined). */
  readonly sla: string;
  /** What to do by then. */
  readonly response: string;
}

/** The one owner of what each severity is called and what it asks of the CSM. */
const SEVERITY_WORDS: Readonly<Record<Severity, SeverityWords>> = {
  critical: {
    label: 'Act today',
    sla: 'within 24 hours',
    response: 'Executive escalation and a save call within 24 hours; prepare a save plan.',
  },
  'at-risk': {
    label: 'Within 2 days',
    sla: 'within 48 hours',
    response: 'Personal outreach within 48 hours and a 30-day recovery plan.',
  },
  watch: {
    label: 'This week',
    sla: 'within 7 days',
    response: 'Check in with the customer within 7 days.',
  },
  expansion: {
    label: 'Opportunity',
    sla: 'at the next touchpoint',
    response:
      'Qualify an expansion conversation with the account executive at the next touchpoint, and ask for a success story.',
  },
};

function wordsOf(key: keyof SeverityWords): Readonly<Record<Severity, string>> {
  return {
    critical: SEVERITY_WORDS.critical[key],
    'at-risk': SEVERITY_WORDS['at-risk'][key],
    watch: SEVERITY_WORDS.watch[key],
    expansion: SEVERITY_WORDS.expansion[key],
  };
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = wordsOf('label');

/** The deadline of each severity ("within 24 hours"). */
export const SEVERITY_SLAS: Readonly<Record<Severity, string>> = wordsOf('sla');

/** What to do, and by when, for each severity. */
export const SEVERITY_RESPONSES: Readonly<Record<Severity, string>> = wordsOf('response');

/** Bilingual playbook, Warning: in a middle tier ("Yellow") this many days or more. */
const MIDDLE_TIER_DAYS = 21;

/**
 * Conditions that turn true by time alone, counted from the day the account entered its tier:
 * the rule, and the days it takes.
 */
export const TIMER_RULES: ReadonlyMap<string, number> = new Map<RuleId, number>([
  ['middle-tier-21', MIDDLE_TIER_DAYS],
]);

export interface Finding {
  /** Stable key, used to remember what was sent: "lowest-tier", "no-login-30"... */
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly kind: 'condition' | 'event';
  /** In the CSM's words, with the figures. */
  readonly reason: string;
}

export interface AccountToCheck {
  readonly today: DayNumber;
  readonly model: HealthModel;
  readonly score: number;
  readonly tier: string;
  /** The day the account entered its current tier (today if it just did). */
  readonly tierSince: DayNumber;
  readonly dimensions: readonly DimensionScore[];
  readonly values: SignalValues;
  /** The book's columns, to tell "blank" from "not tracked". */
  readonly columns: ReadonlySet<SignalId>;
  /** The account's history before today's run was recorded. */
  readonly history: AccountHistory | undefined;
}

const pct = (fraction: number) => `${Math.round(Math.abs(fraction) * 100)}%`;

function tierPosition(model: HealthModel, tier: string): 'top' | 'middle' | 'lowest' {
  const index = model.tiers.findIndex((candidate) => candidate.label === tier);
  if (index <= 0) return 'top';
  return index === model.tiers.length - 1 ? 'lowest' : 'middle';
}

function tierRules(input: AccountToCheck, findings: Finding[]): void {
  const { model, score, tier, today, history } = input;
  const position = tierPosition(model, tier);
  const previous = previousEntry(history, today);
  const previousTier = previous ? tierFor(model, previous.score).label : undefined;

  // Bilingual playbook, Critical: the lowest tier.
  if (position === 'lowest') {
    findings.push({
      rule: 'lowest-tier',
      severity: 'critical',
      kind: 'condition',
      reason: `In the ${tier} tier (score ${score}).`,
    });
  } else if (score < 40) {
    // Office skill: a score below 40 is critical; said separately only where 40 is not already
    // the lowest tier's ceiling.
    findings.push({
      rule: 'below-40',
      severity: 'critical',
      kind: 'condition',
      reason: `Score ${score} is below 40.`,
    });
  }
  // Bilingual playbook, Warning: in the middle tier for 21 days or more.
  const daysInTier = today - input.tierSince;
  if (position === 'middle' && daysInTier >= MIDDLE_TIER_DAYS) {
    findings.push({
      rule: 'middle-tier-21',
      severity: 'at-risk',
      kind: 'condition',
      reason: `${tier} for ${daysInTier} days (${MIDDLE_TIER_DAYS} or more is a warning).`,
    });
  }
  // Bilingual playbook, Warning: any dimension at 0.
  const zeros = input.dimensions.filter((d) => d.score !== undefined && d.score < 0.5);
  if (zeros.length > 0) {
    findings.push({
      rule: 'dimension-zero',
      severity: 'at-risk',
      kind: 'condition',
      reason: `${zeros.map((d) => d.label).join(' and ')} at 0/100.`,
    });
  }
  if (previous && previousTier !== undefined) {
    // Bilingual playbook, Watch: dropped out of the top tier.
    if (tierPosition(model, previousTier) === 'top' && position !== 'top') {
      findings.push({
        rule: 'dropped-top',
        severity: 'watch',
        kind: 'event',
        reason: `Dropped from ${previousTier} to ${tier} (score ${previous.score} → ${score}).`,
      });
    }
    // Office skill: a drop below 60.
    if (previous.score >= 60 && score < 60) {
      findings.push({
        rule: 'drop-below-60',
        severity: 'at-risk',
        kind: 'event',
        reason: `Score dropped below 60 (${previous.score} → ${score}).`,
      });
    }
  }
  const month = entriesWithin(history, today, 30);
  if (month.length > 0) {
    const highest = Math.max(...month.map((entry) => entry.score));
    const lowest = Math.min(...month.map((entry) => entry.score));
    // Five-pillar skill, red flag: a drop of more than 20 points.
    if (highest - score > 20) {
      findings.push({
        rule: 'drop-20-in-30',
        severity: 'at-risk',
        kind: 'condition',
        reason: `Down ${highest - score} points in 30 days (from ${highest}).`,
      });
    }
    // Office skill: an increase of 20 or more flags an expansion opportunity.
    if (score - lowest >= 20) {
      findings.push({
        rule: 'rise-20',
        severity: 'expansion',
        kind: 'condition',
        reason: `Up ${score - lowest} points in 30 days (from ${lowest}).`,
      });
    }
  }
}

function relationshipRules({ values }: AccountToCheck, findings: Finding[]): void {
  // Bilingual playbook, Critical: champion departs; five-pillar and office skills: sponsor left.
  if (values.championStatus === 'left') {
    findings.push({
      rule: 'champion-left',
      severity: 'critical',
      kind: 'condition',
      reason: 'The champion has left.',
    });
  }
  if (values.sponsorStatus === 'left') {
    findings.push({
      rule: 'sponsor-left',
      severity: 'critical',
      kind: 'condition',
      reason: 'The executive sponsor has left.',
    });
  }
  if (values.formalComplaint === true) {
    findings.push({
      rule: 'formal-complaint',
      severity: 'critical',
      kind: 'condition',
      reason: 'A formal complaint is on file.',
    });
  }
}

function earlyWarnings(input: AccountToCheck, findings: Finding[]): void {
  const { values, today, columns } = input;
  const warn = (rule: RuleId, reason: string, severity: Severity = 'at-risk') =>
    findings.push({ rule, severity, kind: 'condition', reason });

  if (values.usageChange !== undefined && values.usageChange < -0.3) {
    warn('usage-drop', `Usage down ${pct(values.usageChange)} month over month.`);
  }
  if (values.lastLogin !== undefined && today - values.lastLogin >= 30) {
    warn('no-login-30', `No login for ${today - values.lastLogin} days.`);
  }
  const csat = values.csat;
  const lowCsat = csat !== undefined && (csat >= 1 && csat <= 5 ? csat < 3 : csat < 60 && csat > 5);
  if (values.ticketTrend === 'up' && lowCsat) {
    warn('support-spike', `Support tickets rising with CSAT at ${csat}${csat <= 5 ? '/5' : '%'}.`);
  }
  if (values.competitorMentioned === true) warn('competitor', 'A competitor was mentioned.');
  if (values.dataExportRequested === true) {
    // A lagging indicator (bilingual playbook): the customer may already be leaving.
    warn('data-export', 'The customer asked for a data export.', 'critical');
  }
  if (values.missedMeetings !== undefined && values.missedMeetings >= 2) {
    warn('missed-touchpoints', `${values.missedMeetings} scheduled touchpoints missed in a row.`);
  }
  const renewal = values.renewalDate;
  if (renewal !== undefined && renewal >= today && renewal - today <= 90) {
    const started = values.renewalConversation;
    if (started === false || (started === undefined && columns.has('renewalConversation'))) {
      warn(
        'renewal-no-conversation',
        `Renews in ${renewal - today} days and no renewal conversation has started.`,
      );
    }
  }
}

function goodNews(input: AccountToCheck, findings: Finding[]): void {
  // Afrexai playbook, office skill: a top-tier account using over 85% of its seats can grow.
  const used = seatUtilization(input.values);
  if (tierPosition(input.model, input.tier) === 'top' && used !== undefined && used > 0.85) {
    findings.push({
      rule: 'expansion-seats',
      severity: 'expansion',
      kind: 'condition',
      reason: `${input.tier} and using ${pct(used)} of its seats.`,
    });
  }
}

/** Every rule that fires for the account, worst first. */
export function evaluateRules(input: AccountToCheck): Finding[] {
  const findings: Finding[] = [];
  tierRules(input, findings);
  relationshipRules(input, findings);
  earlyWarnings(input, findings);
  goodNews(input, findings);
  return findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/** The worst severity among findings. */
export function worstSeverity(findings: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const finding of findings) {
    if (worst === undefined || SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(worst)) {
      worst = finding.severity;
    }
  }
  return worst;
}
