/** The Dashboard refresh's ports over Apps Script: the alert run's sheets, and the canvas. */
import type { DashboardCanvas, DashboardPorts } from '../app/dashboard/ports';
import type { ChartSpec } from '../core/dashboard';
import { asWrittenRows } from '../core/sheet-input';
import { alertPorts } from './alert-ports';
import { ownedSheet } from './owned-sheet';
import { columnLetter } from '../core/dashboard';

/** Columns a chart covers at its default size. */
const CHART_COLUMNS = 7;

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

/** A1 ranges of the cells of each format: runs down a column become one range. */
function cellsByFormat(formats: readonly (readonly string[])[]): Map<string, string[]> {
  const byFormat = new Map<string, string[]>();
  const width = Math.max(0, ...formats.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    let row = 0;
    while (row < formats.length) {
      const format = formats[row]?.[column] ?? '';
      let end = row;
      while (end + 1 < formats.length && (formats[end + 1]?.[column] ?? '') === format) end++;
      if (format !== '') {
        const letter = columnLetter(column);
        const a1 = end === row ? `${letter}${row + 1}` : `${letter}${row + 1}:${letter}${end + 1}`;
        byFormat.set(format, [...(byFormat.get(format) ?? []), a1]);
      }
      row = end + 1;
    }
  }
  return byFormat;
}

const canvas: DashboardCanvas = {
  replace(name, rows, formats, charts) {
    const width = rows[0]?.length ?? 0;
    // Room for the charts, which sit right of the figures (about 7 columns wide).
    const chartRoom = Math.max(0, ...charts.map((chart) => chart.anchorColumn + CHART_COLUMNS));
    const sheet = ownedSheet(SpreadsheetApp.getActiveSpreadsheet(), name, {
      width: Math.max(width, chartRoom),
    });
    // Contents only: the user's formatting of the add-on's sheet is kept.
    sheet.clearContents();
    if (rows.length > 0 && width > 0) {
      const max = sheet.getMaxRows();
      if (rows.length > max) sheet.insertRowsAfter(max, rows.length - max);
      // Text stays text (a cell the user made plain text takes it as it is, so the formats
      // are read first); only the cells built with sheetFormula become formulas.
      const range = sheet.getRange(1, 1, rows.length, width);
      range.setValues(asWrittenRows(rows, range.getNumberFormats()));
      // One call per format, over just the cells that hold a figure.
      for (const [format, a1s] of cellsByFormat(formats)) {
        sheet.getRangeList(a1s).setNumberFormat(format);
      }
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
