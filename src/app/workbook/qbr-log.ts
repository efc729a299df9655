/**
 * The QBR Log sheet: one row per document the sidebar creates (QBRs and plans), appended.
 * The Dashboard reads it back for QBR completion (src/core/dashboard-figures.ts, lastQbrs,
 * which also reads a log the team keeps by hand with such columns).
 */
import { QBR_LOG_SHEET } from '../../core/owned-sheets';
import type { SheetStore } from './ports';

const QBR_LOG_HEADERS = [
  'Time',
  'Account',
  'Quarter',
  'Agenda',
  'Document',
  'Link',
  'Created by',
] as const;

export interface LoggedDocument {
  readonly time: Date;
  readonly account: string;
  /** The quarter of a QBR ("Q4 2025"); '' for a plan. */
  readonly quarter: string;
  /** The agenda's or the plan's title. */
  readonly agenda: string;
  readonly name: string;
  readonly url: string;
  readonly createdBy: string;
}

export function logDocument(sheets: SheetStore, document: LoggedDocument): void {
  sheets.append(QBR_LOG_SHEET, QBR_LOG_HEADERS, [
    [
      document.time,
      document.account,
      document.quarter,
      document.agenda,
      document.name,
      document.url,
      document.createdBy,
    ],
  ]);
}
