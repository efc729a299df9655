/**
 * What the playground's page receives from its server (JSON). Shared by the server
 * (dev/playground/playground.ts) and the page's script (dev/playground/client/main.ts): no
 * imports, no Node or DOM types.
 */

export interface TableColumn {
  /** the header as shown */
  readonly title: string;
  /** the formula that fills a computed column, as typed in Sheets */
  readonly formula?: string;
  /** the custom function's name for a computed column */
  readonly fn?: string;
  /** a computed column whose values have colours (the tiers): value -> "#rrggbb" */
  readonly colors?: Readonly<Record<string, string>>;
  /** a column of the book: its 1-based column in the sheet (cells can be edited) */
  readonly column?: number;
  /** a column of the book: its letter in the sheet */
  readonly letter?: string;
}

export interface BookTable {
  readonly sheet: string;
  /** the account's column first (kept in view), then the formulas, then the book's others */
  readonly columns: readonly TableColumn[];
  /** one line per account row: `row` is the 1-based sheet row; cells as Sheets shows them */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
  /** the book's width in the sheet */
  readonly sheetColumns: number;
  /** the account rows in the sheet (the table shows at most MAX_ROWS_SHOWN of them) */
  readonly accountRows: number;
}

export interface DocumentSummary {
  readonly id: string;
  readonly name: string;
  readonly url: string;
}

export interface MailSummary {
  /** position in the outbox, for /mail/:index */
  readonly index: number;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** ISO time on the runtime's clock */
  readonly at: string;
  readonly html: boolean;
}

interface SheetSummary {
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
}

/** An entry of the add-on's menu, as onOpen installed it. */
export type MenuView =
  | { readonly type: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly type: 'separator' }
  | { readonly type: 'submenu'; readonly caption: string; readonly entries: readonly MenuView[] };

export interface PlaygroundState {
  readonly spreadsheetName: string;
  /** where the book came from: "demo, seed 42", or the file's name */
  readonly source: string;
  /** YYYY-MM-DD: the runtime clock's day in the spreadsheet's time zone */
  readonly today: string;
  readonly timeZone: string;
  readonly book: BookTable;
  /** the active cell's row on the book sheet, or null when another sheet is active */
  readonly activeRow: number | null;
  readonly documents: readonly DocumentSummary[];
  readonly outbox: readonly MailSummary[];
  readonly sheets: readonly SheetSummary[];
  readonly alertsOn: boolean;
  readonly emailsLeft: number;
  /** the add-on's menu (empty until onOpen installs it) */
  readonly menu: readonly MenuView[];
}

/** What a menu item showed the user: alerts and prompts as text, HTML dialogs by id. */
export type ShownEvent =
  | {
      readonly type: 'alert' | 'prompt';
      readonly title: string;
      readonly text: string;
      /** the button set: OK for a message; a prompt or any other set was a question */
      readonly buttons: string;
      /** the button pressed: OK, CANCEL, YES, NO */
      readonly response: string;
    }
  | {
      readonly type: 'dialog';
      readonly title: string;
      /** for /dialog/:id */
      readonly id: number;
      readonly width: number;
      readonly height: number;
    }
  /** `start`: the tab the sidebar opens on, when a menu item opened it for one job */
  | { readonly type: 'sidebar'; readonly title: string; readonly start?: string };

/** The answer to a prompt or an alert with a choice: the button, and a prompt's text. */
export interface Answer {
  readonly button: string;
  readonly text?: string;
}

/** A question the add-on asked that nobody has answered yet. */
export interface Question {
  readonly type: 'alert' | 'prompt';
  readonly title: string;
  readonly text: string;
  /** the button set: OK, OK_CANCEL, YES_NO or YES_NO_CANCEL */
  readonly buttons: string;
}

/**
 * What picking a menu item did: it is waiting for the answer to `question` (pick it again
 * with the answers so far and this one), or it finished, showing `events`.
 */
export type MenuReply =
  | { readonly status: 'question'; readonly question: Question }
  | {
      readonly status: 'done';
      readonly ok: boolean;
      /** why the item failed (the bundle threw) */
      readonly error?: string;
      readonly events: readonly ShownEvent[];
      readonly state: PlaygroundState;
    };

/** How far "today" moves. */
export type TodayStep = 'day' | 'month';

export interface TodayReply {
  readonly ok: boolean;
  readonly error?: string;
  /** what happened on the days passed, in a sentence or two */
  readonly summary: string;
  /** what the menu showed when alerts had to be turned on first */
  readonly events: readonly ShownEvent[];
  readonly state: PlaygroundState;
}

/** A reply that changed the book (an edit, a file loaded). */
export interface BookReply {
  readonly state: PlaygroundState;
}

/** One series of a chart: its header and one value per label (null where not a number). */
interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/**
 * An embedded chart as its spec (Sheet.insertChart) describes it, with the data of its range:
 * the page draws it. The first column of the range gives the labels, the others the series;
 * the header row (numHeaders, 1 unless the chart says 0) names them.
 */
export interface ChartView {
  readonly id: number;
  /** the chart type: "PIE", "LINE", "COLUMN", "BAR" or "AREA" */
  readonly type: string;
  readonly title: string;
  readonly colors: readonly string[];
  /** where the chart's top-left corner sits (1-based cell) */
  readonly row: number;
  readonly column: number;
  /** "right", "bottom", "none"... (the legend option's position) */
  readonly legend: string;
  /** the labels as the sheet shows them */
  readonly labels: readonly string[];
  /** each value as the sheet shows it, per series (for tooltips and the pie's legend) */
  readonly shown: readonly (readonly string[])[];
  readonly series: readonly ChartSeries[];
}

/** The sheet values the page shows for another sheet (Dashboard, Alert Log...). */
export interface SheetValues {
  readonly name: string;
  /** as Sheets shows them: each value under its cell's number format */
  readonly values: readonly (readonly string[])[];
  /** the sheet's embedded charts, drawn from their specs */
  readonly charts: readonly ChartView[];
}
