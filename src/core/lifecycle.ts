/**
 * Where an account stands in its lifecycle: the renewal prep step due, the touch cadence and
 * time-to-first-value target of its segment, the win-back stage after churn, and its
 * engagement level. Pure: "today" is always an argument (a DayNumber in the spreadsheet's
 * time zone), as every date here is.
 */
import type { DayNumber } from './dates';
import type { Segment } from './segments';
import { formatCount } from './text';

/** The days of the Engine's renewal prep sequence, counted from the renewal date. */
type RenewalStepDay = -90 | -75 | -60 | -45 | -30 | -14 | -7;

export interface RenewalStep {
  readonly day: RenewalStepDay;
  readonly title: string;
  readonly action: string;
}

export interface RenewalStage {
  /** Renewal date minus today: 0 on the day, negative once it has passed. */
  readonly daysToRenewal: number;
  /** The step due: the latest step whose day has been reached; undefined beyond 90 days. */
  readonly step: RenewalStep | undefined;
  /** The step after the one due; undefined once the last step (day -7) is due. */
  readonly next: RenewalStep | undefined;
  /** The renewal date has passed (and the sheet still shows it as the renewal). */
  readonly overdue: boolean;
}

/** The Engine's renewal prep sequence (starts 90 days before renewal), in our words. */
export const RENEWAL_STEPS: readonly RenewalStep[] = Object.freeze([
  {
    day: -90,
    title: 'Internal review',
    action: 'Review the health score, usage and open issues before talking to the customer',
  },
  {
    day: -75,
    title: 'Success recap',
    action: 'Send a recap of what the customer achieved this year',
  },
  {
    day: -60,
    title: 'ROI presentation',
    action: 'Present the value delivered, with documented ROI',
  },
  {
    day: -45,
    title: 'Renewal discussion',
    action: 'Discuss terms, expansion and multi-year options',
  },
  {
    day: -30,
    title: 'Contract sent',
    action: 'Send the contract; escalate if it is not signed',
  },
  {
    day: -14,
    title: 'Final follow-up',
    action: 'Follow up, bringing in an executive if needed',
  },
  {
    day: -7,
    title: 'Red alert',
    action: 'Still unsigned: follow up daily until it is signed',
  },
] as RenewalStep[]);

export function renewalStage(renewalDay: DayNumber, today: DayNumber): RenewalStage {
  const daysToRenewal = renewalDay - today;
  let index = -1;
  for (let i = 0; i < RENEWAL_STEPS.length; i++) {
    // Step i is due once today >= renewal + step.day, i.e. daysToRenewal <= -step.day.
    if (daysToRenewal <= -(RENEWAL_STEPS[i] as RenewalStep).day) index = i;
  }
  return {
    daysToRenewal,
    step: index >= 0 ? RENEWAL_STEPS[index] : undefined,
    next: RENEWAL_STEPS[index + 1],
    overdue: daysToRenewal < 0,
  };
}

export type QbrCadence = 'Quarterly' | 'Semi-annual' | 'Annual' | 'None';

export interface TouchCadence {
  readonly sync: string;
  readonly async: string;
  readonly qbr: QbrCadence;
  readonly executive: string;
}

/** The Customer Success Engine's touch cadence by tier (sync, async, QBRs, executive touch). */
const CADENCE: Readonly<Record<Segment, TouchCadence>> = {
  Enterprise: { sync: 'Bi-weekly', async: 'Weekly', qbr: 'Quarterly', executive: 'Quarterly' },
  'Mid-Market': {
    sync: 'Monthly',
    async: 'Bi-weekly',
    qbr: 'Semi-annual',
    executive: 'Semi-annual',
  },
  SMB: { sync: 'Quarterly', async: 'Monthly', qbr: 'Annual', executive: 'None' },
  'Self-Serve': { sync: 'None (reactive)', async: 'Automated', qbr: 'None', executive: 'None' },
};

export function touchCadence(segment: Segment): TouchCadence {
  return CADENCE[segment];
}

/**
 * Days from one QBR to the next at each cadence: 13 weeks, 26 weeks and a year. The QBR
 * document dates the next review with it, and the Dashboard counts a QBR as on time when the
 * last one is no older, so the two never disagree by a day.
 */
const QBR_INTERVAL_DAYS: Readonly<Record<QbrCadence, number | undefined>> = {
  Quarterly: 91,
  'Semi-annual': 182,
  Annual: 365,
  None: undefined,
};

/** Days between QBRs at a cadence; undefined when the segment has no QBRs. */
export function qbrIntervalDays(cadence: QbrCadence): number | undefined {
  return QBR_INTERVAL_DAYS[cadence];
}

export interface TtfvTarget {
  /** The target in days (fractions of a day for the hour and minute targets). */
  readonly days: number;
  readonly label: string;
}

/**
 * Time-to-first-value targets from the Customer Success Engine's table (Enterprise 30 days,
 * Mid-Market 14 days, SMB 24 hours, Self-serve 10 minutes). The afrexai playbook gives "<14
 * days SMB / <30 days Enterprise"; we follow the Engine because it covers every segment and
 * measures each against its own "aha moment" (the afrexai 14 days matches the Engine's
 * Mid-Market figure).
 */
const TTFV: Readonly<Record<Segment, TtfvTarget>> = {
  Enterprise: { days: 30, label: '30 days' },
  'Mid-Market': { days: 14, label: '14 days' },
  SMB: { days: 1, label: '24 hours' },
  'Self-Serve': { days: 10 / 1440, label: '10 minutes' },
};

export function ttfvTarget(segment: Segment): TtfvTarget {
  return TTFV[segment];
}

export interface WinBackStage {
  readonly stage: string;
  readonly approach: string;
  readonly successRate: string;
}

/**
 * The Customer Success Engine's win-back timing. Each range includes its upper bound: day 30 is
 * still "0-30 days", day 31 starts "30-90 days", and only after day 365 is the account removed from
 * active campaigns. Negative days (a churn date in the future) have no stage.
 */
export function winBackStage(daysSinceChurn: number): WinBackStage | undefined {
  if (!(daysSinceChurn >= 0)) return undefined;
  if (daysSinceChurn <= 30) {
    return {
      stage: '0-30 days',
      approach: '"We miss you" and address the churn reason',
      successRate: '15-25%',
    };
  }
  if (daysSinceChurn <= 90) {
    return {
      stage: '30-90 days',
      approach: 'Product update with proof of improvement',
      successRate: '10-15%',
    };
  }
  if (daysSinceChurn <= 180) {
    return {
      stage: '90-180 days',
      approach: 'Major release and a special offer',
      successRate: '5-10%',
    };
  }
  if (daysSinceChurn <= 365) {
    return {
      stage: '180-365 days',
      approach: 'Annual check-in with a case study',
      successRate: '2-5%',
    };
  }
  return { stage: 'Over 365 days', approach: 'Remove from active campaigns', successRate: '<2%' };
}

type EngagementLevelName = 'Power user' | 'Regular' | 'Casual' | 'Dormant' | 'Ghost';

export interface EngagementInput {
  /** DAU/MAU as a fraction 0-1. */
  readonly dauMau?: number;
  /** Days since the last login (today - Last login). */
  readonly daysSinceLastLogin?: number;
  /** Core actions per week, used as the visit frequency when DAU/MAU is unknown. */
  readonly coreActionsPerWeek?: number;
  /** Share of available features used, 0-1 ("multi-feature" for a power user). */
  readonly featureAdoption?: number;
}

export interface EngagementLevel {
  readonly level: EngagementLevelName;
  readonly behavior: string;
  readonly retention: string;
  readonly action: string;
  /** What the level was decided from, in words. */
  readonly basis: string;
}

const LEVELS: Readonly<Record<EngagementLevelName, Omit<EngagementLevel, 'basis' | 'level'>>> = {
  'Power user': {
    behavior: 'Daily, multi-feature',
    retention: '95%+ renewal',
    action: 'Advocate program, expansion',
  },
  Regular: {
    behavior: '3-4 days a week, core features',
    retention: '85-95% renewal',
    action: 'Feature adoption, optimization',
  },
  Casual: {
    behavior: '1-2 days a week, limited features',
    retention: '60-80% renewal',
    action: 'Re-engagement campaign',
  },
  Dormant: {
    behavior: 'Less than once a week',
    retention: '20-40% renewal',
    action: 'Urgent intervention',
  },
  Ghost: {
    behavior: 'No activity for 30+ days',
    retention: '<20% renewal',
    action: 'Win-back or churn prep',
  },
};

/** Feature adoption a power user needs ("multi-feature"), when the book knows it. */
const POWER_USER_ADOPTION = 0.5;

/**
 * The Customer Success Engine's engagement levels from the book's columns. Active days per week are
 * DAU/MAU x 7 (DAU/MAU is the share of a month's active users active on a given day), or, without
 * DAU/MAU, core actions per week (capped at 7) as a proxy for active days:
 * - Ghost: last login 30 or more days ago (this wins over everything else);
 * - Power user: 5+ active days a week (daily on working days), and at least 50% of
 *   features used when the book knows feature adoption;
 * - Regular: 3 or more active days a week;
 * - Casual: 1 or more;
 * - Dormant: less than once a week.
 * With only a last login under 30 days, the level is unknown (undefined).
 */
export function engagementLevel(input: EngagementInput): EngagementLevel | undefined {
  const make = (level: EngagementLevelName, basis: string): EngagementLevel => ({
    level,
    ...LEVELS[level],
    basis,
  });
  const { dauMau, daysSinceLastLogin, coreActionsPerWeek, featureAdoption } = input;
  if (daysSinceLastLogin !== undefined && daysSinceLastLogin >= 30) {
    return make('Ghost', `last login ${daysSinceLastLogin} days ago`);
  }
  let days: number;
  let basis: string;
  if (dauMau !== undefined) {
    days = dauMau * 7;
    basis = `DAU/MAU ${Math.round(dauMau * 100)}% (about ${formatCount(round1(days), 'day')} a week)`;
  } else if (coreActionsPerWeek !== undefined) {
    days = Math.min(7, coreActionsPerWeek);
    basis = `${formatCount(round1(coreActionsPerWeek), 'core action')} a week`;
  } else {
    return undefined;
  }
  if (days >= 5) {
    if (featureAdoption === undefined || featureAdoption >= POWER_USER_ADOPTION) {
      const features =
        featureAdoption === undefined ? '' : `, ${Math.round(featureAdoption * 100)}% of features`;
      return make('Power user', basis + features);
    }
    return make(
      'Regular',
      `${basis}, but only ${Math.round(featureAdoption * 100)}% of features used`,
    );
  }
  if (days >= 3) return make('Regular', basis);
  if (days >= 1) return make('Casual', basis);
  return make('Dormant', basis);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
