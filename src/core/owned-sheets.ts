/**
 * The sheets CS Engine creates and writes: their names live here and nowhere else. They are
 * never read as the user's book, and Check setup lists them.
 */
export const HISTORY_SHEET = 'History';
export const ALERT_LOG_SHEET = 'Alert Log';
export const DASHBOARD_SHEET = 'Dashboard';
export const QBR_LOG_SHEET = 'QBR Log';
/** The mapping of the book's own headers to the columns CS Engine reads (column-map.ts). */
export const COLUMNS_SHEET = 'Columns';
/** Hidden: holds the CSE_TODAY named range. */
export const TODAY_SHEET = 'CS Engine';

export const OWNED_SHEETS: ReadonlySet<string> = new Set([
  HISTORY_SHEET,
  ALERT_LOG_SHEET,
  DASHBOARD_SHEET,
  QBR_LOG_SHEET,
  COLUMNS_SHEET,
  TODAY_SHEET,
]);
