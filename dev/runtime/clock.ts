import * as vm from 'node:vm';

/** A settable clock: the vm's `new Date()` and `Date.now()` read it (see installFakeDate). */
export class FakeClock {
  private ms: number;

  constructor(now: Date | number) {
    this.ms = toMs(now);
  }

  /** The current fake time in milliseconds since the epoch. */
  nowMs(): number {
    return this.ms;
  }

  /** The current fake time as a (Node-realm) Date. */
  now(): Date {
    return new Date(this.ms);
  }

  /** Moves the clock forward (or back, with a negative value) by `ms` milliseconds. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error(`FakeClock.advance: not a finite number: ${ms}`);
    this.ms += ms;
  }

  /** Sets the clock to `date`. */
  setNow(date: Date | number): void {
    this.ms = toMs(date);
  }
}

function toMs(value: Date | number): number {
  const ms = typeof value === 'number' ? value : value.getTime();
  if (!Number.isFinite(ms)) throw new Error('FakeClock: invalid date');
  return ms;
}

/*
 * Runs inside the vm context, so the replacement `Date` is built from that realm's own Date:
 * `new Date()` and `Date.now()` read the fake clock; every other form (`new Date(ms)`,
 * `new Date(y, m, d)`, `new Date(text)`, `Date.UTC`, `Date.parse`) is the real one. Instances
 * keep the realm's real Date.prototype, so `instanceof Date` and every method work as usual,
 * and `Date()` called without `new` returns the fake time as text, as the real one does.
 */
const INSTALL_FAKE_DATE = `(function (nowMs) {
  'use strict';
  var RealDate = globalThis.Date;
  function Date(year, monthIndex, day, hours, minutes, seconds, ms) {
    if (new.target === undefined) return new RealDate(nowMs()).toString();
    if (arguments.length === 0) return Reflect.construct(RealDate, [nowMs()], new.target);
    return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target);
  }
  Object.setPrototypeOf(Date, RealDate);
  Date.prototype = RealDate.prototype;
  Object.defineProperty(Date, 'now', {
    value: function now() { return nowMs(); }, writable: true, configurable: true,
  });
  Object.defineProperty(RealDate.prototype, 'constructor', {
    value: Date, writable: true, configurable: true, enumerable: false,
  });
  Object.defineProperty(globalThis, 'Date', {
    value: Date, writable: true, configurable: true, enumerable: false,
  });
  return RealDate;
})`;

let installScript: vm.Script | undefined;

/**
 * Replaces the global `Date` of a vm context by one whose no-argument constructor and `now()`
 * return `clock`'s time. Returns the context's original Date constructor.
 */
export function installFakeDate(context: vm.Context, clock: FakeClock): DateConstructor {
  installScript ??= new vm.Script(INSTALL_FAKE_DATE, { filename: 'fake-date.js' });
  const install = installScript.runInContext(context) as (now: () => number) => DateConstructor;
  return install(() => clock.nowMs());
}
