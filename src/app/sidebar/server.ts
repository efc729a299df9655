/**
 * The sidebar's endpoints: read the book and History once per call, assess the account with
 * the same model as the formulas and the alerts, and write documents through a port.
 */
import { type Assessment, assessAccount } from '../../core/account';
import { readAccountRows, planRead, readLayout } from '../../core/book';
import { type CellValue, describeCell } from '../../core/cells';
import type { Content } from '../../core/content-types';
import { dayOfDate, isoDay } from '../../core/dates';
import type { DocContent } from '../../core/doc-model';
import { parseHistory } from '../../core/history';
import { HISTORY_SHEET, QBR_LOG_SHEET } from '../../core/owned-sheets';
import { resolveModel } from '../../core/models';
import { accountGuidance, buildPlan, PLAN_TITLES, type PlanKind } from '../../core/plans';
import { playbookCatalog } from '../../core/playbooks';
import { buildQbr } from '../../core/qbr';
import { quarterChoices, quarterLabel, quarterOf } from '../../core/quarters';
import { formatMoney, formatMultiple } from '../../core/roi';
import { SEVERITY_LABELS } from '../../core/alerts/rules';
import { SIGNALS, type SignalId } from '../../core/signals';
import { normalizeKey, ownEntry } from '../../core/text';
import type { AlertPorts, KeyValueStore, SheetStore } from '../alerts/ports';
import { findBookSheet } from '../alerts/run';
import { loadSettings } from '../alerts/settings';
import type {
  AccountResponse,
  AccountView,
  DocumentResult,
  PlanRequest,
  PlaybookSectionView,
  QbrRequest,
  SearchResult,
  SidebarApi,
} from './api';

export interface CreatedDocument {
  readonly id: string;
  readonly url: string;
  readonly name: string;
}

export interface DocumentWriter {
  /** Creates a Google Doc holding the content, in a fixed number of calls per block. */
  create(content: DocContent): CreatedDocument;
}

export interface SidebarPorts {
  readonly sheets: SheetStore;
  readonly properties: KeyValueStore;
  readonly docs: DocumentWriter;
  /** The sheet and row of the active cell, if any. */
  readonly activeRow: () => { readonly sheet: string; readonly row: number } | undefined;
  readonly now: () => Date;
  readonly timeZone: string;
  readonly userEmail: () => string;
  /**
   * The playbooks' texts and agendas (dist/Content.html), read only by the endpoints that
   * need them: they are kept out of the bundle that every custom-function call parses.
   */
  readonly content: () => Content;
}

export const QBR_LOG_HEADERS = [
  'Time',
  'Account',
  'Quarter',
  'Agenda',
  'Document',
  'Link',
  'Created by',
] as const;

const SEARCH_LIMIT = 20;
const ALL_SIGNALS = new Set<SignalId>(SIGNALS.map((signal) => signal.id));

/** A user-facing error: its message is shown in the sidebar as is. */
export class SidebarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SidebarError';
  }
}

interface Book {
  readonly sheet: string;
  readonly values: CellValue[][];
}

function readBook(ports: SidebarPorts): Book {
  const settings = loadSettings(ports.properties);
  let sheet: string;
  try {
    // findBookSheet reads only the sheets port.
    sheet = findBookSheet({ sheets: ports.sheets } as AlertPorts, settings);
  } catch (error) {
    throw new SidebarError((error as Error).message);
  }
  return { sheet, values: (ports.sheets.read(sheet) ?? []) as CellValue[][] };
}

function assessRow(ports: SidebarPorts, book: Book, row: number): Assessment {
  const settings = loadSettings(ports.properties);
  const model = resolveModel(settings.model || undefined);
  const today = dayOfDate(ports.now(), ports.timeZone);
  const layout = readLayout((book.values[0] ?? []) as CellValue[]);
  const plan = planRead(
    layout,
    { signals: ALL_SIGNALS, dimensions: new Set(model.dimensions.map((d) => d.id)) },
    { timeZone: ports.timeZone },
  );
  const [read] = readAccountRows([book.values[row - 1] ?? []], plan);
  const account = { ...(read as NonNullable<typeof read>), index: row - 2 };
  const histories = parseHistory(
    (ports.sheets.read(HISTORY_SHEET) ?? []) as CellValue[][],
    ports.timeZone,
  );
  const key = account.values.accountId ?? account.values.account ?? `row-${row}`;
  return assessAccount({
    account,
    model,
    history: histories.get(key),
    columns: new Set(layout.signals.keys()),
    today,
  });
}

function checkRow(book: Book, row: unknown): number {
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 2 || row > book.values.length) {
    throw new SidebarError(
      `Row ${String(row)} is not an account row of "${book.sheet}": choose a row from 2 to ${book.values.length}.`,
    );
  }
  const cells = book.values[row - 1] ?? [];
  if (cells.every((cell) => cell === '' || cell === null || cell === undefined)) {
    throw new SidebarError(`Row ${row} of "${book.sheet}" is empty.`);
  }
  return row;
}

function toView(book: Book, a: Assessment, content: Content): AccountView {
  const g = accountGuidance(a, content);
  const quarters = quarterChoices(a.today);
  const play = (p: { title: string; source: string; sla?: string; steps: readonly string[] }) => ({
    title: p.title,
    source: p.source,
    sla: p.sla ?? null,
    steps: [...p.steps],
  });
  return {
    found: true,
    sheet: book.sheet,
    row: a.row,
    name: a.name,
    csm: a.values.csm ?? null,
    today: isoDay(a.today),
    modelName: a.model.name,
    score: a.score ?? null,
    error: a.error ?? null,
    tier: a.tier ? { label: a.tier.label, color: a.tier.color } : null,
    tierSince: a.tierSince === undefined ? null : isoDay(a.tierSince),
    daysInTier: a.daysInTier ?? null,
    dimensions: a.dimensions.map((d) => ({
      label: d.label,
      score: d.score === undefined ? null : Math.round(d.score),
      weight: d.weight,
      pointsLost: Math.round(a.drivers.find((driver) => driver.label === d.label)?.pointsLost ?? 0),
    })),
    drivers: a.driversText,
    trend: a.trend.map((point) => ({ day: isoDay(point.day), score: point.score })),
    change: a.change ?? null,
    warnings: a.findings.map((f) => ({
      severity: f.severity,
      label: SEVERITY_LABELS[f.severity],
      reason: f.reason,
    })),
    segment: a.segment ?? null,
    segmentFrom: a.segmentFrom ?? null,
    arr: a.values.arr ?? null,
    cadence: a.cadence ? { ...a.cadence } : null,
    ttfv: a.ttfv?.label ?? null,
    renewal:
      a.renewal && a.values.renewalDate !== undefined
        ? {
            date: isoDay(a.values.renewalDate),
            daysToRenewal: a.renewal.daysToRenewal,
            overdue: a.renewal.overdue,
            step: a.renewal.step ? { ...a.renewal.step } : null,
            next: a.renewal.next ? { ...a.renewal.next } : null,
          }
        : null,
    expansion: {
      open: a.gate.open,
      reasons: [...a.gate.reasons],
      signals: [...a.expansionSignals],
    },
    playbook: g.playbook ? { ...play(g.playbook), churnTier: g.playbook.churnTier ?? null } : null,
    focus: [...g.focus],
    savePlay:
      g.savePlay && g.saveReason
        ? { ...play(g.savePlay), why: g.saveReason.why, offers: [...g.savePlay.offers] }
        : null,
    npsFollowUp: g.npsFollowUp ? play(g.npsFollowUp) : null,
    winBack: g.winBack ? { ...g.winBack } : null,
    cab: { eligible: g.cab.eligible, reasons: [...g.cab.reasons] },
    roi: a.roi.ok
      ? {
          ok: true,
          multiple: formatMultiple(a.roi.multiple),
          annualValue: formatMoney(a.roi.annualValue),
          investment: formatMoney(a.roi.annualInvestment),
        }
      : { ok: false, message: a.roi.message, missing: [...a.roi.missing] },
    quarters,
    defaultQuarter: quarterLabel(quarterOf(a.today)),
  };
}

function logDocument(
  ports: SidebarPorts,
  account: string,
  quarter: string,
  agenda: string,
  created: CreatedDocument,
): void {
  ports.sheets.append(QBR_LOG_SHEET, QBR_LOG_HEADERS, [
    [ports.now(), account, quarter, agenda, created.name, created.url, ports.userEmail()],
  ]);
}

function preparedBy(a: Assessment, ports: SidebarPorts): string {
  return a.values.csm ?? (ports.userEmail() || 'the CSM');
}

export function createSidebarServer(ports: SidebarPorts): SidebarApi {
  return {
    getAccount(request): AccountResponse {
      const book = readBook(ports);
      let row = request?.row;
      if (row === undefined || row === null) {
        const active = ports.activeRow();
        if (!active || active.sheet !== book.sheet || active.row < 2) {
          return {
            found: false,
            message: `Select a cell in an account's row of "${book.sheet}", or search for an account by name.`,
          };
        }
        row = active.row;
        if (row > book.values.length) {
          return { found: false, message: `Row ${row} of "${book.sheet}" is empty.` };
        }
      }
      return toView(book, assessRow(ports, book, checkRow(book, row)), ports.content());
    },

    searchAccounts(query): SearchResult {
      const book = readBook(ports);
      const needle = normalizeKey(String(query ?? ''));
      if (needle === '') return { matches: [], more: 0 };
      const layout = readLayout((book.values[0] ?? []) as CellValue[]);
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
      const a = assessRow(ports, book, checkRow(book, request?.row));
      const texts = ports.content();
      let content: DocContent;
      try {
        content = buildQbr(
          a,
          {
            quarter: String(request.quarter ?? ''),
            agenda: request.agenda,
            today: a.today,
            preparedBy: preparedBy(a, ports),
          },
          texts,
        );
      } catch (error) {
        throw new SidebarError((error as Error).message);
      }
      const created = ports.docs.create(content);
      // buildQbr has checked the agenda: it is one of the content's own.
      const agenda = ownEntry(texts.playbooks.agendas, request.agenda);
      logDocument(ports, a.name, request.quarter, agenda?.title ?? '', created);
      return {
        ...created,
        warnings: a.roi.ok ? [] : [a.roi.message],
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
      const a = assessRow(ports, book, checkRow(book, request.row));
      const created = ports.docs.create(
        buildPlan(kind, a, a.today, preparedBy(a, ports), ports.content()),
      );
      logDocument(ports, a.name, '', PLAN_TITLES[kind], created);
      return { ...created, warnings: [] };
    },
  };
}
