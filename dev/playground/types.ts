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
}

export interface BookTable {
  readonly sheet: string;
  readonly columns: readonly TableColumn[];
  /** one line per account row: `row` is the 1-based sheet row; cells as Sheets shows them */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
  /** the book's width in the sheet */
  readonly sheetColumns: number;
  /** how many of the book's own columns the table shows (the first ones) */
  readonly shownColumns: number;
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

export interface SheetSummary {
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
}

export interface PlaygroundState {
  readonly spreadsheetName: string;
  /** YYYY-MM-DD */
  readonly today: string;
  readonly timeZone: string;
  readonly seed: number;
  readonly book: BookTable;
  /** the active cell's row on the book sheet, or null when another sheet is active */
  readonly activeRow: number | null;
  readonly documents: readonly DocumentSummary[];
  readonly outbox: readonly MailSummary[];
  readonly sheets: readonly SheetSummary[];
  readonly alertsOn: boolean;
  readonly emailsLeft: number;
}

/** What an action showed the user: alerts and prompts as text, HTML dialogs by id. */
export type ShownEvent =
  | {
      readonly type: 'alert' | 'prompt';
      readonly title: string;
      readonly text: string;
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
  | { readonly type: 'sidebar'; readonly title: string };

export interface ActionReply {
  readonly ok: boolean;
  /** why the action failed (the bundle threw) */
  readonly error?: string;
  readonly events: readonly ShownEvent[];
  readonly state: PlaygroundState;
}

/** The menu actions the page offers, with the menu caption each stands for. */
export const PLAYGROUND_ACTIONS = {
  'alerts-run': 'Run alerts now',
  'alerts-preview': 'Preview the next alerts',
  'alerts-status': 'Alert status',
  dashboard: 'Refresh dashboard',
  diagnostics: 'Check setup (diagnostics)',
  'check-columns': 'Check my book’s columns',
} as const;

export type PlaygroundAction = keyof typeof PLAYGROUND_ACTIONS;

/** One series of a chart: its header and one value per label (null where not a number). */
export interface ChartSeries {
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
