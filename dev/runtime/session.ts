import type { CallCounter } from './calls';
import { type ExecutionView, FULL_ACCESS } from './execution';

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

/**
 * Session. Where the running context gives a script no user data (custom functions, simple
 * triggers: "Access to user data: Locale only", editor-auth-lifecycle), user emails read as ""
 * (Session.getActiveUser: "If security policies do not allow access to the user's identity,
 * User.getEmail() returns a blank string").
 */
export class FakeSession implements GoogleAppsScript.Base.Session {
  constructor(
    readonly options: SessionOptions,
    private readonly calls: CallCounter,
    private readonly execution: ExecutionView = FULL_ACCESS,
  ) {}

  private user(email: string): FakeUser {
    return new FakeUser(this.execution.userData ? email : '', this.calls);
  }

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
    return this.user(this.options.activeUserEmail);
  }

  getActiveUser(): FakeUser {
    this.calls.record('Session.getActiveUser');
    return this.user(this.options.activeUserEmail);
  }

  getEffectiveUser(): FakeUser {
    this.calls.record('Session.getEffectiveUser');
    return this.user(this.options.effectiveUserEmail);
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
