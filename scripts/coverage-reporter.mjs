// The coverage report of `npm run coverage` (jest.coverage.config.mjs): a Jest reporter that
// turns V8's coverage of every test into the coverage of src/*.ts, counting the unit tests
// (src/ compiled by ts-jest) and the bundle tests (dist/Code.js and the actions' code, run in
// node:vm and mapped back through the coverage build's source maps, scripts/coverage-build.mjs)
// together.
//
// Why not Jest's own v8 report: it merges the two builds of a file by exact positions, but
// ts-jest and esbuild (minified) map the same function or block to slightly different columns,
// so it counts much of the code twice; and it counts a line of a bundled file as run when no
// code of the bundle maps to it (code esbuild left out because nothing calls it). Here:
// - a line counts when some build that ran has code on it (blank lines, comments and types
//   are not counted), and it is covered when any build ran that code;
// - a function, or a block (what V8 reports, and what the report calls a branch), is the same
//   in two builds when it starts and ends on the same lines, in the same order on those lines;
// - a file of src/ that no test loads counts with every line and function uncovered.
import { mergeProcessCovs } from '@bcoe/v8-coverage';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import v8ToIstanbul from 'v8-to-istanbul';

/** What the tests ran of one source file, across builds. */
class FileTally {
  lines = new Map(); // line -> hits
  functions = new Map(); // key -> { name, loc, hits }
  blocks = new Map(); // key -> { loc, hits }

  addLine(line, hits) {
    this.lines.set(line, (this.lines.get(line) ?? 0) + hits);
  }

  add(into, entries) {
    for (const [key, entry] of keyed(entries)) {
      const known = into.get(key);
      if (known) known.hits += entry.hits;
      else into.set(key, entry);
    }
  }

  /** The istanbul file coverage of this tally. */
  toIstanbul(file, text) {
    const lengths = text.split('\n').map((line) => line.replace(/\r$/, '').length);
    const data = { path: file, statementMap: {}, s: {}, fnMap: {}, f: {}, branchMap: {}, b: {} };
    [...this.lines.entries()]
      .sort(([a], [b]) => a - b)
      .forEach(([line, hits], i) => {
        const end = lengths[line - 1] ?? 0;
        data.statementMap[i] = { start: { line, column: 0 }, end: { line, column: end } };
        data.s[i] = hits;
      });
    [...this.functions.values()].forEach(({ name, loc, hits }, i) => {
      data.fnMap[i] = { name, decl: loc, loc, line: loc.start.line };
      data.f[i] = hits;
    });
    [...this.blocks.values()].forEach(({ loc, hits }, i) => {
      data.branchMap[i] = { type: 'branch', line: loc.start.line, loc, locations: [loc] };
      data.b[i] = [hits];
    });
    return data;
  }
}

/** Entries keyed by their first and last line, numbered in order along those lines. */
function keyed(entries) {
  const byLines = new Map();
  for (const entry of entries) {
    const lines = `${entry.loc.start.line}-${entry.loc.end.line}`;
    byLines.set(lines, [...(byLines.get(lines) ?? []), entry]);
  }
  return [...byLines].flatMap(([lines, list]) =>
    list
      .sort((a, b) => a.loc.start.column - b.loc.start.column)
      .map((entry, i) => [`${lines}#${i}`, entry]),
  );
}

/** The lines of each source file the source map gives code for, by file path. */
function codeLinesOf(sourceMap, onlyFile) {
  const lines = new Map();
  eachMapping(sourceMap, (mapping) => {
    if (mapping.source === null) return;
    const file =
      onlyFile ??
      (mapping.source.startsWith('file:') ? fileURLToPath(mapping.source) : mapping.source);
    if (!lines.has(file)) lines.set(file, new Set());
    lines.get(file).add(mapping.originalLine);
  });
  return lines;
}

/** A function's name as V8 gives it (its own, or the variable's or property's it is assigned to). */
function nameOf(node) {
  if (ts.isConstructorDeclaration(node)) return node.parent.name?.text;
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const { parent } = node;
  const named =
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent);
  return named && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/** The named functions of a TypeScript file no test loads (v8-to-istanbul counts only those). */
function functionsOf(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const found = [];
  const at = (pos) => {
    const { line, character } = source.getLineAndCharacterOfPosition(pos);
    return { line: line + 1, column: character };
  };
  const visit = (node) => {
    const name = ts.isFunctionLike(node) && node.body ? nameOf(node) : undefined;
    if (name) found.push({ name, loc: { start: at(node.getStart()), end: at(node.end) }, hits: 0 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export default class SourceCoverageReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.coverageDir = globalConfig.coverageDirectory;
    this.src = path.join(this.rootDir, 'src');
    this.runs = [];
  }

  onTestResult(_test, testResult) {
    if (testResult.v8Coverage) this.runs.push(testResult.v8Coverage);
  }

  async onRunComplete() {
    const transforms = new Map();
    for (const run of this.runs) {
      for (const { codeTransformResult, result } of run) {
        if (codeTransformResult) transforms.set(result.url, codeTransformResult);
      }
    }
    const merged = mergeProcessCovs(this.runs.map((run) => ({ result: run.map((r) => r.result) })));
    // ts-jest's builds first: their names and positions are the source's.
    const scripts = merged.result.sort(
      (a, b) => Number(transforms.has(b.url)) - Number(transforms.has(a.url)),
    );
    const tallies = new Map();
    for (const script of scripts) {
      const transform = transforms.get(script.url);
      const converter = transform
        ? v8ToIstanbul(script.url, transform.wrapperLength ?? 0, {
            originalSource: transform.originalCode,
            source: transform.code,
            sourceMap: {
              sourcemap: {
                file: script.url,
                ...JSON.parse(readFileSync(transform.sourceMapPath, 'utf8')),
              },
            },
          })
        : v8ToIstanbul(script.url, 0);
      await converter.load();
      converter.applyCoverage(script.functions);
      if (!converter.sourceMap) continue;
      const codeLines = codeLinesOf(converter.sourceMap, transform ? script.url : undefined);
      for (const [file, data] of Object.entries(converter.toIstanbul())) {
        if (!this.isSource(file)) continue;
        if (!tallies.has(file)) tallies.set(file, new FileTally());
        const tally = tallies.get(file);
        const code = codeLines.get(file) ?? new Set();
        for (const [i, loc] of Object.entries(data.statementMap)) {
          if (code.has(loc.start.line)) tally.addLine(loc.start.line, data.s[i]);
        }
        tally.add(
          tally.functions,
          Object.entries(data.fnMap).map(([i, fn]) => ({
            name: fn.name,
            loc: fn.loc,
            hits: data.f[i],
          })),
        );
        tally.add(
          tally.blocks,
          Object.entries(data.branchMap).map(([i, block]) => ({
            loc: block.loc,
            hits: data.b[i][0],
          })),
        );
      }
    }
    const map = libCoverage.createCoverageMap({});
    for (const file of filesUnder(this.src)
      .filter((f) => this.isSource(f))
      .sort()) {
      const text = readFileSync(file, 'utf8');
      let tally = tallies.get(file);
      if (!tally) {
        tally = new FileTally();
        const built = ts.transpileModule(text, {
          fileName: file,
          compilerOptions: { sourceMap: true, target: ts.ScriptTarget.ES2020 },
        });
        const lines = codeLinesOf(new TraceMap(built.sourceMapText), file).get(file) ?? new Set();
        for (const line of lines) tally.addLine(line, 0);
        tally.add(tally.functions, functionsOf(file, text));
      }
      if (tally.lines.size > 0) map.addFileCoverage(tally.toIstanbul(file, text));
    }
    const context = libReport.createContext({ dir: this.coverageDir, coverageMap: map });
    for (const [name, options] of [
      ['text-summary', {}],
      ['text', { file: 'coverage.txt' }],
      ['json-summary', {}],
      ['html', {}],
    ]) {
      reports.create(name, options).execute(context);
    }
    const where = path.relative(process.cwd(), this.coverageDir);
    console.log(`Each file: ${where}/coverage.txt; to browse: ${where}/index.html`);
  }

  isSource(file) {
    return file.startsWith(this.src + path.sep) && file.endsWith('.ts') && !file.endsWith('.d.ts');
  }
}
