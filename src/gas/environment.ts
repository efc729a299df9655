/**
 * The clock and the time zone, read from Apps Script. Custom functions may read the active
 * spreadsheet (read-only), so its time zone is used; the script's is the fallback.
 */

export function currentTimeZone(): string {
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = spreadsheet?.getSpreadsheetTimeZone();
    if (timeZone) return timeZone;
  } catch {
    // No active spreadsheet (a trigger or the editor): fall through to the script's zone.
  }
  return Session.getScriptTimeZone() || 'Etc/UTC';
}

export function now(): Date {
  return new Date();
}
