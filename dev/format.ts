/** Small terminal-formatting helpers for the dev scripts (no dependency). */

export interface Styler {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

/** ANSI colours only on a terminal, and never when NO_COLOR is set. */
export function styler(stream: NodeJS.WriteStream = process.stdout): Styler {
  const on = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const wrap = (code: number) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    bold: wrap(1),
    dim: wrap(2),
    red: wrap(31),
    yellow: wrap(33),
    green: wrap(32),
    cyan: wrap(36),
  };
}

/** Visible length of a text, ANSI colour codes excluded, counting code points. */
export function visibleLength(text: string): number {
  return [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

/** Cuts a text to `width` characters, ending with "…" when cut. Control characters become spaces. */
export function truncate(text: string, width: number): string {
  const clean = [...text.replace(/[\x00-\x1f\x7f]/g, ' ')];
  if (clean.length <= width) return clean.join('');
  return `${clean.slice(0, Math.max(0, width - 1)).join('')}…`;
}

export interface Column {
  readonly title: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - visibleLength(text));
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

/**
 * A plain-text table. Cells are truncated to their column width; `style` may colour a cell
 * after truncation (so colour codes never count towards the width).
 */
export function table(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  style?: (text: string, row: number, column: number) => string,
): string {
  const line = (cells: readonly string[], styled: boolean, row = -1) =>
    columns
      .map((column, index) => {
        const cut = truncate(cells[index] ?? '', column.width);
        const text = styled && style ? style(cut, row, index) : cut;
        return pad(text, column.width, column.align);
      })
      .join('  ')
      .trimEnd();
  const header = line(
    columns.map((column) => column.title),
    false,
  );
  const rule = columns.map((column) => '─'.repeat(column.width)).join('  ');
  return [header, rule, ...rows.map((cells, index) => line(cells, true, index))].join('\n');
}

/** "$1.2M", "$120k", "$950". */
export function shortMoney(value: number): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  if (abs >= 1e6) return `$${(value / 1e6).toFixed(abs >= 1e7 ? 1 : 2)}M`;
  if (abs >= 1e3) return `$${(value / 1e3).toFixed(abs >= 1e5 ? 0 : 1)}k`;
  return `$${Math.round(value)}`;
}

/** 1.0523 -> "105.2%". */
export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/**
 * Reads a money cell of the demo book for display ("$120,000", "120k", "1.2k", 120000);
 * the add-on's own reading happens inside the bundle.
 */
export function moneyOf(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return Number.NaN;
  const match = /^\$?\s*([\d,]*\.?\d+)\s*([km])?$/i.exec(cell.trim());
  if (!match) return Number.NaN;
  const value = Number((match[1] ?? '').replace(/,/g, ''));
  const unit = match[2]?.toLowerCase();
  return unit === 'k' ? value * 1e3 : unit === 'm' ? value * 1e6 : value;
}
