/**
 * The sidebar's server endpoints: one interface, implemented by the server (src/index.ts
 * exposes each method as a global of the same name) and imported by the sidebar bundle, whose
 * typed bridge over google.script.run takes its method names, arguments and results from here.
 * Renaming an endpoint on either side is a compile error.
 *
 * Everything crossing google.script.run is plain JSON: dates travel as ISO text ("2026-11-23"),
 * never as Date objects, which google.script.run cannot carry.
 */

export type AgendaChoice = 'qbr-45' | 'qbr-60';
export type PlanChoice = 'save-plan' | 'success-plan' | 'onboarding-plan';

export interface AccountRequest {
  /** The account's row in the book sheet (1-based); omitted: the active row. */
  readonly row?: number;
}

export interface PlayView {
  readonly title: string;
  readonly source: string;
  readonly sla: string | null;
  readonly steps: readonly string[];
}

export interface AccountView {
  readonly found: true;
  readonly sheet: string;
  readonly row: number;
  readonly name: string;
  readonly csm: string | null;
  /** The spreadsheet's today, ISO. */
  readonly today: string;
  /**
   * Live or churned. A churned account (by Status, or a churn date that has passed) has no
   * score, tier, warnings, playbook, save play or renewal countdown here: it leads with
   * win-back.
   */
  readonly lifecycle: {
    readonly status: 'active' | 'churned';
    readonly churnDate: string | null;
    readonly daysSinceChurn: number | null;
    readonly churnReason: string | null;
    /** The churn reason's category ("Relationship"), when its words tell. */
    readonly churnCategory: string | null;
  };
  readonly modelName: string;
  readonly score: number | null;
  /** Why the row has no score. */
  readonly error: string | null;
  readonly tier: { readonly label: string; readonly color: string } | null;
  readonly tierSince: string | null;
  readonly daysInTier: number | null;
  readonly dimensions: readonly {
    readonly label: string;
    readonly score: number | null;
    readonly weight: number;
    readonly pointsLost: number;
    /** The colour of the dimension's own score on the model's tier scale (src/core/palette.ts). */
    readonly color: string;
  }[];
  readonly drivers: string;
  /** Daily scores from the History sheet and today's, oldest first. */
  readonly trend: readonly { readonly day: string; readonly score: number }[];
  readonly change: number | null;
  /** The alert rules' findings (the same evaluateRules as the daily alerts), shown once. */
  readonly warnings: readonly {
    readonly severity: string;
    readonly label: string;
    readonly reason: string;
    /** The severity's colour (src/core/palette.ts). */
    readonly color: string;
  }[];
  readonly segment: string | null;
  readonly segmentFrom: 'column' | 'arr' | null;
  readonly arr: number | null;
  readonly cadence: {
    readonly sync: string;
    readonly async: string;
    readonly qbr: string;
    readonly executive: string;
  } | null;
  readonly ttfv: string | null;
  readonly renewal: {
    readonly date: string;
    readonly daysToRenewal: number;
    readonly overdue: boolean;
    readonly step: { readonly day: number; readonly title: string; readonly action: string } | null;
    readonly next: { readonly day: number; readonly title: string; readonly action: string } | null;
  } | null;
  readonly expansion: {
    readonly open: boolean;
    readonly reasons: readonly string[];
    readonly signals: readonly string[];
  };
  readonly playbook: (PlayView & { readonly churnTier: number | null }) | null;
  /** What to focus on besides the warnings (which are not repeated here). */
  readonly focus: readonly string[];
  readonly savePlay:
    (PlayView & { readonly why: string; readonly offers: readonly string[] }) | null;
  readonly npsFollowUp: PlayView | null;
  readonly winBack: {
    readonly stage: string;
    readonly approach: string;
    readonly successRate: string;
  } | null;
  readonly cab: { readonly eligible: boolean; readonly reasons: readonly string[] };
  readonly roi:
    | {
        readonly ok: true;
        readonly multiple: string;
        readonly annualValue: string;
        readonly investment: string;
        /** Below 1x: not a win; the sidebar warns and `review` says what to do. */
        readonly belowInvestment: boolean;
        readonly review: string | null;
      }
    | { readonly ok: false; readonly message: string; readonly missing: readonly string[] };
  /** Quarters to offer for a QBR, and the one to preselect. */
  readonly quarters: readonly string[];
  readonly defaultQuarter: string;
}

interface NoAccount {
  readonly found: false;
  readonly message: string;
}

/**
 * `columnsChanged`: said when the book's headers changed since its columns were mapped (the
 * sidebar shows it above every tab), else null.
 */
export type AccountResponse = (AccountView | NoAccount) & {
  readonly columnsChanged?: string | null;
};

interface AccountMatch {
  readonly row: number;
  readonly name: string;
  readonly csm: string | null;
}

export interface SearchResult {
  readonly matches: readonly AccountMatch[];
  /** Matches left out beyond the first ones. */
  readonly more: number;
}

export interface PlaybookSectionView {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly plays: readonly PlayView[];
}

export interface QbrRequest {
  readonly row: number;
  readonly quarter: string;
  readonly agenda: AgendaChoice;
  /**
   * Show the health score and tier in the customer's QBR. Off unless the CSM ticks it: the
   * prep brief always has them.
   */
  readonly shareScore?: boolean;
}

export interface PlanRequest {
  readonly row: number;
  readonly kind: PlanChoice;
}

export interface DocumentLink {
  readonly name: string;
  readonly url: string;
  readonly id: string;
  /**
   * Who the document is for: the customer (the QBR), the CSM alone (the QBR's prep brief), or
   * null for a plan, a working document the CSM edits and shares as they see fit.
   */
  readonly audience: 'customer' | 'internal' | null;
}

export interface DocumentResult {
  /** The documents created, in order: a QBR makes the customer's QBR, then the prep brief. */
  readonly documents: readonly DocumentLink[];
  /** Things the CSM should know about the documents (e.g. the ROI is missing or below 1x). */
  readonly warnings: readonly string[];
}

/** A column CS Engine reads, as a choice in the Columns tab. */
export interface ColumnTargetView {
  /** What saveColumns takes: a column's id, or "score:" and a dimension's. */
  readonly value: string;
  readonly label: string;
  readonly group: string;
  readonly expected: string;
}

/** The Columns tab: the book's headers, and what each unrecognised one is mapped to. */
export interface ColumnsView {
  readonly sheet: string;
  /** Headers CS Engine does not recognise by name; `target` '' is Ignore. */
  readonly unrecognised: readonly {
    readonly header: string;
    /** Its column letters ("C", or "C, F" for a header that is there twice). */
    readonly columns: string;
    readonly target: string;
    /** False when the saved mapping has no choice for it yet (a new header). */
    readonly chosen: boolean;
  }[];
  readonly recognised: readonly {
    readonly header: string;
    readonly column: string;
    readonly label: string;
  }[];
  readonly targets: readonly ColumnTargetView[];
  /** Said when the book's headers changed since they were mapped, else null. */
  readonly changed: string | null;
  /** Check my book's columns, on the headers as mapped: what the model can compute. */
  readonly report: readonly string[];
  /** The formula that reads the book with the mapped headers, once a mapping is saved. */
  readonly formula: string | null;
  /** After saveColumns: what was saved. */
  readonly saved: string | null;
}

export interface ColumnsRequest {
  /** The book's sheet, as getColumns named it. */
  readonly sheet: string;
  /** For each unrecognised header, the target's value, or '' to ignore it. */
  readonly choices: readonly { readonly header: string; readonly target: string }[];
}

export interface SidebarApi {
  /** The account on the active row (or on `row`), with everything the sidebar shows. */
  getAccount(request: AccountRequest): AccountResponse;
  /** Accounts whose name or ID contains the query (case and accents ignored). */
  searchAccounts(query: string): SearchResult;
  /** Every playbook, for the Playbooks tab. */
  getPlaybooks(): readonly PlaybookSectionView[];
  /**
   * Creates the customer's QBR and the CSM's internal prep brief in Google Docs, and logs
   * each in the QBR Log sheet.
   */
  generateQbr(request: QbrRequest): DocumentResult;
  /** Creates a save plan, success plan or onboarding plan document. */
  generatePlan(request: PlanRequest): DocumentResult;
  /** The book's headers and their mapping, for the Columns tab. */
  getColumns(): ColumnsView;
  /** Saves the mapping in the Columns sheet; the book's own cells are never changed. */
  saveColumns(request: ColumnsRequest): ColumnsView;
  /** The health model, as mapped, in BigQuery SQL over a table loaded from this book. */
  getHealthSql(request: HealthSqlRequest): HealthSqlView;
}

export interface HealthSqlRequest {
  /** project.dataset.table */
  readonly table: string;
}

export interface HealthSqlView {
  readonly sql: string;
  /** The model's name, as the formulas' `model` argument would give it. */
  readonly model: string;
  /** The book sheet whose headers the SQL reads. */
  readonly sheet: string;
}

/**
 * Every endpoint's name at run time (an interface has none). The Record type makes this list
 * exhaustive: adding, removing or renaming a SidebarApi method without updating it fails to
 * compile. Tests check each name is a global of dist/Code.js.
 */
const METHODS: Record<keyof SidebarApi, true> = {
  getAccount: true,
  searchAccounts: true,
  getPlaybooks: true,
  generateQbr: true,
  generatePlan: true,
  getColumns: true,
  saveColumns: true,
  getHealthSql: true,
};

export const SIDEBAR_METHODS = Object.keys(METHODS) as (keyof SidebarApi)[];
