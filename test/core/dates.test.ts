import { Invalid } from '../../src/core/cells';
import { dayFromParts, dayOfDate, isoDay, readDay } from '../../src/core/dates';

describe('calendar days in the spreadsheet time zone', () => {
  it('counts the day of a Date in the given zone, not in UTC', () => {
    // 2026-11-23 02:00 UTC is still the 22nd in New York and already the 23rd in Paris.
    const instant = new Date(Date.UTC(2026, 10, 23, 2));
    expect(isoDay(dayOfDate(instant, 'America/New_York'))).toBe('2026-11-22');
    expect(isoDay(dayOfDate(instant, 'Europe/Paris'))).toBe('2026-11-23');
  });

  it('reads a Sheets date cell (midnight in the sheet zone) as that calendar day', () => {
    const midnightInTokyo = new Date(Date.UTC(2026, 0, 31, 15)); // 2026-02-01 00:00 JST
    expect(isoDay(readDay(midnightInTokyo, 'Asia/Tokyo') as number)).toBe('2026-02-01');
  });

  it('reads ISO text and Sheets serial numbers', () => {
    expect(readDay('2026-11-23', 'Etc/UTC')).toBe(dayFromParts(2026, 11, 23));
    expect(readDay(46349, 'Etc/UTC')).toBe(dayFromParts(2026, 11, 23));
    expect(isoDay(readDay('2026-11-23T23:30:00Z', 'Asia/Tokyo') as number)).toBe('2026-11-24');
  });

  it('rejects impossible dates and non-dates', () => {
    expect(readDay('2026-02-30', 'Etc/UTC')).toBeInstanceOf(Invalid);
    expect(readDay('next week', 'Etc/UTC')).toBeInstanceOf(Invalid);
    expect(readDay(12, 'Etc/UTC')).toBeInstanceOf(Invalid);
    expect(readDay(new Date(Number.NaN), 'Etc/UTC')).toBeInstanceOf(Invalid);
    expect(readDay('', 'Etc/UTC')).toBeUndefined();
  });
});
