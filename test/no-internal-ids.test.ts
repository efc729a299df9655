/**
 * Words users understand: the published playbooks CS Engine draws on are named (Customer
 * Success Engine, the office skill...), never by the internal ids the project's notes use for
 * them ("seed 002", "seeds 001, 004"). Checked in the sources and docs, in what the build
 * ships (dist/Code.js with its JSDoc stubs, which Sheets' autocomplete shows, dist/Content.html
 * and dist/Sidebar.html), and in what users and customers actually read, rendered through the
 * built bundle: QBR and plan documents, the sidebar's views, alert digests, the Dashboard and
 * the menus' messages.
 *
 * "Seed" in its other meaning, the seed of a pseudo-random generator (src/core/random.ts,
 * `--seed 42` for the demo book), is fine: those seeds are never written as three digits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type LocalRuntime, documentToHtml, loadBundle } from '../dev/runtime';
import { SIDEBAR_NOW, sidebarRows, sidebarSpreadsheet } from './helpers/sidebar-book';
import { World, day, smallBook } from './helpers/alert-world';

const ROOT = path.resolve(__dirname, '..');

/** "seed 002", "Seed 000’s", "seeds 001/002", "seeds 000-004", "seed_004", and source file names. */
const INTERNAL_IDS = [/\bseeds?[\s_:#-]*\d{3}(?!\d)/i, /\b00\d_[0-9a-f]{16}\b/i];
/** Built from parts so that this file does not name what it forbids. */
const OUTSIDE_THE_REPO = new RegExp(['\\.\\.', 'shared'].join('/'));

/** The lines of `text` with an internal id, as "where:line: text" for a readable failure. */
function internalIds(where: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      INTERNAL_IDS.some((pattern) => pattern.test(line))
        ? [`${where}:${i + 1}: ${line.trim().slice(0, 160)}`]
        : [],
    );
}

const TEXT_FILE = /\.(ts|js|mjs|cjs|json|md|html|css|txt|yml|yaml)$/;
const NOT_OURS = new Set(['node_modules', 'dist', '.git', 'coverage', 'artifacts']);

function filesUnder(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (!fs.statSync(full).isDirectory()) return [relative];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (NOT_OURS.has(entry.name)) return [];
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) return filesUnder(child);
    return TEXT_FILE.test(entry.name) ? [child] : [];
  });
}

const read = (relative: string) => fs.readFileSync(path.join(ROOT, relative), 'utf8');

describe('no internal source ids', () => {
  it('in src/, sidebar/, README.md and docs/', () => {
    const files = ['src', 'sidebar', 'README.md', 'docs']
      .flatMap(filesUnder)
      // The seeded generator: "seed" in its other meaning.
      .filter((file) => file !== path.join('src', 'core', 'random.ts'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => internalIds(file, read(file)))).toEqual([]);
  });

  it('in what the build ships: dist/Code.js (JSDoc stubs included), Content.html, Sidebar.html', () => {
    const code = read('dist/Code.js');
    // The stubs Sheets' autocomplete reads are there (see test/bundle/jsdoc.test.ts).
    expect(code).toContain('@customfunction');
    const shipped = ['dist/Code.js', 'dist/Content.html', 'dist/Sidebar.html'];
    expect(shipped.flatMap((file) => internalIds(file, read(file)))).toEqual([]);
  });

  it('in the QBR and plan documents, for every account and agenda', () => {
    const rt = loadBundle({ spreadsheet: sidebarSpreadsheet(), timeZone: 'UTC', now: SIDEBAR_NOW });
    const rows = sidebarRows().map((_, i) => i + 2);
    // What the sidebar shows back: the link and the warnings (such as a missing ROI).
    const results: unknown[] = [];
    for (const row of rows) {
      for (const agenda of ['qbr-45', 'qbr-60']) {
        results.push(rt.call('generateQbr', { row, quarter: 'Q4 2025', agenda }));
      }
      for (const kind of ['save-plan', 'success-plan', 'onboarding-plan']) {
        results.push(rt.call('generatePlan', { row, kind }));
      }
    }
    expect(JSON.stringify(results)).toContain('No quantified ROI');
    expect(internalIds('sidebar', JSON.stringify(results))).toEqual([]);
    const documents = rt.documents.all();
    // A QBR is two documents (the customer’s and the prep brief), a plan one.
    expect(documents).toHaveLength(rows.length * (2 * 2 + 3));
    const found = documents.flatMap((document) =>
      internalIds(document.snapshot().name, documentToHtml(document)),
    );
    expect(found).toEqual([]);
  });

  it('in the sidebar: account views (with the ROI check) and playbooks', () => {
    const rt = loadBundle({ spreadsheet: sidebarSpreadsheet(), timeZone: 'UTC', now: SIDEBAR_NOW });
    const views = sidebarRows().map((_, i) => rt.call('getAccount', { row: i + 2 }));
    const shown = JSON.stringify([views, rt.call('getPlaybooks')], null, 1);
    expect(shown).toContain('Customer Success Engine');
    expect(internalIds('sidebar', shown)).toEqual([]);
  });

  it('in the alert digests', () => {
    const world = new World(smallBook());
    world.turnOn(day('2026-11-23', 6));
    world.tick(day('2026-11-23', 8));
    expect(world.mail.outbox.length).toBeGreaterThan(0);
    const mail = world.mail.outbox.flatMap((m) => [m.subject, m.body, m.htmlBody ?? '']);
    expect(internalIds('digest', mail.join('\n'))).toEqual([]);
    expect(internalIds('Alert Log', JSON.stringify(world.sheetValues('Alert Log')))).toEqual([]);
  });

  it('on the Dashboard and in the menus’ messages', () => {
    const spreadsheet = sidebarSpreadsheet();
    const rt: LocalRuntime = loadBundle({ spreadsheet, timeZone: 'UTC', now: SIDEBAR_NOW });
    rt.call('menuRefreshDashboard');
    rt.call('menuFormulaHelp');
    rt.call('menuCheckHeaders');
    const dashboard = spreadsheet.sheet('Dashboard');
    const text = JSON.stringify([
      dashboard.snapshotValues(),
      dashboard.snapshotFormulas(),
      rt.ui.events,
    ]);
    expect(text).toContain('Multi-threaded');
    expect(internalIds('Dashboard and messages', text)).toEqual([]);
  });
});

describe('no reference outside the repository', () => {
  it('no file names the sibling folder of the project’s notes', () => {
    const files = ['src', 'sidebar', 'test', 'dev', 'bench', 'scripts', 'docs', '.'].flatMap(
      (dir) =>
        dir === '.'
          ? fs
              .readdirSync(ROOT, { withFileTypes: true })
              .filter((entry) => entry.isFile() && TEXT_FILE.test(entry.name))
              .map((entry) => entry.name)
          : filesUnder(dir),
    );
    const found = files.filter((file) => OUTSIDE_THE_REPO.test(read(file)));
    expect(found).toEqual([]);
  });
});
