// Builds src/index.ts into dist/Code.js, the only script file of the project, and
// src/actions.ts into dist/Actions.html (the code of the menu's actions and the sidebar, which
// custom functions never run), and copies appsscript.json beside them so that `clasp push`
// (rootDir: dist) sends a complete project. What each source file costs in each is written to
// artifacts/bundle-meta.json (esbuild's metafile) for `npm run bench`.
import { build } from 'esbuild';
import { GasPlugin } from 'esbuild-gas-plugin';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clearCoverageBuild, linkActionsMap, linkCodeMap } from './coverage-build.mjs';

mkdirSync('dist', { recursive: true });
mkdirSync('artifacts', { recursive: true });
// `npm run coverage` builds with source maps (scripts/coverage-build.mjs); no other build has any.
const coverage = process.env.CS_ENGINE_COVERAGE === '1';
clearCoverageBuild();

/** What Code.js and Actions.html share. */
const serverCode = {
  bundle: true,
  format: 'iife',
  // Apps Script's V8 has rejected syntax newer than ES2020.
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // `npm run build:addon` builds the Marketplace add-on (menu under Extensions); the default
  // build is for a script bound to one spreadsheet (its own CS Engine menu).
  define: { __ADDON__: process.env.CS_ENGINE_TARGET === 'addon' ? 'true' : 'false' },
  // Apps Script parses the whole bundle before every custom-function call, so its size is
  // paid per call: minified, it parses faster. CS_ENGINE_DEBUG=1 keeps readable names for
  // stack traces.
  minify: process.env.CS_ENGINE_DEBUG !== '1',
  // Nothing in the code reads a function's name; debugger statements never ship.
  drop: ['debugger'],
  sourcemap: coverage ? 'external' : false,
};

// Sheets' autocomplete is unaffected by minifying: the plugin writes the JSDoc'd stubs from
// src/index.ts after the build.
const code = await build({
  ...serverCode,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/Code.js',
  plugins: [GasPlugin],
});
if (coverage) linkCodeMap('dist/Code.js', outputOf(code.metafile).bytes);
copyFileSync('appsscript.json', 'dist/appsscript.json');

// The sidebar: sidebar/main.ts bundled to a string and inlined, with sidebar/styles.css, into
// sidebar/index.html, written as dist/Sidebar.html: one file, nothing loaded from elsewhere,
// shown by HtmlService.createHtmlOutputFromFile('Sidebar').
const sidebar = await build({
  entryPoints: ['sidebar/main.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2019',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
});
const script = sidebar.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
const styles = readFileSync('sidebar/styles.css', 'utf8');
const page = readFileSync('sidebar/index.html', 'utf8')
  .replace('<!-- inline: styles.css -->', () => `<style>\n${styles}</style>`)
  .replace('<!-- inline: main.ts -->', () => `<script>\n${script}</script>`);
writeFileSync('dist/Sidebar.html', page);

// The content: playbook texts, agendas and checklists that only the sidebar and the documents
// use, typed in src/content/ and written as JSON into dist/Content.html. Apps Script parses
// and evaluates every script file before each custom-function call, but not an HTML file, so
// this prose stays out of that per-call cost; src/gas/load-content.ts reads it when needed.
const content = await build({
  stdin: {
    contents:
      "export { CONTENT } from './src/content'; export { contentFileText } from './src/core/content-file'; export { codeFileText, codeOfFile } from './src/core/code-file';",
    resolveDir: path.resolve('.'),
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const { CONTENT, contentFileText, codeFileText, codeOfFile } = await import(
  `data:text/javascript;base64,${Buffer.from(content.outputFiles[0].text).toString('base64')}`
);
writeFileSync('dist/Content.html', contentFileText(CONTENT));

// The actions: src/actions.ts as one script whose exports land in `var CSEngineActions`,
// inside an inert script element (src/core/code-file.ts); src/gas/load-actions.ts runs it.
const actions = await build({
  ...serverCode,
  entryPoints: ['src/actions.ts'],
  write: false,
  outfile: 'dist/actions.js',
  globalName: 'CSEngineActions',
});
const actionsCode = actions.outputFiles.find((file) => file.path.endsWith('.js')).text;
const actionsMap = actions.outputFiles.find((file) => file.path.endsWith('.map'))?.text;
writeFileSync(
  'dist/Actions.html',
  codeFileText(
    coverage
      ? linkActionsMap(actionsCode, actionsMap, 'dist', (code) =>
          codeOfFile(codeFileText(code), 'Actions'),
        )
      : actionsCode,
  ),
);

// Bytes of each source file in each output, for bench/bundle-parts.ts.
function outputOf(metafile) {
  return Object.entries(metafile.outputs).find(([file]) => !file.endsWith('.map'))[1];
}
const inputsOf = (metafile) => {
  const output = outputOf(metafile);
  return {
    bytes: output.bytes,
    inputs: Object.fromEntries(
      Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput]),
    ),
  };
};
writeFileSync(
  'artifacts/bundle-meta.json',
  `${JSON.stringify({ code: inputsOf(code.metafile), actions: inputsOf(actions.metafile) }, null, 1)}\n`,
);
