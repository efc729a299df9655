/**
 * In-memory MailApp (https://developers.google.com/apps-script/reference/mail/mail-app).
 *
 * Faithful rules:
 * - the daily quota counts recipients, not messages: each address in to, cc and bcc uses one
 *   unit ("Email recipients per day: 100 / day (consumer), 1,500 / day (Google Workspace)",
 *   https://developers.google.com/apps-script/guides/services/quotas); a send that needs more
 *   units than remain throws "Service invoked too many times for one day: email." and sends
 *   nothing (the message Apps Script gives when a daily quota runs out);
 * - at most 50 recipients per message ("Email recipients per message: 50 / msg", same page);
 *   the message "Limit Exceeded: Email Recipients Per Message." is the one users report;
 * - an invalid address throws "Invalid email: <address>"; no recipient at all throws
 *   "Failed to send email: no recipient" (both as reported by users of Apps Script);
 * - a subject longer than 250 characters throws "Argument too large: subject". The limit and
 *   the message are not in Google's reference; they are what users report (e.g. Stack
 *   Overflow, "MailApp subject 250 characters"), so treat them as unverified;
 * - a message body over 200 KB ("Email body size: 200 KB / msg", same quotas page) throws
 *   "Limit Exceeded: Email Body Size." (the message users report). Google does not say whether
 *   the plain and the HTML body count together: the stricter choice counts both, in UTF-8
 *   bytes;
 * - at most 250 attachments ("Email attachments: 250 / msg", same page), message by analogy.
 *
 * Not modelled: the 25 MB attachments size (attachments are kept by reference), inline images,
 * "Name <address>" recipients (only plain addresses are accepted), the quota's reset 24 hours
 * after the first send (call MailState.resetDay()), and per-domain quotas.
 */
import type { CallCounter } from './calls';
import type { FakeClock } from './clock';

type MailAdvancedParameters = GoogleAppsScript.Mail.MailAdvancedParameters;

/** Daily recipients of a consumer (gmail.com) account. */
export const CONSUMER_DAILY_EMAIL_QUOTA = 100;
// A Google Workspace account has 1,500 recipients a day (same page); tests set it with dailyQuota.
const MAX_RECIPIENTS_PER_MESSAGE = 50;
const MAX_SUBJECT_LENGTH = 250;
const MAX_BODY_BYTES = 200 * 1024;
const MAX_ATTACHMENTS = 250;

export const MAIL_MESSAGES = {
  quota: 'Service invoked too many times for one day: email.',
  invalidEmail: (address: string) => `Invalid email: ${address}`,
  noRecipient: 'Failed to send email: no recipient',
  subjectTooLong: 'Argument too large: subject',
  tooManyRecipients: 'Limit Exceeded: Email Recipients Per Message.',
  // Not from Google's reference: the wording users report for a passing Gmail outage.
  unavailable: 'Service unavailable: Gmail',
  bodyTooLarge: 'Limit Exceeded: Email Body Size.',
  tooManyAttachments: 'Limit Exceeded: Email Attachments Per Message.',
};

/** One message MailApp sent, as the recipients would see it. */
export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** the plain-text body ("" when only htmlBody was given) */
  body: string;
  htmlBody: string | undefined;
  /** the sender's display name (options.name) */
  name: string | undefined;
  replyTo: string | undefined;
  noReply: boolean;
  /** the attachments as the script passed them (by reference) */
  attachments: unknown[];
  /** the sending (effective) user */
  from: string;
  /** when it was sent (the fake clock) */
  at: Date;
}

export interface MailStateOptions {
  /** recipients per user per day (default 100, a consumer account; 1500 for Workspace) */
  dailyQuota?: number;
  /** how long each send takes on the fake clock (default 0), to test time budgets */
  sendDelayMs?: number;
}

/**
 * The remaining daily quota (per user) and the outbox, shared by every runtime that stands for
 * an execution on the same day.
 */
export class MailState {
  readonly outbox: SentMail[] = [];
  dailyQuota: number;
  /** fake-clock time each send takes (see MailStateOptions.sendDelayMs) */
  sendDelayMs: number;
  private defaultRemaining: number;
  private readonly remainingByUser = new Map<string, number>();

  constructor(options: MailStateOptions = {}) {
    this.dailyQuota = checkCount(options.dailyQuota ?? CONSUMER_DAILY_EMAIL_QUOTA, 'dailyQuota');
    this.sendDelayMs = options.sendDelayMs ?? 0;
    this.defaultRemaining = this.dailyQuota;
  }

  /** What getRemainingDailyQuota returns for `userEmail`. */
  remaining(userEmail: string): number {
    return this.remainingByUser.get(userEmail) ?? this.defaultRemaining;
  }

  /**
   * Sets the quota left today: for one user, or (without `userEmail`) for every user, as if
   * they had already sent dailyQuota - n recipients.
   */
  setQuota(n: number, userEmail?: string): void {
    checkCount(n, 'setQuota');
    if (userEmail === undefined) {
      this.defaultRemaining = n;
      this.remainingByUser.clear();
    } else {
      this.remainingByUser.set(userEmail, n);
    }
  }

  /** A new day: every user gets the full daily quota again (the outbox is kept). */
  resetDay(): void {
    this.defaultRemaining = this.dailyQuota;
    this.remainingByUser.clear();
  }

  /** Uses `n` units of `userEmail`'s quota; false (and nothing used) if fewer remain. */
  consume(userEmail: string, n: number): boolean {
    const left = this.remaining(userEmail);
    if (n > left) return false;
    this.remainingByUser.set(userEmail, left - n);
    return true;
  }

  /** Sends that will fail next, as a passing outage does (see failNextSends). */
  pendingFailures: string[] = [];

  /** The next `count` sends throw `message` and send nothing (a transient outage). */
  failNextSends(count: number, message: string = MAIL_MESSAGES.unavailable): void {
    checkCount(count, 'failNextSends');
    for (let i = 0; i < count; i++) this.pendingFailures.push(message);
  }

  /** The messages sent to `address` (in to, cc or bcc). */
  sentTo(address: string): SentMail[] {
    const wanted = address.toLowerCase();
    return this.outbox.filter((m) =>
      [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === wanted),
    );
  }
}

function checkCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`MailState.${what}: expected a whole number >= 0, got ${n}`);
  }
  return n;
}

// Deliberately simple: one @, no spaces or separators, a dot in the domain.
const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()".]+$/;

/** Splits a comma-separated list of addresses, checking each one. */
function addresses(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  const out: string[] = [];
  for (const part of String(list).split(',')) {
    const address = part.trim();
    if (address === '') continue;
    if (!EMAIL.test(address)) throw new Error(MAIL_MESSAGES.invalidEmail(address));
    out.push(address);
  }
  return out;
}

export class FakeMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'sendEmail' | 'getRemainingDailyQuota'
> {
  constructor(
    readonly state: MailState,
    /** the effective user: the sender, whose quota is used */
    private readonly userEmail: string,
    private readonly clock: FakeClock,
    private readonly calls: CallCounter,
  ) {}

  /** The messages sent so far (shared with every runtime using the same MailState). */
  get outbox(): SentMail[] {
    return this.state.outbox;
  }

  getRemainingDailyQuota(): number {
    this.calls.record('MailApp.getRemainingDailyQuota');
    return this.state.remaining(this.userEmail);
  }

  /**
   * sendEmail(message), sendEmail(recipient, subject, body[, options]) or
   * sendEmail(to, replyTo, subject, body).
   */
  sendEmail(
    a: string | MailAdvancedParameters,
    b?: string,
    c?: string,
    d?: string | MailAdvancedParameters,
  ): void {
    this.calls.record('MailApp.sendEmail');
    const failure = this.state.pendingFailures.shift();
    if (failure !== undefined) throw new Error(failure);
    const message = normalise(a, b, c, d);
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    const count = to.length + cc.length + bcc.length;
    if (to.length === 0) throw new Error(MAIL_MESSAGES.noRecipient);
    addresses(message.replyTo);
    const subject = message.subject === undefined ? '' : String(message.subject);
    if (subject.length > MAX_SUBJECT_LENGTH) throw new Error(MAIL_MESSAGES.subjectTooLong);
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(MAIL_MESSAGES.tooManyRecipients);
    const bodyBytes = [message.body, message.htmlBody].reduce<number>(
      (total, part) => total + (part === undefined ? 0 : Buffer.byteLength(String(part), 'utf8')),
      0,
    );
    if (bodyBytes > MAX_BODY_BYTES) throw new Error(MAIL_MESSAGES.bodyTooLarge);
    const attachments = Array.isArray(message.attachments) ? message.attachments : [];
    if (attachments.length > MAX_ATTACHMENTS) throw new Error(MAIL_MESSAGES.tooManyAttachments);
    if (!this.state.consume(this.userEmail, count)) throw new Error(MAIL_MESSAGES.quota);
    this.state.outbox.push({
      to,
      cc,
      bcc,
      subject,
      body: message.body === undefined ? '' : String(message.body),
      htmlBody: message.htmlBody === undefined ? undefined : String(message.htmlBody),
      name: message.name === undefined ? undefined : String(message.name),
      replyTo: message.replyTo === undefined ? undefined : String(message.replyTo),
      noReply: message.noReply === true,
      attachments: [...attachments],
      from: this.userEmail,
      at: this.clock.now(),
    });
    if (this.state.sendDelayMs > 0) this.clock.advance(this.state.sendDelayMs);
  }
}

function normalise(
  a: string | MailAdvancedParameters,
  b?: string,
  c?: string,
  d?: string | MailAdvancedParameters,
): MailAdvancedParameters {
  if (typeof a === 'object' && a !== null) return a;
  // sendEmail(to, replyTo, subject, body)
  if (typeof d === 'string') return { to: a, replyTo: b, subject: c, body: d };
  return { ...(d ?? {}), to: a, subject: b, body: c };
}
