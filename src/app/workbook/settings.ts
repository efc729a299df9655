/**
 * The add-on's settings, kept in the document's properties: the health model and the book's
 * sheet, which every use case reads, and the daily alerts' hour and recipients.
 */
import { DEFAULT_DIGEST_CAP } from '../../core/alerts/digest';
import type { KeyValueStore } from './ports';

export interface Settings {
  readonly enabled: boolean;
  /** Hour of the day (0-23, spreadsheet time zone) of the daily check. */
  readonly hour: number;
  /** Who turned alerts on: gets the rows without a valid CSM email, and error reports. */
  readonly owner: string;
  /** Also receives every account to act on today ('' for nobody). */
  readonly escalation: string;
  /** Days before a condition that still holds is sent again. */
  readonly reminderDays: number;
  /** The health model, as in the formulas' `model` argument. */
  readonly model: string;
  /** The book's sheet; '' to find it (the first sheet with an Account column). */
  readonly bookSheet: string;
  /** At most this many accounts are listed in a digest; the rest are linked in the Alert Log. */
  readonly digestCap: number;
  /** A Slack or Google Chat incoming webhook that also gets each CSM's digest ('' for none). */
  readonly webhookUrl: string;
}

const DEFAULT_SETTINGS: Settings = {
  enabled: false,
  hour: 8,
  owner: '',
  escalation: '',
  reminderDays: 7,
  model: 'cs-engine',
  bookSheet: '',
  digestCap: DEFAULT_DIGEST_CAP,
  webhookUrl: '',
};

const SETTINGS_KEY = 'csEngine.alerts.settings';

export function loadSettings(store: KeyValueStore): Settings {
  const text = store.get(SETTINGS_KEY);
  if (!text) return DEFAULT_SETTINGS;
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(text) as Partial<Settings>) };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(store: KeyValueStore, settings: Settings): void {
  store.set(SETTINGS_KEY, JSON.stringify(settings));
}
