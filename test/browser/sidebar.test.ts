/**
 * The sidebar in headless Chromium, talking to the real bundle through the google.script.run
 * shim: the account view, search, the playbooks, QBR generation (the customer's QBR and the
 * prep brief, the score shared or not, an ROI below 1x), an error, and untrusted sheet
 * text. Screenshots go to artifacts/; UPDATE_SCREENSHOTS=1 also refreshes
 * docs/images/sidebar.png (the At-Risk account).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { documentToHtml, loadBundle, type LocalRuntime } from '../../dev/runtime';
import {
  SIDEBAR_NOW,
  XSS_NAME,
  oldAccountRow,
  sidebarBookWithAtRisk,
  sidebarSpreadsheet,
} from '../helpers/sidebar-book';
import { PALETTE, SEVERITY_COLORS } from '../../src/core/palette';
import { oneTruthSpreadsheet } from '../helpers/one-truth-book';
import {
  ARTIFACTS,
  GOOGLE_SCRIPT_RUN_SHIM,
  ROOT,
  type Harness,
  requireBrowser,
  startHarness,
} from './harness';

jest.setTimeout(30_000);

const executablePath = requireBrowser();

let harness: Harness;

/** An expression evaluated in the page (the tests are type-checked without the DOM library). */
const inPage = (expression: string) => expression as unknown as () => unknown;

/** "#188038" as getComputedStyle gives it: "rgb(24, 128, 56)". */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The default model's bands (Thriving 80, Healthy 60, At-Risk 40, Critical), as the palette colours them. */
function bandColor(score: number): string {
  if (score >= 80) return PALETTE.green;
  if (score >= 60) return PALETTE.teal;
  if (score >= 40) return PALETTE.amber;
  return PALETTE.red;
}

/** sidebarBookWithAtRisk: a blank row 5 and the At-Risk account "Vandelay Industries" on row 6. */
const AT_RISK_ROW = 6;
const BLANK_ROW = 5;

/** Each dimension's shown score and its bar's colour. */
async function bars(page: Page): Promise<{ score: number; color: string }[]> {
  return (await page.evaluate(
    inPage(
      "Array.from(document.querySelectorAll('.dims tr')).map((tr) => ({ score: Number(tr.querySelector('.num').textContent), color: getComputedStyle(tr.querySelector('.bar span')).backgroundColor }))",
    ),
  )) as { score: number; color: string }[];
}

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
  remote: string[];
  errors: string[];
}

/** A fresh book and sidebar page, with the active cell on `activeRow` of the book. */
async function open(activeRow = 2, spreadsheet = sidebarSpreadsheet()): Promise<Opened> {
  spreadsheet.getSheetByName('Accounts')?.getRange(activeRow, 1).activate();
  const runtime = loadBundle({ spreadsheet, timeZone: 'UTC', now: SIDEBAR_NOW });
  harness.use(runtime);
  const page = await harness.browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];
  const remote: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Nothing may be loaded from anywhere but the test server: no CDN, no fonts.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(harness.url)) return route.continue();
    remote.push(url);
    return route.abort();
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN_SHIM);
  await page.goto(harness.url);
  return { page, runtime, dialogs, remote, errors };
}

async function done(opened: Opened): Promise<void> {
  expect(opened.remote).toEqual([]);
  expect(opened.errors).toEqual([]);
  await opened.page.close();
}

test('the account view of the active row', async () => {
  const opened = await open(2);
  const { page } = opened;
  await page.locator('#account-name', { hasText: 'Acme Corp' }).waitFor();
  // Worked in test/bundle/sidebar.test.ts: 82.95 -> 83.
  expect(await page.locator('#score').textContent()).toBe('83');
  const tier = page.locator('#tier');
  expect(await tier.textContent()).toBe('Thriving');
  expect(
    await page.evaluate(
      inPage("getComputedStyle(document.getElementById('tier')).backgroundColor"),
    ),
  ).toBe(rgb(PALETTE.green));
  expect(await page.locator('svg.sparkline polyline').count()).toBe(1);
  // Outcomes: 3 of 4 goals with documented ROI is the top of "some": 60.
  expect(await page.locator('#drivers').textContent()).toContain('Outcomes 60/100');
  expect(await page.locator('#warnings').textContent()).toContain(
    'Thriving and using 92% of its seats.',
  );
  expect(await page.locator('#renewal').textContent()).toBe('Renews in 258 days (2026-09-30)');
  expect(await page.locator('#gate').textContent()).toBe('Ready: the expansion gate is open.');
  expect(await page.locator('#roi').textContent()).toContain('3.5x');
  expect(await page.locator('#playbook-details summary').textContent()).toBe(
    'PlaybookThriving (80-100): grow and advocate',
  );
  // Google's add-on look: 300 px, Roboto/Arial.
  expect(await page.evaluate(inPage('document.body.getBoundingClientRect().width'))).toBe(300);
  expect(await page.evaluate(inPage('getComputedStyle(document.body).fontFamily'))).toContain(
    'Roboto',
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar.png'), fullPage: true });
  await done(opened);
});

test('an At-Risk account fits in about two screens, details folded, each warning once', async () => {
  const opened = await open(AT_RISK_ROW, sidebarBookWithAtRisk());
  const { page } = opened;
  await page.locator('#account-name', { hasText: 'Vandelay Industries' }).waitFor();
  expect(await page.locator('#tier').textContent()).toBe('At-Risk');
  expect(
    await page.evaluate(
      inPage("getComputedStyle(document.getElementById('tier')).backgroundColor"),
    ),
  ).toBe(rgb(PALETTE.amber));
  // The reference material is folded: playbook, save play, NPS follow-up, lifecycle,
  // expansion, ROI.
  const folds = page.locator('#account details');
  expect(await folds.count()).toBe(6);
  for (const fold of await folds.all()) expect(await fold.getAttribute('open')).toBeNull();
  expect(await page.locator('#lifecycle-details summary').textContent()).toBe(
    'Lifecyclerenews in 64 days',
  );
  // Two screens of Google's sidebar: the whole page, tabs and search included.
  const height = (await page.evaluate(inPage('document.documentElement.scrollHeight'))) as number;
  expect(height).toBeLessThanOrEqual(1300);

  // Each warning once: not again under the playbook's "for this account".
  const warnings = await page.locator('#warnings li').allTextContents();
  const reasons = [
    'At-Risk for 45 days (21 or more is a warning).',
    'No login for 45 days.',
    'A competitor was mentioned.',
  ];
  expect(warnings).toEqual(reasons.map((reason) => `Within 2 days: ${reason}`));
  const text = (await page.locator('#account').textContent()) ?? '';
  for (const reason of reasons) {
    expect(text.split(reason).length - 1).toBe(1);
  }
  expect(
    await page.evaluate(inPage("getComputedStyle(document.querySelector('#warnings li b')).color")),
  ).toBe(rgb(SEVERITY_COLORS['at-risk']));

  // Opening a fold shows its details.
  await page.click('#save-play summary');
  expect(await page.locator('#save-play').getAttribute('open')).toBe('');
  expect(await page.locator('#save-play').textContent()).toContain('Offers:');
  await page.click('#save-play summary');

  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-at-risk.png'), fullPage: true });
  // The README's picture is refreshed on request only: UPDATE_SCREENSHOTS=1 npm test.
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await page.screenshot({
      path: path.join(ROOT, 'docs', 'images', 'sidebar.png'),
      fullPage: true,
    });
  }
  await done(opened);
});

test("each dimension's bar takes the colour of its own score, not the account's tier", async () => {
  const opened = await open(AT_RISK_ROW, sidebarBookWithAtRisk());
  const { page } = opened;
  await page.locator('#account-name', { hasText: 'Vandelay Industries' }).waitFor();
  const shown = await bars(page);
  expect(shown.length).toBe(5);
  for (const bar of shown) expect(bar.color).toBe(rgb(bandColor(bar.score)));
  // An At-Risk account with a dimension in another band: that bar is not amber.
  expect(shown.some((bar) => bar.color !== rgb(PALETTE.amber))).toBe(true);
  await done(opened);
});

test('a blank row shows a clean empty-row state in place of the account, not an error', async () => {
  const opened = await open(AT_RISK_ROW, sidebarBookWithAtRisk());
  const { page, runtime } = opened;
  await page.locator('#account-name', { hasText: 'Vandelay Industries' }).waitFor();
  runtime.spreadsheet.getSheetByName('Accounts')?.getRange(BLANK_ROW, 2).activate();
  await page.click('#use-selection');
  await page.locator('#no-account').waitFor();
  expect(await page.locator('#no-account').textContent()).toBe(
    'Row 5 of "Accounts" is empty: select a cell in an account\'s row, or search for an account by name.',
  );
  expect(await page.locator('#error').isHidden()).toBe(true);
  expect(await page.locator('#account-name').count()).toBe(0);
  expect(await page.locator('#account section, #account details').count()).toBe(0);
  // The QBR tab forgets the account too.
  await page.click('[role="tab"][data-tab="qbr"]');
  expect(await page.locator('#qbr-none').isVisible()).toBe(true);
  await done(opened);
});

test('clearing the search clears "No account matches"', async () => {
  const opened = await open(2);
  const { page } = opened;
  await page.locator('#account-name').waitFor();
  await page.fill('#search', 'zzz');
  await page.click('#search-form button[type="submit"]');
  const results = page.locator('#results');
  await results.locator('li', { hasText: 'No account matches “zzz”.' }).waitFor();
  // Emptied and searched again: nothing left of the last search.
  await page.fill('#search', '');
  expect(await results.locator('li').count()).toBe(0);
  await page.fill('#search', 'zzz');
  await page.click('#search-form button[type="submit"]');
  await results.locator('li').first().waitFor();
  await page.fill('#search', '   ');
  await page.click('#search-form button[type="submit"]');
  expect(await results.locator('li').count()).toBe(0);
  // The account shown stays.
  expect(await page.locator('#account-name').textContent()).toBe('Acme Corp');
  await done(opened);
});

test('a churned account leads with win-back: no score, warnings, save play, renewal or documents', async () => {
  const opened = await open(4, oneTruthSpreadsheet());
  const { page } = opened;
  await page.locator('#account-name', { hasText: 'Poorsupport Inc' }).waitFor();
  expect(await page.locator('#lifecycle').textContent()).toBe('Churned');
  expect(await page.locator('section.card h2').first().textContent()).toBe('Win-back');
  expect(await page.locator('#churned-on').textContent()).toBe(
    'Churned on 2026-01-05 (10 days ago).',
  );
  expect(await page.locator('#win-back').textContent()).toContain('0-30 days since churn');
  for (const gone of ['#score', '#tier', '#warnings', '#renewal', '#gate', '[data-plan]']) {
    expect(await page.locator(gone).count()).toBe(0);
  }
  expect(await page.locator('#account').textContent()).not.toContain('Save play');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-churned.png'), fullPage: true });
  await page.click('[role="tab"][data-tab="qbr"]');
  expect(await page.locator('#qbr-none').textContent()).toContain(
    'Poorsupport Inc has churned: a QBR is for a live account.',
  );
  await done(opened);
});

test('search finds an account and shows it', async () => {
  const opened = await open(1);
  const { page } = opened;
  await page.locator('#no-account').waitFor();
  await page.fill('#search', 'glob');
  await page.click('#search-form button[type="submit"]');
  await page.locator('#results button', { hasText: 'Globex' }).click();
  await page.locator('#account-name', { hasText: 'Globex' }).waitFor();
  expect(await page.locator('#tier').textContent()).toBe('Critical');
  expect(await page.locator('#warnings').textContent()).toContain('The champion has left.');
  expect(await page.locator('#gate').textContent()).toBe('Not yet: the gate is closed.');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-critical.png'), fullPage: true });
  await done(opened);
});

test('browsing the playbooks', async () => {
  const opened = await open(2);
  const { page } = opened;
  await page.locator('#account-name').waitFor();
  await page.click('[role="tab"][data-tab="playbooks"]');
  await page.locator('#playbook .play h3', { hasText: 'Thriving' }).waitFor();
  await page.selectOption('#playbook-section', 'save');
  await page.locator('#playbook .play h3', { hasText: 'Value not realised' }).waitFor();
  expect(await page.locator('#playbook').textContent()).toContain(
    'Offer: 20% off for three months',
  );
  await page.selectOption('#playbook-section', 'qbr');
  const qbrPlaybooks = await page.locator('#playbook').textContent();
  expect(qbrPlaybooks).toContain('45-minute QBR');
  expect(qbrPlaybooks).toContain('Source: Customer Success Playbook (afrexai)');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-playbooks.png'), fullPage: true });
  await done(opened);
});

test('generating a QBR: both links come back, both documents are in Docs and the log', async () => {
  const opened = await open(2);
  const { page, runtime } = opened;
  await page.locator('#account-name', { hasText: 'Acme Corp' }).waitFor();
  await page.click('[role="tab"][data-tab="qbr"]');
  expect(await page.locator('#qbr-account').textContent()).toBe('Acme Corp');
  // The score is kept from the customer unless the CSM ticks the box.
  expect(await page.locator('#qbr-share-score').isChecked()).toBe(false);
  await page.selectOption('#qbr-quarter', 'Q4 2025');
  await page.check('input[name="agenda"][value="qbr-45"]');
  await page.click('#qbr-generate');
  const links = page.locator('#qbr-result a.doc-link');
  await links.nth(1).waitFor();
  expect(await links.allTextContents()).toEqual([
    'QBR - Acme Corp - Q4 2025',
    'QBR prep brief - Acme Corp - Q4 2025',
  ]);
  expect(await links.nth(0).getAttribute('href')).toBe(
    'https://docs.google.com/document/d/doc-1/edit',
  );
  expect(await links.nth(1).getAttribute('href')).toBe(
    'https://docs.google.com/document/d/doc-2/edit',
  );
  expect(await links.nth(0).getAttribute('target')).toBe('_blank');
  expect(await page.locator('#qbr-result li[data-audience="customer"]').textContent()).toContain(
    'for the customer',
  );
  expect(await page.locator('#qbr-result li[data-audience="internal"]').textContent()).toContain(
    'internal, for you',
  );
  expect(await page.locator('#status').isHidden()).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'sidebar-qbr.png'), fullPage: true });

  const document = runtime.documents.byName('QBR - Acme Corp - Q4 2025');
  expect(document).toBeDefined();
  expect(runtime.documents.byName('QBR prep brief - Acme Corp - Q4 2025')).toBeDefined();
  expect(runtime.spreadsheet.getSheetByName('QBR Log')?.getLastRow()).toBe(3);
  // The customer's document, rendered for the README and docs/sidebar-and-documents.md
  // (docs/images/qbr.png is copied from artifacts/qbr.png).
  const html = documentToHtml(document as NonNullable<typeof document>);
  fs.writeFileSync(path.join(ARTIFACTS, 'qbr.html'), html);
  const docPage = await harness.browser.newPage({ viewport: { width: 900, height: 1200 } });
  await docPage.route('**/*', (route) => route.abort());
  await docPage.setContent(html);
  expect(await docPage.locator('h1.title').textContent()).toBe(
    'Quarterly Business Review: Acme Corp',
  );
  await docPage.screenshot({ path: path.join(ARTIFACTS, 'qbr.png'), fullPage: false });
  await docPage.screenshot({ path: path.join(ARTIFACTS, 'qbr-full.png'), fullPage: true });
  await docPage.close();
  await done(opened);
});

test('sharing the score: the box ticked puts the score in the customer’s QBR', async () => {
  const opened = await open(3);
  const { page, runtime } = opened;
  await page.locator('#account-name', { hasText: 'Globex' }).waitFor();
  await page.click('[role="tab"][data-tab="qbr"]');
  await page.check('#qbr-share-score');
  await page.click('#qbr-generate');
  await page.locator('#qbr-result a.doc-link').nth(1).waitFor();
  const document = runtime.documents.all()[0]?.snapshot();
  expect(JSON.stringify(document)).toContain('Health score 3/100 · Critical');
  await done(opened);
});

test('a QBR without ROI is flagged before generating', async () => {
  const opened = await open(3);
  const { page } = opened;
  await page.locator('#account-name', { hasText: 'Globex' }).waitFor();
  await page.click('[role="tab"][data-tab="qbr"]');
  expect(await page.locator('#qbr-roi-missing').textContent()).toContain(
    'never present a QBR without a quantified ROI',
  );
  await done(opened);
});

test('an ROI below 1x is a warning, not a green figure', async () => {
  const opened = await open(5, sidebarSpreadsheet(4, [oldAccountRow()]));
  const { page } = opened;
  await page.locator('#account-name', { hasText: 'Initech' }).waitFor();
  await page.click('[role="tab"][data-tab="qbr"]');
  const review = page.locator('#qbr-roi-review');
  expect(await review.getAttribute('class')).toBe('warning');
  expect(await review.textContent()).toMatch(/^ROI 0\.8x: .*Review the value case/);
  expect(await page.locator('#qbr-roi .ok').count()).toBe(0);
  await done(opened);
});

test('a server error is shown in words, and the sidebar recovers', async () => {
  const opened = await open(2);
  const { page, runtime } = opened;
  await page.locator('#account-name', { hasText: 'Acme Corp' }).waitFor();
  const book = runtime.spreadsheet.getSheetByName('Accounts');
  if (book) runtime.spreadsheet.deleteSheet(book);
  await page.click('#use-selection');
  const error = page.locator('#error');
  await error.waitFor();
  expect(await error.textContent()).toMatch(/^No sheet looks like a book of accounts/);
  expect(await page.locator('#status').isHidden()).toBe(true);
  expect(await page.locator('#use-selection').isEnabled()).toBe(true);
  await done(opened);
});

test('an account named like HTML shows as text: no element, no dialog', async () => {
  const opened = await open(4);
  const { page, runtime, dialogs } = opened;
  await page.locator('#account-name').waitFor();
  expect(await page.locator('#account-name').textContent()).toBe(XSS_NAME);
  await page.fill('#search', 'img');
  await page.click('#search-form button[type="submit"]');
  await page.locator('#results button').first().waitFor();
  expect(await page.locator('#results').textContent()).toContain(XSS_NAME);
  await page.click('[role="tab"][data-tab="qbr"]');
  await page.click('#qbr-generate');
  await page.locator('#qbr-result a.doc-link').nth(1).waitFor();
  expect(await page.locator('#qbr-result a.doc-link').allTextContents()).toEqual([
    `QBR - ${XSS_NAME} - Q1 2026`,
    `QBR prep brief - ${XSS_NAME} - Q1 2026`,
  ]);
  expect(await page.locator('img').count()).toBe(0);

  // The document, rendered to HTML, shows the name as text too.
  const html = documentToHtml(
    runtime.documents.all()[0] as NonNullable<ReturnType<typeof runtime.documents.last>>,
  );
  const docPage = await harness.browser.newPage();
  docPage.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await docPage.route('**/*', (route) => route.abort());
  await docPage.setContent(html);
  expect(await docPage.locator('img').count()).toBe(0);
  expect(await docPage.locator('h1.title').textContent()).toBe(
    `Quarterly Business Review: ${XSS_NAME}`,
  );
  await docPage.close();
  expect(dialogs).toEqual([]);
  await done(opened);
});
