/** The alert use cases' ports, implemented over Apps Script services. */
import type {
  AlertPorts,
  KeyValueStore,
  Locker,
  Mailer,
  SheetStore,
  TriggerControl,
} from '../app/alerts/ports';
import { asWrittenRows } from '../core/sheet-input';
import { currentTimeZone, now } from './environment';

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Writes rows into a range so that each cell holds exactly its value (asWrittenRows); the
 * range's number formats are read first, in one call, because a plain-text cell takes text
 * as it is written.
 */
function writeRows(range: Range, rows: readonly (readonly unknown[])[]): Range {
  return range.setValues(asWrittenRows(rows, range.getNumberFormats()));
}

/** Creates an add-on sheet with its header row bold and frozen. */
function ensureSheet(name: string, header?: readonly string[]): GoogleAppsScript.Spreadsheet.Sheet {
  const book = spreadsheet();
  const existing = book.getSheetByName(name);
  if (existing) return existing;
  const sheet = book.insertSheet(name);
  if (header) {
    writeRows(sheet.getRange(1, 1, 1, header.length), [header]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  return sheet;
}

/** Sheets start with 1,000 rows: make room before writing past them, as Sheets requires. */
function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
}

/**
 * Every write goes through writeRows: text stays text even when it looks like a formula, a
 * number or a date, on the first write and on every rewrite of a row read back.
 */
const sheets: SheetStore = {
  spreadsheetName: () => spreadsheet().getName(),
  sheetUrl(name) {
    const sheet = spreadsheet().getSheetByName(name);
    return `${spreadsheet().getUrl()}#gid=${sheet ? sheet.getSheetId() : 0}`;
  },
  sheetNames: () =>
    spreadsheet()
      .getSheets()
      .map((sheet) => sheet.getName()),
  read(name) {
    const sheet = spreadsheet().getSheetByName(name);
    return sheet ? sheet.getDataRange().getValues() : undefined;
  },
  header(name) {
    const sheet = spreadsheet().getSheetByName(name);
    const width = sheet ? sheet.getLastColumn() : 0;
    return sheet && width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
  },
  readFrom(name, startRow, width) {
    const sheet = spreadsheet().getSheetByName(name);
    if (!sheet) return [];
    const last = sheet.getLastRow();
    if (last < startRow) return [];
    return sheet.getRange(startRow, 1, last - startRow + 1, width).getValues();
  },
  writeAll(name, rows) {
    if (rows.length === 0) return;
    const sheet = ensureSheet(name);
    const width = rows[0]?.length ?? 0;
    ensureRows(sheet, rows.length);
    writeRows(sheet.getRange(1, 1, rows.length, width), rows);
    if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  },
  append(name, header, rows) {
    if (rows.length === 0) return;
    const sheet = ensureSheet(name, header);
    const start = Math.max(sheet.getLastRow(), 1) + 1;
    ensureRows(sheet, start + rows.length - 1);
    writeRows(sheet.getRange(start, 1, rows.length, rows[0]?.length ?? header.length), rows);
  },
  writeBlock(name, startRow, rows) {
    if (rows.length === 0) return;
    const sheet = ensureSheet(name);
    ensureRows(sheet, startRow + rows.length - 1);
    writeRows(sheet.getRange(startRow, 1, rows.length, rows[0]?.length ?? 0), rows);
  },
  lastRow(name) {
    const sheet = spreadsheet().getSheetByName(name);
    return sheet ? sheet.getLastRow() : 0;
  },
};

function documentProperties(): KeyValueStore {
  // One store per execution: the write after each email must be a single call, so that an
  // execution dying right after a send has the smallest possible window.
  const store = PropertiesService.getDocumentProperties();
  return {
    get: (key) => store.getProperty(key),
    set: (key, value) => {
      store.setProperty(key, value);
    },
    remove: (key) => {
      store.deleteProperty(key);
    },
  };
}

const mail: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send: ({ to, subject, body, htmlBody }) => {
    MailApp.sendEmail({ to, subject, body, htmlBody, name: 'CS Engine' });
  },
};

let held: GoogleAppsScript.Lock.Lock | undefined;
const lock: Locker = {
  tryLock(timeoutMs) {
    held = LockService.getDocumentLock() ?? LockService.getScriptLock();
    return held.tryLock(timeoutMs);
  },
  release() {
    held?.releaseLock();
    held = undefined;
  },
};

function userTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet()).filter(
    (trigger) =>
      trigger.getHandlerFunction() === handler &&
      trigger.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

const triggers: TriggerControl = {
  count: (handler) => userTriggers(handler).length,
  installHourly(handler) {
    for (const trigger of userTriggers(handler)) ScriptApp.deleteTrigger(trigger);
    ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  },
  remove(handler) {
    const existing = userTriggers(handler);
    for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
    return existing.length;
  },
};

export function alertPorts(): AlertPorts {
  return {
    sheets,
    properties: documentProperties(),
    mail,
    lock,
    triggers,
    now,
    timeZone: currentTimeZone(),
    userEmail: () => Session.getEffectiveUser().getEmail(),
  };
}

/** True when every permission the script asks for has been granted. */
export function permissionsGranted(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED;
}
