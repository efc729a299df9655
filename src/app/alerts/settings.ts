/** Alert settings and status, kept in the document's properties. */
import { isEmailAddress } from '../../core/escape';
import type { KeyValueStore } from './ports';

export interface AlertSettings {
  readonly enabled: boolean;
  /** Hour of the day (0-23, spreadsheet time zone) of the daily check. */
  readonly hour: number;
  /** Who turned alerts on: gets the rows without a valid CSM email, and error reports. */
  readonly owner: string;
  /** Also receives every Critical account ('' for nobody). */
  readonly escalation: string;
  /** Days before a condition that still holds is sent again. */
  readonly reminderDays: number;
  /** The health model, as in the formulas' `model` argument. */
  readonly model: string;
  /** The book's sheet; '' to find it (the first sheet with an Account column). */
  readonly bookSheet: string;
}

export const DEFAULT_SETTINGS: AlertSettings = {
  enabled: false,
  hour: 8,
  owner: '',
  escalation: '',
  reminderDays: 7,
  model: 'cs-engine',
  bookSheet: '',
};

const SETTINGS_KEY = 'csEngine.alerts.settings';
const STATUS_KEY = 'csEngine.alerts.lastRun';

export function loadSettings(store: KeyValueStore): AlertSettings {
  const text = store.get(SETTINGS_KEY);
  if (!text) return DEFAULT_SETTINGS;
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(text) as Partial<AlertSettings>) };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(store: KeyValueStore, settings: AlertSettings): void {
  store.set(SETTINGS_KEY, JSON.stringify(settings));
}

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
