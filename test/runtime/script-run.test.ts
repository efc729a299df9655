/**
 * The google.script.run bridge of the browser tests and the playground (dev/script-run.ts):
 * the page's shim sends what JSON would change (a Date) as a stand-in, and the server fails the
 * call by Google's rules ("Class google.script.run": "Requests fail if you attempt to pass a
 * Date, Function, DOM element besides a form").
 */
import * as vm from 'node:vm';
import { loadBundle } from '../../dev/runtime/load-bundle';
import { GOOGLE_SCRIPT_RUN_SHIM, runScriptCall } from '../../dev/script-run';

const SOURCE = `var global = this;
function echo(x) {}
function when() {}
(() => {
  global.echo = function (x) { return x; };
  global.when = function () { return { at: new Date(0) }; };
})();
`;

/** The request bodies the shim would POST for a call made in a page. */
function bodiesSentFor(call: string): string[] {
  const bodies: string[] = [];
  const window: Record<string, unknown> = {};
  window.parent = window;
  const context = vm.createContext({
    window,
    location: { origin: 'http://localhost' },
    fetch: (_url: string, init: { body: string }) => {
      bodies.push(init.body);
      return new Promise(() => undefined);
    },
  });
  vm.runInContext(GOOGLE_SCRIPT_RUN_SHIM, context);
  vm.runInContext(`var google = window.google; ${call}`, context);
  return bodies;
}

describe('google.script.run bridge', () => {
  test('a Date argument reaches the server as what it is, and the call fails', () => {
    const [body] = bodiesSentFor('google.script.run.echo({ row: 2, at: new Date(0) })');
    const runtime = loadBundle({ source: SOURCE });
    expect(runScriptCall(body ?? '', runtime)).toEqual({
      ok: false,
      error: 'Failed due to illegal value in property: 0.at',
    });
  });

  test('legal arguments travel; a Date in the return value fails the call', () => {
    const runtime = loadBundle({ source: SOURCE });
    const [body] = bodiesSentFor("google.script.run.echo({ row: 2, tags: ['a', undefined] })");
    expect(runScriptCall(body ?? '', runtime)).toEqual({
      ok: true,
      value: { row: 2, tags: ['a', null] },
    });
    expect(runScriptCall(JSON.stringify({ name: 'when', args: [] }), runtime)).toEqual({
      ok: false,
      error: 'Failed due to illegal value in property: at',
    });
  });
});
