/**
 * In-memory embedded charts: Sheet.newChart() builders, insertChart, getCharts, removeChart
 * and updateChart, faithful to Google's documented behaviour
 * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder):
 *
 * - a builder is local: nothing reaches the sheet until insertChart(builder.build());
 * - asPieChart(), asLineChart(), asColumnChart()... set the chart type and return the
 *   builder; setOption(name, value) records a Gviz option ("title", "colors", ...);
 *   setTitle / setColors are the typed builders' shortcuts for those options;
 * - addRange takes a Range of the same spreadsheet; build() without a range throws, as
 *   Sheets refuses a chart with no data;
 * - setPosition(anchorRow, anchorColumn, offsetX, offsetY) is 1-based;
 * - getCharts() returns new EmbeddedChart objects over the stored charts, in insertion order;
 *   removeChart(chart) removes the chart with the same id (throws if it is not on the sheet).
 *
 * Every builder and chart call is recorded on the call counter as "EmbeddedChartBuilder.x"
 * or "EmbeddedChart.x"; the Sheet methods record "Sheet.newChart" etc. (in spreadsheet.ts).
 */
import { toA1, type GridRect } from './a1';
import type { CallCounter } from './calls';
import type { Fluent } from './types';

type GasBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** What a chart refers to: a rectangle of a named sheet. */
export interface ChartRange {
  readonly sheetName: string;
  readonly rect: GridRect;
}

/** A chart as stored on a sheet. */
export interface StoredChart {
  readonly id: number;
  readonly type: string;
  readonly ranges: readonly ChartRange[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly position: { row: number; column: number; offsetX: number; offsetY: number };
}

/** The charts of every sheet, kept beside the sheet's model. */
const chartsBySheet = new WeakMap<object, StoredChart[]>();
let nextChartId = 1;

export function storedCharts(sheetModel: object): StoredChart[] {
  let charts = chartsBySheet.get(sheetModel);
  if (!charts) {
    charts = [];
    chartsBySheet.set(sheetModel, charts);
  }
  return charts;
}

/** A range as the chart code sees it (a FakeRange exposes these without counting a call). */
export interface ChartSourceRange {
  readonly rect: GridRect;
  chartSheetName(): string;
}

type BuilderKeys =
  | 'asPieChart'
  | 'asLineChart'
  | 'asColumnChart'
  | 'asBarChart'
  | 'asAreaChart'
  | 'setOption'
  | 'setPosition'
  | 'clearRanges'
  | 'setNumHeaders';

export class FakeEmbeddedChartBuilder implements Partial<
  Fluent<GasBuilder, BuilderKeys, FakeEmbeddedChartBuilder>
> {
  private type = 'LINE';
  private readonly ranges: ChartRange[] = [];
  private readonly options: Record<string, unknown> = {};
  private position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };

  constructor(
    private readonly calls: CallCounter,
    private readonly existing?: StoredChart,
  ) {
    if (existing) {
      this.type = existing.type;
      this.ranges.push(...existing.ranges);
      Object.assign(this.options, existing.options);
      this.position = { ...existing.position };
    }
  }

  private record(method: string): void {
    this.calls.record(`EmbeddedChartBuilder.${method}`);
  }

  private as(type: string, method: string): FakeEmbeddedChartBuilder {
    this.record(method);
    this.type = type;
    return this;
  }

  asPieChart(): FakeEmbeddedChartBuilder {
    return this.as('PIE', 'asPieChart');
  }

  asLineChart(): FakeEmbeddedChartBuilder {
    return this.as('LINE', 'asLineChart');
  }

  asColumnChart(): FakeEmbeddedChartBuilder {
    return this.as('COLUMN', 'asColumnChart');
  }

  asBarChart(): FakeEmbeddedChartBuilder {
    return this.as('BAR', 'asBarChart');
  }

  asAreaChart(): FakeEmbeddedChartBuilder {
    return this.as('AREA', 'asAreaChart');
  }

  /** Charts.ChartType values are their names ("PIE", "LINE"...). */
  setChartType(type: unknown): FakeEmbeddedChartBuilder {
    return this.as(String(type), 'setChartType');
  }

  getChartType(): string {
    this.record('getChartType');
    return this.type;
  }

  addRange(range: ChartSourceRange): FakeEmbeddedChartBuilder {
    this.record('addRange');
    if (!range || typeof range.chartSheetName !== 'function') {
      throw new Error('Invalid argument: range');
    }
    this.ranges.push({ sheetName: range.chartSheetName(), rect: { ...range.rect } });
    return this;
  }

  clearRanges(): FakeEmbeddedChartBuilder {
    this.record('clearRanges');
    this.ranges.length = 0;
    return this;
  }

  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.record('setNumHeaders');
    this.options.numHeaders = headers;
    return this;
  }

  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.record('setOption');
    this.options[option] = value;
    return this;
  }

  setTitle(title: string): FakeEmbeddedChartBuilder {
    this.record('setTitle');
    this.options.title = title;
    return this;
  }

  setColors(colors: string[]): FakeEmbeddedChartBuilder {
    this.record('setColors');
    this.options.colors = [...colors];
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    this.record('setPosition');
    if (
      ![anchorRowPos, anchorColPos, offsetX, offsetY].every(Number.isInteger) ||
      anchorRowPos < 1 ||
      anchorColPos < 1
    ) {
      throw new Error('Invalid argument: position');
    }
    this.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  getRanges(): string[] {
    this.record('getRanges');
    return this.ranges.map((range) => `${range.sheetName}!${toA1(range.rect)}`);
  }

  build(): FakeEmbeddedChart {
    this.record('build');
    if (this.ranges.length === 0)
      throw new Error('The chart has no data. Add a range with addRange.');
    const chart: StoredChart = {
      id: this.existing?.id ?? nextChartId++,
      type: this.type,
      ranges: this.ranges.map((range) => ({ sheetName: range.sheetName, rect: { ...range.rect } })),
      options: JSON.parse(JSON.stringify(this.options)) as Record<string, unknown>,
      position: { ...this.position },
    };
    return new FakeEmbeddedChart(chart, this.calls);
  }
}

export class FakeEmbeddedChart implements Partial<Pick<GasChart, 'getChartId'>> {
  constructor(
    readonly stored: StoredChart,
    private readonly calls: CallCounter,
  ) {}

  private record(method: string): void {
    this.calls.record(`EmbeddedChart.${method}`);
  }

  getChartId(): number {
    this.record('getChartId');
    return this.stored.id;
  }

  getOptions(): { get(option: string): unknown } {
    this.record('getOptions');
    const options = this.stored.options;
    return { get: (option: string) => options[option] ?? null };
  }

  getRanges(): string[] {
    this.record('getRanges');
    return this.stored.ranges.map((range) => `${range.sheetName}!${toA1(range.rect)}`);
  }

  modify(): FakeEmbeddedChartBuilder {
    this.record('modify');
    return new FakeEmbeddedChartBuilder(this.calls, this.stored);
  }
}

/** Sheet.insertChart: stores the built chart on the sheet. */
export function insertChart(sheetModel: object, chart: FakeEmbeddedChart): void {
  if (!(chart instanceof FakeEmbeddedChart)) throw new Error('Invalid argument: chart');
  const charts = storedCharts(sheetModel);
  if (charts.some((existing) => existing.id === chart.stored.id)) {
    throw new Error('The chart is already on the sheet: use updateChart.');
  }
  charts.push(chart.stored);
}

/** Sheet.removeChart: removes the chart with the same id. */
export function removeChart(sheetModel: object, chart: FakeEmbeddedChart): void {
  const charts = storedCharts(sheetModel);
  const index = charts.findIndex((existing) => existing.id === chart?.stored?.id);
  if (index < 0) throw new Error('The chart is not on this sheet.');
  charts.splice(index, 1);
}

/** Sheet.updateChart: replaces the chart with the same id. */
export function updateChart(sheetModel: object, chart: FakeEmbeddedChart): void {
  const charts = storedCharts(sheetModel);
  const index = charts.findIndex((existing) => existing.id === chart?.stored?.id);
  if (index < 0) throw new Error('The chart is not on this sheet.');
  charts[index] = chart.stored;
}
