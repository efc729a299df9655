/**
 * Dedupe: an account alerts when it enters a condition, and is reminded while it stays there;
 * an event alerts once. What was sent is remembered per account and rule, so a second run the
 * same day, or a rerun after a crash, sends nothing new.
 *
 * Reminders back off: the first comes a reminder interval after the alert, and each next one
 * when the condition has lasted twice as long (7, 14, 28 days with the default interval),
 * then every REMINDER_BACKOFF intervals. A condition that lasts months is old news; a digest
 * full of it would bury what changed.
 *
 * The baseline (the first run, or the first after the model or the book's columns changed):
 * what already holds is recorded, not sent one by one; the CSM gets one summary of the book
 * instead (src/app/alerts/evaluate.ts), and the Alert Log lists every account in it. Those
 * conditions are not reminded one by one either: they were never news, and on a real book
 * they are half the accounts. An account in one still alerts the day it gets worse.
 */
import type { DayNumber } from '../dates';
import type { AlertMemory } from '../history';
import { type Finding, TIMER_RULES } from './rules';

export interface Decision {
  /** Findings to send today, each marked new or a reminder. */
  readonly toSend: readonly (Finding & { readonly reminder: boolean })[];
  /** Baseline only: findings recorded without an alert of their own (in the summary). */
  readonly baseline: readonly Finding[];
  /** Findings that hold but were already sent within the reminder interval. */
  readonly quiet: readonly Finding[];
  /** The memory to keep: rules that no longer fire are forgotten, so re-entering alerts. */
  readonly memory: ReadonlyMap<string, AlertMemory>;
}

export interface DecideOptions {
  readonly today: DayNumber;
  readonly reminderDays: number;
  /** Today is a baseline: record what holds instead of sending it. */
  readonly baseline: boolean;
}

/** The longest gap between two reminders, in reminder intervals. */
export const REMINDER_BACKOFF = 4;

/**
 * Whether a timer condition ("21 days in a middle tier") is left out of the alerts: when
 * History began with the account already in its tier (the baseline, or an account added to
 * the book later), the day it entered is unknown, and the timer would only measure how long
 * CS Engine has been watching; every such account would reach it on the same day, weeks after
 * the baseline, with nothing changed. A tier entered under History's watch is timed and alerts.
 */
export function timerUnknown(
  rule: string,
  tierEntered: DayNumber,
  /** The first day History holds for the account (today for a new one). */
  firstSeen: DayNumber,
): boolean {
  return TIMER_RULES.has(rule) && tierEntered <= firstSeen;
}

/** The memory after a reminder today: the next one when the condition's age has doubled. */
function reminded(known: AlertMemory, today: DayNumber, reminderDays: number): AlertMemory {
  const interval = Math.min(
    Math.max(today - known.since, reminderDays),
    REMINDER_BACKOFF * reminderDays,
  );
  return interval === reminderDays
    ? { since: known.since, lastSent: today }
    : { since: known.since, lastSent: today, nextReminder: today + interval };
}

function reminderDue(known: AlertMemory, today: DayNumber, reminderDays: number): boolean {
  if (known.baseline || known.lastSent >= today) return false;
  return known.nextReminder !== undefined
    ? today >= known.nextReminder
    : today - known.lastSent >= reminderDays;
}

export function decide(
  findings: readonly Finding[],
  memory: ReadonlyMap<string, AlertMemory>,
  options: DecideOptions,
): Decision {
  const { today, reminderDays } = options;
  const toSend: (Finding & { reminder: boolean })[] = [];
  const baseline: Finding[] = [];
  const quiet: Finding[] = [];
  const next = new Map<string, AlertMemory>();
  for (const finding of findings) {
    const known = memory.get(finding.rule);
    if (known && options.baseline) {
      // Already alerted before the baseline (a change of model or columns): kept as it was.
      quiet.push(finding);
      next.set(finding.rule, known);
    } else if (options.baseline) {
      baseline.push(finding);
      next.set(finding.rule, { since: today, lastSent: today, baseline: true });
    } else if (!known) {
      toSend.push({ ...finding, reminder: false });
      next.set(finding.rule, { since: today, lastSent: today });
    } else if (finding.kind === 'condition' && reminderDue(known, today, reminderDays)) {
      toSend.push({ ...finding, reminder: true });
      next.set(finding.rule, reminded(known, today, reminderDays));
    } else {
      quiet.push(finding);
      next.set(finding.rule, known);
    }
  }
  return { toSend, baseline, quiet, memory: next };
}
