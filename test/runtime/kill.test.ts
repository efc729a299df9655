import { CallCounter, EXECUTION_KILLED_MESSAGE } from '../../dev/runtime/calls';
import { LockState } from '../../dev/runtime/lock';
import { createSpreadsheet, loadBundle } from '../../dev/runtime/load-bundle';
import { MailState } from '../../dev/runtime/mail';
import { PropertiesState } from '../../dev/runtime/properties';

// A run that takes the lock, then for each account: writes a log row, emails, and records
// its progress in the document properties (a persisted continuation).
const SOURCE = `
function run(accounts) {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(1000)) return 'busy';
  var props = PropertiesService.getDocumentProperties();
  var log = SpreadsheetApp.getActive().getSheetByName('Log');
  var done = Number(props.getProperty('done') || 0);
  for (var i = done; i < accounts.length; i++) {
    log.appendRow([accounts[i]]);
    MailApp.sendEmail(accounts[i] + '@example.com', 'Alert', 'Body');
    props.setProperty('done', String(i + 1));
  }
  lock.releaseLock();
  return 'finished';
}
function swallow() {
  try { SpreadsheetApp.getActive(); } catch (e) { return [e.name, e.message]; }
}
`;

function killedError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

describe('killAfterCalls', () => {
  test('CallCounter.killAfter: n calls run, then every call throws and is not counted', () => {
    const calls = new CallCounter();
    calls.killAfter(2);
    calls.record('A.a');
    calls.record('A.b');
    expect(calls.killed).toBe(false);
    expect(() => calls.record('A.c')).toThrow(EXECUTION_KILLED_MESSAGE);
    expect(() => calls.record('A.d')).toThrow(EXECUTION_KILLED_MESSAGE);
    expect(calls.killed).toBe(true);
    expect(calls.snapshot()).toEqual({ 'A.a': 1, 'A.b': 1 });
    expect(() => calls.killAfter(-1)).toThrow(/whole number/);
  });

  test('the killing call has no effect; what was done before stays done', () => {
    const book = createSpreadsheet({ Log: [] });
    const properties = new PropertiesState();
    const locks = new LockState();
    const mail = new MailState();
    const dead = loadBundle({ source: SOURCE, spreadsheet: book, properties, locks, mail });
    // Calls before the loop: getDocumentLock, tryLock, getDocumentProperties, getActive,
    // getSheetByName, getProperty (6). One account costs appendRow, sendEmail, setProperty.
    // 6 + 3 + 1 lets the first account finish and the second's appendRow through: the
    // second sendEmail is the killing call.
    dead.killAfterCalls(10);
    const error = killedError(() => dead.call('run', ['acme', 'globex', 'initech']));
    expect(error.name).toBe('ExecutionKilled');
    expect(error.message).toBe('Exceeded maximum execution time');
    expect(dead.killed).toBe(true);
    expect(book.getSheetByName('Log')?.snapshotValues()).toEqual([['acme'], ['globex']]);
    expect(mail.outbox.map((m) => m.to[0])).toEqual(['acme@example.com']);
    expect(properties.documentStore('fake-spreadsheet-id').get('done')).toBe('1');
    expect(dead.calls.count('MailApp.sendEmail')).toBe(1);

    // The dead execution still holds the lock: an overlapping run finds it busy.
    const overlapping = loadBundle({ source: SOURCE, spreadsheet: book, properties, locks, mail });
    expect(overlapping.call('run', ['acme', 'globex', 'initech'])).toBe('busy');

    // Apps Script releases the lock when the dead execution ends; then a rerun resumes.
    dead.endExecution();
    const rerun = loadBundle({ source: SOURCE, spreadsheet: book, properties, locks, mail });
    expect(rerun.call('run', ['acme', 'globex', 'initech'])).toBe('finished');
    expect(mail.outbox.map((m) => m.to[0])).toEqual([
      'acme@example.com',
      'globex@example.com',
      'initech@example.com',
    ]);
    // the half-done account's log row was written twice: what a product must guard against
    expect(book.getSheetByName('Log')?.snapshotValues()).toEqual([
      ['acme'],
      ['globex'],
      ['globex'],
      ['initech'],
    ]);
  });

  test('killAfterCalls(0) kills at the next call; catching the error does not revive the run', () => {
    const runtime = loadBundle({ source: SOURCE });
    runtime.killAfterCalls(0);
    expect(runtime.call('swallow')).toEqual(['ExecutionKilled', 'Exceeded maximum execution time']);
    expect(() => runtime.run('SpreadsheetApp.getActive()')).toThrow(/Exceeded maximum/);
    expect(() => runtime.run('Logger.log("x")')).toThrow(/Exceeded maximum/);
    expect(runtime.calls.total()).toBe(0);
  });
});
