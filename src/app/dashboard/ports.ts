/** What the Dashboard refresh needs from Apps Script besides the workbook: a canvas. */
import type { Cell, ChartSpec } from '../../core/dashboard';
import type { WorkbookPorts } from '../workbook/ports';

export interface DashboardCanvas {
  /**
   * Replaces the add-on's sheet `name` with `rows` (strings are text, SheetFormula cells are
   * formulas):
   * clears it, writes every cell in one setValues(), sets each number format on the cells
   * that have it ("" for none) with one call per format, then replaces its charts.
   */
  replace(
    name: string,
    rows: readonly (readonly Cell[])[],
    formats: readonly (readonly string[])[],
    charts: readonly ChartSpec[],
  ): void;
}

export interface DashboardPorts extends WorkbookPorts {
  readonly canvas: DashboardCanvas;
}
