/**
 * Execution contexts (dev/runtime/execution.ts): what a function may do depending on how
 * Sheets started it. Google pages: "Custom Functions in Google Sheets" (custom functions),
 * "Editor add-on authorization" (the authorization modes table), and for time-driven triggers
 * the SpreadsheetApp / LockService / PropertiesService references. Listed with their sources in
 * docs/runtime-fidelity.md.
 */
import { EXECUTION_MESSAGES, type ExecutionOptions } from '../../dev/runtime/execution';
import {
  createSpreadsheet,
  customFunctionsOf,
  loadBundle,
  type LocalRuntime,
} from '../../dev/runtime/load-bundle';
import { TriggerState } from '../../dev/runtime/script-app';

// A bundle shaped like esbuild-gas-plugin's: JSDoc'd stubs at top level, the real functions
// assigned to `global`. `attempt` runs a line of Apps Script and reports what happened.
const SOURCE = `var global = this;
/**
 * Runs a line as a custom function would.
 * @customfunction
 */
function ATTEMPT(code) {}
/** Runs a line. */
function attempt(code) {}
function onOpen(e) {}
function echo(a, b) {}
function give(what) {}
function alertsTrigger(e) {}
(() => {
  function attempt(code) {
    try {
      var value = (0, eval)(code);
      return { ok: true, value: value === null ? null : value === undefined ? 'undefined' : String(value) };
    } catch (error) {
      return { ok: false, error: String(error && error.message) };
    }
  }
  global.ATTEMPT = attempt;
  global.attempt = attempt;
  global.onOpen = function (e) {
    global.lastEvent = e;
    SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'open').addToUi();
    return e && String(e.authMode);
  };
  global.echo = function (a, b) { if (a && typeof a === 'object') a.touched = true; return [a, b]; };
  global.give = function (what) {
    if (what === 'date') return new Date(0);
    if (what === 'nested') return { rows: [{ date: new Date(0) }] };
    if (what === 'undefined') return undefined;
    return { ok: true, list: [1, undefined, 'x'] };
  };
  global.alertsTrigger = function () {
    var book = SpreadsheetApp.getActiveSpreadsheet();
    return book === null ? 'no active spreadsheet' : book.getName();
  };
})();
`;

function runtime(): LocalRuntime {
  return loadBundle({
    source: SOURCE,
    spreadsheet: createSpreadsheet({ S: [['Acme', 5]] }, { id: 'book-1', name: 'Book' }),
  });
}

type Outcome = { ok: true; value: string | null } | { ok: false; error: string };

function tryIn(rt: LocalRuntime, how: ExecutionOptions, code: string): Outcome {
  return rt.callAs<Outcome>(how, 'attempt', code);
}

const ok = (value?: string | null) => (value === undefined ? { ok: true } : { ok: true, value });
const refused = (error: string) => ({ ok: false, error });
const permission = (what: string) => refused(EXECUTION_MESSAGES.permission(what));
const NO_UI = refused(EXECUTION_MESSAGES.noUi);

const READ = "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1').getValue()";
const WRITE =
  "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1').setValue('x')";

describe('custom function ("Custom Functions in Google Sheets")', () => {
  const cf: ExecutionOptions = { context: 'customFunction' };

  test('reads the spreadsheet; set*() and other writes throw and change nothing', () => {
    const rt = runtime();
    expect(tryIn(rt, cf, READ)).toEqual(ok('Acme'));
    expect(tryIn(rt, cf, WRITE)).toEqual(permission('setValue'));
    const sheet = "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S')";
    expect(tryIn(rt, cf, `${sheet}.appendRow(['x'])`)).toEqual(permission('appendRow'));
    expect(tryIn(rt, cf, `${sheet}.getRange('B1').clearContent()`)).toEqual(
      permission('clearContent'),
    );
    expect(tryIn(rt, cf, "SpreadsheetApp.getActiveSpreadsheet().insertSheet('New')")).toEqual(
      permission('insertSheet'),
    );
    expect(rt.spreadsheet.snapshot()).toEqual({ S: [['Acme', 5]] });
    expect(rt.calls.count('Range.setValue')).toBe(0);
  });

  test('cannot open other spreadsheets, nor show anything', () => {
    const rt = runtime();
    expect(tryIn(rt, cf, "SpreadsheetApp.openById('book-1')")).toEqual(
      permission('SpreadsheetApp.openById'),
    );
    expect(tryIn(rt, cf, 'SpreadsheetApp.getUi()')).toEqual(NO_UI);
  });

  test('services outside the supported list throw "You do not have permission to call"', () => {
    const rt = runtime();
    expect(tryIn(rt, cf, "MailApp.sendEmail('a@example.com', 's', 'b')")).toEqual(
      permission('MailApp.sendEmail'),
    );
    expect(tryIn(rt, cf, 'MailApp.getRemainingDailyQuota()')).toEqual(
      permission('MailApp.getRemainingDailyQuota'),
    );
    expect(tryIn(rt, cf, "DocumentApp.create('QBR')")).toEqual(permission('DocumentApp.create'));
    expect(tryIn(rt, cf, 'ScriptApp.getProjectTriggers()')).toEqual(
      permission('ScriptApp.getProjectTriggers'),
    );
    expect(rt.mail.outbox).toHaveLength(0);
  });

  test('Properties, Lock, HTML, Utilities and Session work; properties are not written', () => {
    const rt = runtime();
    rt.properties.state.script.set('k', 'v');
    expect(tryIn(rt, cf, "PropertiesService.getScriptProperties().getProperty('k')")).toEqual(
      ok('v'),
    );
    expect(tryIn(rt, cf, "PropertiesService.getUserProperties().setProperty('k', 'w')")).toEqual(
      permission('Properties.setProperty'),
    );
    expect(tryIn(rt, cf, "PropertiesService.getScriptProperties().deleteProperty('k')")).toEqual(
      permission('Properties.deleteProperty'),
    );
    expect(tryIn(rt, cf, 'LockService.getScriptLock().tryLock(10)')).toEqual(ok('true'));
    expect(tryIn(rt, cf, "HtmlService.createHtmlOutput('<b>x</b>').getContent()")).toEqual(
      ok('<b>x</b>'),
    );
    expect(tryIn(rt, cf, "Utilities.formatDate(new Date(0), 'UTC', 'yyyy')")).toEqual(ok('1970'));
    expect(tryIn(rt, cf, 'Session.getScriptTimeZone()')).toEqual(ok('America/New_York'));
    expect(rt.properties.state.script.get('k')).toBe('v');
  });

  test('user data is "locale only": user emails read as ""', () => {
    const rt = runtime();
    expect(tryIn(rt, cf, 'Session.getActiveUser().getEmail()')).toEqual(ok(''));
    expect(tryIn(rt, cf, 'Session.getEffectiveUser().getEmail()')).toEqual(ok(''));
    expect(tryIn(rt, cf, 'Session.getActiveUserLocale()')).toEqual(ok('en'));
  });

  test('@customfunction is read from the JSDoc block right before the function only', () => {
    const code =
      '/** @customfunction */ var x = 1;\n/** Menu */ function menuX() {}\n/**\n * @customfunction\n */\nfunction TWICE(n) {}';
    expect([...customFunctionsOf(code)]).toEqual(['TWICE']);
  });

  test('call() runs a @customfunction as a custom function, anything else as a menu item', () => {
    const rt = runtime();
    expect([...rt.customFunctions]).toEqual(['ATTEMPT']);
    expect(rt.call('ATTEMPT', WRITE)).toEqual(permission('setValue'));
    expect(rt.call('attempt', `${WRITE} && 'written'`)).toEqual(ok('written'));
  });
});

// "Editor add-on authorization", authorization modes table.
describe('onOpen in AuthMode.NONE: menu items, Logger and Utilities only', () => {
  const none: ExecutionOptions = { context: 'onOpen', authMode: 'NONE' };

  test('builds its menu', () => {
    const rt = runtime();
    expect(rt.callAs(none, 'onOpen', { authMode: 'NONE' })).toBe('NONE');
    expect(rt.ui.menus).toHaveLength(1);
  });

  test('no spreadsheet, properties, user, dialogs or other services', () => {
    const rt = runtime();
    expect(tryIn(rt, none, 'SpreadsheetApp.getActiveSpreadsheet()')).toEqual(
      permission('SpreadsheetApp.getActiveSpreadsheet'),
    );
    expect(tryIn(rt, none, 'PropertiesService.getDocumentProperties()')).toEqual(
      permission('PropertiesService.getDocumentProperties'),
    );
    expect(tryIn(rt, none, 'Session.getActiveUser()')).toEqual(permission('Session.getActiveUser'));
    expect(tryIn(rt, none, "SpreadsheetApp.getUi().alert('hi')")).toEqual(permission('Ui.alert'));
    expect(tryIn(rt, none, 'LockService.getScriptLock()')).toEqual(
      permission('LockService.getScriptLock'),
    );
    expect(tryIn(rt, none, 'Session.getActiveUserLocale()')).toEqual(ok('en'));
    expect(tryIn(rt, none, "Utilities.formatDate(new Date(0), 'UTC', 'yyyy')")).toEqual(ok('1970'));
    expect(tryIn(rt, none, "Logger.log('x')")).toMatchObject({ ok: true });
  });

  test("call('onOpen') without an event runs in NONE and is given the event", () => {
    const rt = runtime();
    expect(rt.call('onOpen')).toBe('NONE');
    expect(rt.run<{ source: unknown }>('lastEvent').source).toBe(rt.spreadsheet);
  });
});

describe('onOpen in AuthMode.LIMITED: the spreadsheet and properties, no dialogs', () => {
  const limited: ExecutionOptions = { context: 'onOpen', authMode: 'LIMITED' };

  test('reads and writes its spreadsheet and properties, builds menus', () => {
    const rt = runtime();
    expect(rt.call('onOpen', { authMode: 'LIMITED' })).toBe('LIMITED');
    expect(tryIn(rt, limited, `${WRITE} && 'written'`)).toEqual(ok('written'));
    expect(
      tryIn(
        rt,
        limited,
        "PropertiesService.getDocumentProperties().setProperty('a', 'b') && 'set'",
      ),
    ).toEqual(ok('set'));
    expect(tryIn(rt, limited, 'LockService.getDocumentLock().tryLock(1)')).toEqual(ok('true'));
  });

  test('"Add-ons can\'t open sidebars or dialogs while executing in AuthMode.LIMITED"', () => {
    const rt = runtime();
    const ui = 'SpreadsheetApp.getUi()';
    expect(tryIn(rt, limited, `${ui}.showSidebar(HtmlService.createHtmlOutput('x'))`)).toEqual(
      permission('Ui.showSidebar'),
    );
    expect(tryIn(rt, limited, `${ui}.alert('hi')`)).toEqual(permission('Ui.alert'));
    expect(rt.ui.events).toHaveLength(0);
  });

  test('no services that need authorization, no other files, no user email', () => {
    const rt = runtime();
    expect(tryIn(rt, limited, "MailApp.sendEmail('a@example.com', 's', 'b')")).toEqual(
      permission('MailApp.sendEmail'),
    );
    expect(tryIn(rt, limited, "ScriptApp.newTrigger('x')")).toEqual(
      permission('ScriptApp.newTrigger'),
    );
    expect(tryIn(rt, limited, "SpreadsheetApp.openById('book-1')")).toEqual(
      permission('SpreadsheetApp.openById'),
    );
    expect(tryIn(rt, limited, 'Session.getActiveUser().getEmail()')).toEqual(ok(''));
  });

  test('onEdit runs in LIMITED too', () => {
    const rt = runtime();
    expect(tryIn(rt, { context: 'onEdit' }, "SpreadsheetApp.getUi().alert('hi')")).toEqual(
      permission('Ui.alert'),
    );
  });
});

describe('FULL: onInstall, menu items and sidebar calls may do everything', () => {
  test.each(['onInstall', 'menu', 'sidebar'] as const)('%s', (context) => {
    const rt = runtime();
    const how: ExecutionOptions = { context };
    const shown =
      "SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x')) || 'shown'";
    expect(tryIn(rt, how, shown)).toEqual(ok('shown'));
    expect(tryIn(rt, how, "MailApp.sendEmail('a@example.com', 's', 'b') || 'sent'")).toEqual(
      ok('sent'),
    );
    expect(tryIn(rt, how, 'Session.getActiveUser().getEmail()')).toEqual(ok('csm@example.com'));
  });

  test('between calls the runtime is back to FULL', () => {
    const rt = runtime();
    rt.call('ATTEMPT', WRITE);
    rt.spreadsheet.getSheetByName('S')?.getRange('A1').setValue('after');
    expect(rt.spreadsheet.snapshot().S?.[0]?.[0]).toBe('after');
    expect(rt.execution.mode).toBe('FULL');
  });
});

describe('time-driven trigger', () => {
  const trigger: ExecutionOptions = { context: 'timeTrigger' };

  test('has no user interface', () => {
    const rt = runtime();
    expect(tryIn(rt, trigger, 'SpreadsheetApp.getUi()')).toEqual(NO_UI);
    expect(tryIn(rt, trigger, "MailApp.sendEmail('a@example.com', 's', 'b') || 'sent'")).toEqual(
      ok('sent'),
    );
  });

  test('a test can take away the active spreadsheet, the document lock and properties', () => {
    const rt = runtime();
    const detached: ExecutionOptions = {
      context: 'timeTrigger',
      activeSpreadsheet: null,
      documentLock: null,
      documentProperties: null,
    };
    expect(tryIn(rt, detached, 'SpreadsheetApp.getActiveSpreadsheet()')).toEqual(ok(null));
    expect(tryIn(rt, detached, 'SpreadsheetApp.getActive()')).toEqual(ok(null));
    expect(tryIn(rt, detached, 'SpreadsheetApp.getActiveSheet()')).toEqual(
      refused(EXECUTION_MESSAGES.noActiveSpreadsheet),
    );
    expect(tryIn(rt, detached, 'LockService.getDocumentLock()')).toEqual(ok(null));
    expect(tryIn(rt, detached, 'PropertiesService.getDocumentProperties()')).toEqual(ok(null));
    expect(tryIn(rt, detached, "SpreadsheetApp.openById('book-1').getName()")).toEqual(ok('Book'));
  });

  test('fireTimeTrigger and TriggerState.fire run the handler in that context', () => {
    const triggers = new TriggerState();
    const rt = loadBundle({ source: SOURCE, triggers });
    rt.run("ScriptApp.newTrigger('alertsTrigger').timeBased().everyHours(1).create()");
    expect(rt.fireTimeTrigger('alertsTrigger')).not.toBe('no active spreadsheet');
    expect(rt.fireTimeTrigger('alertsTrigger', { activeSpreadsheet: null })).toBe(
      'no active spreadsheet',
    );
    const [installed] = triggers.installed;
    if (!installed) throw new Error('no trigger installed');
    const next = loadBundle({ source: SOURCE, triggers });
    expect(triggers.fire(installed, next)).toBe('CS Engine test book');
  });
});

// "Class google.script.run": legal parameters and return values.
describe('google.script.run carries only what Google allows', () => {
  test('primitives, plain objects and arrays travel as copies; undefined in arrays is null', () => {
    const rt = runtime();
    const sent = { row: 2, tags: ['a', undefined], missing: undefined };
    expect(rt.callFromSidebar('echo', sent, null)).toEqual([
      { row: 2, tags: ['a', null], touched: true },
      null,
    ]);
    expect(sent).not.toHaveProperty('touched');
    expect(rt.callFromSidebar('give', 'list')).toEqual({ ok: true, list: [1, null, 'x'] });
    expect(rt.callFromSidebar('give', 'undefined')).toBeNull();
  });

  test('a Date, a function, a circular object or NaN in the arguments fails', () => {
    const rt = runtime();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const illegal = (path: string) => `Failed due to illegal value in property: ${path}`;
    expect(() => rt.callFromSidebar('echo', new Date())).toThrow(illegal('0'));
    expect(() => rt.callFromSidebar('echo', 1, { when: new Date() })).toThrow(illegal('1.when'));
    expect(() => rt.callFromSidebar('echo', () => 1)).toThrow(illegal('0'));
    expect(() => rt.callFromSidebar('echo', circular)).toThrow(illegal('0.self'));
    expect(() => rt.callFromSidebar('echo', new Map())).toThrow(illegal('0'));
    expect(() => rt.callFromSidebar('echo', [NaN])).toThrow(illegal('0.0'));
  });

  test('a Date in the return value fails', () => {
    const rt = runtime();
    expect(() => rt.callFromSidebar('give', 'date')).toThrow(
      'Failed due to illegal value in property: (the return value)',
    );
    expect(() => rt.callFromSidebar('give', 'nested')).toThrow(
      'Failed due to illegal value in property: rows.0.date',
    );
  });
});
