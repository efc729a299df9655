/**
 * Words people type for categorical signals (trends, payment status, champion status...),
 * each mapped to one canonical value.
 */
import { type CellValue, type Read, invalid, isBlank } from './cells';
import { normalizeKey } from './text';

export type Trend = 'up' | 'flat' | 'down';
export type PaymentStatus = 'current' | 'late' | 'delinquent';
export type ArrTrend = 'expanding' | 'stable' | 'contracting';
export type AccountStatus = 'active' | 'churned';
export type ChampionStatus = 'active' | 'new' | 'at-risk' | 'left' | 'none';

export interface Category<T extends string> {
  /** What the user should type, for messages: "up, flat or down". */
  readonly expected: string;
  /** Every word it knows, in normalizeKey form, and the value each means (compiled to SQL). */
  readonly words: ReadonlyMap<string, T>;
  read(cell: CellValue): Read<T>;
}

function category<T extends string>(
  expected: string,
  words: Readonly<Record<T, readonly string[]>>,
): Category<T> {
  const lookup = new Map<string, T>();
  for (const [value, synonyms] of Object.entries(words) as [T, readonly string[]][]) {
    lookup.set(normalizeKey(value), value);
    for (const word of synonyms) lookup.set(normalizeKey(word), value);
  }
  // Books repeat the same few words thousands of times: remember each raw text once.
  const seen = new Map<string, Read<T>>();
  return {
    expected,
    words: lookup,
    read(cell) {
      if (isBlank(cell)) return undefined;
      if (typeof cell !== 'string') return invalid(cell);
      let result = seen.get(cell);
      if (!result) {
        result = lookup.get(normalizeKey(cell)) ?? invalid(cell);
        if (seen.size < 1000) seen.set(cell, result);
      }
      return result;
    },
  };
}

export const TREND = category<Trend>('up, flat or down', {
  up: ['growing', 'increasing', 'rising', 'improving', 'higher', '↑', 'positive', 'expanding'],
  flat: ['stable', 'steady', 'unchanged', 'same', 'neutral', '→', 'level'],
  down: ['declining', 'decreasing', 'falling', 'dropping', 'lower', '↓', 'negative', 'worsening'],
});

/**
 * Ticket trend: "up" means more tickets, which is bad; sentiment words ("improving",
 * "worsening") read the other way round, so they get their own map.
 */
export const TICKET_TREND = category<Trend>('up, flat or down (or improving / worsening)', {
  up: ['increasing', 'rising', 'growing', 'higher', 'spiking', 'spike', 'worsening', 'negative'],
  flat: ['stable', 'steady', 'unchanged', 'same', 'neutral', 'normal'],
  down: ['decreasing', 'falling', 'declining', 'lower', 'improving', 'positive'],
});

export const PAYMENT_STATUS = category<PaymentStatus>('current, late or delinquent', {
  current: ['on time', 'ontime', 'paid', 'good', 'ok', 'up to date', 'in good standing'],
  late: ['overdue', 'late 1x', 'late once', 'past due', 'slow'],
  delinquent: ['late 2x', 'late 2x+', 'collections', 'unpaid', 'default', 'severely late'],
});

export const ARR_TREND = category<ArrTrend>('expanding, stable or contracting', {
  expanding: ['expansion', 'growing', 'up', 'increasing', 'upsell', 'grew'],
  stable: ['flat', 'steady', 'unchanged', 'same', 'renewed flat'],
  contracting: ['contraction', 'shrinking', 'down', 'decreasing', 'downgrade', 'declining'],
});

export const ACCOUNT_STATUS = category<AccountStatus>('active or churned', {
  active: ['live', 'customer', 'current', 'renewed', 'onboarding', 'paying', 'open'],
  churned: ['churn', 'lost', 'cancelled', 'canceled', 'terminated', 'closed lost', 'inactive'],
});

export const CHAMPION_STATUS = category<ChampionStatus>('active, new, at risk or left', {
  active: ['engaged', 'strong', 'in place', 'stable', 'yes'],
  new: ['changed', 'replaced', 'role change', 'new champion'],
  'at-risk': ['at risk', 'disengaged', 'weak', 'leaving', 'quiet'],
  left: ['departed', 'gone', 'left company', 'lost', 'churned'],
  none: ['no', 'no champion', 'missing', 'vacant'],
});
