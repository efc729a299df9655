/**
 * Draws an embedded chart from its spec (dev/playground/chart-views.ts) as an SVG figure: a pie
 * with its legend, columns, or a line (a bar chart is drawn as columns, an area as a line). Every text from the
 * sheet goes in with textContent: labels never become markup.
 */
import type { ChartView } from '../types';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 460;
const HEIGHT = 260;
const PAD = { left: 48, right: 16, top: 36, bottom: 44 };
const FALLBACK_COLORS = ['#1a73e8', '#e8710a', '#1e8e3e', '#d93025', '#9334e6', '#f9ab00'];

type Attributes = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function colorOf(chart: ChartView, index: number): string {
  const colors = chart.colors.length > 0 ? chart.colors : FALLBACK_COLORS;
  return colors[index % colors.length] ?? '#1a73e8';
}

/** A tooltip, as Sheets shows on hover. */
function titled<T extends SVGElement>(element: T, text: string): T {
  element.append(svg('title', {}, text));
  return element;
}

function pie(chart: ChartView, root: SVGSVGElement): void {
  const values = (chart.series[0]?.values ?? []).map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((sum, v) => sum + v, 0);
  const cx = 130;
  const cy = PAD.top + (HEIGHT - PAD.top - 16) / 2;
  const r = Math.min(100, (HEIGHT - PAD.top - 24) / 2);
  let angle = -Math.PI / 2;
  values.forEach((value, i) => {
    if (total === 0 || value === 0) return;
    const label = `${chart.labels[i] ?? ''}: ${chart.shown[i]?.[0] ?? value} (${((100 * value) / total).toFixed(1)}%)`;
    const sweep = (2 * Math.PI * value) / total;
    const color = colorOf(chart, i);
    if (sweep >= 2 * Math.PI - 1e-9) {
      root.append(titled(svg('circle', { cx, cy, r, fill: color }), label));
    } else {
      const x1 = cx + r * Math.cos(angle);
      const y1 = cy + r * Math.sin(angle);
      const x2 = cx + r * Math.cos(angle + sweep);
      const y2 = cy + r * Math.sin(angle + sweep);
      const large = sweep > Math.PI ? 1 : 0;
      const d = `M${cx},${cy} L${x1.toFixed(2)},${y1.toFixed(2)} A${r},${r} 0 ${large} 1 ${x2.toFixed(2)},${y2.toFixed(2)} Z`;
      root.append(titled(svg('path', { d, fill: color, stroke: '#fff' }), label));
    }
    angle += sweep;
  });
  if (chart.legend === 'none') return;
  chart.labels.forEach((text, i) => {
    const y = PAD.top + 16 + i * 20;
    root.append(
      svg('rect', { x: 260, y: y - 10, width: 12, height: 12, fill: colorOf(chart, i) }),
      svg('text', { x: 278, y, class: 'legend' }, `${text} (${chart.shown[i]?.[0] ?? ''})`),
    );
  });
}

/** The value axis: 0 (or the lowest value) to the highest, with 4 steps. */
function scale(values: readonly number[]): { low: number; high: number } {
  const low = Math.min(0, ...values);
  const high = Math.max(...values, low + 1e-9);
  return { low, high };
}

function axes(root: SVGSVGElement, low: number, high: number, format: (v: number) => string): void {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  for (let step = 0; step <= 4; step++) {
    const value = low + ((high - low) * step) / 4;
    const y = PAD.top + plotHeight * (1 - step / 4);
    root.append(
      svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, stroke: '#e0e0e0' }),
      svg(
        'text',
        { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' },
        format(value),
      ),
    );
  }
}

/** Axis labels in the series' own style: percentages stay percentages. */
function axisFormat(chart: ChartView): (v: number) => string {
  const percent = chart.shown.some((line) => /%$/.test(line[0] ?? ''));
  return percent ? (v) => `${Math.round(v * 100)}%` : (v) => String(Math.round(v * 100) / 100);
}

function xLabels(root: SVGSVGElement, chart: ChartView, xOf: (i: number) => number): void {
  const every = Math.max(1, Math.ceil(chart.labels.length / 8));
  chart.labels.forEach((text, i) => {
    if (i % every !== 0) return;
    const y = HEIGHT - PAD.bottom + 16;
    root.append(svg('text', { x: xOf(i), y, 'text-anchor': 'middle', class: 'axis' }, text));
  });
}

function columns(chart: ChartView, root: SVGSVGElement): void {
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { low, high } = scale(all);
  axes(root, low, high, axisFormat(chart));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, chart.labels.length);
  const width = Math.max(2, (slot * 0.7) / Math.max(1, chart.series.length));
  const yOf = (v: number) => PAD.top + plotHeight * (1 - (v - low) / (high - low));
  chart.series.forEach((series, s) => {
    series.values.forEach((value, i) => {
      if (value === null) return;
      const x = PAD.left + slot * i + slot * 0.15 + width * s;
      const top = Math.min(yOf(value), yOf(0));
      const height = Math.abs(yOf(value) - yOf(0));
      const label = `${chart.labels[i] ?? ''}, ${series.name}: ${chart.shown[i]?.[s] ?? value}`;
      root.append(
        titled(svg('rect', { x, y: top, width, height, fill: colorOf(chart, s) }), label),
      );
    });
  });
  xLabels(root, chart, (i) => PAD.left + slot * i + slot / 2);
}

function line(chart: ChartView, root: SVGSVGElement): void {
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { low, high } = scale(all);
  axes(root, low, high, axisFormat(chart));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const xOf = (i: number) => PAD.left + (plotWidth * i) / Math.max(1, chart.labels.length - 1);
  const yOf = (v: number) => PAD.top + plotHeight * (1 - (v - low) / (high - low));
  chart.series.forEach((series, s) => {
    const points = series.values
      .map((v, i) => (v === null ? '' : `${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`))
      .filter((p) => p !== '');
    const color = colorOf(chart, s);
    root.append(
      svg('polyline', { points: points.join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }),
    );
    series.values.forEach((v, i) => {
      if (v === null) return;
      const label = `${chart.labels[i] ?? ''}: ${chart.shown[i]?.[s] ?? v}`;
      root.append(titled(svg('circle', { cx: xOf(i), cy: yOf(v), r: 3, fill: color }), label));
    });
  });
  xLabels(root, chart, xOf);
}

/** The chart as a figure element: an SVG with the chart's title. */
export function drawChart(chart: ChartView): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.chart = chart.type.toLowerCase();
  const root = svg('svg', {
    width: WIDTH,
    height: HEIGHT,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': chart.title || `${chart.type.toLowerCase()} chart`,
  });
  root.append(
    svg('text', { x: WIDTH / 2, y: 20, 'text-anchor': 'middle', class: 'title' }, chart.title),
  );
  if (chart.type === 'PIE') pie(chart, root);
  else if (chart.type === 'LINE' || chart.type === 'AREA') line(chart, root);
  else columns(chart, root);
  const caption = document.createElement('figcaption');
  caption.textContent = `Chart anchored at row ${chart.row}, column ${chart.column}`;
  figure.append(root, caption);
  return figure;
}
