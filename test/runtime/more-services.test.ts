/**
 * Service behaviours added for the add-on's fixes: named ranges, deleting columns, range
 * lists, authorization needed again, passing mail outages.
 * Each names the Google page it follows (docs/runtime-fidelity.md lists them).
 */
import {
  CallCounter,
  MailState,
  TriggerState,
  createSpreadsheet,
  loadBundle,
} from '../../dev/runtime';

describe('named ranges (Spreadsheet.setNamedRange, getRangeByName)', () => {
  it('names a range, finds it by name whatever the case, and forgets it with its sheet', () => {
    const book = createSpreadsheet({ Data: [['a', 'b']], Other: [] });
    book.setNamedRange('CSE_TODAY', book.sheet('Data').getRange(1, 2));
    expect(book.getRangeByName('cse_today')?.getValue()).toBe('b');
    expect(book.getRangeByName('missing')).toBeNull();
    book.deleteSheet(book.sheet('Data'));
    expect(book.getRangeByName('CSE_TODAY')).toBeNull();
  });

  it('refuses names Sheets refuses: a cell reference, a leading digit, spaces, true/false', () => {
    const book = createSpreadsheet({ Data: [['a']] });
    const cell = book.sheet('Data').getRange(1, 1);
    for (const name of ['A1', 'R1C1', '1st', 'my range', 'TRUE']) {
      expect(() => book.setNamedRange(name, cell)).toThrow('Invalid range name');
    }
  });
});

describe('Sheet.deleteColumns', () => {
  it('narrows the grid and moves the columns on its right', () => {
    const book = createSpreadsheet({ Data: [['a', 'b', 'c', 'd']] });
    const sheet = book.sheet('Data');
    sheet.deleteColumns(2, 2);
    expect(sheet.getMaxColumns()).toBe(24);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['a', 'd']]);
    expect(() => sheet.deleteColumns(24, 2)).toThrow('outside the dimensions');
  });
});

describe('Sheet.insertColumnsAfter', () => {
  it('widens the grid and moves the columns on its right', () => {
    const book = createSpreadsheet({ Data: [['a', 'b', 'c']] });
    const sheet = book.sheet('Data');
    sheet.getRange(1, 2).setFontWeight('bold');
    expect(sheet.insertColumnsAfter(1, 2)).toBe(sheet);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange(1, 1, 1, 5).getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getRange(1, 28).getValue()).toBe('');
    expect(() => sheet.insertColumnsAfter(29, 1)).toThrow('outside the dimensions');
    expect(() => sheet.insertColumnsAfter(0, 1)).toThrow('outside the dimensions');
  });
});

describe('Sheet.getRangeList', () => {
  it('sets one number format on several ranges in one call', () => {
    const calls = new CallCounter();
    const book = createSpreadsheet({ Data: [[1, 2, 3]] }).withEnv({
      calls,
      copyOut: (value) => value,
    });
    const sheet = book.getSheetByName('Data');
    sheet?.getRangeList(['A1', 'C1']).setNumberFormat('0.0%');
    expect(sheet?.getRange(1, 1, 1, 3).getNumberFormats()[0]).toEqual([
      '0.0%',
      '0.###############',
      '0.0%',
    ]);
    expect(calls.count('RangeList.setNumberFormat')).toBe(1);
  });
});

describe('ScriptApp.getAuthorizationInfo', () => {
  it('reports REQUIRED with a URL when the user must approve again, and null otherwise', () => {
    const triggers = new TriggerState();
    const runtime = loadBundle({ triggers });
    const status = () =>
      runtime.run<string>(
        'String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus())',
      );
    const url = () =>
      runtime.run<string | null>(
        'ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationUrl()',
      );
    expect([status(), url()]).toEqual(['NOT_REQUIRED', null]);
    triggers.authorizationRequired = true;
    expect(status()).toBe('REQUIRED');
    expect(url()).toMatch(/^https:\/\/script\.google\.com\//);
  });
});

// Granular consent: "Authorization scopes" (https://developers.google.com/apps-script/concepts/scopes)
// and ScriptApp's reference (getAuthorizationInfo(authMode, oAuthScopes), requireScopes).
describe('granular consent', () => {
  const CHAT = 'https://www.googleapis.com/auth/script.external_request';
  const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
  const manifest = { oauthScopes: [MAIL, CHAT] };

  it('reports a declined scope as REQUIRED when asked about it, and lists the granted ones', () => {
    const triggers = new TriggerState();
    const runtime = loadBundle({ triggers, manifest });
    const status = (scopes?: string[]) =>
      runtime.run<string>(
        `String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL${scopes ? `, ${JSON.stringify(scopes)}` : ''}).getAuthorizationStatus())`,
      );
    expect([status(), status([CHAT])]).toEqual(['NOT_REQUIRED', 'NOT_REQUIRED']);
    triggers.declineScope(CHAT);
    expect([status([MAIL]), status([CHAT]), status()]).toEqual([
      'NOT_REQUIRED',
      'REQUIRED',
      'REQUIRED',
    ]);
    expect(
      runtime.run<string[]>(
        `ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, ${JSON.stringify([MAIL, CHAT])}).getAuthorizedScopes()`,
      ),
    ).toEqual([MAIL]);
  });

  it('requireScopes returns when granted, and otherwise prompts and ends the execution', () => {
    const triggers = new TriggerState();
    const runtime = loadBundle({ triggers, manifest });
    const require = () =>
      runtime.run(`ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ${JSON.stringify([CHAT])})`);
    require();
    expect(triggers.consentPrompts).toEqual([]);
    triggers.declineScope(CHAT);
    expect(require).toThrow('Authorization is required to perform that action.');
    expect(triggers.consentPrompts).toEqual([[CHAT]]);
    expect(triggers.isGranted(CHAT)).toBe(false);
    // The user accepts at the prompt: the execution still ends, the next one has the scope.
    triggers.consentAnswer = 'grant';
    expect(require).toThrow('Authorization is required');
    require();
    expect(triggers.isGranted(CHAT)).toBe(true);
  });

  it('refuses a scope the manifest does not list', () => {
    const runtime = loadBundle({ manifest });
    for (const code of [
      "ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, ['https://www.googleapis.com/auth/drive'])",
      "ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, ['https://mail.google.com/'])",
    ]) {
      expect(() => runtime.run(code)).toThrow('Invalid argument: oAuthScopes');
    }
  });
});

describe('Sheet.insertColumnsAfter', () => {
  it('widens the grid, moving the columns to its right; refuses a position outside it', () => {
    const spreadsheet = createSpreadsheet({ Log: [['a', 'b', 'c']] });
    const sheet = spreadsheet.sheet('Log');
    const columns = sheet.getMaxColumns();
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(columns + 2);
    expect(sheet.snapshotValues()[0]?.slice(0, 5)).toEqual(['a', '', '', 'b', 'c']);
    expect(() => sheet.insertColumnsAfter(columns + 3, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
});

describe('MailApp during an outage', () => {
  it('fails the next sends with a service error and sends nothing, then recovers', () => {
    const mail = new MailState();
    const runtime = loadBundle({ mail });
    mail.failNextSends(1);
    const send = () => runtime.run("MailApp.sendEmail('ana@acme.test', 'Hello', 'Body')");
    expect(send).toThrow('Service unavailable: Gmail');
    send();
    expect(mail.outbox).toHaveLength(1);
  });
});

describe('reading what was written', () => {
  // Range.getValues: a date cell (a serial number under a date format) reads as a Date.
  it('a number under a date format reads back as a Date at that day’s midnight', () => {
    const book = createSpreadsheet({ Data: [[]] }, { timeZone: 'America/New_York' });
    const cell = book.sheet('Data').getRange(1, 1);
    cell.setNumberFormat('yyyy-mm-dd').setValue(46356); // 2026-11-30
    const value = cell.getValue();
    expect(value).toBeInstanceOf(Date);
    expect((value as Date).toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(cell.getDisplayValues()).toEqual([['2026-11-30']]);
  });

  it('typed percentages keep the digits typed: "95%" is 0.95', () => {
    const book = createSpreadsheet({ Data: [[]] });
    const cell = book.sheet('Data').getRange(1, 1);
    cell.setValue('95%');
    expect(cell.getValue()).toBe(0.95);
  });
});
