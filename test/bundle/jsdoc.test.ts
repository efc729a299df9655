/**
 * Sheets shows autocomplete and argument hints from the JSDoc of the top-level functions of
 * the script. esbuild-gas-plugin writes those stubs from src/index.ts; this test fails if a
 * custom function lost its JSDoc, its @customfunction tag or its parameter names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { customFunctions } from '../../scripts/reference-docs';
import { FORMULA_HELP } from '../../src/app/menu';

const bundle = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');

/** The custom functions as src/index.ts declares them: the one list of their names. */
const CUSTOM_FUNCTIONS: Record<string, string[]> = Object.fromEntries(
  customFunctions().map((fn) => [fn.name, fn.params.map((param) => param.name)]),
);

/** The JSDoc block and parameter list of a top-level stub `function NAME(a, b) {}`. */
function stubOf(name: string): { doc: string; params: string[] } | undefined {
  const match = new RegExp(
    `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*function ${name}\\(([^)]*)\\) \\{\\}`,
  ).exec(bundle);
  if (!match) return undefined;
  const [, doc = '', params = ''] = match;
  return {
    doc,
    params: params
      .split(',')
      .map((param) => param.trim())
      .filter(Boolean),
  };
}

describe('the custom functions Sheets sees in dist/Code.js', () => {
  it.each(Object.entries(CUSTOM_FUNCTIONS))(
    '%s keeps its JSDoc, @customfunction and parameter names',
    (name, params) => {
      const stub = stubOf(name);
      expect(stub).toBeDefined();
      expect(stub?.params).toEqual(params);
      expect(stub?.doc).toContain('@customfunction');
      expect(stub?.doc).toMatch(/@return /);
      for (const param of params) {
        // Every parameter is described: "@param {type} name Description" or "[name]".
        expect(stub?.doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${param}\\]? \\S+`));
      }
      const summary = stub?.doc.split('\n')[1]?.replace(/^\s*\*\s?/, '') ?? '';
      expect(summary.length).toBeGreaterThan(20);
    },
  );

  it('Formula help names every custom function', () => {
    for (const name of Object.keys(CUSTOM_FUNCTIONS)) expect(FORMULA_HELP).toContain(`=${name}(`);
  });

  it('lists no custom function that src/index.ts does not declare', () => {
    const declared = [...bundle.matchAll(/@customfunction\s*\*\/\s*function (\w+)\(/g)].map(
      (match) => match[1],
    );
    expect(declared.sort()).toEqual(Object.keys(CUSTOM_FUNCTIONS).sort());
  });

  it('is plain ES2020 for Apps Script’s V8 (no newer syntax)', () => {
    expect(bundle).not.toMatch(/\?\?=|\|\|=|&&=/);
    expect(bundle).not.toMatch(/\bstatic \{/);
    expect(bundle).not.toMatch(/#\w+ in /);
  });
});
