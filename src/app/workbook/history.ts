/**
 * The History sheet as storage: read once per use case, written whole by the alert run (the
 * only writer). What a row means is src/core/history.ts's.
 */
import { type AccountHistory, historyRows, parseHistory } from '../../core/history';
import { HISTORY_SHEET } from '../../core/owned-sheets';
import type { SheetStore, WorkbookPorts } from './ports';

/** Every account's History by account key (see historyKey); empty when there is no sheet. */
export function readHistories(
  ports: Pick<WorkbookPorts, 'sheets' | 'timeZone'>,
): Map<string, AccountHistory> {
  return parseHistory(ports.sheets.read(HISTORY_SHEET) ?? [], ports.timeZone);
}

/** Rewrites the History sheet with these histories, in one write. */
export function writeHistories(sheets: SheetStore, histories: Iterable<AccountHistory>): void {
  sheets.writeAll(HISTORY_SHEET, historyRows(histories));
}
