/**
 * docs/formulas.md and docs/columns.md are generated from src/index.ts's JSDoc and the signal
 * dictionary, so the function and column names live in one place. This fails when either
 * file is stale: run `npm run docs`.
 */
import { readFileSync } from 'node:fs';
import {
  COLUMNS_PATH,
  FORMULAS_PATH,
  columnsMarkdown,
  customFunctions,
  formulasMarkdown,
} from '../scripts/reference-docs';
import { SIGNALS } from '../src/core/signals';

describe('the generated reference docs', () => {
  it('docs/formulas.md is what src/index.ts says (run npm run docs if this fails)', () => {
    expect(readFileSync(FORMULAS_PATH, 'utf8')).toBe(formulasMarkdown());
  });

  it('docs/columns.md is what the signal dictionary says (run npm run docs if this fails)', () => {
    expect(readFileSync(COLUMNS_PATH, 'utf8')).toBe(columnsMarkdown());
  });

  it('lists every custom function with its arguments, and every column', () => {
    const functions = customFunctions();
    expect(functions.length).toBeGreaterThanOrEqual(21);
    const healthScore = functions.find((fn) => fn.name === 'HEALTHSCORE');
    expect(healthScore?.params.map((p) => p.name)).toEqual(['headers', 'rows', 'model', 'today']);
    expect(healthScore?.params.map((p) => p.optional)).toEqual([false, false, true, true]);
    const columns = readFileSync(COLUMNS_PATH, 'utf8');
    for (const signal of SIGNALS) expect(columns).toContain(`| ${signal.label} |`);
  });

  it('the guides have a section with an example for every function, and no other', () => {
    const guide = ['formula-guide.md', 'dashboard-and-backtest.md']
      .map((page) => readFileSync(FORMULAS_PATH.replace('formulas.md', page), 'utf8'))
      .join('\n');
    const sections = [...guide.matchAll(/^#{3,4} ([A-Z]+)\b/gm)].map((m) => m[1]);
    const names = customFunctions().map((fn) => fn.name);
    expect([...new Set(sections)].sort()).toEqual([...names].sort());
    for (const name of names)
      expect(guide).toMatch(new RegExp(`#{3,4} ${name}[\\s\\S]*?=${name}\\(`));
  });

  it('a function added to src/index.ts appears in the reference', () => {
    const source = `
/**
 * Says hello.
 *
 * @param {string} name Who to greet.
 * @return A greeting.
 * @customfunction
 */
function HELLO(name: unknown) { return name; }
/** Not a custom function. */
function helper() {}`;
    expect(formulasMarkdown(customFunctions(source))).toContain('`=HELLO(name)`');
    expect(formulasMarkdown(customFunctions(source))).not.toContain('helper');
  });
});
