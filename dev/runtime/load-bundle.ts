/**
 * Runs the built add-on (dist/Code.js) in node:vm against the in-memory Apps Script services,
 * the way Apps Script runs a project: one global scope holding the services, where the
 * bundle's top-level `function X() {}` declarations become globals and `this` at top level is
 * the global object (esbuild-gas-plugin's bundle starts with `var global = this;`).
 *
 * Cross-realm values: the bundle runs in its own JavaScript realm, so a Date or an array made
 * in Node is not `instanceof Date` / `instanceof Array` there. `call` copies arguments into the
 * bundle's realm (as Sheets hands a custom function native values) and copies results back,
 * and Range.getValues returns values of the bundle's realm; but objects passed by reference
 * (event objects, services) keep their own realm. Product code should still not rely on
 * `instanceof Date`: test for dates with Object.prototype.toString.call(x) === '[object Date]'
 * (or a typeof/getTime check), which works in every realm.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { CallCounter } from './calls';
import { DocumentState, FakeDocsService } from './docs';
import { FakeHtmlService } from './html';
import { FakeMailApp, MailState } from './mail';
import { FakeUrlFetchApp, UrlFetchState } from './url-fetch';
import { FakeScriptApp, TriggerState } from './script-app';
import { FakeClock, installFakeDate } from './clock';
import { authModeOf, Execution, type ExecutionOptions, modeOf } from './execution';
import { FakeLockService, LockState } from './lock';
import { createConsole, FakeLogger, LogCapture, type LogEntry } from './logger';
import { FakePropertiesService, PropertiesState } from './properties';
import { copierForContext, copyToHost } from './realm';
import { transportArguments, transportResult } from './script-run-transport';
import { FakeSession } from './session';
import { createSpreadsheet, FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { FakeUi } from './ui';
import { FakeUtilities } from './utilities';

export { createSpreadsheet, FakeSpreadsheet } from './spreadsheet';
/** dist/Code.js of this repository. */
const DEFAULT_BUNDLE_PATH = path.resolve(__dirname, '../../dist/Code.js');
/** The fixed "now" of a runtime created without one (a Thursday, 10:00 in New York). */
export const DEFAULT_NOW = new Date('2026-01-15T15:00:00.000Z');
/** appsscript.json's timeZone. */
const DEFAULT_TIME_ZONE = 'America/New_York';
const DEFAULT_USER_EMAIL = 'csm@example.com';

export interface RuntimeOptions {
  /** the fixed time `new Date()` and `Date.now()` return in the bundle (default DEFAULT_NOW) */
  now?: Date;
  /** the script's time zone (Session.getScriptTimeZone), also given to a spreadsheet built
   * without one (default America/New_York, as appsscript.json) */
  timeZone?: string;
  /** the active and effective user (default csm@example.com); "" for an anonymous user */
  userEmail?: string;
  /** the effective user when it differs (installable triggers run as their creator) */
  effectiveUserEmail?: string;
  /** the active spreadsheet (default: one empty "Sheet1") */
  spreadsheet?: FakeSpreadsheet;
  /** the bundle to run (default DEFAULT_BUNDLE_PATH) */
  bundlePath?: string;
  /** JavaScript to run instead of a file (tests of the runtime itself) */
  source?: string;
  /** property stores to share with other runtimes (repeated or overlapping executions) */
  properties?: PropertiesState;
  /** lock holders to share with other runtimes */
  locks?: LockState;
  /** this execution's id for locks (default: a new one per runtime) */
  executionId?: string;
  /** the daily email quota and the outbox, shared with other runtimes (the same day) */
  mail?: MailState;
  /** requests sent with UrlFetchApp and the answers queued, shared with other runtimes */
  urlFetch?: UrlFetchState;
  /** the installed triggers, shared with other runtimes (the same script) */
  triggers?: TriggerState;
  /** the project's HTML files for HtmlService.createHtmlOutputFromFile / createTemplateFromFile,
   * by name ("Sidebar" or "Sidebar.html"); default: the *.html files beside the bundle (dist/) */
  htmlFiles?: Record<string, string>;
  /** the documents the Docs advanced service creates and edits, shared with other runtimes */
  documents?: DocumentState;
  /** the project's manifest (default: the appsscript.json beside the bundle, if any): its
   * oauthScopes limit what the advanced services may do, and its enabledAdvancedServices
   * decide which of them exist as globals */
  manifest?: Manifest;
  /** ScriptApp.getScriptId() (default DEFAULT_SCRIPT_ID) */
  scriptId?: string;
  /** also print what the bundle logs */
  echoLogs?: boolean;
}

export interface LocalRuntime {
  /** every global function the bundle defined (custom functions, onOpen, ...) */
  globals: Record<string, (...args: unknown[]) => unknown>;
  /** the globals whose JSDoc has @customfunction: Sheets offers them in cells */
  customFunctions: ReadonlySet<string>;
  /**
   * Calls a global the way Sheets would start it, in its execution context (execution.ts): a
   * @customfunction as a custom function (read-only, no UI, no user data); onOpen as the
   * simple trigger, in the authorization mode of its event (NONE without one, the strictest);
   * onEdit in LIMITED; anything else as a menu item (FULL). Arguments are copied into the
   * bundle's realm (a single cell as a scalar, a range as a 2-D array, Dates as Dates, blanks
   * as ""), the result is copied back into Node's. Throws a clear error if the global does not
   * exist; errors the bundle throws are rethrown as Node Errors with the same name and message.
   */
  call<T = unknown>(name: string, ...args: unknown[]): T;
  /**
   * Calls a global in the execution context `how` describes, e.g. callAs({ context: 'onOpen',
   * authMode: 'LIMITED' }, 'onOpen', event) or callAs({ context: 'timeTrigger',
   * activeSpreadsheet: null }, 'onAlertsTrigger', event). onOpen, onEdit and onInstall called
   * without arguments receive an event object ({ authMode, source }).
   */
  callAs<T = unknown>(how: ExecutionOptions, name: string, ...args: unknown[]): T;
  /**
   * Calls a global as google.script.run does from a sidebar: the arguments and the return value
   * travel by Google's rules (script-run-transport.ts: a Date, a function or a circular object
   * fails), and the function runs as a menu item does (FULL).
   */
  callFromSidebar<T = unknown>(name: string, ...args: unknown[]): T;
  /** the running execution context (FULL between calls) */
  execution: Execution;
  /** Evaluates JavaScript in the bundle's global scope and returns its value (not copied). */
  run<T = unknown>(code: string, filename?: string): T;
  spreadsheet: FakeSpreadsheet;
  spreadsheetApp: FakeSpreadsheetApp;
  ui: FakeUi;
  properties: FakePropertiesService;
  locks: FakeLockService;
  session: FakeSession;
  utilities: FakeUtilities;
  /** MailApp; mail.outbox is every message sent (shared through mail.state) */
  mail: FakeMailApp;
  /** UrlFetchApp; urlFetch.state.requests is every request made (shared through the state) */
  urlFetch: FakeUrlFetchApp;
  scriptApp: FakeScriptApp;
  /** the installed triggers (shared through RuntimeOptions.triggers) */
  triggers: TriggerState;
  html: FakeHtmlService;
  /** the Docs advanced service (a global only if the manifest enables it); its state (also
   * `documents`) holds every document created */
  docs: FakeDocsService;
  documents: DocumentState;
  calls: CallCounter;
  clock: FakeClock;
  /** what the bundle logged (Logger.log and console.*), one string per call, live */
  logs: string[];
  logEntries: LogEntry[];
  /** the globals installed in the context, by name */
  services: Record<string, unknown>;
  context: vm.Context;
  /** Moves the fake clock forward. */
  advance(ms: number): void;
  /** Sets the fake clock. */
  setNow(date: Date | number): void;
  /** Ends the execution: releases its locks, as Apps Script does. */
  endExecution(): void;
  /**
   * Kills the execution mid-run (the 6-minute limit, a crash): the next `n` service calls run
   * as usual, then the next one and every later service call of this runtime throws
   * Error('Exceeded maximum execution time') named "ExecutionKilled" before doing anything.
   * What was done before stays done in the shared state (properties, locks, mail, triggers,
   * spreadsheet). Locks stay held: Apps Script releases them when the dead execution ends, so
   * call endExecution() to model that moment (leave it out to model another execution running
   * while the dead one still holds the lock).
   */
  killAfterCalls(n: number): void;
  /** True once a service call was refused by killAfterCalls. */
  readonly killed: boolean;
  /**
   * Runs the time-driven trigger installed for `functionName` by this runtime's user, as
   * Apps Script does (this runtime standing for the trigger's new execution): calls the global
   * with the time-driven event object at the fake time, in the time-driven trigger's context
   * (no user interface; `options` can also take away the active spreadsheet, the document lock
   * and the document properties). Throws if the user has no such trigger. Returns what the
   * handler returns.
   */
  fireTimeTrigger<T = unknown>(
    functionName: string,
    options?: Omit<ExecutionOptions, 'context' | 'authMode'>,
  ): T;
}

// Compiled once per distinct source text per process (a rebuilt bundle is compiled again).
const scriptCache = new Map<string, vm.Script>();
const SCRIPT_CACHE_SIZE = 4;

function compile(code: string, filename: string): vm.Script {
  const key = `${filename}\n${code}`;
  let script = scriptCache.get(key);
  if (!script) {
    script = new vm.Script(code, { filename });
    scriptCache.set(key, script);
    if (scriptCache.size > SCRIPT_CACHE_SIZE) {
      const oldest = scriptCache.keys().next().value;
      if (oldest !== undefined) scriptCache.delete(oldest);
    }
  }
  return script;
}

/**
 * Builtins the bundle reads in its hot loops. Inside a node:vm context every global lookup
 * goes through Node's interceptor on the contextified global (about 100 ns each, where Apps
 * Script's V8 reads an ordinary global in a few), which made scoring 3-4 times slower here
 * than in plain V8. The bundle is therefore run inside a function whose parameters are these
 * builtins, taken from the context (so the fake Date stays in place), and `this` is the
 * global object. What changes: the bundle's top-level `function X() {}` stubs are local to
 * that function; the real functions still become globals through `global.X = X`, which
 * esbuild-gas-plugin writes for every one of them, exactly as in Apps Script.
 */
const SHADOWED_BUILTINS = [
  'Math',
  'Number',
  'Object',
  'String',
  'Array',
  'Boolean',
  'Date',
  'Intl',
  'Map',
  'Set',
  'JSON',
  'RegExp',
  'Error',
  'isNaN',
  'isFinite',
].join(', ');

/** The bundle wrapped for speed; the wrapper keeps the bundle's line numbers. */
function wrapBundle(code: string): string {
  return `(function (${SHADOWED_BUILTINS}) {${code}\n}).call(this, ${SHADOWED_BUILTINS});`;
}

/**
 * What runs of the bundle: wrapped for speed, except under `npm run coverage`
 * (CS_ENGINE_COVERAGE=1), which needs the text exactly as the file holds it, so that V8's
 * coverage offsets are the file's and the coverage build's source map applies
 * (scripts/coverage-build.mjs). Either way the same globals come out.
 */
function bundleToRun(code: string): string {
  return process.env.CS_ENGINE_COVERAGE === '1' ? code : wrapBundle(code);
}

// One scan per distinct bundle text (the bundle is loaded by every test).
const customFunctionCache = new Map<string, ReadonlySet<string>>();

/** The functions whose JSDoc block has @customfunction (what Sheets reads for autocomplete). */
export function customFunctionsOf(code: string): ReadonlySet<string> {
  const known = customFunctionCache.get(code);
  if (known) return known;
  const names = new Set<string>();
  // A comment's text may not run past its own end: JSDoc belongs to the function it precedes.
  const block = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (let match = block.exec(code); match; match = block.exec(code)) {
    if (match[1]?.includes('@customfunction') && match[2]) names.add(match[2]);
  }
  customFunctionCache.set(code, names);
  if (customFunctionCache.size > SCRIPT_CACHE_SIZE) {
    const oldest = customFunctionCache.keys().next().value;
    if (oldest !== undefined) customFunctionCache.delete(oldest);
  }
  return names;
}

function readBundle(bundlePath: string): string {
  try {
    return fs.readFileSync(bundlePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : String(error);
    throw new Error(
      `Cannot load the bundle ${bundlePath}: ${reason}. Run \`npm run build\` first.`,
    );
  }
}

/** Converts an error thrown inside the vm into a Node Error (same name, message, stack). */
function toHostError(error: unknown): unknown {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const source = error as { name?: unknown; message?: unknown; stack?: unknown };
    const host = new Error(String(source.message), { cause: error });
    if (typeof source.name === 'string') host.name = source.name;
    if (typeof source.stack === 'string') host.stack = source.stack;
    return host;
  }
  return error;
}

/** The project's HTML files (Sidebar.html...) built beside the bundle, by file name. */
function htmlFilesBeside(bundlePath: string): Record<string, string> {
  const files: Record<string, string> = {};
  const dir = path.dirname(bundlePath);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith('.html'));
  } catch {
    return files;
  }
  for (const name of names) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  return files;
}

/** The parts of appsscript.json the runtime reads. */
interface Manifest {
  readonly oauthScopes?: readonly string[];
  readonly dependencies?: {
    readonly enabledAdvancedServices?: readonly {
      readonly userSymbol: string;
      readonly serviceId: string;
      readonly version: string;
    }[];
  };
}

/** appsscript.json beside the bundle, as clasp pushes it with Code.js; {} when there is none. */
function manifestBeside(bundlePath: string): Manifest {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(path.dirname(bundlePath), 'appsscript.json'), 'utf8'),
    ) as Manifest;
  } catch {
    return {};
  }
}

let executions = 0;

export function loadBundle(options: RuntimeOptions = {}): LocalRuntime {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const userEmail = options.userEmail ?? DEFAULT_USER_EMAIL;
  const calls = new CallCounter();
  const clock = new FakeClock(options.now ?? DEFAULT_NOW);
  const capture = new LogCapture(options.echoLogs === true);
  executions += 1;
  const executionId = options.executionId ?? `execution-${executions}`;

  // The context first: the spreadsheet hands values over in the bundle's realm.
  const context = vm.createContext({}, { name: 'Apps Script' });
  const realDate = installFakeDate(context, clock);
  const copyIn = copierForContext(context, realDate);

  const base = options.spreadsheet ?? createSpreadsheet({ Sheet1: [] });
  if (!base.model.timeZoneChosen) base.model.timeZone = timeZone;
  const spreadsheet = base.withEnv({ calls, copyOut: copyIn, now: () => clock.nowMs() });
  const documentId = spreadsheet.model.id;
  const execution = new Execution(calls);
  const ui = new FakeUi(calls);
  const spreadsheetApp = new FakeSpreadsheetApp(spreadsheet, ui, calls, execution);
  const session = new FakeSession(
    {
      timeZone,
      activeUserEmail: userEmail,
      effectiveUserEmail: options.effectiveUserEmail ?? userEmail,
    },
    calls,
    execution,
  );
  const properties = new FakePropertiesService(
    options.properties ?? new PropertiesState(),
    userEmail,
    documentId,
    calls,
    execution,
  );
  const locks = new FakeLockService(
    options.locks ?? new LockState(),
    executionId,
    documentId,
    userEmail,
    clock,
    calls,
    execution,
  );
  const utilities = new FakeUtilities(clock, calls);
  const effectiveUser = options.effectiveUserEmail ?? userEmail;
  const mail = new FakeMailApp(options.mail ?? new MailState(), effectiveUser, clock, calls);
  const triggers = options.triggers ?? new TriggerState();
  const bundlePath = options.bundlePath ?? DEFAULT_BUNDLE_PATH;
  const manifest = options.manifest ?? manifestBeside(bundlePath);
  const scriptApp = new FakeScriptApp({
    state: triggers,
    userEmail: effectiveUser,
    documentId,
    clock,
    calls,
    scriptId: options.scriptId,
    manifestScopes: manifest.oauthScopes,
  });
  const html = new FakeHtmlService(calls, {
    files: options.htmlFiles ?? htmlFilesBeside(bundlePath),
    evaluator: (code) =>
      new vm.Script(code, { filename: 'html-template.js' }).runInContext(context),
  });
  const documents = options.documents ?? new DocumentState();
  const docs = new FakeDocsService(documents, calls, manifest.oauthScopes);
  // An advanced service is a global only once the manifest enables it, under its userSymbol
  // (https://developers.google.com/apps-script/guides/services/advanced).
  const advanced: Record<string, unknown> = {};
  for (const service of manifest.dependencies?.enabledAdvancedServices ?? []) {
    if (service.serviceId === 'docs' && service.version === 'v1')
      advanced[service.userSymbol] = docs;
  }
  const urlFetch = new FakeUrlFetchApp(options.urlFetch ?? new UrlFetchState(), clock, calls, {
    // With explicit scopes, a service the manifest does not list is refused; and a scope the
    // user declined (granular consent) is refused too.
    granted: (scope) =>
      (manifest.oauthScopes === undefined || manifest.oauthScopes.includes(scope)) &&
      triggers.isGranted(scope),
  });
  const services: Record<string, unknown> = {
    MailApp: mail,
    UrlFetchApp: urlFetch,
    ScriptApp: scriptApp,
    HtmlService: html,
    ...advanced,
    SpreadsheetApp: spreadsheetApp,
    Session: session,
    PropertiesService: properties,
    LockService: locks,
    Utilities: utilities,
    Logger: new FakeLogger(capture, calls),
    console: createConsole(capture),
  };
  Object.assign(context, services);

  const filename = options.source === undefined ? bundlePath : 'inline-bundle.js';
  const code = options.source ?? bundleToRun(readBundle(bundlePath));
  const before = new Set(Object.getOwnPropertyNames(context));
  compile(code, filename).runInContext(context);

  const sandbox = context as Record<string, unknown>;
  const globals: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of Object.getOwnPropertyNames(context)) {
    const value = sandbox[name];
    if (!before.has(name) && typeof value === 'function') {
      globals[name] = value as (...args: unknown[]) => unknown;
    }
  }

  const customFunctions = customFunctionsOf(code);

  const invoke = (name: string, args: unknown[]): unknown => {
    const fn = sandbox[name];
    if (typeof fn !== 'function') {
      const known = Object.keys(globals).sort().join(', ') || 'none';
      throw new Error(
        `The bundle ${filename} defines no global function ${name} (it has: ${known}).`,
      );
    }
    let result: unknown;
    try {
      result = (fn as (...a: unknown[]) => unknown)(...args.map(copyIn));
    } catch (error) {
      throw toHostError(error);
    }
    return copyToHost(result);
  };

  const callAs = <T = unknown>(how: ExecutionOptions, name: string, ...args: unknown[]): T => {
    const simpleTrigger = how.context === 'onOpen' || how.context === 'onEdit';
    const given =
      args.length === 0 && (simpleTrigger || how.context === 'onInstall')
        ? [{ authMode: modeOf(how), source: spreadsheet }]
        : args;
    return execution.run(how, () => invoke(name, given)) as T;
  };

  /** How Sheets starts `name` (see LocalRuntime.call). */
  const contextOf = (name: string, args: unknown[]): ExecutionOptions => {
    if (customFunctions.has(name)) return { context: 'customFunction' };
    if (name === 'onOpen' || name === 'onEdit') {
      const authMode = authModeOf(args[0]);
      return authMode ? { context: name, authMode } : { context: name };
    }
    if (name === 'onInstall') return { context: 'onInstall' };
    return { context: 'menu' };
  };

  const call = <T = unknown>(name: string, ...args: unknown[]): T =>
    callAs<T>(contextOf(name, args), name, ...args);

  const run = <T = unknown>(source: string, name = 'inline.js'): T => {
    try {
      return new vm.Script(source, { filename: name }).runInContext(context) as T;
    } catch (error) {
      throw toHostError(error);
    }
  };

  return {
    globals,
    customFunctions,
    call,
    callAs,
    callFromSidebar: <T = unknown>(name: string, ...args: unknown[]): T =>
      transportResult(
        execution.run({ context: 'sidebar' }, () => invoke(name, transportArguments(args))),
      ) as T,
    execution,
    run,
    spreadsheet,
    spreadsheetApp,
    ui,
    properties,
    locks,
    session,
    utilities,
    mail,
    urlFetch,
    scriptApp,
    triggers,
    html,
    docs,
    documents,
    calls,
    clock,
    logs: capture.lines,
    logEntries: capture.entries,
    services,
    context,
    advance: (ms) => clock.advance(ms),
    setNow: (date) => clock.setNow(date),
    endExecution: () => locks.endExecution(),
    killAfterCalls: (n) => calls.killAfter(n),
    get killed() {
      return calls.killed;
    },
    fireTimeTrigger: <T = unknown>(
      functionName: string,
      trigger: Omit<ExecutionOptions, 'context' | 'authMode'> = {},
    ): T => {
      const mine = triggers.clockTriggers(functionName, effectiveUser);
      const installed = mine.find((t) => t.documentId === documentId) ?? mine[0];
      if (!installed) {
        throw new Error(
          `No time-driven trigger for ${functionName} is installed for ${effectiveUser || 'the anonymous user'}.`,
        );
      }
      const event = triggers.timeDrivenEvent(installed, clock.now());
      return callAs<T>({ ...trigger, context: 'timeTrigger' }, functionName, event);
    },
  };
}
