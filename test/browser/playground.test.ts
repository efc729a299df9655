/**
 * The playground (`npm start`) in headless Chromium: its server started in-process on a free
 * port over the demo book (200 accounts, seed 42), as a user would use it. The page loads
 * with the formulas computed by the bundle, the real sidebar follows the row clicked in the
 * table, a QBR generated from the sidebar shows in the documents, "Run alerts now" fills the
 * outbox, and the dashboard and diagnostics show. Screenshots go to artifacts/; one is the
 * README's docs/images/playground.png (with UPDATE_SCREENSHOTS=1).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { parseDay } from '../../dev/cli-args';
import { SCRIPT_ACCOUNT } from '../../dev/demo-book';
import { startDemoRun } from '../../dev/demo-run';
import { Playground } from '../../dev/playground/playground';
import {
  type PlaygroundServer,
  PortInUseError,
  servePlayground,
} from '../../dev/playground/server';
import { ARTIFACTS, ROOT, launchBrowser, requireBrowser } from './harness';

jest.setTimeout(30_000);

const executablePath = requireBrowser();

const TODAY = '2026-11-23';

let playground: Playground;
let served: PlaygroundServer;
let browser: Browser;
let page: Page;
let sidebar: FrameLocator;
const remote: string[] = [];
const errors: string[] = [];
const dialogs: string[] = [];

/** An expression evaluated in the page (the tests are type-checked without the DOM library). */
const inPage = (expression: string) => expression as unknown as () => unknown;

beforeAll(async () => {
  const run = startDemoRun({
    accounts: 200,
    seed: 42,
    today: parseDay(TODAY),
    timeZone: 'UTC',
  });
  playground = new Playground(run);
  // The browser first: if it cannot start, there is no server left listening.
  browser = await launchBrowser(executablePath);
  served = await servePlayground(playground, { port: 0 });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Offline: nothing but the playground's own server, in every frame.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(served.url)) return route.continue();
    remote.push(url);
    return route.abort();
  });
  await page.goto(served.url);
  sidebar = page.frameLocator('#sidebar');
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

afterEach(() => {
  expect(remote).toEqual([]);
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
});

/** The text of the book table's cell in `fn`'s column for sheet row `row`. */
async function cell(row: number, fn: string): Promise<string> {
  return (
    (await page.locator(`#book tr[data-row="${row}"] td[data-fn="${fn}"]`).textContent()) ?? ''
  );
}

test('the page shows the book with the formulas computed by the bundle', async () => {
  await page.locator('body[data-ready="true"]').waitFor();
  expect(await page.locator('#book tbody tr').count()).toBe(200);
  const scores = await page.locator('#book td[data-fn="HEALTHSCORE"]').allTextContents();
  expect(scores).toHaveLength(200);
  const numeric = scores.filter((text) => /^\d{1,3}$/.test(text));
  expect(numeric.length).toBeGreaterThan(180);
  expect(numeric.every((text) => Number(text) <= 100)).toBe(true);
  // The same figures as the bundle's HEALTHSCORE, called as Sheets calls it.
  const state = playground.state();
  const at = state.book.columns.findIndex((column) => column.fn === 'HEALTHSCORE');
  expect(scores).toEqual(state.book.rows.map((line) => line.cells[at]));
  for (const fn of ['HEALTHTIER', 'HEALTHDRIVERS', 'SEGMENT', 'CHURNRISK']) {
    expect(await page.locator(`#book thead th[data-fn="${fn}"]`).count()).toBe(1);
  }
  expect(await page.locator('#book thead th[data-fn="HEALTHSCORE"]').getAttribute('title')).toBe(
    '=HEALTHSCORE(A1:AV1, A2:AV201)',
  );
  expect(
    await page.locator('#book td[data-fn="HEALTHTIER"]', { hasText: 'Critical' }).count(),
  ).toBeGreaterThan(0);
  // The sheet's text is text: the account named like a script tag shows as such.
  expect(await page.locator('#book td', { hasText: SCRIPT_ACCOUNT }).count()).toBe(1);
  expect(await page.locator('#book script').count()).toBe(0);
  // The first account is selected: the sidebar opens on it.
  const first = (await page.locator('#book tr[data-row="2"] td').nth(1).textContent()) ?? '';
  await sidebar.locator('#account-name', { hasText: first }).waitFor();
  expect(await page.locator('#book tr[data-row="2"]').getAttribute('class')).toBe('active');
});

test('clicking a row shows that account in the sidebar', async () => {
  await page.locator('body[data-ready="true"]').waitFor();
  const row = 6;
  const name = (await page.locator(`#book tr[data-row="${row}"] td`).nth(1).textContent()) ?? '';
  expect(name).not.toBe('');
  await page.locator(`#book tr[data-row="${row}"] td`).nth(2).click();
  await sidebar.locator('#account-name', { hasText: name }).waitFor();
  expect(await page.locator(`#book tr[data-row="${row}"]`).getAttribute('class')).toBe('active');
  expect(await page.locator('#active-row').textContent()).toBe(`row ${row}`);
  // One health model: the sidebar's score is the formula's.
  expect(await sidebar.locator('#score').textContent()).toBe(await cell(row, 'HEALTHSCORE'));
  expect(await sidebar.locator('#tier').textContent()).toBe(await cell(row, 'HEALTHTIER'));
  expect(playground.activeRow()).toBe(row);

  // Another row: the sidebar follows.
  const other = 9;
  const otherName =
    (await page.locator(`#book tr[data-row="${other}"] td`).nth(1).textContent()) ?? '';
  await page.locator(`#book tr[data-row="${other}"] td`).nth(1).click();
  await sidebar.locator('#account-name', { hasText: otherName }).waitFor();
  expect(await sidebar.locator('#score').textContent()).toBe(await cell(other, 'HEALTHSCORE'));
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png'), fullPage: true });
  // The README's picture is refreshed on request only, so that running the tests never
  // changes a tracked file: UPDATE_SCREENSHOTS=1 npm test.
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    await page.screenshot({
      path: path.join(ROOT, 'docs', 'images', 'playground.png'),
      fullPage: true,
    });
  }
});

test('a QBR generated from the sidebar opens in the documents', async () => {
  const name = (await sidebar.locator('#account-name').textContent()) ?? '';
  expect(name).not.toBe('');
  await sidebar.locator('[role="tab"][data-tab="qbr"]').click();
  await sidebar.locator('#qbr-generate').click();
  const link = sidebar.locator('#qbr-result a.doc-link');
  await link.waitFor();
  const title = (await link.textContent()) ?? '';
  expect(title).toMatch(new RegExp(`^QBR - ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} - `));
  // The page hears of the call and lists the new document.
  const listed = page.locator('#documents [data-doc]', { hasText: title });
  await listed.waitFor({ state: 'attached' });
  // The sidebar's link opens the local copy, not Google Docs.
  await link.click();
  await page.locator('#panel-documents:not([hidden])').waitFor();
  const doc = page.frameLocator('#doc-view');
  await doc.locator('h1.title', { hasText: `Quarterly Business Review: ${name}` }).waitFor();
  const headings = await doc.locator('h2').allTextContents();
  expect(headings).toEqual(
    expect.arrayContaining(['1. Executive summary', '2. Value delivered', '6. Risks']),
  );
  expect(await page.locator('#documents-count').textContent()).toBe('(1)');
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground-qbr.png'), fullPage: true });
});

test('"Run alerts now" turns alerts on and the outbox lists the emails', async () => {
  await page.locator('[data-action="alerts-run"]').click();
  await page.locator('#panel-outbox:not([hidden])').waitFor();
  const first = page.locator('#outbox [data-mail="0"]');
  await first.waitFor();
  const outbox = playground.runtime.mail.outbox;
  expect(outbox.length).toBeGreaterThan(0);
  expect(await page.locator('#outbox [data-mail]').count()).toBe(outbox.length);
  expect(await first.textContent()).toContain(outbox[0]?.subject ?? '?');
  expect(await first.textContent()).toContain(`To: ${outbox[0]?.to.join(', ')}`);
  expect(outbox[0]?.subject).toMatch(/^CS Engine: \d+ accounts? need/);
  // The prompt for the hour was answered, and the run's report is shown.
  const notice = page.locator('#notice');
  expect(await notice.textContent()).toContain('Daily alerts are on');
  expect(await notice.textContent()).toMatch(/email\(s\) sent/);
  // The HTML body, in a sandboxed frame.
  expect(await page.locator('#mail-view-frame').getAttribute('sandbox')).toBe('');
  await page
    .frameLocator('#mail-view-frame')
    .locator('body', { hasText: /critical|at-risk/i })
    .waitFor();
  expect(await page.locator('#outbox-count').textContent()).toBe(`(${outbox.length})`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground-outbox.png'), fullPage: true });
});

test('the dashboard, the alert preview and the setup check', async () => {
  await page.locator('[data-action="dashboard"]').click();
  await page.locator('#sheet[data-sheet="Dashboard"]').waitFor();
  expect(await page.locator('#sheet').textContent()).toContain('CS Engine dashboard');
  expect(await page.locator('#notice').textContent()).toContain('Dashboard refreshed');
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground-dashboard.png') });

  // Everything due was just sent: the preview says so.
  await page.locator('[data-action="alerts-preview"]').click();
  await page.locator('#notice', { hasText: 'Nothing new would be sent now.' }).waitFor();

  await page.locator('[data-action="diagnostics"]').click();
  await page.locator('dialog#dialog[open]').waitFor();
  expect(await page.locator('#dialog-title').textContent()).toMatch(/^CS Engine: setup of /);
  await page
    .frameLocator('#dialog-frame')
    .locator('body', { hasText: /trigger/i })
    .waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground-diagnostics.png') });
  await page.locator('#dialog-close').click();
  expect(await page.evaluate(inPage("document.getElementById('dialog').open"))).toBe(false);
});

test('a taken port is refused with a clear message', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const attempt = servePlayground(playground, { port });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(
      `Port ${port} is in use: another playground may be running. Stop it, or run PORT=${port + 1} npm start.`,
    );
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
});
