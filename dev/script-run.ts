/**
 * google.script.run outside Apps Script: a page shim that forwards each server call over
 * fetch to POST /rpc, and the node side that runs the call in the local runtime. The
 * sidebar's browser tests and the playground (`npm start`) both serve dist/Sidebar.html
 * this way.
 */
import type * as http from 'node:http';
import { ILLEGAL_VALUE, type LocalRuntime } from './runtime';

/**
 * google.script.run for a page served locally: withSuccessHandler / withFailureHandler chains,
 * and any other property is a server function called through POST /rpc. A failure reaches the
 * failure handler as an Error with the server's message, as in Apps Script. When the page is
 * framed (the playground), each finished call is posted to the parent window of the same
 * origin, so that it can show what the call changed.
 *
 * What JSON would silently change (a Date into text, a function or an element into nothing) is
 * sent as a stand-in naming its kind, so that the server applies Google's rules for what may
 * travel (dev/runtime/script-run-transport.ts) and fails the call as Apps Script does.
 */
export const GOOGLE_SCRIPT_RUN_SHIM = `
(() => {
  const ILLEGAL = ${JSON.stringify(ILLEGAL_VALUE)};
  function tagged(key, value) {
    const raw = this[key];
    if (raw instanceof Date) return { [ILLEGAL]: 'Date' };
    if (typeof raw === 'function' || typeof raw === 'symbol' || typeof raw === 'bigint') {
      return { [ILLEGAL]: typeof raw };
    }
    if (typeof Node !== 'undefined' && raw instanceof Node) return { [ILLEGAL]: 'element' };
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { [ILLEGAL]: String(raw) };
    return value;
  }
  function told(name) {
    if (window.parent !== window) {
      window.parent.postMessage({ type: 'google.script.run', name }, location.origin);
    }
  }
  function runner(success, failure) {
    return new Proxy({}, {
      get(_target, name) {
        if (name === 'withSuccessHandler') return (handler) => runner(handler, failure);
        if (name === 'withFailureHandler') return (handler) => runner(success, handler);
        return (...args) => {
          fetch('/rpc', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name, args }, tagged),
          })
            .then((response) => response.json())
            .then((reply) => {
              told(name);
              if (reply.ok) { if (success) success(reply.value); }
              else if (failure) failure(new Error(reply.error));
            })
            .catch((error) => { if (failure) failure(error); });
        };
      },
    });
  }
  window.google = { script: { run: runner() } };
})();
`;

/** The page with the shim as its first script (for a page that does not add it itself). */
export function withScriptRunShim(page: string): string {
  const tag = `<script>${GOOGLE_SCRIPT_RUN_SHIM}</script>`;
  const head = /<head[^>]*>/i.exec(page);
  if (!head) return tag + page;
  const at = head.index + head[0].length;
  return page.slice(0, at) + tag + page.slice(at);
}

/** Reads a request body as text (at most `limit` bytes). */
export function readBody(request: http.IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) {
        reject(new Error('Request body too large'));
        request.destroy();
      }
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

export interface RpcReply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * Runs one google.script.run call (`{ name, args }`, as JSON) in `runtime`, as Apps Script
 * would (LocalRuntime.callFromSidebar: Google's rules for arguments and return values): the
 * result travels back as JSON; an error travels as its message.
 */
export function runScriptCall(
  body: string,
  runtime: LocalRuntime | undefined,
  onCall?: (name: string) => void,
): RpcReply {
  try {
    const { name, args } = JSON.parse(body) as { name: string; args?: unknown[] };
    if (typeof name !== 'string') throw new Error('No function name.');
    onCall?.(name);
    if (!runtime) throw new Error('No runtime.');
    return {
      ok: true,
      value: runtime.callFromSidebar(name, ...(Array.isArray(args) ? args : [])),
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    // Each call is an execution of its own: whatever locks it took end with it.
    runtime?.endExecution();
  }
}

/** POST /rpc: reads the call, runs it, answers JSON. */
export async function handleScriptRun(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  runtime: LocalRuntime | undefined,
  onCall?: (name: string) => void,
): Promise<RpcReply> {
  let reply: RpcReply;
  try {
    reply = runScriptCall(await readBody(request), runtime, onCall);
  } catch (error) {
    reply = { ok: false, error: (error as Error).message };
  }
  // The value already follows google.script.run's rules (undefined came back as null).
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(reply));
  return reply;
}
