/**
 * Builds DOM nodes from data. Strings always become text nodes: sheet text such as an account
 * named "<img src=x onerror=alert(1)>" is shown as text and never parsed as HTML.
 */
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on')) throw new Error('Attach listeners with addEventListener.');
    element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The sidebar is missing #${id}.`);
  return element as T;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small line chart of scores (0-100), oldest first. */
export function sparkline(
  scores: readonly number[],
  color: string,
  width = 120,
  height = 32,
): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  const first = scores[0];
  const last = scores[scores.length - 1];
  svg.setAttribute('aria-label', `Score trend from ${first} to ${last}`);
  const pad = 3;
  const x = (i: number) =>
    scores.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (scores.length - 1);
  const y = (score: number) =>
    pad + ((100 - Math.max(0, Math.min(100, score))) * (height - 2 * pad)) / 100;
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute(
    'points',
    scores.map((score, i) => `${x(i).toFixed(1)},${y(score).toFixed(1)}`).join(' '),
  );
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', color);
  line.setAttribute('stroke-width', '2');
  svg.appendChild(line);
  const dot = document.createElementNS(SVG, 'circle');
  dot.setAttribute('cx', x(scores.length - 1).toFixed(1));
  dot.setAttribute('cy', y(last ?? 0).toFixed(1));
  dot.setAttribute('r', '3');
  dot.setAttribute('fill', color);
  svg.appendChild(dot);
  return svg;
}
