/**
 * The Columns tab's endpoints: "Check my book’s columns" as a mapping step. For each header
 * the add-on does not recognise, the user picks the column it holds (or Ignore); the mapping
 * is saved in the Columns sheet (src/app/workbook/columns.ts) and every feature reads the book
 * through it. The book's own cells are never changed.
 */
import type { CellValue } from '../../core/cells';
import {
  type ColumnMap,
  headerChange,
  headerMapping,
  isEmptyMap,
  mappedFormula,
  mappingTargets,
  resolveChoices,
} from '../../core/column-map';
import { OWNED_SHEETS } from '../../core/owned-sheets';
import { formatCount } from '../../core/text';
import { checkHeaders } from '../header-check';
import { BookNotFound, findBookSheet } from '../workbook/book';
import {
  ColumnsSheetTaken,
  effectiveHeaderRow,
  readColumnMap,
  saveColumnMap,
} from '../workbook/columns';
import type { WorkbookPorts } from '../workbook/ports';
import { loadSettings } from '../workbook/settings';
import type { ColumnsRequest, ColumnsView } from './api';
import { SidebarError } from './errors';

type ColumnsPorts = WorkbookPorts & {
  readonly activeRow: () => { readonly sheet: string; readonly row: number } | undefined;
};

/**
 * The sheet to map: the book (chosen in the settings, or found), or else the sheet the user is
 * on: a book whose Account column has another name is not found until it is mapped.
 */
function sheetToMap(ports: ColumnsPorts, map: ColumnMap): string {
  const chosen = loadSettings(ports.properties).bookSheet;
  try {
    return findBookSheet(ports.sheets, chosen, map);
  } catch (error) {
    if (!(error instanceof BookNotFound)) throw error;
    const active = ports.activeRow()?.sheet;
    if (!chosen && active !== undefined && !OWNED_SHEETS.has(active)) return active;
    throw new SidebarError(
      chosen
        ? error.message
        : `${error.message} Select a cell of your book, then open the Columns tab again.`,
    );
  }
}

function view(
  ports: ColumnsPorts,
  sheet: string,
  header: readonly CellValue[],
  map: ColumnMap,
  saved: string | null,
): ColumnsView {
  const mapping = headerMapping(header, map);
  const report = checkHeaders(sheet, header, effectiveHeaderRow(ports.sheets, header, map));
  return {
    sheet,
    unrecognised: mapping.unrecognised,
    recognised: mapping.recognised,
    targets: mappingTargets(),
    changed: headerChange(sheet, header, map),
    report: report.message.split('\n').filter((line) => line !== ''),
    formula: isEmptyMap(map) ? null : mappedFormula(sheet),
    saved,
  };
}

export function getColumns(ports: ColumnsPorts): ColumnsView {
  const map = readColumnMap(ports.sheets);
  const sheet = sheetToMap(ports, map);
  return view(ports, sheet, ports.sheets.header(sheet), map, null);
}

export function saveColumns(ports: ColumnsPorts, request: ColumnsRequest): ColumnsView {
  const sheet = typeof request?.sheet === 'string' ? request.sheet : '';
  if (OWNED_SHEETS.has(sheet) || !ports.sheets.sheetNames().includes(sheet)) {
    throw new SidebarError(
      `There is no sheet "${sheet}" to map any more. Open the Columns tab again.`,
    );
  }
  const header = ports.sheets.header(sheet);
  const resolved = resolveChoices(
    sheet,
    header,
    Array.isArray(request?.choices) ? request.choices : [],
  );
  if ('error' in resolved) throw new SidebarError(resolved.error);
  try {
    saveColumnMap(ports.sheets, sheet, header, resolved.map);
  } catch (error) {
    if (error instanceof ColumnsSheetTaken) throw new SidebarError(error.message);
    throw error;
  }
  const choices = [...resolved.map.choices.values()];
  const mapped = choices.filter((choice) => choice !== '').length;
  const saved = `Saved: ${formatCount(mapped, 'column')} mapped, ${formatCount(choices.length - mapped, 'column')} ignored. CS Engine now reads "${sheet}" this way everywhere; your sheet is unchanged.`;
  return view(ports, sheet, header, resolved.map, saved);
}
