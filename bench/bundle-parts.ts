/**
 * What each part of src/ costs in dist/Code.js and dist/Actions.html, from the esbuild
 * metafiles scripts/build.mjs writes to artifacts/bundle-meta.json (bytes of minified output
 * per source file). What is in a file but in no source is the wrapper and, in Code.js, the
 * JSDoc'd stubs esbuild-gas-plugin writes for Sheets' autocomplete.
 */
import { readFileSync } from 'node:fs';

interface Output {
  readonly bytes: number;
  readonly inputs: Readonly<Record<string, number>>;
}

export interface BundleParts {
  /** bytes of the file on disk */
  readonly fileBytes: number;
  /** bytes by part of src/, largest first, with the rest of the file last */
  readonly areas: readonly (readonly [string, number])[];
  /** the largest source files, largest first */
  readonly files: readonly (readonly [string, number])[];
  /** source files outside src/ (a dependency bundled by mistake would show here) */
  readonly outside: readonly string[];
}

const AREAS: readonly (readonly [RegExp, string])[] = [
  [/^src\/index\.ts$/, 'src/index.ts (the globals)'],
  [/^src\/actions\.ts$/, 'src/actions.ts (the entry)'],
  [/^src\/functions\//, 'src/functions (custom-function bodies)'],
  [/^src\/core\/alerts\//, 'src/core/alerts (alert rules, digest)'],
  [/^src\/core\//, 'src/core (the CS domain)'],
  [/^src\/app\/alerts\//, 'src/app/alerts (the alert run and its menu)'],
  [/^src\/app\//, 'src/app (use cases)'],
  [/^src\/gas\//, 'src/gas (Apps Script services)'],
];

function partsOf(output: Output, fileBytes: number, rest: string): BundleParts {
  const areas = new Map<string, number>();
  const outside: string[] = [];
  let sum = 0;
  for (const [file, bytes] of Object.entries(output.inputs)) {
    sum += bytes;
    const area = AREAS.find(([pattern]) => pattern.test(file))?.[1];
    if (!area) outside.push(file);
    areas.set(area ?? 'outside src/', (areas.get(area ?? 'outside src/') ?? 0) + bytes);
  }
  const sorted = [...areas].sort((a, b) => b[1] - a[1]);
  return {
    fileBytes,
    areas: [...sorted, [rest, fileBytes - sum]],
    files: Object.entries(output.inputs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12),
    outside,
  };
}

export function bundleParts(
  metaPath: string,
  codeBytes: number,
  actionsBytes: number,
): { code: BundleParts; actions: BundleParts } {
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { code: Output; actions: Output };
  return {
    code: partsOf(meta.code, codeBytes, "JSDoc'd stubs for autocomplete, and the wrapper"),
    actions: partsOf(meta.actions, actionsBytes, 'the wrapper (inert script element, exports)'),
  };
}
