// The coverage build (CS_ENGINE_COVERAGE=1, which `npm run coverage` sets): the same bundles,
// plus what lets the coverage report count what the bundle tests run as lines of src/*.ts.
// V8 reports coverage as character offsets into the script it compiled; v8-to-istanbul maps
// those through the source map found in that script's text. So each script the tests run
// must be on disk exactly as V8 compiled it, with a source map whose lines match that text.
// Everything extra lives in artifacts/coverage-build/, never in dist/ (what clasp pushes);
// dist/Code.js only gains a sourceMappingURL comment, and `npm run push` rebuilds without it.
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const COVERAGE_DIR = 'artifacts/coverage-build';

/** Removes what an earlier coverage build left, so no report reads a stale map. */
export function clearCoverageBuild() {
  rmSync(COVERAGE_DIR, { recursive: true, force: true });
}

/**
 * The source map of code that V8 compiles after `textBefore`: every mapping moves down by the
 * lines of that text (which must end a line, so columns stay as they are), and each source
 * becomes an absolute file URL, so the map reads the same wherever it is stored.
 * `mapText` is the map esbuild wrote for a file in `builtDir`.
 *
 * Column 0 of each line is left unmapped: v8-to-istanbul moves the start of a range to the
 * original line that column 0 of its generated line maps to whenever that line is further down
 * (a fix for other compilers' maps), whatever file it is in. The minified bundle is one line,
 * so every range would be pulled toward the first module of the bundle.
 */
function mapAfter(mapText, textBefore, builtDir) {
  if (textBefore !== '' && !textBefore.endsWith('\n')) {
    throw new Error('The code does not start a line: its source map would be off.');
  }
  const map = JSON.parse(mapText);
  const lines = decode(map.mappings).map((segments) =>
    segments.length === 0 ? segments : [[0], ...segments.filter((segment) => segment[0] > 0)],
  );
  const linesBefore = textBefore.split('\n').length - 1;
  return JSON.stringify({
    ...map,
    sources: map.sources.map(
      (source) => pathToFileURL(path.resolve(builtDir, map.sourceRoot ?? '', source)).href,
    ),
    sourceRoot: undefined,
    mappings: encode([...Array.from({ length: linesBefore }, () => []), ...lines]),
  });
}

/**
 * dist/Code.js: esbuild wrote it with dist/Code.js.map, then esbuild-gas-plugin put
 * `var global = this;` and the JSDoc'd stubs before esbuild's output, `esbuildBytes` long.
 * The map moves to COVERAGE_DIR, shifted by those lines, and the file names it.
 */
export function linkCodeMap(codeFile, esbuildBytes) {
  mkdirSync(COVERAGE_DIR, { recursive: true });
  const built = readFileSync(codeFile);
  const textBefore = built.subarray(0, built.length - esbuildBytes).toString('utf8');
  const mapFile = `${codeFile}.map`;
  const target = path.join(COVERAGE_DIR, path.basename(mapFile));
  writeFileSync(
    target,
    mapAfter(readFileSync(mapFile, 'utf8'), textBefore, path.dirname(codeFile)),
  );
  rmSync(mapFile);
  const url = path.relative(path.dirname(codeFile), target).split(path.sep).join('/');
  writeFileSync(codeFile, `${built.toString('utf8')}//# sourceMappingURL=${url}\n`);
}

/**
 * The actions' code (dist/Actions.html), which src/gas/load-actions.ts runs with
 * `new Function(body)`. V8 compiles that as the script `(function anonymous(\n) {\n` + body +
 * `\n})` (ECMAScript's CreateDynamicFunction text, in parentheses) with no file name, unless
 * the body names one with `//# sourceURL=`. Returns the code to put in Actions.html, naming
 * COVERAGE_DIR/actions.js, and writes that file as V8 will compile it, up to the end of the
 * built code (what load-actions appends after it is no code of src/), with its map.
 * `bodyOf` turns the code into the body load-actions will pass (Actions.html and back).
 */
export function linkActionsMap(code, mapText, builtDir, bodyOf) {
  mkdirSync(COVERAGE_DIR, { recursive: true });
  const script = path.resolve(COVERAGE_DIR, 'actions.js');
  const linked =
    `${code}//# sourceMappingURL=actions.js.map\n` +
    `//# sourceURL=${pathToFileURL(script).href}\n`;
  const compiled = `(function anonymous(\n) {\n${bodyOf(linked)}`;
  const start = compiled.indexOf(code);
  if (start < 0) throw new Error('The actions code is not in the text load-actions runs.');
  writeFileSync(script, compiled);
  writeFileSync(`${script}.map`, mapAfter(mapText, compiled.slice(0, start), builtDir));
  return linked;
}
