/**
 * The success plan goals as the documents count them, from the book's Goals defined and Goals
 * achieved: one row per goal the book defines, in the QBR and in the success plan alike. Pure.
 */
import type { SignalValues } from './rubrics';

/**
 * The most goal rows a document lists. A success plan has three to five goals; a count far
 * beyond is a slip of the keyboard, and a table of a million rows would never be written.
 */
export const MAX_GOAL_ROWS = 200;

export interface GoalCount {
  /** Goals defined, whole; undefined when the book does not say. */
  readonly defined: number | undefined;
  /** Goals achieved, whole and at most the goals defined; undefined when the book does not say. */
  readonly achieved: number | undefined;
  /** The rows to list: the goals defined (or achieved, without a count defined), capped. */
  readonly rows: number;
  /** Goals beyond MAX_GOAL_ROWS, not listed one per row. */
  readonly beyond: number;
}

export function goalCount(values: SignalValues): GoalCount {
  const whole = (n: number | undefined) => (n === undefined ? undefined : Math.floor(n));
  const defined = whole(values.goalsDefined);
  const achievedRead = whole(values.goalsAchieved);
  const achieved =
    achievedRead === undefined || defined === undefined
      ? achievedRead
      : Math.min(achievedRead, defined);
  const total = defined ?? achieved ?? 0;
  const rows = Math.min(total, MAX_GOAL_ROWS);
  return { defined, achieved, rows, beyond: total - rows };
}

/** "The book counts 5,000 goals: the table lists the first 200." when some are left out. */
export function goalsLeftOut(count: GoalCount): string | undefined {
  if (count.beyond <= 0) return undefined;
  return `The book counts ${(count.rows + count.beyond).toLocaleString('en-US')} goals: the table lists the first ${count.rows}.`;
}
