/**
 * The sidebar's endpoints: read the book and History once per call, take the account's
 * snapshot with the same model as the formulas and the alerts (src/core/snapshot.ts), and
 * write documents through a port.
 */
import { type AccountSnapshot, accountSnapshot, columnsForSnapshot } from '../../core/snapshot';
import { readAccountRows, planRead, readLayout } from '../../core/book';
import { NAME_LENGTH, describeCell } from '../../core/cells';
import type { Content } from '../../core/content-types';
import { dayOfDate } from '../../core/dates';
import type { DocContent } from '../../core/doc-model';
import { historyKey } from '../../core/history';
import { resolveModel } from '../../core/models';
import { type AccountPeople, peopleOfRow } from '../../core/people';
import { buildPlan, PLAN_TITLES, type PlanKind, type PlanOptions } from '../../core/plans';
import { playbookCatalog } from '../../core/playbooks';
import { buildQbr, type QbrOptions } from '../../core/qbr';
import { buildPrepBrief } from '../../core/qbr-brief';
import { roiReview } from '../../core/roi';
import { normalizeKey, ownEntry } from '../../core/text';
import { type Book, BookNotFound, readBook as readWorkbookBook } from '../workbook/book';
import { readHistories } from '../workbook/history';
import { logDocument } from '../workbook/qbr-log';
import type { WorkbookPorts } from '../workbook/ports';
import { loadSettings } from '../workbook/settings';
import type {
  AccountResponse,
  DocumentLink,
  DocumentResult,
  PlanRequest,
  PlaybookSectionView,
  QbrRequest,
  SearchResult,
  SidebarApi,
} from './api';
import { getColumns, saveColumns } from './columns';
import { healthSql } from './health-sql';
import { SidebarError } from './errors';
import { accountView } from './view';

export interface CreatedDocument {
  readonly id: string;
  readonly url: string;
  readonly name: string;
}

export interface DocumentWriter {
  /** Creates a Google Doc holding the content, in the same few calls whatever its size. */
  create(content: DocContent): CreatedDocument;
}

export interface SidebarPorts extends WorkbookPorts {
  readonly docs: DocumentWriter;
  /** The sheet and row of the active cell, if any. */
  readonly activeRow: () => { readonly sheet: string; readonly row: number } | undefined;
  readonly userEmail: () => string;
  /**
   * The playbooks' texts and agendas (dist/Content.html), read only by the endpoints that
   * need them: they are kept out of the bundle that every custom-function call parses.
   */
  readonly content: () => Content;
}

const SEARCH_LIMIT = 20;

function readBook(ports: SidebarPorts): Book {
  try {
    return readWorkbookBook(ports.sheets, loadSettings(ports.properties));
  } catch (error) {
    if (error instanceof BookNotFound) throw new SidebarError(error.message);
    throw error;
  }
}

/** An account row's snapshot, and the people its cells name (which the snapshot does not keep). */
interface RowRead {
  readonly snapshot: AccountSnapshot;
  readonly people: AccountPeople;
}

function readRow(ports: SidebarPorts, book: Book, row: number): RowRead {
  const settings = loadSettings(ports.properties);
  const model = resolveModel(settings.model || undefined);
  const today = dayOfDate(ports.now(), ports.timeZone);
  const layout = readLayout(book.values[0] ?? []);
  const plan = planRead(layout, columnsForSnapshot(model), { timeZone: ports.timeZone });
  const cells = book.values[row - 1] ?? [];
  const [read] = readAccountRows([cells], plan);
  const account = { ...(read as NonNullable<typeof read>), index: row - 2 };
  const histories = readHistories(ports);
  const key = historyKey(account.values, row);
  const snapshot = accountSnapshot({
    account,
    model,
    history: histories.get(key),
    columns: new Set(layout.signals.keys()),
    today,
  });
  return { snapshot, people: peopleOfRow(layout, cells, account.values) };
}

function snapshotOfRow(ports: SidebarPorts, book: Book, row: number): AccountSnapshot {
  return readRow(ports, book, row).snapshot;
}

/** A row below the book's last, or one whose cells are all blank. */
function isEmptyRow(book: Book, row: number): boolean {
  const cells = book.values[row - 1] ?? [];
  return cells.every((cell) => cell === '' || cell === null || cell === undefined);
}

function emptyRowMessage(book: Book, row: number): string {
  return `Row ${row} of "${book.sheet}" is empty: select a cell in an account's row, or search for an account by name.`;
}

function checkRange(book: Book, row: unknown): number {
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 2 || row > book.values.length) {
    throw new SidebarError(
      `Row ${String(row)} is not an account row of "${book.sheet}": choose a row from 2 to ${book.values.length}.`,
    );
  }
  return row;
}

/** An account's row for a document: in the book and not empty, or a SidebarError. */
function checkRow(book: Book, row: unknown): number {
  const checked = checkRange(book, row);
  if (isEmptyRow(book, checked)) throw new SidebarError(emptyRowMessage(book, checked));
  return checked;
}

/**
 * Records a created document in the QBR Log: one row per document, so a QBR's two documents
 * are two rows (same time, account, quarter and agenda; their names and links differ).
 */
function logCreated(
  ports: SidebarPorts,
  account: string,
  quarter: string,
  agenda: string,
  created: CreatedDocument,
): void {
  logDocument(ports.sheets, {
    time: ports.now(),
    account,
    quarter,
    agenda,
    name: created.name,
    url: created.url,
    createdBy: ports.userEmail(),
  });
}

function preparedBy(a: AccountSnapshot, ports: SidebarPorts): string {
  return a.values.csm ?? (ports.userEmail() || 'the CSM');
}

function link(created: CreatedDocument, audience: DocumentLink['audience']): DocumentLink {
  return { name: created.name, url: created.url, id: created.id, audience };
}

/** QBRs and plans are for live accounts: a churned one is in the win-back sequence. */
function requireLive(a: AccountSnapshot, document: string): void {
  if (a.lifecycle.status !== 'churned') return;
  throw new SidebarError(
    `"${describeCell(a.name, NAME_LENGTH)}" has churned: ${document} is for a live account. The account view shows its win-back stage.`,
  );
}

/** The response, with a word when the book's headers changed since they were mapped. */
function withColumnsChanged(book: Book, response: AccountResponse): AccountResponse {
  return book.columnsChanged ? { ...response, columnsChanged: book.columnsChanged } : response;
}

export function createSidebarServer(ports: SidebarPorts): SidebarApi {
  return {
    getAccount(request): AccountResponse {
      const book = readBook(ports);
      let row = request?.row;
      if (row === undefined || row === null) {
        const active = ports.activeRow();
        if (!active || active.sheet !== book.sheet || active.row < 2) {
          return withColumnsChanged(book, {
            found: false,
            message: `Select a cell in an account's row of "${book.sheet}", or search for an account by name.`,
          });
        }
        row = active.row;
      } else {
        row = checkRange(book, row);
      }
      // A blank row is a state of the sheet, not an error: the sidebar shows it in place of
      // the account, instead of an error box above the account shown before.
      if (isEmptyRow(book, row)) {
        return withColumnsChanged(book, { found: false, message: emptyRowMessage(book, row) });
      }
      return withColumnsChanged(
        book,
        accountView(book.sheet, snapshotOfRow(ports, book, row), ports.content()),
      );
    },

    searchAccounts(query): SearchResult {
      const book = readBook(ports);
      const needle = normalizeKey(String(query ?? ''));
      if (needle === '') return { matches: [], more: 0 };
      const layout = readLayout(book.values[0] ?? []);
      const nameColumn = layout.signals.get('account')?.index;
      const idColumn = layout.signals.get('accountId')?.index;
      const csmColumn = layout.signals.get('csm')?.index;
      const matches: { row: number; name: string; csm: string | null }[] = [];
      let total = 0;
      for (let r = 1; r < book.values.length; r++) {
        const cells = book.values[r] ?? [];
        const name = nameColumn === undefined ? '' : String(cells[nameColumn] ?? '');
        const id = idColumn === undefined ? '' : String(cells[idColumn] ?? '');
        if (!normalizeKey(name).includes(needle) && !normalizeKey(id).includes(needle)) continue;
        total++;
        if (matches.length < SEARCH_LIMIT) {
          const csm = csmColumn === undefined ? '' : String(cells[csmColumn] ?? '');
          matches.push({ row: r + 1, name: name || `Row ${r + 1}`, csm: csm || null });
        }
      }
      return { matches, more: total - matches.length };
    },

    getPlaybooks(): PlaybookSectionView[] {
      return playbookCatalog(ports.content().playbooks).map((section) => ({
        id: section.id,
        title: section.title,
        summary: section.summary,
        plays: section.plays.map((p) => ({
          title: p.title,
          source: p.source,
          sla: p.sla ?? null,
          steps: [...p.steps],
        })),
      }));
    },

    generateQbr(request: QbrRequest): DocumentResult {
      const book = readBook(ports);
      const { snapshot: a, people } = readRow(ports, book, checkRow(book, request?.row));
      requireLive(a, 'a QBR');
      const texts = ports.content();
      const options: QbrOptions = {
        quarter: String(request.quarter ?? ''),
        agenda: request.agenda,
        today: a.today,
        preparedBy: preparedBy(a, ports),
        // Only an explicit yes shares the score: anything else keeps it out.
        shareScore: request.shareScore === true,
        people,
      };
      let content: DocContent;
      try {
        content = buildQbr(a, options, texts);
      } catch (error) {
        throw new SidebarError((error as Error).message);
      }
      // buildQbr has checked the agenda: it is one of the content's own.
      const agenda = ownEntry(texts.playbooks.agendas, request.agenda)?.title ?? '';
      // Each document is logged as soon as it exists: if the second fails, the first is
      // still in the QBR Log.
      const customer = ports.docs.create(content);
      logCreated(ports, a.name, request.quarter, agenda, customer);
      const brief = ports.docs.create(buildPrepBrief(a, options, texts, customer));
      logCreated(ports, a.name, request.quarter, agenda, brief);
      const review = roiReview(a.roi);
      return {
        documents: [link(customer, 'customer'), link(brief, 'internal')],
        warnings: a.roi.ok ? (review ? [review] : []) : [a.roi.message],
      };
    },

    generatePlan(request: PlanRequest): DocumentResult {
      const book = readBook(ports);
      const kind = request?.kind as PlanKind;
      if (ownEntry(PLAN_TITLES, kind) === undefined) {
        throw new SidebarError(
          `"${describeCell(kind)}" is not a plan: choose a save plan, a success plan or an onboarding plan.`,
        );
      }
      const { snapshot: a, people } = readRow(ports, book, checkRow(book, request.row));
      requireLive(a, `a ${PLAN_TITLES[kind].toLowerCase()}`);
      const options: PlanOptions = { today: a.today, preparedBy: preparedBy(a, ports), people };
      const created = ports.docs.create(buildPlan(kind, a, options, ports.content()));
      logCreated(ports, a.name, '', PLAN_TITLES[kind], created);
      return { documents: [link(created, null)], warnings: [] };
    },

    getColumns: () => getColumns(ports),
    saveColumns: (request) => saveColumns(ports, request),
    getHealthSql: (request) => healthSql(ports, request),
  };
}
