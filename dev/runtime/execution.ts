/**
 * Execution contexts: how Apps Script started the function an execution runs, and what Google
 * then lets it do. Every fake records each service call ("Range.setValues", "MailApp.sendEmail")
 * on the runtime's CallCounter before doing anything; while a function runs in a restricted
 * context, the counter asks this module first, and a call Google would refuse throws Google's
 * error instead of running.
 *
 * The rules, from Google's pages:
 * - authorization modes, "Editor add-on authorization"
 *   (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): NONE
 *   (onOpen of an add-on installed but not used in this document) may only add menu items and
 *   use Logger and Utilities; LIMITED (onOpen at other times, onEdit) may read and write the
 *   spreadsheet, use Properties and "any services that don't access user data", add menu items,
 *   and "can't open sidebars or dialogs"; user data is "locale only" in both; FULL (menus,
 *   google.script.run, onInstall, installable triggers) may do everything.
 * - custom functions, "Custom Functions in Google Sheets"
 *   (https://developers.google.com/apps-script/guides/sheets/functions): only Cache, HTML,
 *   JDBC, Language, Lock, Maps, Properties, Spreadsheet ("read-only (can use most get*()
 *   methods, but not set*()). Cannot open other spreadsheets"), URL Fetch, Utilities and XML;
 *   any other service throws "You do not have permission to call X"; no user interface (the
 *   authorization table: "Access to user interface: No").
 * - a time-driven trigger runs in FULL but has no user interface: SpreadsheetApp.getUi()
 *   throws "Cannot call SpreadsheetApp.getUi() from this context." (the message Apps Script
 *   gives; Google's reference does not list it). Whether it has an active spreadsheet, a
 *   document lock and document properties is not documented for add-ons: they exist by
 *   default (as for a script bound to the spreadsheet) and a test can take them away
 *   (ExecutionOptions), as Google documents null for each when there is no document.
 *
 * Where the pages are silent the stricter choice is made: property writes are refused in a
 * custom function (the page names user properties only), onOpen without an event runs in
 * NONE, and a service not listed for a mode is refused in it.
 */
import type { CallCounter } from './calls';

export type ContextKind =
  'customFunction' | 'onOpen' | 'onEdit' | 'onInstall' | 'timeTrigger' | 'menu' | 'sidebar';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

/** How Apps Script runs a function (LocalRuntime.callAs). */
export interface ExecutionOptions {
  readonly context: ContextKind;
  /** onOpen: NONE (default, the strictest) or LIMITED (FULL for an installable open trigger);
   * onEdit: LIMITED (default) or NONE */
  readonly authMode?: AuthModeName;
  /** a time-driven trigger with no active spreadsheet: getActiveSpreadsheet() returns null */
  readonly activeSpreadsheet?: null;
  /** ... and no document: LockService.getDocumentLock() returns null */
  readonly documentLock?: null;
  /** ... PropertiesService.getDocumentProperties() returns null */
  readonly documentProperties?: null;
}

/** The authorization mode a context runs in, as ScriptApp.AuthMode names it. */
export type Mode = AuthModeName | 'CUSTOM_FUNCTION';

export const EXECUTION_MESSAGES = {
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
  /** Google's words for a service a mode does not allow ("X" the method, as Apps Script names it) */
  permission: (what: string) => `You do not have permission to call ${what}`,
  // Not Google's wording (undocumented): what is missing, in plain words.
  noActiveSpreadsheet:
    'There is no active spreadsheet in this execution (a time-driven trigger): open the spreadsheet by its id.',
};

/** What the services need to know of the running context. */
export interface ExecutionView {
  readonly mode: Mode;
  readonly activeSpreadsheet: boolean;
  readonly documentLock: boolean;
  readonly documentProperties: boolean;
  /** false where user data is "locale only": user emails read as "" */
  readonly userData: boolean;
}

/** Everything allowed: a menu item (also what a runtime is between calls). */
export const FULL_ACCESS: ExecutionView = {
  mode: 'FULL',
  activeSpreadsheet: true,
  documentLock: true,
  documentProperties: true,
  userData: true,
};

interface Resolved extends ExecutionView {
  readonly context: ContextKind;
  readonly ui: boolean;
}

function resolve(options: ExecutionOptions): Resolved {
  const documents = {
    activeSpreadsheet: options.activeSpreadsheet !== null,
    documentLock: options.documentLock !== null,
    documentProperties: options.documentProperties !== null,
  };
  const of = (mode: Mode, ui: boolean): Resolved => ({
    context: options.context,
    mode,
    ui,
    userData: mode === 'FULL',
    ...documents,
  });
  switch (options.context) {
    case 'customFunction':
      return of('CUSTOM_FUNCTION', false);
    case 'onOpen':
      return of(options.authMode ?? 'NONE', true);
    case 'onEdit':
      return of(options.authMode ?? 'LIMITED', true);
    case 'timeTrigger':
      return of('FULL', false);
    case 'onInstall':
    case 'menu':
    case 'sidebar':
      return of('FULL', true);
  }
}

/** The authorization mode a function started as `options` says runs in. */
export function modeOf(options: ExecutionOptions): Mode {
  return resolve(options).mode;
}

const SPREADSHEET = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
]);
/** Methods of the spreadsheet that change it ("set*()" and the like); flush and get* do not. */
const WRITES =
  /^(set|insert|delete|append|clear|hide|show|activate|toast|remove|update|sort|copy|move|merge|protect|auto)/;
const SPREADSHEET_CLASSES = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range']);
/** Services that do not touch user data, allowed in LIMITED and in custom functions. */
const NO_USER_DATA = new Set([
  'Properties',
  'PropertiesService',
  'LockService',
  'Lock',
  'HtmlService',
  'HtmlOutput',
  'HtmlTemplate',
  'Utilities',
  'Logger',
  'Session',
  'User',
  'AuthorizationInfo',
]);
/** ScriptApp methods that read nothing of the user (its triggers and token are the user's). */
const SCRIPT_APP_OPEN = new Set([
  'ScriptApp.getScriptId',
  'ScriptApp.getInstallationSource',
  'ScriptApp.getAuthorizationInfo',
]);
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createMenu', 'Ui.createAddonMenu']);

/** Throws Google's error if `name` ("Service.method") may not run in `context`. */
function check(context: Resolved, name: string): void {
  const dot = name.indexOf('.');
  const service = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (name === 'SpreadsheetApp.getUi' && !context.ui) throw new Error(EXECUTION_MESSAGES.noUi);
  switch (context.mode) {
    case 'FULL':
      return;
    case 'NONE':
      if (NONE_ALLOWED.has(name) || service === 'Menu' || service === 'Logger') return;
      if (service === 'Utilities' || name === 'Session.getActiveUserLocale') return;
      throw new Error(EXECUTION_MESSAGES.permission(name));
    case 'LIMITED':
      if (service === 'Ui') {
        if (NONE_ALLOWED.has(name)) return;
        throw new Error(EXECUTION_MESSAGES.permission(name));
      }
      if (service === 'Menu') return;
      if (SPREADSHEET.has(service)) return checkOtherSpreadsheets(name);
      return checkNoUserData(service, name);
    case 'CUSTOM_FUNCTION':
      if (SPREADSHEET.has(service)) {
        checkOtherSpreadsheets(name);
        // Apps Script names the bare method here ("You do not have permission to call setValue").
        if (SPREADSHEET_CLASSES.has(service) && WRITES.test(method)) {
          throw new Error(EXECUTION_MESSAGES.permission(method));
        }
        return;
      }
      if (service === 'Properties' && /^(set|delete)/.test(method)) {
        throw new Error(EXECUTION_MESSAGES.permission(name));
      }
      return checkNoUserData(service, name);
  }
}

function checkOtherSpreadsheets(name: string): void {
  if (name === 'SpreadsheetApp.openById' || name === 'SpreadsheetApp.openByUrl') {
    throw new Error(EXECUTION_MESSAGES.permission(name));
  }
}

function checkNoUserData(service: string, name: string): void {
  if (NO_USER_DATA.has(service) || SCRIPT_APP_OPEN.has(name)) return;
  throw new Error(EXECUTION_MESSAGES.permission(name));
}

/**
 * The context of one runtime's execution: FULL access between calls, the context of the
 * function while LocalRuntime.call / callAs runs it.
 */
export class Execution implements ExecutionView {
  private current: Resolved = resolve({ context: 'menu' });

  constructor(private readonly calls: CallCounter) {}

  get context(): ContextKind {
    return this.current.context;
  }

  get mode(): Mode {
    return this.current.mode;
  }

  get activeSpreadsheet(): boolean {
    return this.current.activeSpreadsheet;
  }

  get documentLock(): boolean {
    return this.current.documentLock;
  }

  get documentProperties(): boolean {
    return this.current.documentProperties;
  }

  get userData(): boolean {
    return this.current.userData;
  }

  /** Runs `fn` in the context `options` describes, then returns to the previous one. */
  run<T>(options: ExecutionOptions, fn: () => T): T {
    const previous = this.current;
    this.enter(resolve(options));
    try {
      return fn();
    } finally {
      this.enter(previous);
    }
  }

  private enter(context: Resolved): void {
    this.current = context;
    // Nothing to check in FULL with a user interface: no cost on the hot paths.
    const free = context.mode === 'FULL' && context.ui;
    this.calls.guard = free ? undefined : (name) => check(context, name);
  }
}

/** The authorization mode of an event object's authMode ("LIMITED", ScriptApp.AuthMode.FULL). */
export function authModeOf(event: unknown): AuthModeName | undefined {
  if (typeof event !== 'object' || event === null || !('authMode' in event)) return undefined;
  const mode = String((event as { authMode: unknown }).authMode);
  return mode === 'NONE' || mode === 'LIMITED' || mode === 'FULL' ? mode : undefined;
}
