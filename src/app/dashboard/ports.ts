/** What the Dashboard refresh needs from Apps Script, beside the alert run's SheetStore. */
import type { Cell, ChartSpec } from '../../core/dashboard';
import type { KeyValueStore, SheetStore } from '../alerts/ports';

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

export interface DashboardPorts {
  readonly sheets: SheetStore;
  readonly properties: KeyValueStore;
  readonly canvas: DashboardCanvas;
  readonly now: () => Date;
  readonly timeZone: string;
}
