/**
 * Dedupe: an account alerts when it enters a condition, and again only after the reminder
 * interval while it stays there; an event alerts once. What was sent is remembered per
 * account and rule, so a second run the same day, or a rerun after a crash, sends nothing new.
 */
import type { DayNumber } from '../dates';
import type { AlertMemory } from '../history';
import type { Finding } from './rules';

export interface Decision {
  /** Findings to send today, each marked new or a reminder. */
  readonly toSend: readonly (Finding & { readonly reminder: boolean })[];
  /** Findings that hold but were already sent within the reminder interval. */
  readonly quiet: readonly Finding[];
  /** The memory to keep: rules that no longer fire are forgotten, so re-entering alerts. */
  readonly memory: ReadonlyMap<string, AlertMemory>;
}

export function decide(
  findings: readonly Finding[],
  memory: ReadonlyMap<string, AlertMemory>,
  today: DayNumber,
  reminderDays: number,
): Decision {
  const toSend: (Finding & { reminder: boolean })[] = [];
  const quiet: Finding[] = [];
  const next = new Map<string, AlertMemory>();
  for (const finding of findings) {
    const known = memory.get(finding.rule);
    if (!known) {
      toSend.push({ ...finding, reminder: false });
      next.set(finding.rule, { since: today, lastSent: today });
    } else if (
      finding.kind === 'condition' &&
      known.lastSent < today &&
      today - known.lastSent >= reminderDays
    ) {
      toSend.push({ ...finding, reminder: true });
      next.set(finding.rule, { since: known.since, lastSent: today });
    } else {
      quiet.push(finding);
      next.set(finding.rule, known);
    }
  }
  return { toSend, quiet, memory: next };
}
