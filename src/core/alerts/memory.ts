/**
 * Dedupe: an account alerts when it enters a condition, and again only after the reminder
 * interval while it stays there; an event alerts once. What was sent is remembered per
 * account and rule, so a second run the same day, or a rerun after a crash, sends nothing new.
 *
 * The baseline (the first run, or the first after the model or the book's columns changed):
 * what already holds is recorded, not sent one by one; the CSM gets one summary of the book
 * instead (src/app/alerts/evaluate.ts). Its conditions are reminded later like any other,
 * but each on a day spread over one reminder interval, so that a week after the baseline the
 * whole book does not come back in one digest.
 */
import type { DayNumber } from '../dates';
import type { AlertMemory } from '../history';
import { shortHash } from '../hash';
import type { Finding } from './rules';

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
  /** The account's key: spreads its baseline reminders (the same key, the same day). */
  readonly key: string;
}

/**
 * Days after the interval an account's baseline conditions are first reminded: 0 to
 * reminderDays - 1, by the account (its conditions come back together, in one digest item).
 */
export function baselineOffset(key: string, reminderDays: number): number {
  return parseInt(shortHash(key), 36) % Math.max(1, reminderDays);
}

function reminderDue(known: AlertMemory, today: DayNumber, reminderDays: number): boolean {
  if (known.lastSent >= today) return false;
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
    } else if (!known && options.baseline) {
      baseline.push(finding);
      const offset = baselineOffset(options.key, reminderDays);
      next.set(
        finding.rule,
        finding.kind === 'condition'
          ? { since: today, lastSent: today, nextReminder: today + reminderDays + offset }
          : { since: today, lastSent: today },
      );
    } else if (!known) {
      toSend.push({ ...finding, reminder: false });
      next.set(finding.rule, { since: today, lastSent: today });
    } else if (finding.kind === 'condition' && reminderDue(known, today, reminderDays)) {
      toSend.push({ ...finding, reminder: true });
      next.set(finding.rule, { since: known.since, lastSent: today });
    } else {
      quiet.push(finding);
      next.set(finding.rule, known);
    }
  }
  return { toSend, baseline, quiet, memory: next };
}
