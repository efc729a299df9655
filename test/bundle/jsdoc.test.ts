/**
 * Sheets shows autocomplete and argument hints from the JSDoc of the top-level functions of
 * the script. esbuild-gas-plugin writes those stubs from src/index.ts; this test fails if a
 * custom function lost its JSDoc, its @customfunction tag or its parameter names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const bundle = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');

const CUSTOM_FUNCTIONS: Record<string, string[]> = {
  HEALTHSCORE: ['headers', 'rows', 'model', 'today'],
  HEALTHTIER: ['score', 'model'],
  HEALTHDRIVERS: ['headers', 'rows', 'model', 'today'],
  NRR: ['start_or_start_arr', 'end_arr_or_expansion', 'contraction', 'churn'],
  GRR: ['start_or_start_arr', 'end_arr_or_expansion', 'contraction', 'churn'],
  LOGORETENTION: ['start_arr', 'end_arr'],
  SEGMENT: ['arr'],
  HEALTHBACKTEST: ['scores', 'outcomes', 'threshold'],
  HEALTHCALIBRATE: ['headers', 'rows', 'outcomes', 'model', 'today'],
  CHURNRISK: ['headers', 'rows', 'today'],
  EXPANSIONREADY: ['headers', 'rows', 'today'],
  RENEWALSTAGE: ['renewal_date', 'today', 'status'],
  NPS: ['responses'],
  CSAT: ['responses'],
  TTFV: ['start', 'first_value', 'segment'],
  ENGAGEMENTLEVEL: ['headers', 'rows', 'today'],
  WINBACKSTAGE: ['churn_date', 'today'],
  COHORTRETENTION: ['start_dates', 'end_dates', 'arr', 'periods', 'today'],
  CHURNRATE: ['rate', 'from_period', 'to_period'],
  EXPANSIONRATE: ['rate', 'from_period', 'to_period'],
  CSMCAPACITY: ['csm_column', 'arr_column'],
};

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

  it('lists no custom function that the test does not know about', () => {
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
