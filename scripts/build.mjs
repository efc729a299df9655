// Builds src/index.ts into dist/Code.js, the single file Apps Script runs, and copies
// appsscript.json beside it so that `clasp push` (rootDir: dist) sends a complete project.
import { build } from 'esbuild';
import { GasPlugin } from 'esbuild-gas-plugin';
import { copyFileSync, mkdirSync } from 'node:fs';

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
  plugins: [GasPlugin],
});
copyFileSync('appsscript.json', 'dist/appsscript.json');
