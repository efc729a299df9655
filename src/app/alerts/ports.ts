/**
 * What the alert use cases need from Apps Script besides the workbook: mail, the document
 * lock and the hourly trigger. src/gas/ implements them over the real services.
 */
import type { WorkbookPorts } from '../workbook/ports';

interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

export interface Mailer {
  remainingQuota(): number;
  send(mail: OutgoingMail): void;
}

/**
 * The chat webhook: Slack or Google Chat incoming webhooks, over UrlFetchApp. Reaching them
 * needs a permission the user grants only when they turn chat on (granular consent).
 */
export interface ChatPoster {
  /** Whether the user granted the permission to connect to external services. */
  permitted(): boolean;
  /**
   * Asks the user for that permission (from a menu): when it is missing, Google shows its
   * consent prompt and the execution ends there.
   */
  requestPermission(): void;
  /** POSTs a JSON body: the HTTP status and body, or throws when the service cannot be reached. */
  post(url: string, json: string): { readonly code: number; readonly text: string };
}

export interface Locker {
  tryLock(timeoutMs: number): boolean;
  release(): void;
}

export interface TriggerControl {
  /** How many time-driven triggers of this user run `handler`. */
  count(handler: string): number;
  /** Removes every trigger of `handler`, then installs one that runs it every hour. */
  installHourly(handler: string): void;
  /** Removes every trigger of `handler`; returns how many there were. */
  remove(handler: string): number;
}

export interface AlertPorts extends WorkbookPorts {
  readonly mail: Mailer;
  readonly chat: ChatPoster;
  readonly lock: Locker;
  readonly triggers: TriggerControl;
  /** The user running the script (for a trigger, the one who turned alerts on). */
  readonly userEmail: () => string;
  /**
   * Runs after a scheduled run has checked the book and written History (the weekly Dashboard
   * refresh hangs here). Its failure never fails the alert run.
   */
  readonly afterScheduledCheck?: () => void;
}
