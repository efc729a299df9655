/**
 * Calendar days in the spreadsheet's time zone.
 *
 * Sheets hands a date cell to a custom function as a Date at midnight in the spreadsheet's
 * time zone. Counting days with UTC arithmetic would be off by one for half the world, so
 * every date becomes a "day number" (days since 1970-01-01 on the local calendar) first.
 */
import { type CellValue, MAX_FIGURE_TEXT, type Read, invalid, isBlank, isDate } from './cells';

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** Day 0 of Sheets' serial dates (1899-12-30) is 25,569 days before 1970-01-01. */
const SHEETS_SERIAL_EPOCH = 25_569;
/** A date cell typed as text starts with YYYY-MM-DD (also compiled to SQL, src/core/sql/). */
export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

const formatters = new Map<string, Intl.DateTimeFormat>();
const dayCache = new Map<string, Map<number, DayNumber>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day of an instant in a time zone (an IANA name such as "Europe/Paris"). */
export function dayOfDate(date: Date, timeZone: string): DayNumber {
  const ms = date.getTime();
  // A book holds few distinct dates (most are midnights), so remembering them makes reading
  // a 100,000-row book cheap; Intl formatting is the slow part.
  let cache = dayCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    dayCache.set(timeZone, cache);
  }
  const known = cache.get(ms);
  if (known !== undefined) return known;
  let year = 1970;
  let month = 1;
  let day = 1;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  const result = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  if (cache.size > 50_000) cache.clear();
  cache.set(ms, result);
  return result;
}

/** The hour (0-23) of an instant on the clocks of a time zone. */
export function hourOfDate(date: Date, timeZone: string): number {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormatters.set(timeZone, formatter);
  }
  return Number(formatter.format(date)) % 24;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "2026-11-23 09:00 (Europe/Paris)": an instant on the spreadsheet's clocks, with the zone
 * named. Every time the add-on shows (the Dashboard's refresh, the Alert Log's "Sent", the
 * alert status) is written this way, so a user never has to convert from UTC.
 */
export function formatTimestamp(date: Date, timeZone: string): string {
  let formatter = timestampFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timestampFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} (${timeZone})`;
}

const timestampFormatters = new Map<string, Intl.DateTimeFormat>();

/** The day number of a calendar date given as year, month (1-12) and day. */
export function dayFromParts(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/**
 * The Sheets serial number of a day (days since 1899-12-30): written with a date format, it
 * is the same calendar day in every time zone, unlike a Date, which is an instant.
 */
export function sheetsSerialOfDay(day: DayNumber): number {
  return day + SHEETS_SERIAL_EPOCH;
}

/** "2026-11-23" for a day number. */
export function isoDay(day: DayNumber): string {
  // History and the Alert Log write the same few hundred days tens of thousands of times.
  let text = isoDays.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoDays.size > 10_000) isoDays.clear();
    isoDays.set(day, text);
  }
  return text;
}

const isoDays = new Map<DayNumber, string>();

/**
 * A date cell: a Date, ISO text ("2026-11-23", "2026-11-23T09:30:00Z"), or a Sheets serial
 * number (a date cell formatted as a number).
 */
export function readDay(cell: CellValue, timeZone: string): Read<DayNumber> {
  if (isDate(cell)) {
    return Number.isNaN(cell.getTime()) ? invalid(cell) : dayOfDate(cell, timeZone);
  }
  if (isBlank(cell)) return undefined;
  if (typeof cell === 'number') {
    // Serials from 1950 to 2150 are dates; anything else in a date column is a mistake.
    return cell > 18_264 && cell < 91_311 && Number.isFinite(cell)
      ? Math.floor(cell) - SHEETS_SERIAL_EPOCH
      : invalid(cell);
  }
  if (typeof cell === 'string') {
    const text = cell.trim();
    // Longer than any date someone types: refused before parsing (see MAX_FIGURE_TEXT).
    if (text.length > MAX_FIGURE_TEXT) return invalid(cell);
    const match = ISO_DAY.exec(text);
    if (match) {
      const [, y, m, d] = match;
      const year = Number(y);
      const month = Number(m);
      const dayOfMonth = Number(d);
      const check = new Date(Date.UTC(year, month - 1, dayOfMonth));
      if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) {
        return invalid(cell);
      }
      if (text.length === 10) return dayFromParts(year, month, dayOfMonth);
      const instant = new Date(text);
      return Number.isNaN(instant.getTime()) ? invalid(cell) : dayOfDate(instant, timeZone);
    }
  }
  return invalid(cell);
}
