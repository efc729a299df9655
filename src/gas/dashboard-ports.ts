/** The Dashboard refresh's ports over Apps Script: the alert run's sheets, and the canvas. */
import type { DashboardCanvas, DashboardPorts } from '../app/dashboard/ports';
import type { ChartSpec } from '../core/dashboard';
import { asWrittenRows } from '../core/sheet-input';
import { alertPorts } from './alert-ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function builderFor(sheet: Sheet, spec: ChartSpec) {
  const base = sheet.newChart();
  const typed =
    spec.kind === 'pie'
      ? base.asPieChart()
      : spec.kind === 'column'
        ? base.asColumnChart()
        : base.asLineChart();
  return typed
    .addRange(sheet.getRange(spec.row, spec.column, spec.numRows, spec.numColumns))
    .setNumHeaders(1)
    .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
    .setOption('title', spec.title)
    .setOption('colors', [...spec.colors])
    .setOption('legend', { position: spec.kind === 'pie' ? 'right' : 'none' });
}

const canvas: DashboardCanvas = {
  replace(name, rows, formats, charts) {
    const book = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = book.getSheetByName(name) ?? book.insertSheet(name);
    // Contents only: the user's formatting of the add-on's sheet is kept.
    sheet.clearContents();
    const width = rows[0]?.length ?? 0;
    if (rows.length > 0 && width > 0) {
      const max = sheet.getMaxRows();
      if (rows.length > max) sheet.insertRowsAfter(max, rows.length - max);
      // The formats first, so that each value is written knowing its cell's format (none is
      // plain text); text stays text, only the cells built with sheetFormula are formulas.
      sheet
        .getRange(1, 1, rows.length, width)
        .setNumberFormats(formats.map((row) => [...row]))
        .setValues(asWrittenRows(rows, formats));
    }
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    for (const spec of charts) sheet.insertChart(builderFor(sheet, spec).build());
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  },
};

export function dashboardPorts(): DashboardPorts {
  const ports = alertPorts();
  return {
    sheets: ports.sheets,
    properties: ports.properties,
    canvas,
    now: ports.now,
    timeZone: ports.timeZone,
  };
}
