/**
 * In-memory ScriptApp (https://developers.google.com/apps-script/reference/script/script-app):
 * installable triggers (time-driven and spreadsheet), the Script enums, authorization info.
 *
 * Triggers live in a TriggerState shared by the runtimes that stand for executions of the same
 * script, owned per user (installable triggers run as the user who created them). Limits:
 * - "Triggers: 20 / user / script" (https://developers.google.com/apps-script/guides/services/quotas),
 *   always enforced, with the message Apps Script gives;
 * - editor add-ons: "Each add-on can only have one trigger of each type, per user, per
 *   document" and "Time-driven triggers cannot run more frequently than once per hour"
 *   (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, "Installable
 *   triggers in add-ons"): opt in with `new TriggerState({ addonLimits: true })`. Only the
 *   time-based message is Google's; the other messages are by analogy (unverified).
 *
 * getUserTriggers(spreadsheet) returns the user's triggers that belong to that spreadsheet:
 * its spreadsheet triggers, and the time-driven triggers created by an execution running in it
 * (how an add-on's triggers behave). getTriggerSourceId is null for a time-driven trigger, as
 * documented. Builders check their arguments; where Google's wording is unknown the messages
 * say so in plain words (see TRIGGER_MESSAGES).
 *
 * Granular consent ("Authorization scopes", https://developers.google.com/apps-script/concepts/scopes,
 * and ScriptApp's reference): a user may grant some of the manifest's scopes and not others.
 * A test declines a scope with TriggerState.declineScope. Then:
 * - getAuthorizationInfo(FULL, scopes) reports REQUIRED when one of `scopes` is not granted;
 *   without `scopes`, when any of the script's scopes is not; getAuthorizedScopes lists the
 *   granted ones among those asked about;
 * - requireScopes(FULL, scopes) returns when all are granted; otherwise it "ends the current
 *   execution and renders an authorization prompt": the prompt is recorded
 *   (TriggerState.consentPrompts), the user's answer is TriggerState.consentAnswer (decline by
 *   default, the stricter choice), and the call throws (name "ExecutionEnded") so nothing after
 *   it runs;
 * - a scope the manifest does not list is refused by both ("Scopes that are invalid or not
 *   required by the script lead to an error"; the message is the runtime's);
 * - UrlFetchApp.fetch without the external_request scope granted throws Apps Script's "You do
 *   not have permission to call UrlFetchApp.fetch. Required permissions: ..." (url-fetch.ts).
 */
import type { CallCounter } from './calls';
import type { FakeClock } from './clock';
import { FakeSpreadsheet } from './spreadsheet';
import type { Fluent } from './types';

type GasScriptApp = GoogleAppsScript.Script.ScriptApp;
type GasTrigger = GoogleAppsScript.Script.Trigger;
type GasClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GasSpreadsheetBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
type GasTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;

/** Enum values: Google's are opaque objects whose text is their name; names compare alike. */
const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as unknown as typeof GoogleAppsScript.Script.AuthMode;

const AuthorizationStatus = {
  REQUIRED: 'REQUIRED',
  NOT_REQUIRED: 'NOT_REQUIRED',
} as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;

const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as unknown as typeof GoogleAppsScript.Script.EventType;

const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as unknown as typeof GoogleAppsScript.Script.TriggerSource;

const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as unknown as typeof GoogleAppsScript.Script.InstallationSource;

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';

const MAX_TRIGGERS_PER_USER = 20;
const DEFAULT_SCRIPT_ID = '1CsEngineFakeScriptId0000000000000000000000000000000000';
const FAKE_OAUTH_TOKEN = 'ya29.fake-oauth-token';
const FAKE_AUTHORIZATION_URL = 'https://script.google.com/macros/d/fake-script-id/authorize';

const ADDON_TYPE_WORDS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form-submit',
};

export const TRIGGER_MESSAGES = {
  /** Apps Script's message for the 20-triggers limit */
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  /** Google's for CLOCK; by analogy for the other types (unverified) */
  addonTooMany: (type: TriggerEventType) =>
    `This add-on has created too many ${ADDON_TYPE_WORDS[type]} triggers in this document for this Google user account`,
  // The messages below are not Google's wording (unknown); they say what is wrong.
  addonTooFrequent:
    'Add-ons cannot create time-based triggers that run more often than once per hour.',
  everyHours: (n: unknown) =>
    `Invalid argument: everyHours(${String(n)}); the number of hours must be 1, 2, 4, 6, 8 or 12.`,
  everyMinutes: (n: unknown) =>
    `Invalid argument: everyMinutes(${String(n)}); the number of minutes must be 1, 5, 10, 15 or 30.`,
  positive: (method: string, n: unknown) =>
    `Invalid argument: ${method}(${String(n)}); expected a whole number of at least 1.`,
  range: (method: string, n: unknown, lo: number, hi: number) =>
    `Invalid argument: ${method}(${String(n)}); expected a whole number from ${lo} to ${hi}.`,
  after: (n: unknown) =>
    `Invalid argument: after(${String(n)}); expected a number of milliseconds >= 0.`,
  at: 'Invalid argument: at(date) expects a Date.',
  timezone: (tz: unknown) => `Invalid argument: inTimezone(${String(tz)}); unknown time zone.`,
  noSchedule:
    'The time-based trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, after or at before create().',
  noEvent:
    'The spreadsheet trigger has no event: call onOpen, onEdit, onChange or onFormSubmit before create().',
  notATrigger:
    "The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.",
  notASpreadsheet: (method: string) =>
    `The parameters don't match the method signature for ${method}: expected a Spreadsheet.`,
};

/** When a time-driven trigger runs (what the ClockTriggerBuilder was told). */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  /** after(ms): runs once, at least this long after creation */
  after?: number;
  /** at(date): runs once, at this time */
  at?: Date;
  timezone?: string;
}

/** An installed trigger, as stored in a TriggerState. */
export interface InstalledTrigger {
  readonly uniqueId: string;
  readonly handlerFunction: string;
  readonly eventType: TriggerEventType;
  readonly triggerSource: 'CLOCK' | 'SPREADSHEETS';
  /** the spreadsheet's id for a spreadsheet trigger, null for a time-driven one */
  readonly triggerSourceId: string | null;
  /** the owner: the trigger runs as this user */
  readonly userEmail: string;
  /** the document it belongs to (the spreadsheet, or where the creating execution ran) */
  readonly documentId: string;
  readonly schedule: ClockSchedule | undefined;
  readonly createdAt: Date;
}

/** Apps Script's time-driven event object (guides/triggers/events#time-driven-events). */
export interface TimeDrivenEvent {
  authMode: GoogleAppsScript.Script.AuthMode;
  triggerUid: string;
  year: number;
  /** 1-12 */
  month: number;
  'day-of-month': number;
  /** 1 (Monday) to 7 (Sunday) */
  'day-of-week': number;
  'week-of-year': number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

/** What TriggerState.fire needs of a runtime (a LocalRuntime fits). */
export interface TriggerRunner {
  callAs(how: { context: 'timeTrigger' }, name: string, ...args: unknown[]): unknown;
  clock: FakeClock;
}

export interface TriggerStateOptions {
  /** enforce the editor add-on limits (one trigger of each type per user per document, time
   * triggers at most hourly); default false, as for a plain script */
  addonLimits?: boolean;
  /** triggers per user per script (default 20) */
  maxTriggersPerUser?: number;
}

/** The installed triggers of one script, shared by the runtimes standing for its executions. */
export class TriggerState {
  readonly installed: InstalledTrigger[] = [];
  readonly addonLimits: boolean;
  /**
   * Set by a test: the user has not approved the script's current scopes (an update added
   * one). ScriptApp.getAuthorizationInfo(FULL) then reports REQUIRED, with a URL to approve.
   */
  authorizationRequired = false;
  /** Scopes the user declined on the granular consent screen (see declineScope). */
  readonly declinedScopes = new Set<string>();
  /** Every consent prompt requireScopes rendered: the scopes it asked for. */
  readonly consentPrompts: string[][] = [];
  /** What the user answers at a consent prompt: grant the scopes, or close it (default). */
  consentAnswer: 'grant' | 'decline' = 'decline';
  readonly maxTriggersPerUser: number;
  private nextId = 1;

  constructor(options: TriggerStateOptions = {}) {
    this.addonLimits = options.addonLimits === true;
    this.maxTriggersPerUser = options.maxTriggersPerUser ?? MAX_TRIGGERS_PER_USER;
  }

  /** The user declined `scope` on Google's consent screen (granular consent). */
  declineScope(scope: string): void {
    this.declinedScopes.add(scope);
  }

  /** The user granted `scope` (at a prompt, or in their account's settings). */
  grantScope(scope: string): void {
    this.declinedScopes.delete(scope);
  }

  /** Whether `scope` is granted: not declined, and no re-approval pending. */
  isGranted(scope: string): boolean {
    return !this.authorizationRequired && !this.declinedScopes.has(scope);
  }

  /** The triggers `userEmail` owns, oldest first. */
  forUser(userEmail: string): InstalledTrigger[] {
    return this.installed.filter((t) => t.userEmail === userEmail);
  }

  /** The time-driven triggers running `handlerFunction` (of one user, if given). */
  clockTriggers(handlerFunction?: string, userEmail?: string): InstalledTrigger[] {
    return this.installed.filter(
      (t) =>
        t.eventType === 'CLOCK' &&
        (handlerFunction === undefined || t.handlerFunction === handlerFunction) &&
        (userEmail === undefined || t.userEmail === userEmail),
    );
  }

  find(uniqueId: string): InstalledTrigger | undefined {
    return this.installed.find((t) => t.uniqueId === uniqueId);
  }

  /** Installs a trigger after checking the limits (a refused trigger changes nothing). */
  install(spec: Omit<InstalledTrigger, 'uniqueId'>): InstalledTrigger {
    const mine = this.forUser(spec.userEmail);
    if (this.addonLimits) {
      const sameType = mine.some(
        (t) => t.documentId === spec.documentId && t.eventType === spec.eventType,
      );
      if (sameType) throw new Error(TRIGGER_MESSAGES.addonTooMany(spec.eventType));
      if (spec.schedule?.everyMinutes !== undefined) {
        throw new Error(TRIGGER_MESSAGES.addonTooFrequent);
      }
    }
    if (mine.length >= this.maxTriggersPerUser) throw new Error(TRIGGER_MESSAGES.tooMany);
    // Numeric text, like Google's ids (e.g. "4034124084959907503").
    const uniqueId = `40341240${String(this.nextId).padStart(11, '0')}`;
    this.nextId += 1;
    const trigger: InstalledTrigger = { ...spec, uniqueId };
    this.installed.push(trigger);
    return trigger;
  }

  /** Removes a trigger; false if it was not installed. */
  remove(uniqueId: string): boolean {
    const at = this.installed.findIndex((t) => t.uniqueId === uniqueId);
    if (at < 0) return false;
    this.installed.splice(at, 1);
    return true;
  }

  /** The event object Apps Script hands a time-driven trigger firing at `now` (in UTC). */
  timeDrivenEvent(trigger: InstalledTrigger, now: Date): TimeDrivenEvent {
    return {
      authMode: AuthMode.FULL,
      triggerUid: trigger.uniqueId,
      year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1,
      'day-of-month': now.getUTCDate(),
      'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
      'week-of-year': isoWeek(now),
      hour: now.getUTCHours(),
      minute: now.getUTCMinutes(),
      second: now.getUTCSeconds(),
      timezone: 'UTC',
    };
  }

  /**
   * Runs a time-driven trigger in `runtime` (a new runtime stands for a new execution): calls
   * its handler with the event object at the runtime's fake time, in the time-driven
   * trigger's execution context (no user interface). A one-off trigger (after /
   * at) stays installed after firing, as in Apps Script, until the script deletes it.
   */
  fire(trigger: InstalledTrigger, runtime: TriggerRunner): unknown {
    if (trigger.eventType !== 'CLOCK') {
      throw new Error(
        `TriggerState.fire: only time-driven triggers (this one is ${trigger.eventType})`,
      );
    }
    if (!this.find(trigger.uniqueId)) {
      throw new Error(`TriggerState.fire: trigger ${trigger.uniqueId} is not installed`);
    }
    const event = this.timeDrivenEvent(trigger, runtime.clock.now());
    return runtime.callAs({ context: 'timeTrigger' }, trigger.handlerFunction, event);
  }
}

/** ISO-8601 week number (1-53) of a UTC date. */
function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** What one execution's ScriptApp works with. */
export interface ScriptAppContext {
  state: TriggerState;
  /** the user the execution runs as (who owns the triggers it creates) */
  userEmail: string;
  /** the active document's id */
  documentId: string;
  clock: FakeClock;
  calls: CallCounter;
  scriptId?: string;
  /** the manifest's oauthScopes (undefined when it lists none: every scope is the script's) */
  manifestScopes?: readonly string[];
}

/** The error requireScopes ends an execution with when consent is missing. */
function executionEndedForConsent(scopes: readonly string[]): Error {
  // Apps Script's words when a script needs authorization (as users report them).
  const error = new Error(
    `Authorization is required to perform that action. (The user was asked for: ${scopes.join(', ')})`,
  );
  error.name = 'ExecutionEnded';
  return error;
}

type TriggerKeys =
  'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId';

/** A Trigger: a view of an InstalledTrigger. */
export class FakeTrigger implements Pick<GasTrigger, TriggerKeys> {
  constructor(
    readonly installed: InstalledTrigger,
    private readonly calls: CallCounter,
  ) {}

  getUniqueId(): string {
    this.calls.record('Trigger.getUniqueId');
    return this.installed.uniqueId;
  }

  getHandlerFunction(): string {
    this.calls.record('Trigger.getHandlerFunction');
    return this.installed.handlerFunction;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    this.calls.record('Trigger.getEventType');
    return EventType[this.installed.eventType];
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.calls.record('Trigger.getTriggerSource');
    return TriggerSource[this.installed.triggerSource];
  }

  /** The spreadsheet's id; null for a time-driven trigger (as documented). */
  getTriggerSourceId(): string {
    this.calls.record('Trigger.getTriggerSourceId');
    return this.installed.triggerSourceId as string;
  }
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

type ClockKeys =
  | 'after'
  | 'at'
  | 'atHour'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute';

export class FakeClockTriggerBuilder
  implements
    Fluent<GasClockBuilder, ClockKeys, FakeClockTriggerBuilder>,
    Fluent<GasClockBuilder, 'create', FakeTrigger>
{
  readonly schedule: ClockSchedule = {};

  constructor(
    private readonly handlerFunction: string,
    private readonly context: ScriptAppContext,
  ) {}

  private record(method: string): void {
    this.context.calls.record(`ClockTriggerBuilder.${method}`);
  }

  after(durationMilliseconds: number): FakeClockTriggerBuilder {
    this.record('after');
    const ms = durationMilliseconds;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new Error(TRIGGER_MESSAGES.after(ms));
    }
    this.schedule.after = ms;
    return this;
  }

  at(date: GoogleAppsScript.Base.Date): FakeClockTriggerBuilder {
    this.record('at');
    const time = Object.prototype.toString.call(date) === '[object Date]' ? +date : NaN;
    if (Number.isNaN(time)) throw new Error(TRIGGER_MESSAGES.at);
    this.schedule.at = new Date(time);
    return this;
  }

  atHour(hour: number): FakeClockTriggerBuilder {
    this.record('atHour');
    if (!isWholeNumber(hour) || hour < 0 || hour > 23) {
      throw new Error(TRIGGER_MESSAGES.range('atHour', hour, 0, 23));
    }
    this.schedule.atHour = hour;
    return this;
  }

  nearMinute(minute: number): FakeClockTriggerBuilder {
    this.record('nearMinute');
    if (!isWholeNumber(minute) || minute < 0 || minute > 59) {
      throw new Error(TRIGGER_MESSAGES.range('nearMinute', minute, 0, 59));
    }
    this.schedule.nearMinute = minute;
    return this;
  }

  everyMinutes(n: number): FakeClockTriggerBuilder {
    this.record('everyMinutes');
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error(TRIGGER_MESSAGES.everyMinutes(n));
    this.schedule.everyMinutes = n;
    return this;
  }

  everyHours(n: number): FakeClockTriggerBuilder {
    this.record('everyHours');
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error(TRIGGER_MESSAGES.everyHours(n));
    this.schedule.everyHours = n;
    return this;
  }

  everyDays(n: number): FakeClockTriggerBuilder {
    this.record('everyDays');
    if (!isWholeNumber(n) || n < 1) throw new Error(TRIGGER_MESSAGES.positive('everyDays', n));
    this.schedule.everyDays = n;
    return this;
  }

  everyWeeks(n: number): FakeClockTriggerBuilder {
    this.record('everyWeeks');
    if (!isWholeNumber(n) || n < 1) throw new Error(TRIGGER_MESSAGES.positive('everyWeeks', n));
    this.schedule.everyWeeks = n;
    return this;
  }

  inTimezone(timezone: string): FakeClockTriggerBuilder {
    this.record('inTimezone');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: String(timezone) });
    } catch {
      throw new Error(TRIGGER_MESSAGES.timezone(timezone));
    }
    this.schedule.timezone = String(timezone);
    return this;
  }

  create(): FakeTrigger {
    this.record('create');
    const s = this.schedule;
    const recurring = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks];
    if (recurring.every((v) => v === undefined) && s.after === undefined && s.at === undefined) {
      throw new Error(TRIGGER_MESSAGES.noSchedule);
    }
    const { state, userEmail, documentId, clock, calls } = this.context;
    const installed = state.install({
      handlerFunction: this.handlerFunction,
      eventType: 'CLOCK',
      triggerSource: 'CLOCK',
      triggerSourceId: null,
      userEmail,
      documentId,
      schedule: { ...s },
      createdAt: clock.now(),
    });
    return new FakeTrigger(installed, calls);
  }
}

type SpreadsheetBuilderKeys = 'onOpen' | 'onEdit' | 'onChange' | 'onFormSubmit';

export class FakeSpreadsheetTriggerBuilder
  implements
    Fluent<GasSpreadsheetBuilder, SpreadsheetBuilderKeys, FakeSpreadsheetTriggerBuilder>,
    Fluent<GasSpreadsheetBuilder, 'create', FakeTrigger>
{
  private eventType: TriggerEventType | undefined;

  constructor(
    private readonly handlerFunction: string,
    private readonly spreadsheetId: string,
    private readonly context: ScriptAppContext,
  ) {}

  private choose(method: string, type: TriggerEventType): FakeSpreadsheetTriggerBuilder {
    this.context.calls.record(`SpreadsheetTriggerBuilder.${method}`);
    this.eventType = type;
    return this;
  }

  onOpen(): FakeSpreadsheetTriggerBuilder {
    return this.choose('onOpen', 'ON_OPEN');
  }

  onEdit(): FakeSpreadsheetTriggerBuilder {
    return this.choose('onEdit', 'ON_EDIT');
  }

  onChange(): FakeSpreadsheetTriggerBuilder {
    return this.choose('onChange', 'ON_CHANGE');
  }

  onFormSubmit(): FakeSpreadsheetTriggerBuilder {
    return this.choose('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  create(): FakeTrigger {
    this.context.calls.record('SpreadsheetTriggerBuilder.create');
    if (this.eventType === undefined) throw new Error(TRIGGER_MESSAGES.noEvent);
    const { state, userEmail, clock, calls } = this.context;
    const installed = state.install({
      handlerFunction: this.handlerFunction,
      eventType: this.eventType,
      triggerSource: 'SPREADSHEETS',
      triggerSourceId: this.spreadsheetId,
      userEmail,
      documentId: this.spreadsheetId,
      schedule: undefined,
      createdAt: clock.now(),
    });
    return new FakeTrigger(installed, calls);
  }
}

/** The id of a spreadsheet handed to ScriptApp (a fake spreadsheet, or its id for forSpreadsheet). */
function spreadsheetId(sheet: unknown, method: string, keyAllowed: boolean): string {
  if (sheet instanceof FakeSpreadsheet) return sheet.model.id;
  if (keyAllowed && typeof sheet === 'string' && sheet !== '') return sheet;
  throw new Error(TRIGGER_MESSAGES.notASpreadsheet(method));
}

/** TriggerBuilder: time-based and spreadsheet triggers (documents, forms, calendars are not faked). */
export class FakeTriggerBuilder
  implements
    Fluent<GasTriggerBuilder, 'timeBased', FakeClockTriggerBuilder>,
    Fluent<GasTriggerBuilder, 'forSpreadsheet', FakeSpreadsheetTriggerBuilder>
{
  constructor(
    readonly handlerFunction: string,
    private readonly context: ScriptAppContext,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    this.context.calls.record('TriggerBuilder.timeBased');
    return new FakeClockTriggerBuilder(this.handlerFunction, this.context);
  }

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): FakeSpreadsheetTriggerBuilder {
    this.context.calls.record('TriggerBuilder.forSpreadsheet');
    const id = spreadsheetId(sheet, 'TriggerBuilder.forSpreadsheet', true);
    return new FakeSpreadsheetTriggerBuilder(this.handlerFunction, id, this.context);
  }
}

/**
 * AuthorizationInfo about some scopes: every one approved, unless the test says the user must
 * approve again or declined one of them.
 */
export class FakeAuthorizationInfo implements Pick<
  GoogleAppsScript.Script.AuthorizationInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl'
> {
  private readonly required: boolean;

  constructor(
    private readonly calls: CallCounter,
    required = false,
    private readonly authorized: readonly string[] | null = null,
  ) {
    this.required = required;
  }

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    this.calls.record('AuthorizationInfo.getAuthorizationStatus');
    return this.required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }

  /** The granted scopes among those asked about (all of the script's when none were named). */
  getAuthorizedScopes(): string[] | null {
    this.calls.record('AuthorizationInfo.getAuthorizedScopes');
    return this.authorized ? [...this.authorized] : null;
  }

  /** The page where the user approves the scopes; null when nothing needs approving. */
  getAuthorizationUrl(): string {
    this.calls.record('AuthorizationInfo.getAuthorizationUrl');
    return (this.required ? FAKE_AUTHORIZATION_URL : null) as unknown as string;
  }
}

type ScriptAppEnumKeys =
  'AuthMode' | 'AuthorizationStatus' | 'EventType' | 'TriggerSource' | 'InstallationSource';

type ScriptAppPlainKeys = 'getOAuthToken' | 'getScriptId' | 'getInstallationSource';

export class FakeScriptApp
  implements
    Pick<GasScriptApp, ScriptAppEnumKeys | ScriptAppPlainKeys>,
    Fluent<GasScriptApp, 'newTrigger', FakeTriggerBuilder>,
    Fluent<GasScriptApp, 'getProjectTriggers' | 'getUserTriggers', FakeTrigger[]>,
    Fluent<GasScriptApp, 'deleteTrigger', void>,
    Pick<GasScriptApp, 'requireScopes'>
{
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly InstallationSource = InstallationSource;

  constructor(private readonly context: ScriptAppContext) {}

  /** The shared trigger state. */
  get state(): TriggerState {
    return this.context.state;
  }

  private record(method: string): void {
    this.context.calls.record(`ScriptApp.${method}`);
  }

  private view(trigger: InstalledTrigger): FakeTrigger {
    return new FakeTrigger(trigger, this.context.calls);
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.record('newTrigger');
    return new FakeTriggerBuilder(String(functionName), this.context);
  }

  /** Every trigger of this script the current user owns. */
  getProjectTriggers(): FakeTrigger[] {
    this.record('getProjectTriggers');
    return this.context.state.forUser(this.context.userEmail).map((t) => this.view(t));
  }

  /** The current user's triggers that belong to `spreadsheet` (see the module comment). */
  getUserTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): FakeTrigger[] {
    this.record('getUserTriggers');
    const id = spreadsheetId(spreadsheet, 'ScriptApp.getUserTriggers', false);
    return this.context.state
      .forUser(this.context.userEmail)
      .filter((t) => t.documentId === id)
      .map((t) => this.view(t));
  }

  /** Deletes one of the current user's triggers (a trigger already deleted is ignored). */
  deleteTrigger(trigger: GasTrigger): void {
    this.record('deleteTrigger');
    if (!(trigger instanceof FakeTrigger)) throw new Error(TRIGGER_MESSAGES.notATrigger);
    if (trigger.installed.userEmail === this.context.userEmail) {
      this.context.state.remove(trigger.installed.uniqueId);
    }
  }

  getScriptId(): string {
    this.record('getScriptId');
    return this.context.scriptId ?? DEFAULT_SCRIPT_ID;
  }

  getOAuthToken(): string {
    this.record('getOAuthToken');
    return FAKE_OAUTH_TOKEN;
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    this.record('getInstallationSource');
    return InstallationSource.NONE;
  }

  /**
   * NOT_REQUIRED unless the test set TriggerState.authorizationRequired, or the user declined
   * one of `scopes` (of the script's scopes, when none are named).
   */
  getAuthorizationInfo(
    _authMode: GoogleAppsScript.Script.AuthMode,
    scopes?: readonly string[],
  ): FakeAuthorizationInfo {
    this.record('getAuthorizationInfo');
    const { state } = this.context;
    const asked = scopes === undefined ? this.context.manifestScopes : this.checkScopes(scopes);
    if (asked === undefined) {
      const required = state.authorizationRequired || state.declinedScopes.size > 0;
      return new FakeAuthorizationInfo(this.context.calls, required);
    }
    const granted = asked.filter((scope) => state.isGranted(scope));
    return new FakeAuthorizationInfo(this.context.calls, granted.length < asked.length, granted);
  }

  /**
   * Returns when the user granted every one of `scopes`; otherwise shows Google's consent
   * prompt for the missing ones and ends the execution (see the module comment).
   */
  requireScopes(_authMode: GoogleAppsScript.Script.AuthMode, scopes: readonly string[]): void {
    this.record('requireScopes');
    const { state } = this.context;
    const missing = this.checkScopes(scopes).filter((scope) => !state.isGranted(scope));
    if (missing.length === 0) return;
    state.consentPrompts.push(missing);
    if (state.consentAnswer === 'grant') {
      for (const scope of missing) state.grantScope(scope);
    }
    throw executionEndedForConsent(missing);
  }

  /** The scopes asked about, each one the manifest lists (when it lists any). */
  private checkScopes(scopes: readonly string[]): readonly string[] {
    const listed = this.context.manifestScopes;
    const list = [...scopes].map(String);
    const unknown = listed === undefined ? [] : list.filter((scope) => !listed.includes(scope));
    if (list.length === 0 || unknown.length > 0) {
      // Google: "Scopes that are invalid or not required by the script lead to an error";
      // the wording here is the runtime's.
      throw new Error(
        `Invalid argument: oAuthScopes (${unknown.length > 0 ? `not among the script's scopes: ${unknown.join(', ')}` : 'no scope given'})`,
      );
    }
    return list;
  }
}
