import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LockState } from '../../dev/runtime/lock';
import { PropertiesState } from '../../dev/runtime/properties';
import { createSpreadsheet, loadBundle, DEFAULT_NOW } from '../../dev/runtime/load-bundle';

// A throwaway bundle shaped like esbuild-gas-plugin's output: stubs declared at top level,
// the real functions assigned to `global` from inside an IIFE.
const BUNDLE = `var global = this;
function DOUBLE(x) {}
function onOpen(e) {}
function describe(value) {}
function readBook() {}
function fail() {}
function nowInfo() {}
function napAndNow() {}
(() => {
  function DOUBLE(x) {
    if (Array.isArray(x)) return x.map((row) => row.map((v) => v * 2));
    return x * 2;
  }
  function onOpen(e) {
    SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
    Logger.log('opened by %s', Session.getActiveUser().getEmail());
    console.log('console works');
  }
  function describe(value) {
    return {
      isArray: Array.isArray(value),
      arrayInstance: value instanceof Array,
      firstIsDate: Array.isArray(value) && value[0] && value[0][0] instanceof Date,
      scalarIsDate: value instanceof Date,
    };
  }
  function readBook() {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Book');
    var values = sheet.getDataRange().getValues();
    var out = values.slice(1).map(function (row) { return [row[1] * 10]; });
    sheet.getRange(2, 3, out.length, 1).setValues(out);
    return { rows: out.length, dateIsDate: values[1][0] instanceof Date };
  }
  function fail() { throw new Error('Column "ARR", row 3: expected a number, found "abc"'); }
  function nowInfo() {
    return [new Date().toISOString(), Date.now(), new Date(0).toISOString(),
      new Date(2020, 0, 2).getFullYear(), Date.UTC(2020, 0, 1), Date.parse('2020-01-01T00:00:00Z'),
      typeof Date(), new Date() instanceof Date, global === this];
  }
  function napAndNow() { Utilities.sleep(1000); return new Date(); }
  global.DOUBLE = DOUBLE;
  global.onOpen = onOpen;
  global.describe = describe;
  global.readBook = readBook;
  global.fail = fail;
  global.nowInfo = nowInfo;
  global.napAndNow = napAndNow;
})();
`;

let dir: string;
let bundlePath: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-engine-runtime-'));
  bundlePath = path.join(dir, 'Code.js');
  fs.writeFileSync(bundlePath, BUNDLE);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function bookOf(rows: number) {
  const values: unknown[][] = [['Renewal', 'ARR', 'Out']];
  for (let i = 0; i < rows; i++) values.push([new Date(Date.UTC(2026, 0, 1 + i)), i, '']);
  return createSpreadsheet({ Book: values });
}

describe('loadBundle', () => {
  test('exposes every global function the bundle defined, and calls them', () => {
    const runtime = loadBundle({ bundlePath });
    expect(Object.keys(runtime.globals).sort()).toEqual([
      'DOUBLE',
      'describe',
      'fail',
      'napAndNow',
      'nowInfo',
      'onOpen',
      'readBook',
    ]);
    expect(runtime.call('DOUBLE', 21)).toBe(42);
    expect(runtime.call('DOUBLE', [[1], [2]])).toStrictEqual([[2], [4]]);
  });

  test('a missing global is a clear error', () => {
    const runtime = loadBundle({ bundlePath });
    expect(() => runtime.call('HEALTHSCORE')).toThrow(
      /defines no global function HEALTHSCORE \(it has: DOUBLE, .*\)/,
    );
  });

  test('a missing bundle says to build first', () => {
    expect(() => loadBundle({ bundlePath: path.join(dir, 'nope.js') })).toThrow(
      /nope\.js: not found\. Run `npm run build` first/,
    );
  });

  test("errors thrown by the bundle arrive as Node Errors with the bundle's message", () => {
    const runtime = loadBundle({ bundlePath });
    let caught: unknown;
    try {
      runtime.call('fail');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toBe('Column "ARR", row 3: expected a number, found "abc"');
  });

  test('arguments arrive as values of the bundle realm, results come back as Node values', () => {
    const runtime = loadBundle({ bundlePath });
    expect(runtime.call('describe', [[new Date()]])).toEqual({
      isArray: true,
      arrayInstance: true,
      firstIsDate: true,
      scalarIsDate: false,
    });
    expect(runtime.call('describe', new Date())).toMatchObject({ scalarIsDate: true });
    const result = runtime.call<unknown[][]>('DOUBLE', [[1]]);
    expect(result).toBeInstanceOf(Array);
    expect(runtime.call('napAndNow')).toBeInstanceOf(Date);
  });

  test('the fixed clock: new Date() and Date.now() read it, every other form is real', () => {
    const now = new Date('2026-03-04T05:06:07.000Z');
    const runtime = loadBundle({ bundlePath, now });
    expect(runtime.call('nowInfo')).toEqual([
      '2026-03-04T05:06:07.000Z',
      now.getTime(),
      '1970-01-01T00:00:00.000Z',
      2020,
      Date.UTC(2020, 0, 1),
      Date.UTC(2020, 0, 1),
      'string',
      true,
      true,
    ]);
    runtime.advance(60_000);
    expect(runtime.run('new Date().toISOString()')).toBe('2026-03-04T05:07:07.000Z');
    runtime.setNow(new Date('2030-01-01T00:00:00Z'));
    expect(runtime.run('Date.now()')).toBe(Date.UTC(2030, 0, 1));
    expect(runtime.call<Date>('napAndNow').toISOString()).toBe('2030-01-01T00:00:01.000Z');
    expect(runtime.run('Date.name + Date.length + (new Date().constructor === Date)')).toBe(
      'Date7true',
    );
  });

  test('run evaluates any JavaScript in the same global scope', () => {
    const runtime = loadBundle({ source: 'var answer = 41;' });
    expect(runtime.run('answer + 1')).toBe(42);
    expect(runtime.run('typeof SpreadsheetApp.getActiveSpreadsheet')).toBe('function');
    expect(runtime.run('typeof setTimeout')).toBe('undefined');
    expect(loadBundle().run<Date>('new Date()').getTime()).toBe(DEFAULT_NOW.getTime());
  });

  test('onOpen builds menus; logs are captured; user and time zone come from options', () => {
    const runtime = loadBundle({ bundlePath, userEmail: 'pat@example.com', timeZone: 'UTC' });
    runtime.call('onOpen', { authMode: 'FULL' });
    expect(runtime.ui.menus).toEqual([
      {
        caption: 'CS Engine',
        addon: true,
        entries: [{ type: 'item', caption: 'Open', functionName: 'showSidebar' }],
      },
    ]);
    expect(runtime.logs).toEqual(['opened by pat@example.com', 'console works']);
    expect(runtime.session.getScriptTimeZone()).toBe('UTC');
    expect(runtime.spreadsheet.getSpreadsheetTimeZone()).toBe('UTC');
    const chosen = createSpreadsheet({ S: [] }, { timeZone: 'Asia/Tokyo' });
    expect(
      loadBundle({
        source: '',
        spreadsheet: chosen,
        timeZone: 'UTC',
      }).spreadsheet.getSpreadsheetTimeZone(),
    ).toBe('Asia/Tokyo');
  });

  test('reads and writes the spreadsheet; Dates from getValues are of the bundle realm', () => {
    const book = bookOf(3);
    const runtime = loadBundle({ bundlePath, spreadsheet: book });
    expect(runtime.call('readBook')).toEqual({ rows: 3, dateIsDate: true });
    expect(
      book
        .sheet('Book')
        .snapshotValues()
        .map((row) => row[2]),
    ).toEqual(['Out', 0, 10, 20]);
  });

  test('the number of service calls does not grow with the number of rows', () => {
    const count = (rows: number) => {
      const runtime = loadBundle({ bundlePath, spreadsheet: bookOf(rows) });
      runtime.call('readBook');
      return runtime.calls.snapshot();
    };
    const small = count(10);
    expect(count(2000)).toEqual(small);
    expect(small).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });

  test('runtimes can share a spreadsheet, properties and locks, each counting its own calls', () => {
    const spreadsheet = createSpreadsheet({ Sheet1: [] });
    const properties = new PropertiesState();
    const locks = new LockState();
    const first = loadBundle({ source: '', spreadsheet, properties, locks });
    const second = loadBundle({ source: '', spreadsheet, properties, locks });
    first.run(`
      LockService.getScriptLock().waitLock(1000);
      PropertiesService.getScriptProperties().setProperty('cursor', '7');
      SpreadsheetApp.getActive().getActiveSheet().appendRow(['first']);
    `);
    expect(second.run('LockService.getScriptLock().tryLock(500)')).toBe(false);
    expect(second.clock.nowMs()).toBe(DEFAULT_NOW.getTime() + 500);
    expect(second.run("PropertiesService.getScriptProperties().getProperty('cursor')")).toBe('7');
    first.endExecution();
    expect(second.run('LockService.getScriptLock().tryLock(500)')).toBe(true);
    expect(spreadsheet.sheet('Sheet1').snapshotValues()).toEqual([['first']]);
    expect(first.calls.count('Sheet.appendRow')).toBe(1);
    expect(second.calls.count('Sheet.appendRow')).toBe(0);
  });
});
