/** What every step of one alert run shares. */
import type { DayNumber } from '../../core/dates';
import type { Settings } from '../workbook/settings';
import type { AlertPorts } from './ports';

export interface RunContext {
  readonly ports: AlertPorts;
  readonly settings: Settings;
  /** When the run started (ms), for the time budget. */
  readonly started: number;
  readonly now: Date;
  readonly today: DayNumber;
  /** Who gets the rows without a valid CSM email, and the error reports. */
  readonly owner: string;
}

/** Stay well inside Apps Script's 6-minute limit; what is left goes out on the next run. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;

/** The escalation address gets its own digest (the accounts to act on today), unless it is the owner. */
export function isEscalation(context: RunContext, to: string): boolean {
  return to === context.settings.escalation.toLowerCase() && to !== context.owner.toLowerCase();
}
