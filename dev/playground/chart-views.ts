/**
 * The embedded charts of a sheet, as the page draws them: each chart's spec (type, title,
 * colors, legend, position, as the add-on built it with Sheet.newChart) with the data of its
 * range read from the sheet, the way Sheets reads a chart's range: the first column gives the
 * labels, each other column a series, and the header row (numHeaders, 1 unless the chart says
 * 0) names them. Only a chart's first range is drawn (the add-on's charts have one).
 */
import { type FakeSpreadsheet, storedCharts } from '../runtime';
import type { ChartView } from './types';

function legendPosition(option: unknown): string {
  if (typeof option === 'object' && option !== null && 'position' in option) {
    return String((option as { position: unknown }).position);
  }
  return 'right';
}

/** The charts on the sheet `name` of `spreadsheet` (reads no service: nothing is counted). */
export function chartViews(spreadsheet: FakeSpreadsheet, name: string): ChartView[] {
  return storedCharts(spreadsheet.sheet(name).model).flatMap((chart): ChartView[] => {
    const range = chart.ranges[0];
    if (!range) return [];
    const source = spreadsheet.sheet(range.sheetName);
    const shown = source.displayGrid(range.rect);
    const { row, column, numRows, numColumns } = range.rect;
    const headers = chart.options.numHeaders === 0 ? 0 : 1;
    const names = headers > 0 ? (shown[0] ?? []) : [];
    const lines = shown.slice(headers);
    const numberAt = (i: number, j: number) => {
      const value = source.model.value(row + headers + i, column + j);
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    };
    const series = [];
    for (let j = 1; j < numColumns; j++) {
      series.push({
        name: names[j] ?? `Series ${j}`,
        values: lines.map((_, i) => numberAt(i, j)),
      });
    }
    const colors = Array.isArray(chart.options.colors) ? chart.options.colors.map(String) : [];
    return [
      {
        id: chart.id,
        type: chart.type,
        title: typeof chart.options.title === 'string' ? chart.options.title : '',
        colors,
        row: chart.position.row,
        column: chart.position.column,
        legend: legendPosition(chart.options.legend),
        labels: lines.map((line) => line[0] ?? ''),
        shown: lines.slice(0, numRows - headers).map((line) => line.slice(1)),
        series,
      },
    ];
  });
}
