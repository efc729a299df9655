import type { CallCounter } from './calls';
import type { FakeClock } from './clock';

type GasUtilities = GoogleAppsScript.Utilities.Utilities;

/** Calendar fields of an instant seen in a time zone. */
interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday ... 7 = Sunday (ISO, Java's "u")
  offsetMinutes: number; // local - UTC
  zoneName: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHORT_WEEKDAYS: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "GMT+2", "UTC-05:30", "GMT" as Java's TimeZone understands them, in minutes. */
function fixedOffset(timeZone: string): number | undefined {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone.trim());
  if (!m) return undefined;
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function offsetName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'GMT';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `GMT${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

/**
 * The calendar fields of `ms` in `timeZone`. Like Java's TimeZone.getTimeZone (which Apps
 * Script uses), an unknown zone id falls back to GMT rather than failing.
 */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const fixed = fixedOffset(timeZone);
  if (fixed !== undefined) return partsAtOffset(ms, fixed, offsetName(fixed));
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatterFor(timeZone).formatToParts(ms);
  } catch {
    return partsAtOffset(ms, 0, 'GMT');
  }
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const year = Number(get('year'));
  const month = Number(get('month'));
  const day = Number(get('day'));
  const hour = Number(get('hour'));
  const minute = Number(get('minute'));
  const second = Number(get('second'));
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: SHORT_WEEKDAYS[get('weekday')] ?? 1,
    offsetMinutes: Math.round((asUtc - ms) / 60000),
    zoneName: get('timeZoneName'),
  };
}

function partsAtOffset(ms: number, offsetMinutes: number, zoneName: string): ZonedParts {
  const d = new Date(ms + offsetMinutes * 60000);
  const dow = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: dow === 0 ? 7 : dow,
    offsetMinutes,
    zoneName,
  };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(width, '0');
}

function dayOfYear(p: ZonedParts): number {
  return (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86400000 + 1;
}

function zoneOffset(offsetMinutes: number, colon: boolean, minutes = true): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (!minutes) return sign + hh;
  return sign + hh + (colon ? ':' : '') + pad(abs % 60, 2);
}

function field(letter: string, count: number, p: ZonedParts): string {
  switch (letter) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[p.month - 1] ?? '';
      if (count === 3) return (MONTHS[p.month - 1] ?? '').slice(0, 3);
      return pad(p.month, count);
    case 'd':
      return pad(p.day, count);
    case 'D':
      return pad(dayOfYear(p), count);
    case 'E':
      return count >= 4
        ? (WEEKDAYS[p.weekday - 1] ?? '')
        : (WEEKDAYS[p.weekday - 1] ?? '').slice(0, 3);
    case 'u':
      return pad(p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'z':
      return p.zoneName;
    case 'Z':
      return zoneOffset(p.offsetMinutes, false);
    case 'X':
      if (p.offsetMinutes === 0) return 'Z';
      return zoneOffset(p.offsetMinutes, count >= 3, count >= 2);
    default:
      // Java's SimpleDateFormat rejects unknown pattern letters the same way.
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * Utilities.formatDate with Java SimpleDateFormat patterns (the ones Apps Script documents:
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * and https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html): letters
 * G y Y M L d D E u a H k K h m s S z Z X, quoted text in '...', '' for a quote. Month and day
 * names are English.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new Error('Invalid argument: date');
  const p = zonedParts(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            out += "'";
            j += 2;
            continue;
          }
          break;
        }
        out += pattern.charAt(j);
        j++;
      }
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern.charAt(j) === ch) j++;
      out += field(ch, j - i, p);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * The Utilities methods the add-on uses. getUuid is deterministic (a counter) so tests can
 * assert on ids; sleep does not block, it advances the fake clock.
 */
export class FakeUtilities implements Pick<GasUtilities, 'formatDate' | 'getUuid' | 'sleep'> {
  private uuidCounter = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly calls: CallCounter,
  ) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.calls.record('Utilities.formatDate');
    return formatDate(date as unknown as Date, timeZone, format);
  }

  getUuid(): string {
    this.calls.record('Utilities.getUuid');
    this.uuidCounter += 1;
    return `00000000-0000-4000-8000-${this.uuidCounter.toString(16).padStart(12, '0')}`;
  }

  /** Google caps a sleep at 300000 ms (5 minutes). */
  sleep(milliseconds: number): void {
    this.calls.record('Utilities.sleep');
    const ms = Number(milliseconds);
    if (!(ms >= 0) || ms > 300000) {
      throw new Error(`Invalid argument: milliseconds (expected 0 to 300000, got ${milliseconds})`);
    }
    this.clock.advance(ms);
  }
}
