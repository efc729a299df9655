/**
 * A digest email as a mail client shows it: the HTML the bundle sends through MailApp, for a
 * day after the baseline on the demo book, rendered in headless Chromium with scripts off.
 * The picture goes to artifacts/digest.png; docs/alerts.md's docs/images/digest.png is
 * refreshed on request only (UPDATE_SCREENSHOTS=1), so that tests never change a tracked file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { CSM_TEAM, demoColumn, generateBook } from '../../dev/demo-book';
import { escapeHtml } from '../../src/core/escape';
import { World, day } from '../helpers/alert-world';
import { ARTIFACTS, ROOT, launchBrowser, requireBrowser } from './harness';

const executablePath = requireBrowser();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(executablePath);
});

afterAll(async () => {
  await browser?.close();
});

/** The demo book after its baseline, then a day on which some of Maya's accounts turn. */
function digestOfADay(): { to: string; subject: string; htmlBody: string } {
  const book = generateBook({ accounts: 200, seed: 42, today: day('2026-11-23', 0), messy: true });
  const world = new World(book.rows, book.headers);
  world.turnOn(day('2026-11-23', 6));
  world.settings({ digestCap: 8 });
  world.tick(day('2026-11-23', 8));
  const maya = CSM_TEAM[0]?.email ?? '';
  const hers = book.rows.filter(
    (row) =>
      String(row[demoColumn('CSM Email')]).toLowerCase() === maya &&
      !/churn/i.test(String(row[demoColumn('Status')])),
  );
  const turns: [string, string | boolean][] = [
    ['Champion status', 'left'],
    ['Formal complaint', true],
    ['Competitor mentioned', true],
    ['Data export requested', true],
    ['Missed meetings', '3'],
  ];
  hers.slice(0, 10).forEach((row, i) => {
    const [header, value] = turns[i % turns.length] as [string, string | boolean];
    world.edit(String(row[demoColumn('Account')]), header, value);
  });
  const before = world.mail.outbox.length;
  world.tick(day('2026-11-24', 8));
  const mail = world.mail.outbox.slice(before).find((m) => m.to.includes(maya));
  if (!mail) throw new Error('no digest for Maya');
  return { to: maya, subject: mail.subject, htmlBody: mail.htmlBody ?? '' };
}

test('a digest reads as an email: ranked, capped, linked to the Alert Log, nothing run', async () => {
  const digest = digestOfADay();
  expect(digest.subject).toMatch(/^CS Engine: \d+ accounts? to act on today, \d+ in all/);
  // Scripts off, as a mail client shows HTML mail; the frame stands for the client's header.
  const page = await browser.newPage({
    viewport: { width: 760, height: 300 },
    javaScriptEnabled: false,
  });
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#f6f8fc;font-family:Arial,sans-serif">` +
      `<div style="background:#fff;margin:16px;border:1px solid #dadce0;border-radius:8px;padding:20px 24px">` +
      `<div style="font-size:20px;color:#202124;margin-bottom:8px">${escapeHtml(digest.subject)}</div>` +
      `<div style="font-size:13px;color:#5f6368;margin-bottom:16px">CS Engine &lt;owner@acme.test&gt; to ${escapeHtml(digest.to)}</div>` +
      `${digest.htmlBody}</div></body>`,
  );
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).toContain('Act today, within 24 hours');
  expect(text).toMatch(/\.\.\.and \d+ more \(.*\) in the Alert Log\./);
  expect(await page.locator('a', { hasText: 'Alert Log' }).count()).toBe(1);
  expect(await page.locator('script').count()).toBe(0);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'digest.png'), fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    await page.screenshot({
      path: path.join(ROOT, 'docs', 'images', 'digest.png'),
      fullPage: true,
    });
  }
  await page.close();
});
