/**
 * Dates that move. Sheets caches a custom function's result until an argument changes, and
 * volatile functions such as TODAY() are not allowed as arguments (Google: "Custom Functions
 * in Google Sheets", Data types / Optimization). The add-on keeps the named range CSE_TODAY at
 * today's date, and formulas that pass it recompute when it changes.
 */
import { createSpreadsheet, loadBundle, type LocalRuntime } from '../../dev/runtime';

const DAY_MS = 86_400_000;
const HEADERS = ['Account', 'DAU/MAU', 'Last login', 'Renewal date'];
const LAST_LOGIN = new Date('2026-11-20T05:00:00Z');
const RENEWAL = new Date('2027-02-01T05:00:00Z');

function openBook(): { runtime: LocalRuntime; spreadsheet: ReturnType<typeof createSpreadsheet> } {
  const spreadsheet = createSpreadsheet(
    { Accounts: [HEADERS, ['Acme', 0.5, LAST_LOGIN, RENEWAL]] },
    { timeZone: 'America/New_York' },
  );
  const runtime = loadBundle({ spreadsheet, now: new Date('2026-11-30T15:00:00Z') });
  return { runtime, spreadsheet };
}

/** What Sheets hands a custom function for the CSE_TODAY cell. */
function todayCell(runtime: LocalRuntime): unknown {
  const range = runtime.spreadsheet.getRangeByName('CSE_TODAY');
  if (!range) throw new Error('CSE_TODAY is missing');
  return range.getValue();
}

function score(runtime: LocalRuntime, today: unknown): unknown {
  const column = runtime.call(
    'HEALTHSCORE',
    [HEADERS],
    [['Acme', 0.5, LAST_LOGIN, RENEWAL]],
    '',
    today,
  );
  return (column as unknown[][])[0]?.[0];
}

describe('CSE_TODAY', () => {
  it('is stamped when the spreadsheet opens, and formulas that use it move with the days', () => {
    const { runtime } = openBook();
    runtime.call('onOpen', { authMode: 'LIMITED' });
    const first = todayCell(runtime);
    const scoreThen = score(runtime, first);
    const stageThen = runtime.call('RENEWALSTAGE', RENEWAL, first);

    runtime.clock.advance(30 * DAY_MS);
    runtime.call('onOpen', { authMode: 'LIMITED' });
    const later = todayCell(runtime);
    expect(later).not.toEqual(first);
    // No login for 40 days instead of 10, and 33 days to renewal instead of 63.
    expect(score(runtime, later)).toBeLessThan(scoreThen as number);
    expect(runtime.call('RENEWALSTAGE', RENEWAL, later)).not.toEqual(stageThen);
  });

  it('holds the calendar day in the spreadsheet’s time zone, formatted as a date', () => {
    const { runtime, spreadsheet } = openBook();
    runtime.clock.setNow(new Date('2026-12-01T03:00:00Z')); // still 30 November in New York
    runtime.call('onOpen', { authMode: 'LIMITED' });
    const cell = spreadsheet.getRangeByName('CSE_TODAY');
    expect(cell?.getNumberFormat()).toBe('yyyy-mm-dd');
    expect(
      runtime.call('RENEWALSTAGE', new Date('2026-12-01T05:00:00Z'), todayCell(runtime)),
    ).toMatch(/1 day/);
  });

  it('lives on a hidden sheet of its own, and never moves the user off their sheet', () => {
    const { runtime, spreadsheet } = openBook();
    runtime.call('onOpen', { authMode: 'LIMITED' });
    expect(spreadsheet.activeSheetView().getName()).toBe('Accounts');
    expect(spreadsheet.sheet('CS Engine').isSheetHidden()).toBe(true);
    expect(spreadsheet.sheet('Accounts').getDataRange().getValues()).toHaveLength(2);
  });

  it('is written once a day: opening the menu again the same day writes nothing', () => {
    const { runtime } = openBook();
    runtime.call('onOpen', { authMode: 'LIMITED' });
    const writes = runtime.calls.count('Range.setValue');
    runtime.call('onOpen', { authMode: 'LIMITED' });
    expect(runtime.calls.count('Range.setValue')).toBe(writes);
  });

  it('is left alone in AuthMode.NONE, where the add-on may not read the spreadsheet', () => {
    const { runtime, spreadsheet } = openBook();
    runtime.call('onOpen', { authMode: 'NONE' });
    expect(spreadsheet.getRangeByName('CSE_TODAY')).toBeNull();
    expect(runtime.ui.menu('CS Engine')).toBeDefined();
  });

  it('formulas without today still work, counting from the clock', () => {
    const { runtime } = openBook();
    expect(score(runtime, undefined)).toEqual(score(runtime, new Date('2026-11-30T05:00:00Z')));
  });

  it('a today that is not a date says so in the user’s words', () => {
    const { runtime } = openBook();
    expect(() => score(runtime, 'soon')).toThrow(
      "HEALTHSCORE: today should be a date such as 2026-11-23 (or CSE_TODAY), found 'soon'.",
    );
  });
});

describe('CSE_TODAY and the daily trigger', () => {
  it('the alert trigger brings it to the new day, without anyone opening the spreadsheet', () => {
    const { runtime } = openBook();
    runtime.call('onOpen', { authMode: 'LIMITED' });
    const first = todayCell(runtime);
    runtime.clock.advance(DAY_MS);
    runtime.call('onAlertsTrigger');
    expect(todayCell(runtime)).not.toEqual(first);
  });
});
