/**
 * Runs dist/Sidebar.html in headless Chromium against the real bundle: a tiny HTTP server on
 * 127.0.0.1 serves the page, and a test shim of google.script.run forwards each call over
 * fetch to the bundle running in the local Apps Script runtime (node side). The shim and the
 * node side are dev/script-run.ts, shared with the playground (`npm start`).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import type { LocalRuntime } from '../../dev/runtime';
import { GOOGLE_SCRIPT_RUN_SHIM, handleScriptRun } from '../../dev/script-run';
import { BROWSER_ENV, findBrowser, systemSearch } from './find-browser';

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Below the suites' 30 s hook timeout, so a browser that never answers fails the hook. */
const LAUNCH_TIMEOUT_MS = 20_000;

export { GOOGLE_SCRIPT_RUN_SHIM };

/** No browser, or one that does not start: the message is the whole story, so jest shows it without a stack. */
class NoBrowserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoBrowserError';
    this.stack = message;
  }
}

/**
 * The browser to drive, or (thrown) the one line that says how to get one. A browser suite
 * calls this when it loads, before any hook, so a machine without a browser fails the suite at
 * once and starts nothing that would need closing.
 */
export function requireBrowser(): string {
  const result = findBrowser(systemSearch());
  if (!result.found) throw new NoBrowserError(result.message);
  return result.executablePath;
}

/** Headless, offline-minded, and bounded: a browser that never comes up fails in seconds. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
    });
  } catch (error) {
    // Playwright's message goes on with the browser's whole log: its first line says what failed.
    const said = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new NoBrowserError(
      `The browser tests could not start ${executablePath} (${said}); set ${BROWSER_ENV} to another Chrome or Chromium.`,
    );
  }
}

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  /** The runtime the next calls go to. */
  use(runtime: LocalRuntime): void;
  /** Every server call made, by name. */
  readonly calls: string[];
  close(): Promise<void>;
}

export async function startHarness(executablePath: string): Promise<Harness> {
  const page = fs.readFileSync(path.join(ROOT, 'dist', 'Sidebar.html'), 'utf8');
  // The browser first: if it cannot start, there is no server left listening.
  const browser = await launchBrowser(executablePath);
  let runtime: LocalRuntime | undefined;
  const calls: string[] = [];
  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && (request.url === '/' || request.url === '/Sidebar.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
      return;
    }
    if (request.method === 'POST' && request.url === '/rpc') {
      void handleScriptRun(request, response, runtime, (name) => calls.push(name));
      return;
    }
    response.writeHead(404);
    response.end();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
  } catch (error) {
    await browser.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    calls,
    use: (next) => {
      runtime = next;
    },
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
