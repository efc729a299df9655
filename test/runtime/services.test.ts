import { CallCounter } from '../../dev/runtime/calls';
import { FakeClock } from '../../dev/runtime/clock';
import { FakeLockService, LOCK_TIMEOUT_MESSAGE, LockState } from '../../dev/runtime/lock';
import { FakeLogger, LogCapture, createConsole } from '../../dev/runtime/logger';
import {
  FakePropertiesService,
  PropertiesState,
  STORE_FULL_MESSAGE,
  VALUE_TOO_LARGE_MESSAGE,
} from '../../dev/runtime/properties';
import { FakeSession } from '../../dev/runtime/session';
import { FakeUi } from '../../dev/runtime/ui';
import { FakeUtilities, formatDate } from '../../dev/runtime/utilities';

describe('CallCounter', () => {
  test('counts by name, totals by service or prefix, resets', () => {
    const calls = new CallCounter();
    calls.record('Range.getValues');
    calls.record('Range.getValues');
    calls.record('Range.setValues');
    calls.record('RangeList.clear');
    calls.record('Sheet.getRange');
    expect(calls.count('Range.getValues')).toBe(2);
    expect(calls.count('Range.clear')).toBe(0);
    expect(calls.total('Range')).toBe(3);
    expect(calls.total('Range.get')).toBe(2);
    expect(calls.total()).toBe(5);
    calls.reset();
    expect(calls.total()).toBe(0);
  });
});

describe('FakeClock', () => {
  test('advance and setNow', () => {
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    clock.advance(1500);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.500Z');
    clock.setNow(new Date('2027-02-03T04:05:06Z'));
    expect(clock.nowMs()).toBe(Date.UTC(2027, 1, 3, 4, 5, 6));
  });
});

describe('PropertiesService', () => {
  const service = (state = new PropertiesState(), user = 'a@example.com', doc = 'doc-1') =>
    new FakePropertiesService(state, user, doc, new CallCounter());

  test('get, set, delete; values are strings; missing keys are null', () => {
    const props = service().getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('n', 42 as unknown as string).setProperties({ a: '1', b: '2' });
    expect(props.getProperty('n')).toBe('42');
    expect(props.getProperties()).toEqual({ n: '42', a: '1', b: '2' });
    props.setProperties({ only: 'x' }, true);
    expect(props.getKeys()).toEqual(['only']);
    props.deleteProperty('only');
    expect(props.getProperties()).toEqual({});
    props.setProperty('z', '1').deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  test('getProperties returns a copy', () => {
    const props = service().getScriptProperties();
    props.setProperty('k', 'v');
    const copy = props.getProperties();
    copy.k = 'changed';
    expect(props.getProperty('k')).toBe('v');
  });

  test('stores are separate: script, per user, per document; state is shared', () => {
    const state = new PropertiesState();
    service(state, 'a@x').getUserProperties().setProperty('k', 'a');
    service(state, 'b@x').getUserProperties().setProperty('k', 'b');
    service(state, 'a@x', 'doc-2').getDocumentProperties().setProperty('k', 'doc2');
    expect(service(state, 'a@x').getUserProperties().getProperty('k')).toBe('a');
    expect(service(state, 'b@x').getUserProperties().getProperty('k')).toBe('b');
    expect(service(state, 'b@x', 'doc-2').getDocumentProperties().getProperty('k')).toBe('doc2');
    expect(service(state).getDocumentProperties().getProperty('k')).toBeNull();
    expect(service(state).getScriptProperties().getProperty('k')).toBeNull();
  });

  test('a value over 9 KB throws and changes nothing', () => {
    const props = service().getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      VALUE_TOO_LARGE_MESSAGE,
    );
    // UTF-8 bytes count, not characters
    expect(() => props.setProperty('big', 'é'.repeat(5000))).toThrow(VALUE_TOO_LARGE_MESSAGE);
    expect(() => props.setProperties({ a: 'small', big: 'x'.repeat(10000) })).toThrow();
    expect(props.getKeys()).toEqual(['ok']);
  });

  test('a store over 500 KB throws', () => {
    const props = service().getScriptProperties();
    const value = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, value);
    expect(() => props.setProperty('one-too-many', value)).toThrow(STORE_FULL_MESSAGE);
    expect(props.getProperty('one-too-many')).toBeNull();
    props.deleteProperty('k0');
    props.setProperty('one-too-many', value);
  });
});

describe('LockService', () => {
  const setup = (state = new LockState(), executionId = 'me') => {
    const clock = new FakeClock(0);
    const service = new FakeLockService(
      state,
      executionId,
      'doc',
      'me@x',
      clock,
      new CallCounter(),
    );
    return { state, clock, service };
  };

  test('tryLock, hasLock, releaseLock', () => {
    const { service, state } = setup();
    const lock = service.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(state.holder('script')).toBe('me');
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(state.holder('script')).toBeUndefined();
  });

  test('a lock held by another execution: tryLock waits then fails, waitLock throws', () => {
    const { service, state, clock } = setup();
    const release = state.holdFromAnotherExecution('script');
    const lock = service.getScriptLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(clock.nowMs()).toBe(5000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(10000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(clock.nowMs()).toBe(15000);
    release();
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
  });

  test('two runtimes sharing a LockState contend; locks end with the execution', () => {
    const shared = new LockState();
    const a = setup(shared, 'a').service;
    const b = setup(shared, 'b').service;
    expect(a.getDocumentLock().tryLock(0)).toBe(true);
    expect(b.getDocumentLock().tryLock(0)).toBe(false);
    expect(b.getScriptLock().tryLock(0)).toBe(true);
    expect(b.getUserLock().tryLock(0)).toBe(true);
    a.endExecution();
    expect(b.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('Session', () => {
  test('time zone and users', () => {
    const session = new FakeSession(
      { timeZone: 'Europe/Paris', activeUserEmail: 'a@x', effectiveUserEmail: 'owner@x' },
      new CallCounter(),
    );
    expect(session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(session.getActiveUser().getEmail()).toBe('a@x');
    expect(session.getEffectiveUser().getEmail()).toBe('owner@x');
    expect(session.getTemporaryActiveUserKey()).toBe(session.getTemporaryActiveUserKey());
  });
});

describe('Utilities', () => {
  const instant = new Date(Date.UTC(2025, 2, 9, 4, 5, 6, 7)); // Sunday 2025-03-09 04:05:06.007Z

  test('formatDate in a time zone with Java patterns', () => {
    expect(formatDate(instant, 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2025-03-09 04:05:06.007');
    expect(formatDate(instant, 'America/New_York', 'yyyy-MM-dd HH:mm EEE')).toBe(
      '2025-03-08 23:05 Sat',
    );
    expect(formatDate(instant, 'Asia/Kolkata', "d MMM yy 'at' h:mm a Z")).toBe(
      '9 Mar 25 at 9:35 AM +0530',
    );
    expect(formatDate(instant, 'Europe/Paris', "EEEE d MMMM yyyy, XXX ''")).toBe(
      "Sunday 9 March 2025, +01:00 '",
    );
    expect(formatDate(instant, 'GMT-3', 'HH:mm X')).toBe('01:05 -03');
    // Java falls back to GMT for an unknown zone
    expect(formatDate(instant, 'Not/AZone', 'HH:mm')).toBe('04:05');
    expect(() => formatDate(instant, 'UTC', 'yyyy-q')).toThrow("Illegal pattern character 'q'");
  });

  test('sleep advances the clock; getUuid is deterministic', () => {
    const clock = new FakeClock(0);
    const utilities = new FakeUtilities(clock, new CallCounter());
    utilities.sleep(2500);
    expect(clock.nowMs()).toBe(2500);
    expect(() => utilities.sleep(300001)).toThrow();
    expect(utilities.getUuid()).toBe('00000000-0000-4000-8000-000000000001');
    expect(utilities.getUuid()).toBe('00000000-0000-4000-8000-000000000002');
  });
});

describe('Logger and console', () => {
  test('captured, with %s formatting', () => {
    const capture = new LogCapture();
    const logger = new FakeLogger(capture, new CallCounter());
    logger.log('rows: %s, ok: %s', 3, true).log({ a: 1 });
    createConsole(capture).warn('careful', 42);
    expect(capture.lines).toEqual(['rows: 3, ok: true', '{ a: 1 }', 'careful 42']);
    expect(capture.entries[2]).toEqual({ level: 'warn', message: 'careful 42', source: 'console' });
    expect(logger.getLog()).toBe('rows: 3, ok: true\n{ a: 1 }');
  });
});

describe('Ui', () => {
  test('records menus with items, separators and sub-menus', () => {
    const ui = new FakeUi(new CallCounter());
    const sub = ui.createMenu('More').addItem('Settings', 'showSettings');
    ui.createAddonMenu()
      .addItem('Open sidebar', 'showSidebar')
      .addSeparator()
      .addSubMenu(sub)
      .addToUi();
    expect(ui.menus).toEqual([
      {
        caption: 'CS Engine',
        addon: true,
        entries: [
          { type: 'item', caption: 'Open sidebar', functionName: 'showSidebar' },
          { type: 'separator' },
          {
            type: 'submenu',
            caption: 'More',
            entries: [{ type: 'item', caption: 'Settings', functionName: 'showSettings' }],
          },
        ],
      },
    ]);
  });

  test('alerts answer OK / YES unless told otherwise', () => {
    const ui = new FakeUi(new CallCounter());
    expect(ui.alert('Hello')).toBe(ui.Button.OK);
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    ui.respondWith('NO');
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    ui.respondWith('OK', 'typed');
    expect(ui.prompt('Name?').getResponseText()).toBe('typed');
    expect(ui.events.map((e) => e.type)).toEqual(['alert', 'alert', 'alert', 'prompt']);
  });

  test('a question nobody answered can stop the execution before it is recorded', () => {
    const ui = new FakeUi(new CallCounter());
    const asked: string[] = [];
    ui.onUnanswered = (question) => {
      asked.push(`${question.type} ${question.buttons}: ${question.prompt}`);
      throw new Error('waiting for the user');
    };
    // An alert with only OK asks nothing: it is shown and answered OK.
    expect(ui.alert('Done.')).toBe(ui.Button.OK);
    expect(() => ui.prompt('Hour?')).toThrow('waiting for the user');
    expect(() => ui.alert('T', 'Sure?', ui.ButtonSet.YES_NO)).toThrow('waiting for the user');
    expect(asked).toEqual(['prompt OK: Hour?', 'alert YES_NO: Sure?']);
    expect(ui.events.map((e) => e.type)).toEqual(['alert']);
    // Answered questions are not asked again.
    ui.respondWith('OK', '8');
    expect(ui.prompt('Hour?').getResponseText()).toBe('8');
    ui.respondWith('NO');
    ui.clearResponses();
    expect(() => ui.alert('Sure?', ui.ButtonSet.YES_NO)).toThrow('waiting for the user');
  });
});
