/**
 * The layers of src/, checked by `npm test` (npm run lint:deps):
 * - no import cycles anywhere;
 * - src/core is pure domain code: it imports nothing else of src;
 * - only src/gas talks to Apps Script (ESLint keeps the services' globals there), so the
 *   other layers never import it: src/index.ts wires gas adapters into app use cases.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles make the layers meaningless and the bundle order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment: 'src/core is the pure domain: no app, gas, functions or content.',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'gas-only-from-the-entry-point',
      severity: 'error',
      comment: 'Only src/index.ts (the wiring) and src/gas itself import the Apps Script adapters.',
      from: { path: '^src/(core|app|functions|content)/' },
      to: { path: '^src/gas/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
