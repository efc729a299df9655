/**
 * A query built in stages: each stage selects everything of the one before plus a few named
 * expressions, so that an expression can use a column computed by an earlier stage (BigQuery
 * cannot refer to a select-list alias in the same SELECT). Internal columns are prefixed and
 * left out of the result, which keeps the source table's own columns.
 */
import type { Dialect } from './dialect';

/** The stages, in order; a column can use columns of any earlier stage. */
const STAGE_NAMES = [
  'text',
  'parse',
  'groups',
  'pieces',
  'number',
  'value',
  'found',
  'problem',
  'quantity',
  'rubric',
  'dimension',
  'composite',
  'driver',
  'rank',
] as const;

export const STAGE = Object.fromEntries(STAGE_NAMES.map((name, index) => [name, index])) as {
  readonly [K in (typeof STAGE_NAMES)[number]]: number;
};

const PREFIX = '_cse_';

export class Query {
  private readonly stages: [string, string][][] = [];
  private readonly names = new Set<string>();

  constructor(readonly dialect: Dialect) {}

  /** The full name of an internal column (lower case, digits and underscores). */
  internal(name: string): string {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not an internal column name: ${name}`);
    return PREFIX + name;
  }

  /** Adds an internal column to a stage and returns the name to refer to it by. */
  add(stage: number, name: string, expression: string): string {
    const full = this.internal(name);
    if (this.names.has(full)) throw new Error(`Column ${full} is defined twice.`);
    this.names.add(full);
    (this.stages[stage] ??= []).push([full, expression]);
    return full;
  }

  /** Whether an internal column of that name exists. */
  has(name: string): boolean {
    return this.names.has(this.internal(name));
  }

  /**
   * The query over `source`: every column of the source, then `outputs` (name, expression
   * over the last stage's columns).
   */
  render(source: string, outputs: readonly (readonly [string, string])[]): string {
    const stages = this.stages.filter((stage) => stage !== undefined && stage.length > 0);
    const lines: string[] = [];
    let from = source;
    if (stages.length > 0) lines.push('WITH');
    stages.forEach((stage, index) => {
      const name = `${PREFIX}stage${index + 1}`;
      const columns = stage.map(([column, expression]) => `    ${expression} AS ${column}`);
      const comma = index < stages.length - 1 ? ',' : '';
      lines.push(
        `${name} AS (\n  SELECT\n    *,\n${columns.join(',\n')}\n  FROM ${from}\n)${comma}`,
      );
      from = name;
    });
    const internal = [...this.names];
    const select = internal.length > 0 ? this.dialect.selectAllBut(internal) : '*';
    const out = outputs.map(([name, expression]) => `  ${expression} AS ${name}`);
    lines.push(`SELECT\n  ${select},\n${out.join(',\n')}\nFROM ${from}`);
    return lines.join('\n');
  }
}

/** CASE WHEN ... THEN ... [ELSE ...] END; NULL when nothing matches and no `otherwise`. */
export function caseWhen(
  branches: readonly (readonly [string, string])[],
  otherwise?: string,
): string {
  if (branches.length === 0) return otherwise ?? 'NULL';
  const whens = branches.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(' ');
  return `(CASE ${whens}${otherwise === undefined ? '' : ` ELSE ${otherwise}`} END)`;
}

/** Joins expressions with ||; each must not be NULL where the result is used. */
export function concat(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' || ')})`;
}

/**
 * The SQL of a text that a product function writes, with SQL expressions in place of its
 * variable parts: `write` is called with placeholders, and the result is split around them.
 * This way the wording is the product's own, never retyped.
 */
export function fromTemplate(
  dialect: Dialect,
  write: (...placeholders: string[]) => string,
  expressions: readonly string[],
): string {
  const marks = expressions.map((_, index) => `\u0000${index}\u0000`);
  const text = write(...marks);
  const parts: string[] = [];
  let rest = text;
  for (;;) {
    const match = /\u0000(\d+)\u0000/.exec(rest);
    if (!match) break;
    if (match.index > 0) parts.push(dialect.string(rest.slice(0, match.index)));
    parts.push(expressions[Number(match[1])] as string);
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest !== '' || parts.length === 0) parts.push(dialect.string(rest));
  return concat(parts);
}
