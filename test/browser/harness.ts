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

export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'artifacts');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export { GOOGLE_SCRIPT_RUN_SHIM };

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  /** The runtime the next calls go to. */
  use(runtime: LocalRuntime): void;
  /** Every server call made, by name. */
  readonly calls: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const page = fs.readFileSync(path.join(ROOT, 'dist', 'Sidebar.html'), 'utf8');
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
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
