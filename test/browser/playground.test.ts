/**
 * The playground (`npm start`) in headless Chromium: its server started in-process on a free
 * port over the demo book (200 accounts, seed 42), used as a new user would. The page loads
 * with the formulas computed by the bundle and every column of the book in reach (the account
 * kept in view), the real sidebar follows the row clicked, a QBR generated from the sidebar
 * shows in the documents, and every item of the add-on's menu opens what it opens, its
 * questions answered in the page. Then the user's own book: a CSV with messy cells loaded
 * from the file picker (or dropped on the page), a cell edited, and "today" moved a month on
 * with the daily alert run filling the Alert Log and History. Screenshots go to artifacts/;
 * one is the README's docs/images/playground.png (with UPDATE_SCREENSHOTS=1).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { parseDay } from '../../dev/cli-args';
import { SCRIPT_ACCOUNT, generateBook, toCsv } from '../../dev/demo-book';
import { startDemoRun } from '../../dev/demo-run';
import { Playground } from '../../dev/playground/playground';
import {
  type PlaygroundServer,
  PortInUseError,
  servePlayground,
} from '../../dev/playground/server';
import type { MenuView } from '../../dev/playground/types';
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
  // The browser's own dialogs (alert, confirm) are never used: the add-on's are in the page.
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

/** The page is idle: no request of a control under way. */
async function idle(): Promise<void> {
  await page.locator('body[data-ready="true"]:not([data-busy])').waitFor();
}

/** The submenu holding `functionName`, or undefined for an item of the menu itself. */
function submenuOf(functionName: string, entries: readonly MenuView[]): string | undefined {
  for (const entry of entries) {
    if (entry.type === 'submenu') {
      const inside = entry.entries.some(
        (e) => e.type === 'item' && e.functionName === functionName,
      );
      if (inside) return entry.caption;
    }
  }
  return undefined;
}

/** Picks an item of the CS Engine menu as a user does: the menu, the submenu, the item. */
async function pickMenu(functionName: string): Promise<void> {
  await idle();
  await page.locator('#menu-button').click();
  const submenu = submenuOf(functionName, playground.state().menu);
  if (submenu) await page.locator(`#menu [data-submenu="${submenu}"]`).click();
  await page.locator(`#menu [data-fn="${functionName}"]`).click();
}

/** The number of the last question answered (the page numbers them). */
let answered = '0';

/** The add-on's open question or message: its text, after typing `text` and pressing `button`. */
async function answer(button: string, text?: string): Promise<string> {
  // The next question, not the one just answered: the page may show the next one at once.
  const box = page.locator(`dialog#ask[open]:not([data-question="${answered}"])`);
  await box.waitFor();
  answered = (await box.getAttribute('data-question')) ?? '';
  const said = (await page.locator('#ask-text').textContent()) ?? '';
  if (text !== undefined) await page.locator('#ask-input').fill(text);
  await box.locator(`[data-answer="${button}"]`).click();
  return said;
}

test('the page shows the book with the formulas computed by the bundle', async () => {
  await idle();
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
  for (const fn of ['HEALTHTIER', 'HEALTHDRIVERS', 'SEGMENT', 'CHURNRISK', 'RENEWALSTAGE']) {
    expect(await page.locator(`#book thead th[data-fn="${fn}"]`).count()).toBe(1);
  }
  // The formulas count days from CSE_TODAY, as the formula help tells users to write them.
  expect(await page.locator('#book thead th[data-fn="HEALTHSCORE"]').getAttribute('title')).toBe(
    '=HEALTHSCORE(A1:AV1, A2:AV201, , CSE_TODAY)',
  );
  expect(await page.locator('#today').textContent()).toBe(TODAY);
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

test('every column of the book is in reach, and the account stays in view', async () => {
  const state = playground.state();
  const bookColumns = state.book.columns.filter((column) => column.column !== undefined);
  expect(bookColumns).toHaveLength(48);
  expect(await page.locator('#book thead th[data-column]').count()).toBe(48);
  const account = page.locator('#book tr[data-row="5"] td.frozen');
  expect(await page.locator('#book thead th.frozen').textContent()).toBe('AAccount');
  const before = await account.boundingBox();
  // Scrolled to the far right: the last column is on screen, the account where it was.
  await page.locator('#panel-book').evaluate((panel) => {
    panel.scrollLeft = panel.scrollWidth;
  });
  const last = page.locator(`#book thead th[data-column="48"]`);
  await last.waitFor();
  const panel = await page.locator('#panel-book').boundingBox();
  const lastBox = await last.boundingBox();
  expect(lastBox && panel && lastBox.x + lastBox.width <= panel.x + panel.width + 1).toBe(true);
  const after = await account.boundingBox();
  expect(after?.x).toBeCloseTo(before?.x ?? -1, 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground-scrolled.png') });
  await page.locator('#panel-book').evaluate((panel) => {
    panel.scrollLeft = 0;
  });
});

test('clicking a row shows that account in the sidebar', async () => {
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
  // One look: the book's tier cell is in the sidebar chip's colour.
  const tierCell = page.locator(`#book tr[data-row="${row}"] td[data-fn="HEALTHTIER"]`);
  // (Run in the page: the tests are type-checked without the DOM library.)
  type Styled = { getComputedStyle(e: unknown): { color: string; backgroundColor: string } };
  expect(
    await tierCell.evaluate((td) => (globalThis as unknown as Styled).getComputedStyle(td).color),
  ).toBe(
    await sidebar
      .locator('#tier')
      .evaluate((chip) => (globalThis as unknown as Styled).getComputedStyle(chip).backgroundColor),
  );
  expect(playground.activeRow()).toBe(row);
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png'), fullPage: true });
});

test('a QBR generated from the sidebar opens in the documents, with its prep brief', async () => {
  const name = (await sidebar.locator('#account-name').textContent()) ?? '';
  expect(name).not.toBe('');
  await sidebar.locator('[role="tab"][data-tab="qbr"]').click();
  await sidebar.locator('#qbr-generate').click();
  const links = sidebar.locator('#qbr-result a.doc-link');
  await links.nth(1).waitFor();
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const [title, brief] = await links.allTextContents();
  expect(title).toMatch(new RegExp(`^QBR - ${escaped} - `));
  expect(brief).toMatch(new RegExp(`^QBR prep brief - ${escaped} - `));
  // The page hears of the call and lists both new documents.
  for (const created of [title, brief]) {
    await page
      .locator('#documents [data-doc]', { hasText: created })
      .waitFor({ state: 'attached' });
  }
  // The sidebar's link opens the local copy of the customer's QBR, not Google Docs.
  await links.first().click();
  await page.locator('#panel-documents:not([hidden])').waitFor();
  const doc = page.frameLocator('#doc-view');
  await doc.locator('h1.title', { hasText: `Quarterly Business Review: ${name}` }).waitFor();
  const headings = await doc.locator('h2').allTextContents();
  expect(headings).toEqual(
    expect.arrayContaining(['1. Summary', '2. Value delivered', '6. Roadmap']),
  );
  expect(await page.locator('#documents-count').textContent()).toBe('(2)');
  await sidebar.locator('[role="tab"][data-tab="account"]').click();
  await page.locator('.tabs [data-tab="book"]').click();
});

describe('every item of the add-on’s menu, picked in the page', () => {
  test('the menu is the one onOpen installed, with its Alerts submenu', async () => {
    await page.locator('#menu-button').click();
    const items = await page.locator('#menu > li > button').allTextContents();
    expect(items).toEqual([
      'Open account sidebar',
      'Check my book’s columns',
      'Check setup (diagnostics)',
      'Alerts ◂',
      'Backtest the health score',
      'Refresh dashboard',
      'Formula help',
    ]);
    await page.locator('#menu [data-submenu="Alerts"]').click();
    expect(await page.locator('#menu li ul [data-fn]').allTextContents()).toEqual([
      'Turn on daily alerts…',
      'Turn off daily alerts',
      'Run alerts now',
      'Preview the next alerts',
      'Alert status',
      'Alert settings…',
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-menu.png') });
    await page.locator('#menu-button').click();
  });

  test('Turn on daily alerts asks the hour, and points to Alert settings', async () => {
    await pickMenu('menuAlertsOn');
    expect(await answer('OK', '7')).toMatch(/^At what hour should CS Engine check the book/);
    const on = await answer('OK');
    expect(on).toMatch(/^Daily alerts are on\. Every day at 07:00 \(UTC\)/);
    // The notice sends the user to Alert settings, which is there.
    expect(on).toContain(
      'Set an escalation address for the accounts to act on today in Alert settings.',
    );
    await idle();
    expect(playground.state().alertsOn).toBe(true);
  });

  test('Alert settings asks its six questions; a wrong answer or Cancel changes nothing', async () => {
    await pickMenu('menuAlertsSettings');
    expect(await answer('OK', 'not an address')).toMatch(
      /^Who else should get every account to act on today/,
    );
    // A wrong answer is said, and nothing changes.
    expect(await answer('OK')).toBe(
      '"not an address" is not an email address. Settings were not changed.',
    );
    await pickMenu('menuAlertsSettings');
    await answer('OK', 'vp-cs@example.com');
    expect(await answer('OK', '3')).toMatch(/^After how many days/);
    expect(await answer('OK', '')).toMatch(/^Which health model should alerts use\?/);
    expect(await answer('OK', '')).toMatch(/^Which sheet holds the book of accounts\?/);
    expect(await answer('OK', '10')).toMatch(/^How many accounts should one digest list at most\?/);
    expect(await answer('OK', '')).toMatch(/^Post each CSM's digest to a Slack or Google Chat/);
    const saved = await answer('OK');
    expect(saved).toMatch(/^Saved\./);
    expect(saved).toContain(
      'Escalation for the accounts to act on today (Act today): vp-cs@example.com.',
    );
    expect(saved).toContain('At most 10 accounts listed per digest.');
    expect(saved).toContain('Chat: off.');
    expect(saved).toContain('Reminders while a condition lasts: after 3 days, then 6 and 12');

    // Cancel is an answer too: the item stops, nothing changed.
    await pickMenu('menuAlertsSettings');
    await answer('CANCEL');
    await idle();
    expect(await page.locator('dialog#ask[open]').count()).toBe(0);
  });

  test('Run alerts now sends, and the outbox lists the emails', async () => {
    await pickMenu('menuAlertsRunNow');
    expect(await answer('OK')).toMatch(
      /^Checked \d+ accounts( \([^)]*\))?: \d+ summar(y|ies) of where each book stands .* queued\..* \d+ emails? sent\./,
    );
    await page.locator('#panel-outbox:not([hidden])').waitFor();
    const outbox = playground.runtime.mail.outbox;
    expect(outbox.length).toBeGreaterThan(0);
    expect(await page.locator('#outbox [data-mail]').count()).toBe(outbox.length);
    expect(outbox[0]?.subject).toMatch(/^CS Engine: where your book stands/);
    await page.locator('#outbox [data-mail="0"]').click();
    expect(await page.locator('#mail-view-frame').getAttribute('sandbox')).toBe('');
    await page
      .frameLocator('#mail-view-frame')
      .locator('body', { hasText: /Your book: \d+ live accounts/ })
      .waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-outbox.png'), fullPage: true });
  });

  test('the messages: preview, status, columns, backtest, formula help, turning alerts off', async () => {
    const said = async (functionName: string) => {
      await pickMenu(functionName);
      return answer('OK');
    };
    // Everything due was just sent: the preview says so.
    expect(await said('menuAlertsPreview')).toContain('Nothing new would be sent now.');
    expect(await said('menuAlertsStatus')).toMatch(
      /^Daily alerts: on, every day at 07:00 \(UTC\)\./,
    );
    // "Check my book’s columns" opens the sidebar on its Columns tab.
    await pickMenu('menuCheckHeaders');
    await sidebar.locator('#tab-columns:not([hidden]) #columns h1').waitFor();
    expect(await sidebar.locator('#columns h1').textContent()).toMatch(/^Columns of /);
    await idle();
    // The demo book has no renewal outcomes: the backtest says what it needs.
    expect(await said('menuBacktest')).toContain('has no outcome column');
    expect(await said('menuFormulaHelp')).toContain('CSE_TODAY is a named range');
    expect(await said('menuAlertsOff')).toBe(
      'Daily alerts are off. Nothing more will be sent until you turn them on again.',
    );
    await idle();
    expect(await page.locator('#foot').textContent()).toContain('Daily alerts: off.');
  });

  test('the setup check and the dashboard with its charts; the sidebar opened again', async () => {
    await pickMenu('menuDiagnostics');
    await page.locator('dialog#dialog[open]').waitFor();
    expect(await page.locator('#dialog-title').textContent()).toMatch(/^CS Engine: setup of /);
    await page
      .frameLocator('#dialog-frame')
      .locator('body', { hasText: /trigger/i })
      .waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-diagnostics.png') });
    await page.locator('#dialog-close').click();
    await idle();

    await pickMenu('menuRefreshDashboard');
    expect(await answer('OK')).toContain('Dashboard');
    await page.locator('#sheet[data-sheet="Dashboard"]').waitFor();
    expect(await page.locator('#sheet').textContent()).toContain('CS Engine dashboard');
    expect(await page.locator('#sheet-charts figure.chart').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-dashboard.png') });

    const reloaded = page.waitForRequest((request) => request.url().endsWith('/sidebar'));
    await pickMenu('menuOpenSidebar');
    await reloaded;
    await idle();
    await sidebar.locator('#account-name').waitFor();
    await page.locator('.tabs [data-tab="book"]').click();
  });
});

/** A user's export, messy as such files are: money with $ and commas, "45%", "1.2k", blanks. */
const MESSY_CSV = [
  'Account,CSM,CSM email,ARR,DAU/MAU,Seats licensed,Seats active,Last login,Renewal date,Payment status,Champion,Renewal outcome,Health score 90 days before renewal',
  'Acme Corp,Ana,ana@acme.test,"$120,000",45%,100,80,2026-11-20,2027-01-15,current,Dana,renewed,80',
  'Globex,Ben,ben@acme.test,1.2k,5%,100,10,2026-09-01,2026-12-10,delinquent,no,churned,30',
  'Initech,Cy,cy@acme.test,,,,,not a date,2027-03-01,,,renewed,',
  'Umbrella,Dee,dee@acme.test,50000,30%,50,40,11/1/2026,12/31/2026,current,Lee,renewed,65',
  'Hooli,Eve,eve@acme.test,"$8,500.00",62%,20,19,2026-11-22,2027-06-30,current,Max,churned,40',
].join('\n');

describe('your own book', () => {
  test('a CSV picked in the page: messy cells read as Sheets reads them, formulas computed', async () => {
    await idle();
    await page.locator('#book-file').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(MESSY_CSV),
    });
    await page.locator('#book-name', { hasText: 'customers.csv' }).waitFor();
    await idle();
    expect(await page.locator('#notice').textContent()).toContain(
      'Loaded customers.csv: 5 account rows in the sheet "customers".',
    );
    expect(await page.locator('#book tbody tr').count()).toBe(5);
    expect(await page.locator('#book thead th.frozen').textContent()).toBe('AAccount');
    const arr = async (row: number) =>
      (await page.locator(`#book tr[data-row="${row}"] td[data-column="4"]`).textContent()) ?? '';
    expect(await arr(2)).toBe('$120,000');
    expect(await arr(3)).toBe('1.2k');
    expect(await arr(4)).toBe('');
    expect(await arr(6)).toBe('$8,500.00');
    // Scores for the readable rows; the bad date is said for its row only.
    for (const row of [2, 3, 5, 6]) expect(await cell(row, 'HEALTHSCORE')).toMatch(/^\d{1,3}$/);
    expect(await cell(4, 'HEALTHSCORE')).toBe(
      "Last login: expected a date such as 2026-11-23, found 'not a date'",
    );
    expect(await cell(2, 'SEGMENT')).toBe('Enterprise');
    expect(await cell(3, 'HEALTHTIER')).toBe('Critical');
    expect(await cell(2, 'RENEWALSTAGE')).toMatch(/days to renewal/);
    // The sidebar is the new book's.
    await sidebar.locator('#account-name', { hasText: 'Acme Corp' }).waitFor();
  });

  test('editing a cell is typing into it: its row is scored again', async () => {
    const before = await cell(5, 'HEALTHSCORE');
    const usage = page.locator('#book tr[data-row="5"] td[data-column="5"]');
    expect(await usage.textContent()).toBe('30%');
    await usage.dblclick();
    const input = page.locator('#book td.editing input');
    await input.fill('95%');
    await input.press('Enter');
    await page.locator('#book tr[data-row="5"] td[data-column="5"]', { hasText: '95%' }).waitFor();
    await idle();
    const after = await cell(5, 'HEALTHSCORE');
    expect(Number(after)).toBeGreaterThan(Number(before));
    // What was typed is what the sheet holds: a percentage, as Sheets reads "95%".
    const sheet = playground.runtime.spreadsheet.getSheetByName('customers');
    expect(sheet?.getRange(5, 5).getValue()).toBeCloseTo(0.95, 12);
    // A date typed fixes the bad one, and that row is scored.
    await page.locator('#book tr[data-row="4"] td[data-column="8"]').dblclick();
    await page.locator('#book td.editing input').fill('11/15/2026');
    await page.locator('#book td.editing input').press('Enter');
    await idle();
    expect(await cell(4, 'HEALTHSCORE')).toMatch(/^\d{1,3}$/);
    // A formula is refused in plain words, and the cell keeps its value.
    await page.locator('#book tr[data-row="2"] td[data-column="2"]').dblclick();
    await page.locator('#book td.editing input').fill('=1+1');
    await page.locator('#book td.editing input').press('Enter');
    await page.locator('#notice.error', { hasText: 'does not compute Sheets formulas' }).waitFor();
    await idle();
    expect(await page.locator('#book tr[data-row="2"] td[data-column="2"]').textContent()).toBe(
      'Ana',
    );
  });

  test('the backtest of a book with renewal outcomes opens its dialog', async () => {
    await pickMenu('menuBacktest');
    await page.locator('dialog#dialog[open]').waitFor();
    expect(await page.locator('#dialog-title').textContent()).toBe(
      'CS Engine: backtest of the health score',
    );
    await page.frameLocator('#dialog-frame').locator('body', { hasText: /renew/i }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-backtest.png') });
    await page.locator('#dialog-close').click();
    await idle();
  });

  test('a file that cannot be read is said in plain words; the book stays', async () => {
    await page.locator('#book-file').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Account,ARR\n"Acme,10\n'),
    });
    await page
      .locator('#notice.error', { hasText: 'a quoted cell in row 2 is never closed' })
      .waitFor();
    expect(await page.locator('#book-name').textContent()).toContain('customers.csv');
  });

  test('a book dropped on the page, then today moved a month: History and the Alert Log grow', async () => {
    // A bigger export: the demo book as a user would export it from their CRM.
    const book = generateBook({ accounts: 60, seed: 7, today: parseDay(TODAY), messy: true });
    const csv = toCsv(book.headers, book.rows);
    await idle();
    // A file dragged from the desktop onto the page, as the browser delivers it.
    const transfer = await page.evaluateHandle(
      inPage(
        `(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(csv)}], 'book-of-60.csv', { type: 'text/csv' })); return t; })()`,
      ),
    );
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await page.dispatchEvent('#panel-book', type, { dataTransfer: transfer });
    }
    await page.locator('#book-name', { hasText: 'book-of-60.csv' }).waitFor();
    await idle();
    expect(await page.locator('#book tbody tr').count()).toBe(60);
    const log = () => playground.sheetValues('Alert Log')?.values ?? [];
    const history = () => playground.sheetValues('History')?.values ?? [];
    expect(log()).toEqual([]);

    // One day: the daily run turns alerts on (the page shows their notice), checks, records.
    await page.locator('[data-step="day"]').click();
    expect(await answer('OK')).toMatch(/^Daily alerts are on\. Every day at 08:00/);
    await idle();
    expect(await page.locator('#today').textContent()).toBe('2026-11-24');
    const dailyScores = (rows: readonly (readonly string[])[]) => {
      const at = rows[0]?.indexOf('Daily scores') ?? -1;
      return rows.slice(1).map((row) => row[at] ?? '');
    };
    const firstDay = dailyScores(history());
    expect(firstDay.length).toBeGreaterThan(50);
    const logRows = log().length;
    expect(logRows).toBeGreaterThan(1);

    await page.locator('[data-step="month"]').click();
    await page.locator('#today', { hasText: '2026-12-24' }).waitFor();
    await idle();
    expect(await page.locator('#notice').textContent()).toMatch(
      /^.Today is 2026-12-24: 30 days on, the daily alert run ran each day at 08:00\. Its last run: Checked \d+ accounts( \([^)]*\))?: .* In all, \d+ emails? sent/,
    );
    // History: a daily score for each day of the month (one character a day after the first).
    const month = dailyScores(history());
    const grown = month.filter((text, i) => text.length >= (firstDay[i] ?? '').length + 30);
    expect(grown.length).toBeGreaterThan(50);
    expect(log().length).toBeGreaterThan(logRows);
    // CSE_TODAY moved, and with it the formulas that count days.
    expect(
      await page.locator('#book thead th[data-fn="RENEWALSTAGE"]').getAttribute('title'),
    ).toMatch(/CSE_TODAY(, [A-Z]+2:[A-Z]+\d+)?\)$/);
    expect(playground.runtime.spreadsheet.getRangeByName('CSE_TODAY')?.getDisplayValue()).toBe(
      '2026-12-24',
    );
    expect(await page.locator('#outbox [data-mail]').count()).toBe(
      playground.runtime.mail.outbox.length,
    );

    await page.locator('#book tr[data-row="3"] td').nth(2).click();
    await sidebar.locator('#account-name').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-your-book.png') });
    // The README's picture is refreshed on request only, so that running the tests never
    // changes a tracked file: UPDATE_SCREENSHOTS=1 npm test.
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'docs', 'images', 'playground.png') });
    }
  });
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
