/**
 * The playground's model (dev/playground/playground.ts) without a browser: a menu item that
 * asks questions is run again with the answers so far until it finishes; a cell is written as
 * typing writes it; "today" moves by a day or to the same day of the next month, the daily
 * alert run running on each day, and a run that stops says why. The page itself is tested in
 * test/browser/playground.test.ts.
 */
import { BookFileError } from '../../dev/book-file';
import { parseDay } from '../../dev/cli-args';
import { startDemoRun } from '../../dev/demo-run';
import { Playground, PlaygroundError } from '../../dev/playground/playground';

jest.setTimeout(30_000);

const text = (s: string) => new TextEncoder().encode(s);

function demo(): Playground {
  return new Playground(
    startDemoRun({ accounts: 12, seed: 42, today: parseDay('2026-11-23'), timeZone: 'UTC' }),
  );
}

describe('menu items with questions', () => {
  test('the first question unanswered ends the run; the answers so far replay it', () => {
    const playground = demo();
    const first = playground.menu('menuAlertsOn');
    expect(first).toEqual({
      status: 'question',
      question: {
        type: 'prompt',
        title: 'CS Engine alerts',
        text: expect.stringMatching(/^At what hour should CS Engine check the book/),
        buttons: 'OK_CANCEL',
      },
    });
    // Asking changed nothing: no trigger yet.
    expect(playground.state().alertsOn).toBe(false);
    const done = playground.menu('menuAlertsOn', [{ button: 'OK', text: '14' }]);
    expect(done).toMatchObject({ status: 'done', ok: true });
    if (done.status !== 'done') throw new Error('not done');
    expect(done.events.map((event) => event.type)).toEqual(['prompt', 'alert']);
    expect(done.state.alertsOn).toBe(true);
    const cancelled = playground.menu('menuAlertsSettings', [{ button: 'CANCEL' }]);
    expect(cancelled).toMatchObject({ status: 'done', ok: true });
  });

  test('only the items of the installed menu, with answers of buttons', () => {
    const playground = demo();
    expect(() => playground.menu('HEALTHSCORE')).toThrow(
      new PlaygroundError('"HEALTHSCORE" is not an item of the add-on\'s menu.'),
    );
    expect(() => playground.menu('menuAlertsOn', [{ button: 'MAYBE' }])).toThrow(PlaygroundError);
  });
});

describe('the book’s columns', () => {
  test('Check my book’s columns opens the sidebar on its Columns tab; once mapped, the formulas read the Columns sheet', () => {
    const playground = demo();
    const opened = playground.menu('menuCheckHeaders');
    expect(opened).toMatchObject({
      status: 'done',
      events: [{ type: 'sidebar', title: 'CS Engine', start: 'columns' }],
    });
    const formula = () =>
      playground.state().book.columns.find((column) => column.fn === 'HEALTHSCORE')?.formula;
    expect(formula()).toMatch(/^=HEALTHSCORE\(A1:[A-Z]+1, A2:/);
    playground.runtime.call('saveColumns', { sheet: 'Accounts', choices: [] });
    playground.afterScriptCall('saveColumns');
    expect(formula()).toMatch(/^=HEALTHSCORE\(Columns!A1:[A-Z]+1, A2:/);
  });
});

describe('edits', () => {
  test('typed as a user types; a formula, a header or a row outside the book is refused', () => {
    const playground = demo();
    const state = playground.edit(3, 5, '$1,200');
    const at = state.book.columns.findIndex((column) => column.column === 5);
    expect(state.book.rows[1]?.cells[at]).toBe('$1,200');
    expect(
      playground.runtime.spreadsheet.getSheetByName('Accounts')?.getRange(3, 5).getValue(),
    ).toBe(1200);
    expect(() => playground.edit(3, 5, '=A1')).toThrow(/does not compute Sheets formulas/);
    expect(() => playground.edit(1, 1, 'Name')).toThrow(
      'Row 1 is not an account row of "Accounts".',
    );
    expect(() => playground.edit(99, 1, 'x')).toThrow(PlaygroundError);
    expect(() => playground.edit(2, 999, 'x')).toThrow(PlaygroundError);
  });
});

describe('today', () => {
  test('a month from January 31 is February 28, one alert run a day', () => {
    const playground = demo();
    playground.load(
      text('Account,CSM email,DAU/MAU,Last login\nAcme,ana@acme.test,40%,2027-01-20\n'),
      'small.csv',
    );
    playground.runtime.setNow(new Date('2027-01-31T12:00:00Z'));
    const reply = playground.moveToday('month');
    expect(reply.ok).toBe(true);
    expect(reply.state.today).toBe('2027-02-28');
    expect(reply.summary).toMatch(
      /^Today is 2027-02-28: 28 days on, the daily alert run ran each day at 08:00\./,
    );
    // Alerts were off: turned on first, and the page is shown what the menu said.
    expect(reply.events.map((event) => event.type)).toEqual(['prompt', 'alert']);
    const history = playground.sheetValues('History')?.values ?? [];
    const daily = history[1]?.[history[0]?.indexOf('Daily scores') ?? -1] ?? '';
    expect(daily).toMatch(/^2027-02-01:\d+:.{27}$/);
  });

  test('a run that stops says why', () => {
    const playground = demo();
    playground.load(text('Name,Notes\nAcme,hello\n'), 'notes.csv');
    const reply = playground.moveToday('day');
    expect(reply.summary).toContain('Its last run stopped: No sheet looks like a book of accounts');
  });

  test('a file that cannot be read leaves the book as it was', () => {
    const playground = demo();
    expect(() => playground.load(text(''), 'empty.csv')).toThrow(BookFileError);
    expect(playground.state().book.accountRows).toBe(12);
  });
});
