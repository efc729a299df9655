/**
 * The playground's model: the demo book and the bundle in the local runtime, seen the way a
 * user sees the spreadsheet. It computes the custom-function columns through the bundle (as
 * Sheets calls them), runs the menu's handlers (answering their prompts through the fake
 * Ui), moves the active cell, and lists the documents and emails the bundle produced.
 */
import { columnLetter } from '../../src/core/dashboard';
import type { DemoRun } from '../demo-run';
import { formatDay } from '../cli-args';
import { displayText, documentToHtml, type LocalRuntime, type UiEvent } from '../runtime';
import { chartViews } from './chart-views';
import {
  type ActionReply,
  type BookTable,
  PLAYGROUND_ACTIONS,
  type PlaygroundAction,
  type PlaygroundState,
  type SheetValues,
  type ShownEvent,
  type TableColumn,
} from './types';

/** How many of the book's own columns the table shows (the sheet has more). */
export const BOOK_COLUMNS_SHOWN = 20;

/** Sidebar calls that change nothing: the page need not refresh after them. */
const READ_ONLY_CALLS = new Set(['getAccount', 'searchAccounts', 'getPlaybooks']);

/** The hour the playground answers when "Turn on daily alerts" asks for one. */
export const ALERT_HOUR = '8';

const ALERT_TRIGGER = 'onAlertsTrigger';

/**
 * A computed value as its formula cell shows it: the cell is on Automatic, as nobody
 * formatted it (the runtime's display of a cell, number-format.ts).
 */
function cellText(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '';
  const cell = value as string | number | boolean | Date;
  if (typeof cell === 'number' && !Number.isFinite(cell)) return '#NUM!';
  return displayText(cell, undefined, timeZone);
}

/** The first column of a custom function's result, one cell per row. */
function firstColumn(result: unknown, rows: number): unknown[] {
  if (!Array.isArray(result))
    return Array.from({ length: rows }, (_, i) => (i === 0 ? result : ''));
  return result.map((line: unknown) => (Array.isArray(line) ? line[0] : line));
}

type Sheet = NonNullable<ReturnType<LocalRuntime['spreadsheet']['getSheetByName']>>;

/**
 * The demo book is built from values, as if pasted; a user who typed its dates would see them
 * as dates ("1/30/2026"): Sheets gives a typed date its format. The columns holding only dates
 * at midnight get that format, so that the page shows what such a book shows.
 */
function formatDateColumns(book: Sheet): void {
  const values = book.getDataRange().getValues() as unknown[][];
  const rows = values.length - 1;
  const tz = book.getParent().getSpreadsheetTimeZone();
  const isDay = (v: unknown) =>
    Object.prototype.toString.call(v) === '[object Date]' &&
    displayText(v as Date, 'H:mm:ss', tz) === '0:00:00';
  (values[0] ?? []).forEach((_, column) => {
    const cells = values.slice(1).map((row) => row[column]);
    if (cells.some(isDay) && cells.every((v) => v === '' || isDay(v))) {
      book.getRange(2, column + 1, rows, 1).setNumberFormat('M/d/yyyy');
    }
  });
}

interface Computed {
  readonly column: TableColumn;
  readonly cells: readonly unknown[];
}

export class Playground {
  readonly runtime: LocalRuntime;
  private computed: Computed[] | undefined;
  private readonly dialogs: { title: string; html: string }[] = [];

  constructor(readonly run: DemoRun) {
    this.runtime = run.runtime;
    const book = this.runtime.spreadsheet.getSheetByName(run.sheetName);
    if (book && book.getLastRow() >= 2) {
      formatDateColumns(book);
      // The first account selected, so that the sidebar opens on it.
      book.getRange(2, 1).activate();
    }
  }

  private get timeZone(): string {
    return this.runtime.spreadsheet.getSpreadsheetTimeZone();
  }

  private bookValues(): unknown[][] {
    const sheet = this.runtime.spreadsheet.getSheetByName(this.run.sheetName);
    if (!sheet) throw new Error(`The sheet "${this.run.sheetName}" is gone.`);
    return sheet.getDataRange().getValues() as unknown[][];
  }

  /**
   * The custom-function columns, computed by the bundle from the sheet's values as Sheets
   * would (one call per formula, the whole column at once). A formula that throws shows
   * "#ERROR!" and its message in every cell, as a cell would on hover.
   */
  private compute(): Computed[] {
    const values = this.bookValues();
    const headers = [values[0] ?? []];
    const rows = values.slice(1);
    const last = rows.length + 1;
    const width = headers[0]?.length ?? 0;
    const headerRange = `A1:${columnLetter(width - 1)}1`;
    const rowsRange = `A2:${columnLetter(width - 1)}${last}`;
    const columnRange = (title: string) => {
      const at = headers[0]?.indexOf(title) ?? -1;
      if (at < 0) return undefined;
      const letter = columnLetter(at);
      return { range: `${letter}2:${letter}${last}`, cells: rows.map((row) => [row[at]]) };
    };
    const has = (name: string) => typeof this.runtime.globals[name] === 'function';
    const out: Computed[] = [];
    const add = (title: string, fn: string, formula: string, args: () => unknown[]) => {
      if (!has(fn)) return;
      let cells: unknown[];
      try {
        cells = firstColumn(this.runtime.call(fn, ...args()), rows.length);
      } catch (error) {
        const message = `#ERROR! ${error instanceof Error ? error.message : String(error)}`;
        cells = rows.map(() => message);
      } finally {
        this.runtime.endExecution();
      }
      out.push({ column: { title, fn, formula }, cells });
    };
    const book = `${headerRange}, ${rowsRange}`;
    add('Health score', 'HEALTHSCORE', `=HEALTHSCORE(${book})`, () => [headers, rows]);
    const scores = out[0]?.cells ?? [];
    // As if the formulas filled the columns right of the book, the score's first.
    const scoreColumn = columnLetter(width);
    add('Tier', 'HEALTHTIER', `=HEALTHTIER(${scoreColumn}2:${scoreColumn}${last})`, () => [
      scores.map((s) => [s]),
    ]);
    const arr = columnRange('ARR');
    if (arr) add('Segment (ARR)', 'SEGMENT', `=SEGMENT(${arr.range})`, () => [arr.cells]);
    add('Churn risk', 'CHURNRISK', `=CHURNRISK(${book})`, () => [headers, rows]);
    const renewal = columnRange('Renewal date');
    if (renewal) {
      add('Renewal stage', 'RENEWALSTAGE', `=RENEWALSTAGE(${renewal.range})`, () => [
        renewal.cells,
      ]);
    }
    add('Engagement', 'ENGAGEMENTLEVEL', `=ENGAGEMENTLEVEL(${book})`, () => [headers, rows]);
    add('Expansion', 'EXPANSIONREADY', `=EXPANSIONREADY(${book})`, () => [headers, rows]);
    add('Top drivers', 'HEALTHDRIVERS', `=HEALTHDRIVERS(${book})`, () => [headers, rows]);
    return out;
  }

  /** Marks the formulas for recalculation (after anything that may have changed the sheet). */
  invalidate(): void {
    this.computed = undefined;
  }

  /** Recalculates the formula columns now. */
  recalculate(): void {
    this.computed = this.compute();
  }

  private bookTable(): BookTable {
    if (!this.computed) this.recalculate();
    const computed = this.computed ?? [];
    const sheet = this.runtime.spreadsheet.getSheetByName(this.run.sheetName);
    const display = (sheet?.getDataRange().getDisplayValues() ?? []) as string[][];
    const headers = display[0] ?? [];
    const shown = Math.min(BOOK_COLUMNS_SHOWN, headers.length);
    const tz = this.timeZone;
    // The account's name first, then the formulas' columns, then the book's first columns.
    const columns: TableColumn[] = [
      { title: headers[0] ?? '' },
      ...computed.map((c) => c.column),
      ...headers.slice(1, shown).map((title) => ({ title })),
    ];
    const rows = display.slice(1).map((line, index) => ({
      row: index + 2,
      cells: [
        line[0] ?? '',
        ...computed.map((c) => cellText(c.cells[index], tz)),
        ...line.slice(1, shown),
      ],
    }));
    return {
      sheet: this.run.sheetName,
      columns,
      rows,
      sheetColumns: headers.length,
      shownColumns: shown,
    };
  }

  /** The active cell's row, when the book is the active sheet. */
  activeRow(): number | null {
    const sheet = this.runtime.spreadsheet.getActiveSheet();
    if (sheet.getName() !== this.run.sheetName) return null;
    const range = this.runtime.spreadsheet.getActiveRange();
    const row = range ? range.getRow() : 0;
    return row >= 2 ? row : null;
  }

  /** Moves the active cell to column A of `row` on the book (as a click in the sheet does). */
  select(row: number): void {
    const sheet = this.runtime.spreadsheet.getSheetByName(this.run.sheetName);
    if (!sheet) throw new Error(`The sheet "${this.run.sheetName}" is gone.`);
    if (!Number.isInteger(row) || row < 1 || row > sheet.getMaxRows()) {
      throw new Error(`No row ${row} on "${this.run.sheetName}".`);
    }
    sheet.getRange(row, 1).activate();
  }

  state(): PlaygroundState {
    const runtime = this.runtime;
    const user = runtime.session.getEffectiveUser().getEmail();
    return {
      spreadsheetName: runtime.spreadsheet.getName(),
      today: formatDay(this.run.options.today),
      timeZone: this.timeZone,
      seed: this.run.options.seed,
      book: this.bookTable(),
      activeRow: this.activeRow(),
      documents: runtime.documents.all().map((d) => ({ id: d.id, name: d.name, url: d.url })),
      outbox: runtime.mail.outbox.map((m, index) => ({
        index,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        at: m.at.toISOString(),
        html: m.htmlBody !== undefined && m.htmlBody !== '',
      })),
      sheets: runtime.spreadsheet.getSheets().map((sheet) => ({
        name: sheet.getName(),
        rows: sheet.getLastRow(),
        columns: sheet.getLastColumn(),
      })),
      alertsOn: runtime.triggers.clockTriggers(ALERT_TRIGGER, user).length > 0,
      emailsLeft: runtime.mail.state.remaining(user),
    };
  }

  /**
   * A sheet as Sheets shows it: its values under their number formats, and its charts drawn
   * from their specs; undefined for no such sheet.
   */
  sheetValues(name: string): SheetValues | undefined {
    const sheet = this.runtime.spreadsheet.getSheetByName(name);
    if (!sheet) return undefined;
    const values =
      sheet.getLastRow() > 0 ? (sheet.getDataRange().getDisplayValues() as string[][]) : [];
    return { name, values, charts: chartViews(this.runtime.spreadsheet, name) };
  }

  /** A generated document as a readable HTML page. */
  documentHtml(id: string): string | undefined {
    const document = this.runtime.documents.documents.get(id);
    return document ? documentToHtml(document) : undefined;
  }

  /** An email's body: its HTML, or its text in a <pre>. */
  mailBody(index: number): { html?: string; text: string } | undefined {
    const mail = this.runtime.mail.outbox[index];
    if (!mail) return undefined;
    return mail.htmlBody ? { html: mail.htmlBody, text: mail.body } : { text: mail.body };
  }

  /** The HTML of a dialog an action showed. */
  dialog(id: number): { title: string; html: string } | undefined {
    return this.dialogs[id];
  }

  /** After a google.script.run call from the sidebar: recalculate if it may have changed. */
  afterScriptCall(name: string): void {
    if (!READ_ONLY_CALLS.has(name)) this.invalidate();
  }

  private shown(events: readonly UiEvent[]): ShownEvent[] {
    return events.map((event): ShownEvent => {
      switch (event.type) {
        case 'alert':
        case 'prompt':
          return {
            type: event.type,
            title: event.title,
            text: event.prompt,
            response: event.response,
          };
        case 'sidebar':
          return { type: 'sidebar', title: event.outputTitle };
        case 'modalDialog':
        case 'modelessDialog': {
          this.dialogs.push({ title: event.title, html: event.html });
          return {
            type: 'dialog',
            title: event.title,
            id: this.dialogs.length - 1,
            width: event.width,
            height: event.height,
          };
        }
      }
    });
  }

  /** Runs a menu action as the user would pick it from the CS Engine menu. */
  action(name: PlaygroundAction): ActionReply {
    if (!Object.prototype.hasOwnProperty.call(PLAYGROUND_ACTIONS, name)) {
      throw new Error(`No action "${String(name)}".`);
    }
    const runtime = this.runtime;
    const from = runtime.ui.events.length;
    let error: string | undefined;
    const menu = (handler: string) => {
      try {
        runtime.call(handler);
      } finally {
        runtime.endExecution();
      }
    };
    try {
      // The page shows the book: the user is on it when they pick a menu item (an earlier
      // action may have made a sheet it created the active one, as Sheets does).
      runtime.spreadsheet.getSheetByName(this.run.sheetName)?.activate();
      switch (name) {
        case 'alerts-run':
          // "Run alerts now" on a book whose alerts are off: turn them on first, answering the
          // menu's question (the hour) as a user would.
          if (!this.state().alertsOn) {
            runtime.ui.respondWith('OK', ALERT_HOUR);
            menu('menuAlertsOn');
          }
          menu('menuAlertsRunNow');
          break;
        case 'alerts-preview':
          menu('menuAlertsPreview');
          break;
        case 'alerts-status':
          menu('menuAlertsStatus');
          break;
        case 'dashboard':
          menu('menuRefreshDashboard');
          break;
        case 'diagnostics':
          menu('menuDiagnostics');
          break;
        case 'check-columns':
          menu('menuCheckHeaders');
          break;
      }
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    // Back to the book, its selection kept: the page goes on showing it.
    runtime.spreadsheet.getSheetByName(this.run.sheetName)?.activate();
    this.invalidate();
    const events = this.shown(runtime.ui.events.slice(from));
    return { ok: error === undefined, ...(error ? { error } : {}), events, state: this.state() };
  }
}
