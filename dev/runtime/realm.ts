import * as vm from 'node:vm';

/**
 * Deep-copies a value (arrays and Dates; everything else as is) into one JavaScript realm.
 *
 * Apps Script hands scripts arrays and Dates of the script's own realm. The bundle runs in a
 * node:vm context, a different realm from the Node code of the tests, where `x instanceof
 * Date` and `x instanceof Array` are false for values created outside. The runtime therefore
 * copies values into the vm's realm when they enter it (custom-function arguments,
 * Range.getValues) and back into Node's realm when they leave it (results), so both sides see
 * native values, as in Apps Script.
 */
export type ValueCopier = (value: unknown) => unknown;

/** Recognises a Date from any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Copies into Node's realm (the one this module runs in). */
export const copyToHost: ValueCopier = function copy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  if (isDate(value)) return new Date(value.getTime());
  return value;
};

// Builtins are looked up once, when the copier is made: inside a node:vm context each global
// lookup is slow, and the copier runs for every cell of a book.
const COPY_IN_REALM = `(function (RealDate) {
  'use strict';
  var toString = Object.prototype.toString;
  var ArrayOfRealm = Array;
  var isArray = Array.isArray;
  return function copy(value) {
    if (isArray(value)) {
      var out = new ArrayOfRealm(value.length);
      for (var i = 0; i < value.length; i++) out[i] = copy(value[i]);
      return out;
    }
    if (toString.call(value) === '[object Date]') return new RealDate(value.getTime());
    return value;
  };
})`;

let copyScript: vm.Script | undefined;

/** Builds a copier that creates its arrays and Dates inside `context`'s realm. */
export function copierForContext(context: vm.Context, realDate: DateConstructor): ValueCopier {
  copyScript ??= new vm.Script(COPY_IN_REALM, { filename: 'copy-into-realm.js' });
  const make = copyScript.runInContext(context) as (d: DateConstructor) => ValueCopier;
  return make(realDate);
}
