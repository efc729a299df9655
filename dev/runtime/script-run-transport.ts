/**
 * What google.script.run carries between a sidebar and the server, by Google's rules
 * ("Class google.script.run", https://developers.google.com/apps-script/guides/html/reference/run):
 * "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well
 * as JavaScript objects and arrays that are composed of primitives, objects and arrays ...
 * Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other
 * prohibited type, including prohibited types inside objects or arrays. Objects that create
 * circular references will also fail, and undefined fields within arrays become null." The
 * return value "is subject to the same restrictions as parameter types".
 *
 * The failure's message is the one Apps Script gives ("Failed due to illegal value in
 * property: 0"), as its users report it. Where the page is silent the stricter choice is made:
 * NaN and Infinity fail, objects made by a class (a Map, a Range) fail, and the property named
 * is the whole path to the value ("1.renewals.0.date"). An undefined property of an object is
 * left out and an undefined return value arrives as null, as JSON does.
 */

const SCRIPT_RUN_MESSAGES = {
  illegal: (path: string) => `Failed due to illegal value in property: ${path}`,
};

/**
 * The key of the stand-in the page's shim sends for what JSON cannot carry (a Date, a
 * function, an element): `{ [ILLEGAL_VALUE]: "Date" }`, so that the server applies the one set
 * of rules below.
 */
export const ILLEGAL_VALUE = '\u0000google.script.run illegal value';

/** The arguments as the server function receives them (copies), or Google's failure. */
export function transportArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg, i) => copyLegal(arg === undefined ? null : arg, String(i), new Set()));
}

/** The return value as the page's success handler receives it, or Google's failure. */
export function transportResult(value: unknown): unknown {
  return value === undefined ? null : copyLegal(value, '', new Set());
}

function fail(path: string): never {
  throw new Error(SCRIPT_RUN_MESSAGES.illegal(path === '' ? '(the return value)' : path));
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  // Object.prototype of any realm (the bundle runs in its own) has a null prototype.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function copyLegal(value: unknown, path: string, ancestors: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : fail(path);
  if (typeof value !== 'object') return fail(path); // undefined (nested), function, symbol, bigint
  if (ancestors.has(value)) return fail(path);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return Array.from(value, (item: unknown, i) =>
        item === undefined ? null : copyLegal(item, join(path, String(i)), ancestors),
      );
    }
    if (!isPlainObject(value) || ILLEGAL_VALUE in value) return fail(path);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = copyLegal(item, join(path, key), ancestors);
    }
    return out;
  } finally {
    ancestors.delete(value);
  }
}
