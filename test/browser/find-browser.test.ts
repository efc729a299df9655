/**
 * Which browser the browser tests drive (test/browser/find-browser.ts), on a described machine:
 * no real file is looked at, so this runs anywhere, with or without a browser.
 */
import { BROWSER_ENV, type BrowserSearch, findBrowser } from './find-browser';

const DOWNLOADED = '/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine where exactly `files` are executables. */
function machine(
  files: readonly string[],
  options: Partial<Pick<BrowserSearch, 'env' | 'platform'>> = {},
): BrowserSearch {
  return {
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    home: '/home/ana',
    playwrightPath: () => DOWNLOADED,
    isExecutable: (file) => files.includes(file),
  };
}

function expectMessage(search: BrowserSearch): string {
  const result = findBrowser(search);
  if (result.found) throw new Error(`expected no browser, found ${result.executablePath}`);
  expect(result.message).not.toContain('\n');
  return result.message;
}

test("Debian's chromium on Linux", () => {
  expect(findBrowser(machine(['/usr/bin/chromium', '/usr/bin/google-chrome']))).toEqual({
    found: true,
    executablePath: '/usr/bin/chromium',
  });
});

test('Google Chrome on Linux when there is no Chromium', () => {
  expect(findBrowser(machine(['/usr/bin/google-chrome-stable', DOWNLOADED]))).toEqual({
    found: true,
    executablePath: '/usr/bin/google-chrome-stable',
  });
});

test('Google Chrome on macOS, in /Applications or the user’s own Applications', () => {
  const system = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  const own = '/home/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  expect(findBrowser(machine([system], { platform: 'darwin' }))).toEqual({
    found: true,
    executablePath: system,
  });
  expect(findBrowser(machine([own], { platform: 'darwin' }))).toEqual({
    found: true,
    executablePath: own,
  });
  // Linux places mean nothing on a Mac.
  expect(findBrowser(machine(['/usr/bin/chromium'], { platform: 'darwin' })).found).toBe(false);
});

test('the Chromium Playwright downloaded, when nothing is installed', () => {
  expect(findBrowser(machine([DOWNLOADED]))).toEqual({
    found: true,
    executablePath: DOWNLOADED,
  });
  expect(findBrowser(machine([DOWNLOADED], { platform: 'win32' }))).toEqual({
    found: true,
    executablePath: DOWNLOADED,
  });
});

test(`${BROWSER_ENV} comes first`, () => {
  const chosen = '/opt/chrome-beta/chrome';
  expect(
    findBrowser(machine(['/usr/bin/chromium', chosen], { env: { [BROWSER_ENV]: chosen } })),
  ).toEqual({ found: true, executablePath: chosen });
});

test(`${BROWSER_ENV} naming no executable is said, never replaced by another browser`, () => {
  const message = expectMessage(
    machine(['/usr/bin/chromium'], { env: { [BROWSER_ENV]: '/nowhere/chrome' } }),
  );
  expect(message).toContain(`${BROWSER_ENV} is "/nowhere/chrome"`);
  expect(message).toContain('not an executable file');
});

test(`an empty ${BROWSER_ENV} is no choice`, () => {
  expect(findBrowser(machine(['/usr/bin/chromium'], { env: { [BROWSER_ENV]: '' } }))).toEqual({
    found: true,
    executablePath: '/usr/bin/chromium',
  });
});

test('no browser at all: one line saying how to get one', () => {
  const message = expectMessage(machine([]));
  expect(message).toMatch(/^The browser tests need Chrome or Chromium and found none/);
  expect(message).toContain('sudo apt-get install chromium');
  expect(message).toContain('Google Chrome');
  expect(message).toContain('npx playwright-core install chromium');
  expect(message).toContain(BROWSER_ENV);
});

test('no Playwright build for this platform and nothing installed', () => {
  const search = { ...machine([], { platform: 'aix' }), playwrightPath: () => undefined };
  expect(expectMessage(search)).toContain('found none');
});
