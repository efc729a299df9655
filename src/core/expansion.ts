/**
 * Expansion readiness: the bilingual playbook's gate (is it time to start an expansion
 * motion?) and the Customer Success Engine's buying signals (what suggests there is something
 * to expand into?). Pure.
 */
import { seatUtilization } from './rubrics';
import type { SignalValues } from './rubrics';
import { formatCount } from './text';

/** Bilingual playbook: health in the top tier ("Green") for at least this many consecutive days. */
const EXPANSION_GATE_TOP_TIER_DAYS = 60;
/** Bilingual playbook: no expansion motion when the renewal is this close (days) or closer. */
const EXPANSION_GATE_RENEWAL_DAYS = 60;
/**
 * Seat utilization above which seats are an expansion signal. The Customer Success Engine
 * ("when >80% seats used") and the office skill ("approaching_seat_limit: 80% of licensed")
 * say 80%; the afrexai playbook says 85%. We follow the two that agree: more than 80%.
 */
const SEAT_EXPANSION_THRESHOLD = 0.8;
/** The afrexai playbook's expansion signal "health >80". */
const EXPANSION_HEALTH_THRESHOLD = 80;
/** "Approaching renewal" for the Engine's "high health score + approaching renewal". */
const APPROACHING_RENEWAL_DAYS = 90;

export interface ExpansionGateInput {
  /** The account's health is in the model's top tier now. */
  readonly topTier: boolean;
  /** How long it has been in the top tier; undefined when the book cannot say. */
  readonly daysInTopTier: number | undefined;
  readonly goalsAchieved?: number;
  readonly roiDocumented?: boolean;
  readonly championEngaged?: boolean;
  readonly daysToRenewal?: number;
}

export interface ExpansionGate {
  readonly open: boolean;
  /** One line per gate condition, met ("✓ ...") or not ("✗ ..."), in the playbook's order. */
  readonly reasons: string[];
}

/**
 * The bilingual playbook's qualification before an expansion motion: top tier for 60+ consecutive
 * days, at least one goal achieved with documented ROI, champion actively engaged, renewal not
 * within 60 days. Every condition must be shown by the data: an unknown counts as not met, and its
 * reason says what is missing.
 */
export function expansionGate(input: ExpansionGateInput): ExpansionGate {
  const reasons: string[] = [];
  let open = true;
  const check = (met: boolean, text: string) => {
    reasons.push(`${met ? '✓' : '✗'} ${text}`);
    if (!met) open = false;
  };

  const days = EXPANSION_GATE_TOP_TIER_DAYS;
  if (!input.topTier) check(false, `not in the top health tier (needs ${days}+ days in it)`);
  else if (input.daysInTopTier === undefined) {
    check(false, `in the top tier, but for how long is unknown (needs ${days}+ days)`);
  } else {
    check(
      input.daysInTopTier >= days,
      `in the top tier for ${formatCount(input.daysInTopTier, 'day')} (needs ${days}+)`,
    );
  }

  const { goalsAchieved, roiDocumented } = input;
  if (goalsAchieved === undefined) check(false, 'goals achieved unknown (needs 1+ with ROI)');
  else if (goalsAchieved < 1) check(false, 'no goal achieved yet');
  else if (roiDocumented === undefined) {
    check(false, `${formatCount(goalsAchieved, 'goal')} achieved, ROI documentation unknown`);
  } else {
    check(
      roiDocumented,
      `${formatCount(goalsAchieved, 'goal')} achieved, ROI ${roiDocumented ? '' : 'not '}documented`,
    );
  }

  if (input.championEngaged === undefined) check(false, 'champion engagement unknown');
  else check(input.championEngaged, `champion ${input.championEngaged ? '' : 'not '}engaged`);

  const renewal = EXPANSION_GATE_RENEWAL_DAYS;
  const { daysToRenewal } = input;
  if (daysToRenewal === undefined) check(false, 'renewal date unknown');
  else if (daysToRenewal < 0) {
    check(false, `renewal overdue by ${formatCount(-daysToRenewal, 'day')}`);
  } else {
    check(
      daysToRenewal > renewal,
      `renewal in ${formatCount(daysToRenewal, 'day')} (${daysToRenewal > renewal ? 'more than' : 'within'} ${renewal})`,
    );
  }
  return { open, reasons };
}

export interface ExpansionSignalContext {
  /** The account's health score 0-100, if scored. */
  readonly score?: number;
  readonly daysToRenewal?: number;
}

/**
 * The Customer Success Engine's buying signals that the book's columns can show, strongest
 * first, each with its play: usage limits, a new department, seats more than 80% used (the
 * Engine and the office skill), the champion promoted, health over 80 (the afrexai playbook),
 * high health with the renewal approaching.
 */
export function expansionSignals(
  values: SignalValues,
  context: ExpansionSignalContext = {},
): string[] {
  const signals: string[] = [];
  if (values.usageLimitReached === true) {
    signals.push('Hitting usage limits (hot): proactive upgrade conversation');
  }
  if (values.newDepartmentInterest === true) {
    signals.push('New department interested (hot): land-and-expand intro meeting');
  }
  const seats = seatUtilization(values);
  if (seats !== undefined && seats > SEAT_EXPANSION_THRESHOLD) {
    signals.push(
      `Seats ${Math.round(seats * 100)}% used (over ${SEAT_EXPANSION_THRESHOLD * 100}%): seat expansion, right-size conversation`,
    );
  }
  if (values.championPromoted === true) {
    signals.push('Champion promoted (warm): bring the product to their new scope');
  }
  const { score, daysToRenewal } = context;
  if (score !== undefined && score > EXPANSION_HEALTH_THRESHOLD) {
    if (
      daysToRenewal !== undefined &&
      daysToRenewal >= 0 &&
      daysToRenewal <= APPROACHING_RENEWAL_DAYS
    ) {
      signals.push(
        `Health ${score} with renewal in ${formatCount(daysToRenewal, 'day')} (warm): multi-year and expansion bundle`,
      );
    } else {
      signals.push(`Health ${score} (over ${EXPANSION_HEALTH_THRESHOLD}): expansion plays`);
    }
  }
  return signals;
}
