import { createSpreadsheet, loadBundle } from '../../dev/runtime/load-bundle';
import { TRIGGER_MESSAGES, TriggerState } from '../../dev/runtime/script-app';

// A tiny add-on: installs an hourly alert trigger once, and the handler it runs.
const SOURCE = `
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var existing = ScriptApp.getUserTriggers(ss).filter(function (t) {
    return t.getHandlerFunction() === 'runAlerts';
  });
  if (existing.length > 0) return existing[0].getUniqueId();
  return ScriptApp.newTrigger('runAlerts').timeBased().everyHours(1).create().getUniqueId();
}
function runAlerts(e) {
  return {
    authMode: String(e.authMode),
    isFull: e.authMode === ScriptApp.AuthMode.FULL,
    uid: e.triggerUid,
    when: [e.year, e.month, e['day-of-month'], e.hour, e.minute, e.second, e.timezone],
    dow: e['day-of-week'],
    week: e['week-of-year'],
  };
}
function describeTriggers() {
  return ScriptApp.getProjectTriggers().map(function (t) {
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()),
      t.getTriggerSourceId()];
  });
}
function removeAll() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function builders(kind) {
  var b = ScriptApp.newTrigger('runAlerts').timeBased();
  if (kind === 'hours3') b.everyHours(3);
  if (kind === 'minutes7') b.everyMinutes(7);
  if (kind === 'hour24') b.everyDays(1).atHour(24);
  if (kind === 'minute60') b.nearMinute(60);
  if (kind === 'zone') b.inTimezone('Mars/Olympus');
  if (kind === 'none') b.create();
  if (kind === 'daily') return b.everyDays(1).atHour(6).nearMinute(30).inTimezone('Europe/Paris').create().getUniqueId();
  if (kind === 'once') return b.after(10 * 60 * 1000).create().getUniqueId();
  if (kind === 'at') return b.at(new Date(Date.UTC(2026, 0, 20))).create().getUniqueId();
  if (kind === 'minutes') return b.everyMinutes(5).create().getUniqueId();
}
function onEditTrigger() {
  return ScriptApp.newTrigger('handleEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create().getUniqueId();
}
function auth() {
  var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return [String(info.getAuthorizationStatus()),
    info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED,
    typeof ScriptApp.getOAuthToken(), ScriptApp.getScriptId()];
}
`;

describe('ScriptApp triggers', () => {
  test('a trigger installed by one execution fires in a new one with the event object', () => {
    const triggers = new TriggerState();
    const installer = loadBundle({ source: SOURCE, triggers });
    const uid = installer.call<string>('install');
    expect(uid).toMatch(/^\d+$/);
    // a second install finds the trigger (getUserTriggers of the same spreadsheet)
    expect(loadBundle({ source: SOURCE, triggers }).call('install')).toBe(uid);
    expect(triggers.installed).toHaveLength(1);
    expect(triggers.installed[0]).toMatchObject({
      handlerFunction: 'runAlerts',
      eventType: 'CLOCK',
      userEmail: 'csm@example.com',
      schedule: { everyHours: 1 },
    });

    // Thursday 2026-01-15 15:00 UTC: ISO week 3
    const run = loadBundle({ source: SOURCE, triggers });
    expect(run.fireTimeTrigger('runAlerts')).toEqual({
      authMode: 'FULL',
      isFull: true,
      uid,
      when: [2026, 1, 15, 15, 0, 0, 'UTC'],
      dow: 4,
      week: 3,
    });
    expect(run.call('describeTriggers')).toEqual([['runAlerts', 'CLOCK', 'CLOCK', null]]);
  });

  test('fireTimeTrigger throws when the user has no such trigger', () => {
    const triggers = new TriggerState();
    loadBundle({ source: SOURCE, triggers }).call('install');
    expect(() => loadBundle({ source: SOURCE, triggers }).fireTimeTrigger('other')).toThrow(
      /No time-driven trigger for other is installed for csm@example.com/,
    );
    const someoneElse = loadBundle({ source: SOURCE, triggers, userEmail: 'bob@example.com' });
    expect(() => someoneElse.fireTimeTrigger('runAlerts')).toThrow(/bob@example.com/);
    expect(someoneElse.call('describeTriggers')).toEqual([]);
  });

  test('TriggerState.fire runs a trigger in a given runtime', () => {
    const triggers = new TriggerState();
    loadBundle({ source: SOURCE, triggers }).call('install');
    const [trigger] = triggers.clockTriggers('runAlerts');
    if (!trigger) throw new Error('no trigger installed');
    const run = loadBundle({ source: SOURCE, triggers, now: new Date('2026-02-01T08:09:10Z') });
    expect(triggers.fire(trigger, run)).toMatchObject({
      when: [2026, 2, 1, 8, 9, 10, 'UTC'],
      dow: 7,
    });
  });

  test('deleteTrigger removes the trigger', () => {
    const triggers = new TriggerState();
    const runtime = loadBundle({ source: SOURCE, triggers });
    runtime.call('install');
    runtime.call('onEditTrigger');
    expect(runtime.call('describeTriggers')).toEqual([
      ['runAlerts', 'CLOCK', 'CLOCK', null],
      ['handleEdit', 'ON_EDIT', 'SPREADSHEETS', 'fake-spreadsheet-id'],
    ]);
    runtime.call('removeAll');
    expect(triggers.installed).toEqual([]);
    expect(() => runtime.fireTimeTrigger('runAlerts')).toThrow(/No time-driven trigger/);
  });

  test('builders check their arguments', () => {
    const runtime = loadBundle({ source: SOURCE });
    expect(() => runtime.call('builders', 'hours3')).toThrow(TRIGGER_MESSAGES.everyHours(3));
    expect(() => runtime.call('builders', 'minutes7')).toThrow(TRIGGER_MESSAGES.everyMinutes(7));
    expect(() => runtime.call('builders', 'hour24')).toThrow(/atHour\(24\)/);
    expect(() => runtime.call('builders', 'minute60')).toThrow(/nearMinute\(60\)/);
    expect(() => runtime.call('builders', 'zone')).toThrow(/unknown time zone/);
    expect(() => runtime.call('builders', 'none')).toThrow(TRIGGER_MESSAGES.noSchedule);
    for (const n of [1, 2, 4, 6, 8, 12]) {
      expect(() =>
        runtime.run(`ScriptApp.newTrigger('f').timeBased().everyHours(${n})`),
      ).not.toThrow();
    }
    expect(runtime.triggers.installed).toEqual([]);
    runtime.call('builders', 'daily');
    runtime.call('builders', 'once');
    runtime.call('builders', 'at');
    expect(runtime.triggers.installed.map((t) => t.schedule)).toEqual([
      { everyDays: 1, atHour: 6, nearMinute: 30, timezone: 'Europe/Paris' },
      { after: 600000 },
      { at: new Date(Date.UTC(2026, 0, 20)) },
    ]);
  });

  test('at most 20 triggers per user per script', () => {
    const triggers = new TriggerState();
    const runtime = loadBundle({ source: SOURCE, triggers });
    for (let i = 0; i < 20; i++) runtime.call('builders', 'daily');
    expect(() => runtime.call('builders', 'daily')).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(triggers.installed).toHaveLength(20);
    // another user has their own 20
    loadBundle({ source: SOURCE, triggers, userEmail: 'bob@example.com' }).call(
      'builders',
      'daily',
    );
    expect(triggers.forUser('bob@example.com')).toHaveLength(1);
  });

  test('add-on limits (opt-in): one trigger of each type per user per document, hourly at most', () => {
    const triggers = new TriggerState({ addonLimits: true });
    const runtime = loadBundle({ source: SOURCE, triggers });
    runtime.call('builders', 'daily');
    expect(() => runtime.call('builders', 'daily')).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account',
    );
    runtime.call('onEditTrigger');
    expect(() => runtime.call('onEditTrigger')).toThrow(/too many edit triggers/);
    // another document, another user: their own allowance
    const otherDoc = createSpreadsheet({ Sheet1: [] }, { id: 'other-doc' });
    loadBundle({ source: SOURCE, triggers, spreadsheet: otherDoc }).call('builders', 'daily');
    loadBundle({ source: SOURCE, triggers, userEmail: 'bob@example.com' }).call(
      'builders',
      'daily',
    );
    expect(triggers.installed).toHaveLength(4);
    // more often than hourly
    const fresh = loadBundle({ source: SOURCE, triggers: new TriggerState({ addonLimits: true }) });
    expect(() => fresh.call('builders', 'minutes')).toThrow(TRIGGER_MESSAGES.addonTooFrequent);
    // without the flag a plain script may
    expect(loadBundle({ source: SOURCE }).call('builders', 'minutes')).toMatch(/^\d+$/);
  });

  test('getUserTriggers lists the triggers of that spreadsheet only', () => {
    const triggers = new TriggerState();
    const otherDoc = createSpreadsheet({ Sheet1: [] }, { id: 'other-doc' });
    loadBundle({ source: SOURCE, triggers, spreadsheet: otherDoc }).call('install');
    const here = loadBundle({ source: SOURCE, triggers });
    expect(here.run('ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).length')).toBe(0);
    expect(here.run('ScriptApp.getProjectTriggers().length')).toBe(1);
    // the trigger of the other document still fires for its owner
    expect(here.fireTimeTrigger('runAlerts')).toMatchObject({ authMode: 'FULL' });
  });

  test('authorization info, OAuth token, script id, enums', () => {
    const runtime = loadBundle({ source: SOURCE, scriptId: 'my-script' });
    expect(runtime.call('auth')).toEqual(['NOT_REQUIRED', true, 'string', 'my-script']);
    expect(runtime.run('String(ScriptApp.EventType.ON_OPEN)')).toBe('ON_OPEN');
    expect(runtime.run('String(ScriptApp.TriggerSource.SPREADSHEETS)')).toBe('SPREADSHEETS');
    expect(runtime.calls.count('ScriptApp.getAuthorizationInfo')).toBe(1);
  });
});
