/** What the user types into the alert settings, and the last run's status. */
import { isEmailAddress } from '../../core/escape';
import type { KeyValueStore } from '../workbook/ports';

const STATUS_KEY = 'csEngine.alerts.lastRun';

/** Reads an hour typed by the user: "8", "08", "8am", "14:00", "2pm". */
export function parseHour(text: string): number | undefined {
  const match = /^\s*(\d{1,2})(?::00)?\s*(am|pm)?\s*$/i.exec(text);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const suffix = match[2]?.toLowerCase();
  if (suffix) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  }
  return hour >= 0 && hour <= 23 ? hour : undefined;
}

export function validEscalation(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' || isEmailAddress(trimmed) ? trimmed : undefined;
}

export interface LastRun {
  /** ISO time of the end of the run. */
  readonly at: string;
  readonly ok: boolean;
  readonly summary: string;
}

export function loadLastRun(store: KeyValueStore): LastRun | undefined {
  const text = store.get(STATUS_KEY);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LastRun;
  } catch {
    return undefined;
  }
}

export function saveLastRun(store: KeyValueStore, run: LastRun): void {
  store.set(STATUS_KEY, JSON.stringify(run));
}
