/**
 * The playground's HTTP server, on 127.0.0.1 only: the page, the real sidebar
 * (dist/Sidebar.html with the google.script.run shim of dev/script-run.ts, as the browser
 * tests serve it), the JSON the page renders, and the bundle's HTML (documents, emails,
 * dialogs) for sandboxed frames.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { BookFileError, MAX_BOOK_FILE_BYTES } from '../book-file';
import { sidebarPageOpenedOn } from '../../src/app/sidebar/start';
import { escapeHtml } from '../runtime';
import { handleScriptRun, readBody, withScriptRunShim } from '../script-run';
import { playgroundPage } from './page';
import { type Playground, PlaygroundError } from './playground';
import type { Answer, TodayStep } from './types';

export const DEFAULT_PORT = 8080;
const HOST = '127.0.0.1';

const ROOT = path.resolve(__dirname, '../..');
const SIDEBAR_PATH = path.join(ROOT, 'dist', 'Sidebar.html');

/** The port is taken: the message tells the user what to do. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} is in use: another playground may be running. Stop it, or run PORT=${port + 1} npm start.`,
    );
    this.name = 'PortInUseError';
  }
}

/** The page's own script, bundled from dev/playground/client/main.ts. */
function bundleClient(): string {
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'client', 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return (result.outputFiles[0]?.text ?? '').replace(/<\/(script)/gi, '<\\/$1');
}

/** Nothing from elsewhere: scripts and styles inline or from this server only. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; form-action 'none'; base-uri 'self'";
/** The bundle's HTML (emails, dialogs, documents): no script at all, even if one got in. */
const CONTENT_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'";

export interface PlaygroundServer {
  readonly url: string;
  readonly port: number;
  readonly server: http.Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 for any free port (default DEFAULT_PORT) */
  readonly port?: number;
  readonly host?: string;
}

function send(
  response: http.ServerResponse,
  status: number,
  body: string,
  type: string,
  csp?: string,
): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(csp ? { 'content-security-policy': csp } : {}),
  });
  response.end(body);
}

const json = (response: http.ServerResponse, status: number, value: unknown) =>
  send(response, status, JSON.stringify(value), 'application/json');

/** Wraps HTML that is not a whole page (an email body, a dialog) into one. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font:13px Arial,sans-serif;margin:12px;color:#202124}</style></head><body>${body}</body></html>`;
}

/** A request body larger than its route takes. */
class TooLargeError extends Error {}

/** A POST the page made (JSON), not a form another site could submit. */
async function jsonBody(
  request: http.IncomingMessage,
  limit?: number,
): Promise<Record<string, unknown>> {
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new PlaygroundError('Expected application/json.');
  }
  let text: string;
  try {
    text = await readBody(request, limit);
  } catch (error) {
    throw new TooLargeError((error as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text || '{}');
  } catch {
    throw new PlaygroundError('Expected a JSON object.');
  }
  if (typeof value !== 'object' || value === null) {
    throw new PlaygroundError('Expected a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** A file as the page sends it: base64 in JSON, with room for the encoding. */
const LOAD_BODY_LIMIT = Math.ceil((MAX_BOOK_FILE_BYTES * 4) / 3) + 64 * 1024;

function answersOf(value: unknown): Answer[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new PlaygroundError('answers: expected a list.');
  return value.map((answer) => {
    const { button, text } = (answer ?? {}) as { button?: unknown; text?: unknown };
    return { button: String(button), text: typeof text === 'string' ? text : '' };
  });
}

function createPlaygroundHandler(playground: Playground): http.RequestListener {
  const script = bundleClient();
  const html = playgroundPage(script);
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    // What the user got wrong is said as is (400); anything else is a bug of ours (500).
    const fail = (error: unknown) => {
      const mine = error instanceof PlaygroundError || error instanceof BookFileError;
      json(response, mine ? 400 : 500, {
        error: error instanceof Error ? error.message : String(error),
      });
    };
    /** A JSON POST: `run` answers from its body; a failure is said in the reply. */
    const post = (run: (body: Record<string, unknown>) => unknown, limit?: number) => {
      jsonBody(request, limit)
        .then((body) => json(response, 200, run(body)))
        .catch((error: unknown) =>
          fail(
            error instanceof TooLargeError
              ? new BookFileError(
                  `The file is too large: the playground reads books of up to ${MAX_BOOK_FILE_BYTES / (1024 * 1024)} MB.`,
                )
              : error,
          ),
        );
    };
    try {
      if (route === 'GET /' || route === 'GET /index.html') {
        send(response, 200, html, 'text/html', PAGE_CSP);
      } else if (route === 'GET /sidebar') {
        // Read on every request: a rebuilt sidebar shows on reload.
        const sidebar = fs.readFileSync(SIDEBAR_PATH, 'utf8');
        send(
          response,
          200,
          withScriptRunShim(
            url.searchParams.get('start') === 'columns'
              ? sidebarPageOpenedOn(sidebar, 'columns')
              : sidebar,
          ),
          'text/html',
          PAGE_CSP,
        );
      } else if (route === 'POST /rpc') {
        if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
          fail(new PlaygroundError('Expected application/json.'));
          return;
        }
        // The runtime of the book open now (a file loaded since replaces it).
        void handleScriptRun(request, response, playground.runtime, (name) =>
          playground.afterScriptCall(name),
        );
        // A call that changes the book is seen by the formulas on the next /api/state.
      } else if (route === 'GET /api/state') {
        json(response, 200, playground.state());
      } else if (route === 'GET /api/sheet') {
        const values = playground.sheetValues(url.searchParams.get('name') ?? '');
        if (values) json(response, 200, values);
        else json(response, 404, { error: 'No such sheet.' });
      } else if (route === 'POST /api/select') {
        post((body) => {
          playground.select(Number(body.row));
          return { ok: true, activeRow: playground.activeRow() };
        });
      } else if (route === 'POST /api/menu') {
        post((body) => playground.menu(String(body.functionName), answersOf(body.answers)));
      } else if (route === 'POST /api/edit') {
        post((body) => ({
          state: playground.edit(Number(body.row), Number(body.column), String(body.text ?? '')),
        }));
      } else if (route === 'POST /api/today') {
        post((body) => playground.moveToday(String(body.step) as TodayStep));
      } else if (route === 'POST /api/load') {
        post((body) => {
          const name = String(body.name ?? '');
          const data = typeof body.data === 'string' ? body.data : '';
          return { state: playground.load(Buffer.from(data, 'base64'), name) };
        }, LOAD_BODY_LIMIT);
      } else if (request.method === 'GET' && url.pathname.startsWith('/doc/')) {
        const doc = playground.documentHtml(decodeURIComponent(url.pathname.slice(5)));
        if (doc === undefined) send(response, 404, 'No such document.', 'text/plain');
        else send(response, 200, doc, 'text/html', CONTENT_CSP);
      } else if (request.method === 'GET' && url.pathname.startsWith('/mail/')) {
        const mail = playground.mailBody(Number(url.pathname.slice(6)));
        if (!mail) send(response, 404, 'No such email.', 'text/plain');
        else {
          const body =
            mail.html ??
            `<pre style="white-space:pre-wrap;font:13px/1.5 Arial,sans-serif">${escapeHtml(mail.text)}</pre>`;
          send(response, 200, page('Email', body), 'text/html', CONTENT_CSP);
        }
      } else if (request.method === 'GET' && url.pathname.startsWith('/dialog/')) {
        const dialog = playground.dialog(Number(url.pathname.slice(8)));
        if (!dialog) send(response, 404, 'No such dialog.', 'text/plain');
        else send(response, 200, page(dialog.title, dialog.html), 'text/html', CONTENT_CSP);
      } else if (route === 'GET /favicon.ico') {
        response.writeHead(204);
        response.end();
      } else {
        send(response, 404, 'Not found.', 'text/plain');
      }
    } catch (error) {
      fail(error);
    }
  };
}

/**
 * Serves the playground on 127.0.0.1. Rejects with PortInUseError when the port is taken.
 * close() stops the server and drops open connections (keep-alive), so it returns at once.
 */
export async function servePlayground(
  playground: Playground,
  options: ServeOptions = {},
): Promise<PlaygroundServer> {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? HOST;
  const server = http.createServer(createPlaygroundHandler(playground));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
