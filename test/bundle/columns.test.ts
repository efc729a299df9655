/**
 * Columns mapped, not renamed, through the built bundle: a book whose export names six columns
 * its own way ("Most recent login", "Exec buyer", "Usage ratio", "Seats bought", "Seats in
 * use", "Team lead") is mapped in the sidebar's Columns tab, and then scores, alerts, shows
 * in the sidebar and fills the Dashboard exactly as the same book with the headers renamed.
 * The book's own cells are never changed, and the Columns sheet holds the user's headers as
 * text, never as formulas.
 */
import {
  type FakeSpreadsheet,
  LockState,
  MailState,
  PropertiesState,
  TriggerState,
  loadBundle,
  type LocalRuntime,
} from '../../dev/runtime';
import type { AccountView, ColumnsView } from '../../src/app/sidebar/api';
import { SIDEBAR_NOW } from '../helpers/sidebar-book';
import {
  FORMULA_HEADER,
  HTML_HEADER,
  MAPPED_ROWS as ROWS,
  OWN,
  RENAMED,
  mappedSpreadsheet as spreadsheet,
  targetOf,
} from '../helpers/mapped-book';

const TODAY = new Date('2026-01-15T00:00:00Z');

function runtime(book: FakeSpreadsheet): LocalRuntime {
  return loadBundle({
    spreadsheet: book,
    timeZone: 'UTC',
    now: SIDEBAR_NOW,
    userEmail: 'owner@acme.test',
    properties: new PropertiesState(),
    locks: new LockState(),
    mail: new MailState({ dailyQuota: 100 }),
    triggers: new TriggerState({ addonLimits: true }),
  });
}

/** The mapped book, mapped in the Columns tab as a user would. */
function mappedBook(): { rt: LocalRuntime; before: unknown; view: ColumnsView } {
  const rt = runtime(spreadsheet(OWN));
  const accounts = rt.spreadsheet.sheet('Accounts');
  const before = [accounts.snapshotValues(), accounts.snapshotFormulas()];
  const shown = rt.call<ColumnsView>('getColumns');
  const choices = shown.unrecognised.map(({ header }) => ({ header, target: targetOf(header) }));
  const view = rt.call<ColumnsView>('saveColumns', { sheet: shown.sheet, choices });
  return { rt, before, view };
}

const sheetValues = (rt: LocalRuntime, name: string) =>
  rt.spreadsheet.getSheetByName(name)?.getDataRange().getValues() ?? [];

describe('the Columns tab', () => {
  it('offers the unrecognised headers, then saves the mapping in the Columns sheet', () => {
    const rt = runtime(spreadsheet(OWN));
    const shown = rt.call<ColumnsView>('getColumns');
    expect(shown.sheet).toBe('Accounts');
    expect(shown.unrecognised.map((h) => [h.header, h.target, h.chosen])).toEqual([
      ['Team lead', '', false],
      ['Usage ratio', '', false],
      ['Seats bought', '', false],
      ['Seats in use', '', false],
      ['Exec buyer', '', false],
      ['Most recent login', '', false],
      [FORMULA_HEADER, '', false],
      [HTML_HEADER, '', false],
      ['Notes', '', false],
    ]);
    expect(shown.formula).toBeNull();
    const { view } = mappedBook();
    expect(view.saved).toBe(
      'Saved: 6 columns mapped, 3 columns ignored. CS Engine now reads "Accounts" this way everywhere; your sheet is unchanged.',
    );
    expect(view.unrecognised.every((h) => h.chosen)).toBe(true);
    expect(view.report).toContain(
      'Recognised, 33 columns: Account, Account ID, Team lead (mapped to CSM), CSM email, ARR, Renewal date, Contract start, Usage ratio (mapped to DAU/MAU), Seats bought (mapped to Seats licensed), Seats in use (mapped to Seats active), Features used, Features available, Champion, Champion status, Exec buyer (mapped to Executive sponsor), Payment status, ARR trend, Goals defined, Goals achieved, ROI documented, Hours saved per month, Hourly rate, Annual investment, Tickets (30 days), CSAT, Open critical tickets, NPS, Most recent login (mapped to Last login), Competitor mentioned, Segment, Status, Churn date, Churn reason.',
    );
    expect(view.report).toContain(
      `Ignored, as mapped, 3 columns: ${FORMULA_HEADER}, ${HTML_HEADER}, Notes.`,
    );
    expect(view.formula).toBe("=HEALTHSCORE(Columns!A1:AZ1, 'Accounts'!A2:AZ500, , CSE_TODAY)");
  });

  it('keeps the user’s headers as text in the Columns sheet: no formula from user text', () => {
    const { rt } = mappedBook();
    const columns = rt.spreadsheet.sheet('Columns');
    expect(
      columns
        .snapshotFormulas()
        .flat()
        .filter((formula) => formula !== ''),
    ).toEqual([]);
    const [row1, row2] = columns.getRange(1, 1, 2, RENAMED.length).getValues();
    expect(row2).toEqual(OWN);
    // Row 1: what CS Engine reads; the two ignored headers are blank.
    const ignored = [FORMULA_HEADER, HTML_HEADER, 'Notes'];
    expect(row1).toEqual(RENAMED.map((h) => (ignored.includes(h) ? '' : h)));
    expect(columns.getMaxColumns()).toBe(52);
    expect(columns.getFrozenRows()).toBe(1);
    // Made without moving the user off their sheet.
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('Accounts');
  });

  it('refuses a choice that would read one column twice, in words, and saves nothing', () => {
    const rt = runtime(spreadsheet(OWN));
    expect(() =>
      rt.call('saveColumns', {
        sheet: 'Accounts',
        choices: [
          { header: 'Seats bought', target: 'seatsActive' },
          { header: 'Seats in use', target: 'seatsActive' },
        ],
      }),
    ).toThrow(
      '"Seats bought" and "Seats in use" are both mapped to Seats active: CS Engine reads one column for it. Choose Ignore for one of them.',
    );
    expect(rt.spreadsheet.getSheetByName('Columns')).toBeNull();
  });

  it('never writes over a sheet named Columns that the user made', () => {
    const book = spreadsheet(OWN);
    book
      .insertSheet('Columns')
      .getRange(1, 1, 1, 2)
      .setValues([['My', 'notes']]);
    const rt = runtime(book);
    expect(() => rt.call('saveColumns', { sheet: 'Accounts', choices: [] })).toThrow(
      /^A sheet named "Columns" already exists and is not CS Engine’s\./,
    );
    expect(book.sheet('Columns').getRange(1, 1, 1, 2).getValues()).toEqual([['My', 'notes']]);
  });
});

describe('a mapped book reads exactly as the same book renamed', () => {
  it('HEALTHSCORE and the other formulas, with their headers from the Columns sheet', () => {
    const { rt } = mappedBook();
    const renamed = runtime(spreadsheet(RENAMED));
    // What =HEALTHSCORE(Columns!A1:AZ1, Accounts!A2:AZ500, , CSE_TODAY) is given: the
    // Columns sheet's row 1, 52 columns; the book's rows, as wide as the book.
    const headers = rt.spreadsheet.getRange('Columns!A1:AZ1').getValues();
    const rowsOf = (r: LocalRuntime) =>
      r.spreadsheet.sheet('Accounts').getRange(2, 1, ROWS.length, RENAMED.length).getValues();
    const rows = rowsOf(rt);
    const renamedRows = rowsOf(renamed);
    const renamedHeaders = renamed.spreadsheet
      .sheet('Accounts')
      .getRange(1, 1, 1, RENAMED.length)
      .getValues();
    for (const fn of ['HEALTHSCORE', 'HEALTHDRIVERS']) {
      const mapped = rt.call<unknown[][]>(fn, headers, rows, '', TODAY);
      expect(mapped.slice(0, ROWS.length)).toEqual(
        renamed.call<unknown[][]>(fn, renamedHeaders, renamedRows, '', TODAY).slice(0, ROWS.length),
      );
    }
    const scores = rt.call<unknown[][]>('HEALTHSCORE', headers, rows, '', TODAY);
    expect(scores.slice(0, 3).every((row) => typeof row[0] === 'number')).toBe(true);
    for (const fn of ['CHURNRISK', 'EXPANSIONREADY', 'ENGAGEMENTLEVEL']) {
      expect(rt.call(fn, headers, rows, TODAY)).toEqual(
        renamed.call(fn, renamedHeaders, renamedRows, TODAY),
      );
    }
  });

  it('the alert run: the same Alert Log, History and emails', () => {
    const { rt } = mappedBook();
    const renamed = runtime(spreadsheet(RENAMED));
    for (const r of [rt, renamed]) {
      r.ui.respondWith('OK', '8');
      r.call('menuAlertsRunNow');
    }
    expect(sheetValues(rt, 'Alert Log').length).toBeGreaterThan(1);
    expect(sheetValues(rt, 'Alert Log')).toEqual(sheetValues(renamed, 'Alert Log'));
    expect(sheetValues(rt, 'History')).toEqual(sheetValues(renamed, 'History'));
    expect(rt.mail.outbox.length).toBeGreaterThan(0);
    expect(rt.mail.outbox).toEqual(renamed.mail.outbox);
  });

  it('the sidebar’s account view and search', () => {
    const { rt } = mappedBook();
    const renamed = runtime(spreadsheet(RENAMED));
    for (let row = 2; row <= ROWS.length + 1; row++) {
      const mapped = rt.call<AccountView>('getAccount', { row });
      expect(mapped).toEqual(renamed.call<AccountView>('getAccount', { row }));
    }
    expect(rt.call<AccountView>('getAccount', { row: 2 }).csm).toBe('Dana Lee');
    expect(rt.call('searchAccounts', 'acme')).toEqual(renamed.call('searchAccounts', 'acme'));
  });

  it('the Dashboard', () => {
    const { rt } = mappedBook();
    const renamed = runtime(spreadsheet(RENAMED));
    rt.call('menuRefreshDashboard');
    renamed.call('menuRefreshDashboard');
    const dashboard = (r: LocalRuntime) => {
      const sheet = r.spreadsheet.sheet('Dashboard');
      return [sheet.snapshotValues(), sheet.snapshotFormulas()];
    };
    expect(dashboard(rt)).toEqual(dashboard(renamed));
  });

  it('and the book’s own cells are never changed', () => {
    const { rt, before } = mappedBook();
    rt.ui.respondWith('OK', '8');
    rt.call('menuAlertsRunNow');
    rt.call('menuRefreshDashboard');
    rt.call('getAccount', { row: 2 });
    rt.call('menuDiagnostics');
    rt.call('generateQbr', { row: 2, quarter: 'Q4 2025', agenda: 'qbr-60' });
    const accounts = rt.spreadsheet.sheet('Accounts');
    expect([accounts.snapshotValues(), accounts.snapshotFormulas()]).toEqual(before);
  });
});

describe('when the book’s headers change after the mapping', () => {
  it('the book is still read right, and Check setup and the sidebar say so', () => {
    const { rt } = mappedBook();
    const accounts = rt.spreadsheet.sheet('Accounts');
    // The team's next export puts a new column first: every column moves one to the right.
    accounts.insertColumnsAfter(1, 1);
    accounts.getRange(1, 2).setValue('Region');
    const renamed = runtime(spreadsheet(RENAMED));
    const view = rt.call<AccountView & { columnsChanged?: string }>('getAccount', { row: 2 });
    expect(view.columnsChanged).toBe(
      'The columns of "Accounts" changed since they were mapped (new "Region"). Open CS Engine > Check my book’s columns and save the mapping again: formulas that take their headers from the Columns sheet read its row 1 by position.',
    );
    expect({ ...view, columnsChanged: undefined }).toEqual({
      ...renamed.call<AccountView>('getAccount', { row: 2 }),
      columnsChanged: undefined,
    });
    expect(rt.call<ColumnsView>('getColumns').changed).toBe(view.columnsChanged);
    rt.call('menuDiagnostics');
    const dialog = rt.ui.events.find((event) => event.type === 'modalDialog');
    const html = dialog?.type === 'modalDialog' ? dialog.html : '';
    expect(html).toContain('⚠️ Your book of accounts');
    expect(html).toContain('changed since they were mapped (new &quot;Region&quot;)');
    expect(html).toContain('Most recent login (mapped to Last login)');
  });

  it('a book found only through its mapping: the Account column under another name', () => {
    const own = OWN.map((header) => (header === 'Account' ? 'Customer account' : header));
    const rt = runtime(spreadsheet(own));
    expect(() => rt.call('getAccount', { row: 2 })).toThrow(
      /map them with CS Engine > Check my book’s columns\.$/,
    );
    rt.spreadsheet.sheet('Accounts').getRange(3, 2).activate();
    const shown = rt.call<ColumnsView>('getColumns');
    expect(shown.sheet).toBe('Accounts');
    rt.call('saveColumns', {
      sheet: 'Accounts',
      choices: [
        { header: 'Customer account', target: 'account' },
        { header: 'Usage ratio', target: 'dauMau' },
      ],
    });
    expect(rt.call<AccountView>('getAccount', { row: 2 }).name).toBe('Acme Corp');
  });
});

describe('the health model in BigQuery, from the Columns tab', () => {
  it('writes the SQL for the current model with the mapping: mapped headers read as mapped', () => {
    const { rt } = mappedBook();
    const view = rt.callFromSidebar<{ sql: string; model: string; sheet: string }>('getHealthSql', {
      table: 'my-project.cs.accounts',
    });
    expect(view.sheet).toBe('Accounts');
    expect(view.model).toBe('CS Engine (default)');
    expect(view.sql).toContain('my-project.cs.accounts');
    // "Usage ratio", mapped to DAU/MAU, is read from its own column as BigQuery names it.
    expect(view.sql).toContain('usage_ratio');
    expect(view.sql).toMatch(/health_score/);
  });

  it('asks for project.dataset.table in plain words', () => {
    const { rt } = mappedBook();
    expect(() => rt.callFromSidebar('getHealthSql', { table: 'accounts; DROP TABLE x' })).toThrow(
      'Give the BigQuery table as project.dataset.table, for example my-project.cs.accounts.',
    );
  });
});
