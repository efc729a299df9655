/**
 * The one way the sidebar talks to the server: a typed promise over google.script.run. Method
 * names, arguments and results come from SidebarApi, the interface the server implements, so a
 * renamed or retyped endpoint is a compile error here.
 */
import type { SidebarApi } from '../src/app/sidebar/api';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** Every SidebarApi method, returning a promise of its result. */
export type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

/** The message of whatever the server threw, in words (never "[object Object]"). */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const message = String((error as { message: unknown }).message).replace(/^Error:\s*/, '');
    if (message) return message;
  }
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong on the server. Try again in a moment.';
}

function call<K extends keyof SidebarApi>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<ReturnType<SidebarApi[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(
        new Error('The sidebar is not connected to Google Sheets (google.script.run is missing).'),
      );
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
      .withFailureHandler((error) => reject(new Error(messageOf(error)))) as unknown as Record<
      string,
      (...a: unknown[]) => void
    >;
    const method = runner[name];
    if (typeof method !== 'function') {
      reject(new Error(`The server has no endpoint ${String(name)}.`));
      return;
    }
    method.apply(runner, args);
  });
}

/** `server.getAccount({})` and so on: each call goes through `call`. */
export const server = new Proxy({} as Remote<SidebarApi>, {
  get:
    (_target, name) =>
    (...args: unknown[]) =>
      call(name as keyof SidebarApi, ...(args as Parameters<SidebarApi[keyof SidebarApi]>)),
});
