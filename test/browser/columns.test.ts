/**
 * The sidebar's Columns tab in headless Chromium, over google.script.run to the real bundle:
 * opened by "Check my book’s columns", it offers a dropdown for each header CS Engine does not
 * recognise; the user picks the columns they hold and saves; the account then reads as the same
 * book with renamed headers would, and the book's cells are unchanged. Headers are sheet text:
 * one that looks like HTML shows as text. Screenshot: artifacts/sidebar-columns.png.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { loadBundle, type LocalRuntime } from '../../dev/runtime';
import type { AccountView } from '../../src/app/sidebar/api';
import { sidebarPageOpenedOn } from '../../src/app/sidebar/start';
import {
  FORMULA_HEADER,
  HTML_HEADER,
  OWN,
  RENAMED,
  mappedSpreadsheet,
  targetOf,
} from '../helpers/mapped-book';
import { SIDEBAR_NOW } from '../helpers/sidebar-book';
import {
  ARTIFACTS,
  GOOGLE_SCRIPT_RUN_SHIM,
  type Harness,
  ROOT,
  requireBrowser,
  startHarness,
} from './harness';

jest.setTimeout(30_000);

const executablePath = requireBrowser();

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(executablePath);
});

afterAll(async () => {
  await harness?.close();
});

interface Opened {
  page: Page;
  runtime: LocalRuntime;
  dialogs: string[];
  errors: string[];
}

/**
 * The sidebar as "Check my book’s columns" shows it: the page marked to open on the Columns
 * tab (as src/gas/sidebar.ts marks it), the active cell on row 2 of the book.
 */
async function openOnColumns(headers: readonly string[]): Promise<Opened> {
  const spreadsheet = mappedSpreadsheet(headers);
  spreadsheet.getSheetByName('Accounts')?.getRange(2, 1).activate();
  const runtime = loadBundle({ spreadsheet, timeZone: 'UTC', now: SIDEBAR_NOW });
  harness.use(runtime);
  const page = await harness.browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const sidebar = fs.readFileSync(path.join(ROOT, 'dist', 'Sidebar.html'), 'utf8');
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === harness.url) {
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: sidebarPageOpenedOn(sidebar, 'columns'),
      });
    }
    if (url.startsWith(harness.url)) return route.continue();
    return route.abort();
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN_SHIM);
  await page.goto(harness.url);
  return { page, runtime, dialogs, errors };
}

test('mapping the unrecognised headers from dropdowns, then saving', async () => {
  const calls = harness.calls.length;
  const opened = await openOnColumns(OWN);
  const { page, runtime } = opened;
  const accounts = runtime.spreadsheet.sheet('Accounts');
  const before = [accounts.snapshotValues(), accounts.snapshotFormulas()];

  // Opened on the Columns tab: the book's columns are read, the account is not (yet).
  await page.locator('#columns select[data-header]').first().waitFor();
  expect(await page.locator('#tab-columns').isVisible()).toBe(true);
  expect(await page.locator('#tab-account').isHidden()).toBe(true);
  expect(harness.calls.slice(calls)).toEqual(['getColumns']);

  // One dropdown per unrecognised header; the HTML-like header is text, not an element.
  const selects = page.locator('#columns select[data-header]');
  const headers = await selects.evaluateAll((nodes) =>
    nodes.map((node) => node.getAttribute('data-header')),
  );
  const ignored = [FORMULA_HEADER, HTML_HEADER, 'Notes'];
  expect(headers).toEqual(OWN.filter((h) => !RENAMED.includes(h) || ignored.includes(h)));
  expect(await page.locator('#columns').textContent()).toContain(HTML_HEADER);
  expect(await page.locator('img').count()).toBe(0);
  // A column the book already has by name cannot be picked a second time.
  const taken = page.locator('select[data-header="Notes"] option', { hasText: 'Renewal date' });
  expect(await taken.getAttribute('disabled')).not.toBeNull();

  for (const header of headers) {
    const target = targetOf(header ?? '');
    if (target) await page.selectOption(`select[data-header="${header}"]`, target);
  }
  await page.click('#columns-save');
  await page.locator('#columns-saved').waitFor();
  expect(await page.locator('#columns-saved').textContent()).toBe(
    'Saved: 6 columns mapped, 3 columns ignored. CS Engine now reads "Accounts" this way everywhere; your sheet is unchanged.',
  );
  expect(harness.calls.slice(calls)).toEqual(['getColumns', 'saveColumns']);
  expect(await page.locator('#columns-formula').textContent()).toBe(
    "=HEALTHSCORE(Columns!A1:AZ1, 'Accounts'!A2:AZ500, , CSE_TODAY)",
  );
  expect(await page.locator('select[data-header="Team lead"]').inputValue()).toBe('csm');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-columns.png'), fullPage: true });

  // The Columns sheet holds the mapping; the book is as it was.
  const row1 = runtime.spreadsheet.sheet('Columns').getRange(1, 1, 1, RENAMED.length).getValues();
  expect(row1[0]?.slice(0, 4)).toEqual(['Account', 'Account ID', 'CSM', 'CSM email']);
  expect([accounts.snapshotValues(), accounts.snapshotFormulas()]).toEqual(before);

  // The Account tab now reads the mapped book as the renamed one.
  await page.click('[role="tab"][data-tab="account"]');
  await page.locator('#account-name', { hasText: 'Acme Corp' }).waitFor();
  const renamed = loadBundle({
    spreadsheet: mappedSpreadsheet(RENAMED),
    timeZone: 'UTC',
    now: SIDEBAR_NOW,
  }).call<AccountView>('getAccount', { row: 2 });
  expect(await page.locator('#score').textContent()).toBe(String(renamed.score));
  expect(renamed.csm).toBe('Dana Lee');
  expect(await page.locator('#account .secondary').first().textContent()).toContain('CSM Dana Lee');
  expect(opened.errors).toEqual([]);
  expect(opened.dialogs).toEqual([]);
  await page.close();
});

test('a header changed since the mapping: the sidebar says so above every tab', async () => {
  const opened = await openOnColumns(OWN);
  const { page, runtime } = opened;
  await page.locator('#columns select[data-header]').first().waitFor();
  for (const header of OWN) {
    const target = targetOf(header);
    if (target) await page.selectOption(`select[data-header="${header}"]`, target);
  }
  await page.click('#columns-save');
  await page.locator('#columns-saved').waitFor();
  expect(await page.locator('#columns-notice').isHidden()).toBe(true);

  // The next export renames a column.
  runtime.spreadsheet.sheet('Accounts').getRange(1, 3).setValue('Owner of account');
  await page.click('[role="tab"][data-tab="account"]');
  await page.locator('#columns-notice').waitFor();
  expect(await page.locator('#columns-notice-text').textContent()).toBe(
    'The columns of "Accounts" changed since they were mapped (new "Owner of account"; gone "Team lead"). Open CS Engine > Check my book’s columns and save the mapping again: formulas that take their headers from the Columns sheet read its row 1 by position.',
  );
  await page.click('#columns-notice-open');
  await page.locator('select[data-header="Owner of account"]').waitFor();
  expect(await page.locator('#columns').textContent()).toContain(
    'Owner of account · column C · new',
  );
  await page.selectOption('select[data-header="Owner of account"]', 'csm');
  await page.click('#columns-save');
  await page.locator('#columns-saved').waitFor();
  expect(await page.locator('#columns-notice').isHidden()).toBe(true);
  expect(opened.errors).toEqual([]);
  await page.close();
});
