// Builds src/index.ts into dist/Code.js, the single file Apps Script runs, and copies
// appsscript.json beside it so that `clasp push` (rootDir: dist) sends a complete project.
import { build } from 'esbuild';
import { GasPlugin } from 'esbuild-gas-plugin';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  outfile: 'dist/Code.js',
  format: 'iife',
  // Apps Script's V8 has rejected syntax newer than ES2020.
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  // `npm run build:addon` builds the Marketplace add-on (menu under Extensions); the default
  // build is for a script bound to one spreadsheet (its own CS Engine menu).
  define: { __ADDON__: process.env.CS_ENGINE_TARGET === 'addon' ? 'true' : 'false' },
  // Apps Script parses the whole bundle before every custom-function call, so its size is
  // paid per call: minified, it parses faster. CS_ENGINE_DEBUG=1 keeps readable names for
  // stack traces. Sheets' autocomplete is unaffected: the plugin writes the JSDoc'd stubs
  // from src/index.ts after the build.
  minify: process.env.CS_ENGINE_DEBUG !== '1',
  plugins: [GasPlugin],
});
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
      "export { CONTENT } from './src/content'; export { contentFileText } from './src/core/content-file';",
    resolveDir: path.resolve('.'),
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const { CONTENT, contentFileText } = await import(
  `data:text/javascript;base64,${Buffer.from(content.outputFiles[0].text).toString('base64')}`
);
writeFileSync('dist/Content.html', contentFileText(CONTENT));
