import type { CallCounter } from './calls';

export class FakeUser implements GoogleAppsScript.Base.User {
  constructor(
    private readonly email: string,
    private readonly calls: CallCounter,
  ) {}

  getEmail(): string {
    this.calls.record('User.getEmail');
    return this.email;
  }

  /** Deprecated by Google; the email here. */
  getUserLoginId(): string {
    this.calls.record('User.getUserLoginId');
    return this.email;
  }
}

export interface SessionOptions {
  timeZone: string;
  /** "" when Google would not reveal it (e.g. simple triggers, custom functions) */
  activeUserEmail: string;
  effectiveUserEmail: string;
  locale?: string;
}

export class FakeSession implements GoogleAppsScript.Base.Session {
  constructor(
    readonly options: SessionOptions,
    private readonly calls: CallCounter,
  ) {}

  getScriptTimeZone(): string {
    this.calls.record('Session.getScriptTimeZone');
    return this.options.timeZone;
  }

  /** Deprecated by Google; same as getScriptTimeZone. */
  getTimeZone(): string {
    this.calls.record('Session.getTimeZone');
    return this.options.timeZone;
  }

  /** Deprecated by Google; same as getActiveUser. */
  getUser(): FakeUser {
    this.calls.record('Session.getUser');
    return new FakeUser(this.options.activeUserEmail, this.calls);
  }

  getActiveUser(): FakeUser {
    this.calls.record('Session.getActiveUser');
    return new FakeUser(this.options.activeUserEmail, this.calls);
  }

  getEffectiveUser(): FakeUser {
    this.calls.record('Session.getEffectiveUser');
    return new FakeUser(this.options.effectiveUserEmail, this.calls);
  }

  getActiveUserLocale(): string {
    this.calls.record('Session.getActiveUserLocale');
    return this.options.locale ?? 'en';
  }

  /** Stable per user, opaque, like Google's (which is unique per user and script). */
  getTemporaryActiveUserKey(): string {
    this.calls.record('Session.getTemporaryActiveUserKey');
    let hash = 0x811c9dc5;
    for (const ch of this.options.activeUserEmail || 'anonymous') {
      hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
    }
    return `temp-user-key-${hash.toString(16).padStart(8, '0')}`;
  }
}
