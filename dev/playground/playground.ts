/**
 * The playground's model: a book (the demo book, or the user's CSV or Excel file) and the
 * bundle in the local runtime, seen the way a user sees the spreadsheet. It computes the
 * custom-function columns through the bundle (as Sheets calls them, with CSE_TODAY), writes
 * the user's edits as typing does, runs the add-on's menu items (their questions answered in
 * the page), moves "today" with the daily alert trigger running on each day, and lists the
 * documents and emails the bundle produced.
 */
import { TRIGGER_HANDLER } from '../../src/app/alerts/control';
import { loadLastRun } from '../../src/app/alerts/settings';
import { loadSettings } from '../../src/app/workbook/settings';
import { columnLetter } from '../../src/core/dashboard';
import { readLayout } from '../../src/core/book';
import type { CellValue } from '../../src/core/cells';
import { type DayNumber, dayFromParts, dayOfDate, isoDay } from '../../src/core/dates';
import { ALERT_LOG_SHEET } from '../../src/core/owned-sheets';
import { formatCount } from '../../src/core/text';
import { TODAY_RANGE_NAME } from '../../src/functions/today';
import { readBookFile } from '../book-file';
import { type BookRun, startFileRun } from '../book-run';
import {
  displayText,
  documentToHtml,
  type FakeSheet,
  type LocalRuntime,
  type MenuEntry,
  serialToDate,
  type UiEvent,
  type UiQuestion,
} from '../runtime';
import { chartViews } from './chart-views';
import type {
  Answer,
  BookTable,
  MenuReply,
  MenuView,
  PlaygroundState,
  SheetValues,
  ShownEvent,
  TableColumn,
  TodayReply,
  TodayStep,
} from './types';

/** The most account rows the page's table shows (the add-on reads them all). */
export const MAX_ROWS_SHOWN = 1000;

/** Sidebar calls that change nothing: the page need not refresh after them. */
const READ_ONLY_CALLS = new Set(['getAccount', 'searchAccounts', 'getPlaybooks']);

/** The hour the playground answers when alerts must be turned on for "today" to move. */
export const ALERT_HOUR = '8';

/** The most answers one menu item may be given (the longest asks four questions). */
const MAX_ANSWERS = 20;

const BUTTONS = new Set(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']);

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 (Sheets' serial epoch) to 1970-01-01 (day 0 of a DayNumber). */
const SERIAL_OF_DAY_ZERO = 25_569;

/** A mistake in what the page sent (a row that is not there, a formula typed): said as is. */
export class PlaygroundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaygroundError';
  }
}

/** Thrown into the bundle when it asks a question nobody has answered: ends that run. */
class QuestionPending extends Error {
  constructor() {
    super('The add-on is waiting for an answer.');
    this.name = 'QuestionPending';
  }
}

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

function menuView(entries: readonly MenuEntry[]): MenuView[] {
  return entries.map((entry): MenuView => {
    if (entry.type === 'submenu') {
      return { type: 'submenu', caption: entry.caption, entries: menuView(entry.entries) };
    }
    return entry.type === 'item'
      ? { type: 'item', caption: entry.caption, functionName: entry.functionName }
      : { type: 'separator' };
  });
}

function menuFunctions(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((entry) =>
    entry.type === 'item'
      ? [entry.functionName]
      : entry.type === 'submenu'
        ? menuFunctions(entry.entries)
        : [],
  );
}

/** The same day of the next month, or that month's last day (January 31 -> February 28). */
function nextMonth(day: DayNumber): DayNumber {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1; // the next month, 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayFromParts(year, month + 1, Math.min(date.getUTCDate(), last));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Computed {
  readonly column: TableColumn;
  readonly cells: readonly unknown[];
}

export class Playground {
  private current: BookRun;
  private computed: Computed[] | undefined;
  private dialogs: { title: string; html: string }[] = [];

  constructor(run: BookRun) {
    this.current = run;
    this.selectFirstAccount();
  }

  get run(): BookRun {
    return this.current;
  }

  get runtime(): LocalRuntime {
    return this.current.runtime;
  }

  private get timeZone(): string {
    return this.runtime.spreadsheet.getSpreadsheetTimeZone();
  }

  private bookSheet(): FakeSheet {
    const sheet = this.runtime.spreadsheet.getSheetByName(this.run.sheetName);
    if (!sheet) throw new PlaygroundError(`The sheet "${this.run.sheetName}" is gone.`);
    return sheet;
  }

  /** The first account selected, so that the sidebar opens on it. */
  private selectFirstAccount(): void {
    const book = this.runtime.spreadsheet.getSheetByName(this.run.sheetName);
    if (!book) return;
    book.activate();
    if (book.getLastRow() >= 2) book.getRange(2, 1).activate();
  }

  private bookValues(): unknown[][] {
    const sheet = this.bookSheet();
    return sheet.getLastRow() > 0 ? (sheet.getDataRange().getValues() as unknown[][]) : [];
  }

  /** The day on the runtime's clock, in the spreadsheet's time zone. */
  private today(): DayNumber {
    return dayOfDate(this.runtime.clock.now(), this.timeZone);
  }

  /**
   * The custom-function columns, computed by the bundle from the sheet's values as Sheets
   * would (one call per formula, the whole column at once). The formulas that count days get
   * CSE_TODAY, the named range the add-on keeps at today's date, as its formula help says to:
   * moving "today" moves them. A formula that throws shows "#ERROR!" and its message in
   * every cell, as a cell would on hover.
   */
  private compute(): Computed[] {
    const values = this.bookValues();
    const headers = [values[0] ?? []];
    const rows = values.slice(1);
    if (rows.length === 0) return [];
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
    const todayRange = this.runtime.spreadsheet.getRangeByName(TODAY_RANGE_NAME);
    const today = todayRange ? [todayRange.getValue()] : [];
    const todayArg = todayRange ? `, ${TODAY_RANGE_NAME}` : '';
    const has = (name: string) => typeof this.runtime.globals[name] === 'function';
    const out: Computed[] = [];
    const add = (title: string, fn: string, formula: string, args: () => unknown[]) => {
      if (!has(fn)) return;
      let cells: unknown[];
      try {
        cells = firstColumn(this.runtime.call(fn, ...args()), rows.length);
      } catch (error) {
        const message = `#ERROR! ${messageOf(error)}`;
        cells = rows.map(() => message);
      } finally {
        this.runtime.endExecution();
      }
      out.push({ column: { title, fn, formula }, cells });
    };
    const book = `${headerRange}, ${rowsRange}`;
    // The model argument left blank (the default model), as the formula help writes it.
    const modelAndToday = todayRange ? `, ${todayArg}` : '';
    add('Health score', 'HEALTHSCORE', `=HEALTHSCORE(${book}${modelAndToday})`, () => [
      headers,
      rows,
      ...(todayRange ? ['', ...today] : []),
    ]);
    const scores = out[0]?.cells ?? [];
    // As if the formulas filled the columns right of the book, the score's first.
    const scoreColumn = columnLetter(width);
    add('Tier', 'HEALTHTIER', `=HEALTHTIER(${scoreColumn}2:${scoreColumn}${last})`, () => [
      scores.map((s) => [s]),
    ]);
    const arr = columnRange('ARR');
    if (arr) add('Segment (ARR)', 'SEGMENT', `=SEGMENT(${arr.range})`, () => [arr.cells]);
    add('Churn risk', 'CHURNRISK', `=CHURNRISK(${book}${todayArg})`, () => [
      headers,
      rows,
      ...today,
    ]);
    const renewal = columnRange('Renewal date');
    const status = columnRange('Status');
    if (renewal && status) {
      // The Status column keeps churned accounts out of the renewal countdown.
      add(
        'Renewal stage',
        'RENEWALSTAGE',
        `=RENEWALSTAGE(${renewal.range}, ${todayRange ? TODAY_RANGE_NAME : ''}, ${status.range})`,
        () => [renewal.cells, todayRange ? today[0] : undefined, status.cells],
      );
    } else if (renewal) {
      add('Renewal stage', 'RENEWALSTAGE', `=RENEWALSTAGE(${renewal.range}${todayArg})`, () => [
        renewal.cells,
        ...today,
      ]);
    }
    add('Engagement', 'ENGAGEMENTLEVEL', `=ENGAGEMENTLEVEL(${book}${todayArg})`, () => [
      headers,
      rows,
      ...today,
    ]);
    add('Expansion', 'EXPANSIONREADY', `=EXPANSIONREADY(${book}${todayArg})`, () => [
      headers,
      rows,
      ...today,
    ]);
    add('Top drivers', 'HEALTHDRIVERS', `=HEALTHDRIVERS(${book}${modelAndToday})`, () => [
      headers,
      rows,
      ...(todayRange ? ['', ...today] : []),
    ]);
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
    const sheet = this.bookSheet();
    const display = (
      sheet.getLastRow() > 0 ? sheet.getDataRange().getDisplayValues() : []
    ) as string[][];
    const headers = display[0] ?? [];
    const values = headers.length > 0 ? sheet.getRange(1, 1, 1, headers.length).getValues() : [];
    // The account's column first, kept in view as a frozen column would be.
    const account = Math.max(
      readLayout((values[0] ?? []) as CellValue[]).signals.get('account')?.index ?? 0,
      0,
    );
    const others = headers.map((_, i) => i).filter((i) => i !== account);
    const bookColumn = (i: number): TableColumn => ({
      title: headers[i] ?? '',
      column: i + 1,
      letter: columnLetter(i),
    });
    const columns: TableColumn[] =
      headers.length === 0
        ? []
        : [bookColumn(account), ...computed.map((c) => c.column), ...others.map(bookColumn)];
    const tz = this.timeZone;
    const lines = display.slice(1, 1 + MAX_ROWS_SHOWN);
    const rows = lines.map((line, index) => ({
      row: index + 2,
      cells: [
        line[account] ?? '',
        ...computed.map((c) => cellText(c.cells[index], tz)),
        ...others.map((i) => line[i] ?? ''),
      ],
    }));
    return {
      sheet: this.run.sheetName,
      columns,
      rows,
      sheetColumns: headers.length,
      accountRows: Math.max(display.length - 1, 0),
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
    const sheet = this.bookSheet();
    if (!Number.isInteger(row) || row < 1 || row > sheet.getMaxRows()) {
      throw new PlaygroundError(`No row ${row} on "${this.run.sheetName}".`);
    }
    sheet.getRange(row, 1).activate();
  }

  private describeSource(): string {
    const source = this.run.source;
    return source.kind === 'demo' ? `demo, seed ${source.seed}` : source.fileName;
  }

  private alertsOn(): boolean {
    const user = this.runtime.session.getEffectiveUser().getEmail();
    return this.runtime.triggers.clockTriggers(TRIGGER_HANDLER, user).length > 0;
  }

  state(): PlaygroundState {
    const runtime = this.runtime;
    const user = runtime.session.getEffectiveUser().getEmail();
    return {
      spreadsheetName: runtime.spreadsheet.getName(),
      source: this.describeSource(),
      today: isoDay(this.today()),
      timeZone: this.timeZone,
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
      alertsOn: this.alertsOn(),
      emailsLeft: runtime.mail.state.remaining(user),
      menu: runtime.ui.menus.flatMap((menu) => menuView(menu.entries)),
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

  /** The HTML of a dialog a menu item showed. */
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
            buttons: event.buttons,
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

  /**
   * Runs `functionName` as Sheets runs a menu item, with the book the active sheet (the user is
   * on it when they open the menu). The bundle's questions are answered in order from
   * `answers`; at the first question left, the run ends there and the question is returned,
   * for the page to ask, and the item is run again from the start with one answer more. The
   * add-on's menu items ask everything before they change anything (and a cancel or a wrong
   * answer changes nothing), so a run ended at a question has done nothing to take back.
   */
  menu(functionName: string, answers: readonly Answer[] = []): MenuReply {
    if (!menuFunctions(this.runtime.ui.menus.flatMap((m) => m.entries)).includes(functionName)) {
      throw new PlaygroundError(`"${functionName}" is not an item of the add-on's menu.`);
    }
    if (answers.length > MAX_ANSWERS) throw new PlaygroundError('Too many answers.');
    for (const answer of answers) {
      if (!BUTTONS.has(answer.button) || typeof (answer.text ?? '') !== 'string') {
        throw new PlaygroundError('An answer is a button (OK, Cancel, Yes, No) and a text.');
      }
    }
    const runtime = this.runtime;
    const ui = runtime.ui;
    const from = ui.events.length;
    let pending: UiQuestion | undefined;
    let error: string | undefined;
    ui.clearResponses();
    for (const answer of answers) {
      ui.respondWith(answer.button as 'OK', answer.text ?? '');
    }
    ui.onUnanswered = (question) => {
      pending = question;
      throw new QuestionPending();
    };
    try {
      runtime.spreadsheet.getSheetByName(this.run.sheetName)?.activate();
      runtime.call(functionName);
    } catch (thrown) {
      if (!pending) error = messageOf(thrown);
    } finally {
      runtime.endExecution();
      ui.onUnanswered = undefined;
      ui.clearResponses();
    }
    // Back to the book, its selection kept: the page goes on showing it.
    runtime.spreadsheet.getSheetByName(this.run.sheetName)?.activate();
    this.invalidate();
    if (pending) {
      const { type, title, prompt, buttons } = pending;
      return { status: 'question', question: { type, title, text: prompt, buttons } };
    }
    const events = this.shown(ui.events.slice(from));
    return {
      status: 'done',
      ok: error === undefined,
      ...(error ? { error } : {}),
      events,
      state: this.state(),
    };
  }

  /**
   * Writes `text` into a cell of the book as a user's typing does (Range.setValue with the
   * text: "$1,200" is a number, "45%" a percentage, "3/1/2026" a date), then the formulas
   * recompute.
   */
  edit(row: number, column: number, text: string): PlaygroundState {
    const sheet = this.bookSheet();
    if (!Number.isInteger(row) || row < 2 || row > sheet.getLastRow()) {
      throw new PlaygroundError(`Row ${row} is not an account row of "${this.run.sheetName}".`);
    }
    if (!Number.isInteger(column) || column < 1 || column > sheet.getLastColumn()) {
      throw new PlaygroundError(`Column ${column} is not a column of "${this.run.sheetName}".`);
    }
    if (typeof text !== 'string') throw new PlaygroundError('Type a value.');
    if (text.startsWith('=')) {
      throw new PlaygroundError(
        'The playground does not compute Sheets formulas: type a value (start with an apostrophe to keep text that begins with =).',
      );
    }
    try {
      sheet.getRange(row, column).setValue(text);
    } catch (error) {
      throw new PlaygroundError(messageOf(error));
    }
    this.invalidate();
    return this.state();
  }

  /** The instant `day` reaches `hour` o'clock on the spreadsheet's wall clock. */
  private atHour(day: DayNumber, hour: number): Date {
    return serialToDate(day + SERIAL_OF_DAY_ZERO + hour / 24, this.timeZone);
  }

  /** The alert settings and last run as the add-on keeps them (read only). */
  private alertStore() {
    const store = this.runtime.properties.state.documentStore(this.runtime.spreadsheet.getId());
    return {
      get: (key: string) => store.get(key) ?? null,
      set: () => undefined,
      remove: () => undefined,
    };
  }

  /** The hour of the daily check, as the alert settings hold it. */
  private alertHour(): number {
    return loadSettings(this.alertStore()).hour;
  }

  private alertLogRows(): number {
    const log = this.runtime.spreadsheet.getSheetByName(ALERT_LOG_SHEET);
    return log ? Math.max(log.getLastRow() - 1, 0) : 0;
  }

  /**
   * Moves "today" a day or a month on. Each day, as in Sheets, the daily quota of emails starts
   * again and the add-on's hourly trigger (onAlertsTrigger, started as a time-driven trigger)
   * runs at the hour of the daily check: it stamps CSE_TODAY, checks the book, keeps the day
   * in History and sends what is due. Alerts that are off are turned on first (the menu's
   * question answered with 8:00), since nothing runs by itself otherwise.
   */
  moveToday(step: TodayStep): TodayReply {
    if (step !== 'day' && step !== 'month') {
      throw new PlaygroundError('Today moves by a day or by a month.');
    }
    const runtime = this.runtime;
    const from = this.today();
    const to = step === 'day' ? from + 1 : nextMonth(from);
    const events: ShownEvent[] = [];
    const sentBefore = runtime.mail.outbox.length;
    const logBefore = this.alertLogRows();
    let error: string | undefined;
    let runs = 0;
    try {
      if (!this.alertsOn()) {
        const first = runtime.ui.events.length;
        runtime.ui.respondWith('OK', ALERT_HOUR);
        try {
          runtime.call('menuAlertsOn');
        } finally {
          runtime.endExecution();
          runtime.ui.clearResponses();
        }
        events.push(...this.shown(runtime.ui.events.slice(first)));
      }
      for (let day = from + 1; day <= to; day++) {
        runtime.setNow(this.atHour(day, this.alertHour()));
        runtime.mail.state.resetDay();
        try {
          runtime.fireTimeTrigger(TRIGGER_HANDLER);
        } finally {
          runtime.endExecution();
        }
        runs++;
      }
    } catch (thrown) {
      error = messageOf(thrown);
    }
    this.invalidate();
    const sent = runtime.mail.outbox.length - sentBefore;
    const logged = this.alertLogRows() - logBefore;
    const hour = `${String(this.alertHour()).padStart(2, '0')}:00`;
    const ran =
      runs === 1
        ? `1 day on, the daily alert run ran at ${hour}`
        : `${runs} days on, the daily alert run ran each day at ${hour}`;
    const last = loadLastRun(this.alertStore());
    const lastRun = !last
      ? ''
      : last.ok
        ? ` Its last run: ${last.summary}`
        : ` Its last run stopped: ${last.summary}`;
    const rows = formatCount(Math.abs(logged), 'row');
    const summary = `Today is ${isoDay(this.today())}: ${ran}.${lastRun} In all, ${formatCount(sent, 'email')} sent; the Alert Log has ${logged >= 0 ? `${rows} more` : `${rows} fewer`} (old rows are pruned). History keeps each account's daily score.`;
    return { ok: !error, ...(error ? { error } : {}), summary, events, state: this.state() };
  }

  /**
   * Opens the book in a CSV or Excel file (its bytes, and its name for the type and the
   * spreadsheet's name) in a new spreadsheet, in place of the current one; the clock stays
   * where it is. Throws BookFileError with the reason when the file cannot be read.
   */
  load(bytes: Uint8Array, fileName: string): PlaygroundState {
    const timeZone = this.timeZone;
    const imported = readBookFile(bytes, fileName, timeZone);
    this.current = startFileRun(imported, fileName, {
      now: this.runtime.clock.now(),
      timeZone,
    });
    this.dialogs = [];
    this.computed = undefined;
    this.selectFirstAccount();
    return this.state();
  }
}
