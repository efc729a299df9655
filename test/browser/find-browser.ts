/**
 * Which Chrome or Chromium the browser tests drive. Playwright-core ships no browser, so the
 * tests look, in order, at BROWSER_ENV, the usual install places on Linux and macOS, and the
 * Chromium that `npx playwright-core install chromium` downloads. With none, the answer is
 * the one line that says how to get one: the suites fail with it at once instead of
 * starting servers for a launch that cannot happen.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

/** Set to a Chrome or Chromium executable to use that one (and no other). */
export const BROWSER_ENV = 'CHROME_PATH';

/** How to get a browser, for every message that says one is missing. */
const INSTALL_HINT = `install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Google Chrome, or run npx playwright-core install chromium, or set ${BROWSER_ENV} to a Chrome or Chromium executable`;

/** Where a package manager or installer puts the browser, most usual first. */
function installedPaths(platform: NodeJS.Platform, home: string): string[] {
  if (platform === 'linux') {
    return [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
    ];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
    ];
    return [
      ...apps.map((app) => path.join('/Applications', app)),
      ...apps.map((app) => path.join(home, 'Applications', app)),
    ];
  }
  return [];
}

export interface BrowserSearch {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
  /** Where Playwright keeps the Chromium it downloads (whether or not it is there). */
  readonly playwrightPath: () => string | undefined;
  /** The file is there and may be run. */
  readonly isExecutable: (file: string) => boolean;
}

export type BrowserFound =
  | { readonly found: true; readonly executablePath: string }
  | { readonly found: false; readonly message: string };

export function findBrowser(search: BrowserSearch): BrowserFound {
  const chosen = search.env[BROWSER_ENV];
  if (chosen) {
    // The user named one: use it or say so, never quietly fall back to another.
    return search.isExecutable(chosen)
      ? { found: true, executablePath: chosen }
      : {
          found: false,
          message: `The browser tests need Chrome or Chromium: ${BROWSER_ENV} is "${chosen}", which is not an executable file; point it at Chrome or Chromium, or unset it to use an installed one.`,
        };
  }
  const candidates = [...installedPaths(search.platform, search.home)];
  const downloaded = search.playwrightPath();
  if (downloaded) candidates.push(downloaded);
  const executablePath = candidates.find((file) => search.isExecutable(file));
  return executablePath
    ? { found: true, executablePath }
    : {
        found: false,
        message: `The browser tests need Chrome or Chromium and found none: ${INSTALL_HINT}.`,
      };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function playwrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // a platform Playwright has no build for
  }
}

/** This machine. */
export function systemSearch(): BrowserSearch {
  return {
    env: process.env,
    platform: process.platform,
    home: os.homedir(),
    playwrightPath,
    isExecutable,
  };
}
