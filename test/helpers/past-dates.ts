/**
 * The dates before `today` (ISO) that a document's text shows without "overdue since" in
 * front: as ISO ("2026-01-05") or as the documents' long form ("January 5, 2026").
 */
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
const LONG_DAY = new RegExp(`(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})`, 'g');

export function pastDates(text: string, today: string): string[] {
  const past: string[] = [];
  for (const match of text.matchAll(/(overdue since )?(\d{4}-\d{2}-\d{2})/g)) {
    if (!match[1] && (match[2] ?? '') < today) past.push(match[0]);
  }
  for (const match of text.matchAll(LONG_DAY)) {
    const month = String(MONTHS.indexOf(match[1] ?? '') + 1).padStart(2, '0');
    const iso = `${match[3]}-${month}-${String(match[2]).padStart(2, '0')}`;
    if (iso < today) past.push(match[0]);
  }
  return past;
}
