/** Calendar quarters and readable dates, computed from day numbers (no clock, no locale). */
import { type DayNumber, isoDay } from './dates';

export interface Quarter {
  readonly year: number;
  /** 1-4. */
  readonly quarter: number;
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

export function quarterOf(day: DayNumber): Quarter {
  const [year, month] = isoDay(day).split('-').map(Number) as [number, number];
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

export function quarterLabel({ year, quarter }: Quarter): string {
  return `Q${quarter} ${year}`;
}

export function shiftQuarter({ year, quarter }: Quarter, by: number): Quarter {
  const index = year * 4 + (quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** "Q4 2026", "q4-2026", "2026 Q4" -> the quarter; undefined when it is not one. */
export function parseQuarter(text: string): Quarter | undefined {
  const match =
    /^\s*q([1-4])[\s\-/]*(\d{4})\s*$/i.exec(text) ?? /^\s*(\d{4})[\s\-/]*q([1-4])\s*$/i.exec(text);
  if (!match) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return a > 4 ? { year: a, quarter: b } : { year: b, quarter: a };
}

/** The quarters offered in the sidebar: the previous two, the current one and the next. */
export function quarterChoices(today: DayNumber): string[] {
  const current = quarterOf(today);
  return [-2, -1, 0, 1].map((by) => quarterLabel(shiftQuarter(current, by)));
}

/** "January 15, 2026". */
export function longDay(day: DayNumber): string {
  const [year, month, date] = isoDay(day).split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${date}, ${year}`;
}
