/**
 * The History sheet: one row per account, its latest score and tier, how long it has been in
 * that tier, what it has been alerted about, and its daily scores.
 *
 * Why one row per account: 10,000 accounts x 2 years of daily scores is 7.3 million entries,
 * too many cells for one read (a spreadsheet holds 10 million cells in all). Packed one
 * character a day in one cell per account (see formatEntries: at most about 750 characters),
 * the whole history is 10,000 x 8 cells, under 10 MB, read with a single getValues().
 */
import { type CellValue, readNumber, readText } from './cells';
import { type DayNumber, dayFromParts, isoDay, readDay } from './dates';
import { RULE_NAMES } from './alerts/rule-names';
import { ownEntry } from './text';

const HISTORY_HEADERS = [
  'Account key',
  'Account',
  'Last run',
  'Score',
  'Tier',
  'Tier since',
  'Alert state',
  'Daily scores',
] as const;

/** Daily scores older than this are dropped. */
export const HISTORY_DAYS = 730;

export interface HistoryEntry {
  readonly day: DayNumber;
  readonly score: number;
}

/** What an account was alerted about: since when the condition holds, and the last email. */
export interface AlertMemory {
  readonly since: DayNumber;
  readonly lastSent: DayNumber;
  /**
   * When the next reminder is due, where it is not simply the reminder interval after the last
   * send (reminders back off as a condition lasts: src/core/alerts/memory.ts).
   */
  readonly nextReminder?: DayNumber;
  /** Recorded at a baseline (in the summary of that day, since = lastSent): never reminded. */
  readonly baseline?: true;
}

export interface AccountHistory {
  readonly key: string;
  readonly account: string;
  readonly lastDay: DayNumber | undefined;
  readonly score: number | undefined;
  readonly tier: string;
  readonly tierSince: DayNumber | undefined;
  readonly alerts: ReadonlyMap<string, AlertMemory>;
  /** Oldest first. */
  readonly entries: readonly HistoryEntry[];
}

function dayOfIso(text: string): DayNumber | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * Daily scores in a compact text, one character a day, so that two years of 10,000 accounts
 * stay under 10 MB (as "2026-11-23=72" entries they took about 100 MB, read and rewritten
 * every day). The cell reads "2026-11-23:72:" (the first day and its score), then one
 * character for each following day:
 * - a character of DELTA_ALPHABET: the score moved by its position minus MAX_DELTA;
 * - "_": no score that day (the run did not happen);
 * - "!" and three digits: a jump too large for one character, as the new score ("!007").
 * Scores are whole numbers 0-100, as HEALTHSCORE gives them.
 */
const GAP = '_';
const JUMP = '!';
const MAX_DELTA = 45;
/** "#" to "~" without "_": 91 printable ASCII characters, for moves of -45 to +45. */
const DELTA_ALPHABET = Array.from({ length: 0x7e - 0x23 + 1 }, (_, i) =>
  String.fromCharCode(0x23 + i),
)
  .filter((char) => char !== GAP)
  .join('');
const COMPACT_HEAD = /^(\d{4})-(\d{2})-(\d{2}):(\d{1,3}):/;
/** The format before the compact one, still read so that an existing History keeps its past. */
const LEGACY_ENTRY = /^(\d{4})-(\d{2})-(\d{2})=(\d+(?:\.\d+)?)$/;

export function parseEntries(text: string): HistoryEntry[] {
  const head = COMPACT_HEAD.exec(text);
  return head ? parseCompact(text, head) : parseLegacy(text);
}

function parseCompact(text: string, head: RegExpExecArray): HistoryEntry[] {
  let day = dayFromParts(Number(head[1]), Number(head[2]), Number(head[3]));
  let score = Number(head[4]);
  const entries: HistoryEntry[] = [{ day, score }];
  for (let i = head[0].length; i < text.length; i++) {
    const char = text[i] as string;
    day += 1;
    if (char === GAP) continue;
    if (char === JUMP) {
      const jump = text.slice(i + 1, i + 4);
      i += 3;
      if (!/^\d{3}$/.test(jump)) break; // damaged: keep what was read
      score = Number(jump);
    } else {
      const position = DELTA_ALPHABET.indexOf(char);
      if (position < 0) break;
      score += position - MAX_DELTA;
    }
    if (score < 0 || score > 100) break;
    entries.push({ day, score });
  }
  return entries;
}

function parseLegacy(text: string): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const token of text.split(/\s+/)) {
    const match = LEGACY_ENTRY.exec(token);
    if (!match) continue;
    entries.push({
      day: dayFromParts(Number(match[1]), Number(match[2]), Number(match[3])),
      score: Math.round(Number(match[4])),
    });
  }
  return entries.sort((a, b) => a.day - b.day);
}

/** Entries oldest first, one per day at most (a later one for the same day wins). */
export function formatEntries(entries: readonly HistoryEntry[]): string {
  const first = entries[0];
  if (!first) return '';
  let day = first.day;
  let score = clampScore(first.score);
  const parts = [`${isoDay(day)}:${score}:`];
  for (const entry of entries.slice(1)) {
    if (entry.day <= day) continue;
    parts.push(GAP.repeat(entry.day - day - 1));
    const next = clampScore(entry.score);
    const delta = next - score;
    parts.push(
      Math.abs(delta) <= MAX_DELTA
        ? (DELTA_ALPHABET[delta + MAX_DELTA] as string)
        : `${JUMP}${String(next).padStart(3, '0')}`,
    );
    day = entry.day;
    score = next;
  }
  return parts.join('');
}

function clampScore(score: number): number {
  return Math.min(100, Math.max(0, Math.round(score)));
}

/**
 * The "Alert state" cell, for a person to read: "Champion left: since 2026-11-30, last sent
 * 2026-11-30; No login 30+ days: since 2026-11-02, last sent 2026-11-23, next reminder
 * 2026-12-21; Formal complaint: in the baseline summary of 2026-11-01". Each rule by its name
 * (RULE_NAMES), or by its id for a rule without one (a rule a later version removed), so that
 * the text always reads back to the same memory.
 */
export function formatAlertMemory(memory: ReadonlyMap<string, AlertMemory>): string {
  const parts: string[] = [];
  for (const [rule, { since, lastSent, nextReminder, baseline }] of memory) {
    const name = ownEntry<string>(RULE_NAMES, rule) ?? rule;
    if (baseline) {
      parts.push(`${name}: in the baseline summary of ${isoDay(since)}`);
      continue;
    }
    const next = nextReminder === undefined ? '' : `, next reminder ${isoDay(nextReminder)}`;
    parts.push(`${name}: since ${isoDay(since)}, last sent ${isoDay(lastSent)}${next}`);
  }
  return parts.join('; ');
}

const RULE_BY_NAME = new Map<string, string>(
  Object.entries(RULE_NAMES).map(([rule, name]) => [name, rule]),
);
const RULE_ID = /^[a-z0-9-]+$/;
const ISO = '(\\d{4}-\\d{2}-\\d{2})';
const READABLE = new RegExp(
  `^(.+?): (?:since ${ISO}, last sent ${ISO}(?:, next reminder ${ISO})?|in the baseline summary of ${ISO})$`,
);
/** The format before the readable one ("champion-left@2026-11-30/2026-11-30"), still read. */
const LEGACY_MEMORY = /^([a-z0-9-]+)@(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/;

/** Reads an "Alert state" cell, readable or in the earlier format; what cannot be read is skipped. */
export function parseAlertMemory(text: string): Map<string, AlertMemory> {
  const memory = new Map<string, AlertMemory>();
  const trimmed = text.trim();
  if (trimmed === '') return memory;
  const legacy = trimmed.split(/\s+/).map((token) => LEGACY_MEMORY.exec(token));
  if (legacy.every((match) => match !== null)) {
    for (const match of legacy) {
      const since = dayOfIso(match[2] as string);
      const lastSent = dayOfIso(match[3] as string);
      if (since !== undefined && lastSent !== undefined) {
        memory.set(match[1] as string, { since, lastSent });
      }
    }
    return memory;
  }
  for (const part of trimmed.split(';')) {
    const match = READABLE.exec(part.trim());
    if (!match) continue;
    const name = match[1] as string;
    const rule = RULE_BY_NAME.get(name) ?? (RULE_ID.test(name) ? name : undefined);
    if (rule === undefined) continue;
    if (match[5] !== undefined) {
      const day = dayOfIso(match[5]);
      if (day !== undefined) memory.set(rule, { since: day, lastSent: day, baseline: true });
      continue;
    }
    const since = dayOfIso(match[2] as string);
    const lastSent = dayOfIso(match[3] as string);
    const nextReminder = match[4] === undefined ? undefined : dayOfIso(match[4]);
    if (since === undefined || lastSent === undefined) continue;
    memory.set(
      rule,
      nextReminder === undefined ? { since, lastSent } : { since, lastSent, nextReminder },
    );
  }
  return memory;
}

function optionalDay(cell: CellValue, timeZone: string): DayNumber | undefined {
  const day = readDay(cell, timeZone);
  return typeof day === 'number' ? day : undefined;
}

/**
 * Reads the History sheet's values (header row first). Rows it cannot make sense of are
 * skipped: the sheet is the add-on's own, and a damaged row only costs that account's past.
 */
export function parseHistory(
  values: readonly (readonly CellValue[])[],
  timeZone: string,
): Map<string, AccountHistory> {
  const histories = new Map<string, AccountHistory>();
  for (const row of values.slice(1)) {
    const key = readText(row[0]);
    if (typeof key !== 'string' || key === '') continue;
    const score = readNumber(row[3]);
    const account = readText(row[1]);
    const tier = readText(row[4]);
    histories.set(key, {
      key,
      account: typeof account === 'string' ? account : key,
      lastDay: optionalDay(row[2], timeZone),
      score: typeof score === 'number' ? score : undefined,
      tier: typeof tier === 'string' ? tier : '',
      tierSince: optionalDay(row[5], timeZone),
      alerts: parseAlertMemory(String(row[6] ?? '')),
      entries: parseEntries(String(row[7] ?? '')),
    });
  }
  return histories;
}

/**
 * The key that joins a book row to its History row: the Account ID, else the account's name,
 * else its sheet row ("row-7"), so an account keeps its past when rows are sorted or moved.
 */
export function historyKey(
  values: { readonly accountId?: string; readonly account?: string },
  sheetRow: number,
): string {
  return values.accountId ?? values.account ?? `row-${sheetRow}`;
}

/** The last score recorded before `today`. */
export function previousEntry(
  history: AccountHistory | undefined,
  today: DayNumber,
): HistoryEntry | undefined {
  if (!history) return undefined;
  for (let i = history.entries.length - 1; i >= 0; i--) {
    const entry = history.entries[i] as HistoryEntry;
    if (entry.day < today) return entry;
  }
  return undefined;
}

/** Scores recorded in the `days` days before today (today excluded). */
export function entriesWithin(
  history: AccountHistory | undefined,
  today: DayNumber,
  days: number,
): HistoryEntry[] {
  if (!history) return [];
  return history.entries.filter((entry) => entry.day < today && entry.day >= today - days);
}

/**
 * The day the account entered its current tier: carried over while the tier stays the same
 * as at the last run before today, otherwise today.
 */
export function tierSinceFor(
  history: AccountHistory | undefined,
  tier: string,
  previousTier: string | undefined,
  today: DayNumber,
): DayNumber {
  if (history && previousTier === tier && history.tierSince !== undefined) {
    return Math.min(history.tierSince, today);
  }
  return today;
}

/**
 * The account's history with today's result recorded: today's entry replaces one already
 * there (a second run the same day), and entries older than two years are dropped.
 */
export function recordDay(
  history: AccountHistory | undefined,
  update: {
    readonly key: string;
    readonly account: string;
    readonly today: DayNumber;
    readonly score: number;
    readonly tier: string;
    readonly tierSince: DayNumber;
    readonly alerts: ReadonlyMap<string, AlertMemory>;
  },
): AccountHistory {
  const kept = (history?.entries ?? []).filter(
    (entry) => entry.day !== update.today && entry.day > update.today - HISTORY_DAYS,
  );
  kept.push({ day: update.today, score: update.score });
  kept.sort((a, b) => a.day - b.day);
  return {
    key: update.key,
    account: update.account,
    lastDay: update.today,
    score: update.score,
    tier: update.tier,
    tierSince: update.tierSince,
    alerts: update.alerts,
    entries: kept,
  };
}

/** The sheet rows for a set of histories (header row first), in a stable order. */
export function historyRows(histories: Iterable<AccountHistory>): (string | number)[][] {
  const rows: (string | number)[][] = [[...HISTORY_HEADERS]];
  for (const history of histories) {
    rows.push([
      history.key,
      history.account,
      history.lastDay === undefined ? '' : isoDay(history.lastDay),
      history.score ?? '',
      history.tier,
      history.tierSince === undefined ? '' : isoDay(history.tierSince),
      formatAlertMemory(history.alerts),
      formatEntries(history.entries),
    ]);
  }
  return rows;
}
