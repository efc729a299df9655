/** Small text helpers shared by the book parser and the model reader. */

/**
 * The comparable form of a header or a word: lower case, accents dropped, and only letters
 * and digits kept, so "DAU / MAU", "dau_mau" and "Dau-Mau" are the same.
 */
export function normalizeKey(text: string): string {
  // Unicode normalisation is slow and only needed for accented text; the signal dictionary
  // (built each time Apps Script loads the script) and most headers are plain ASCII.
  const ascii = ASCII_ONLY.test(text) ? text : text.normalize('NFKD');
  return ascii.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * `record[key]` when the record itself holds `key`, else undefined: a key typed by a user
 * ("constructor", "__proto__", "toString") never finds a member of Object.prototype.
 */
export function ownEntry<V>(record: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;
}

/** "a, b or c" for messages. */
export function listInWords(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The message of anything thrown. Apps Script services throw Error objects, but an error may
 * also be a string or come from another realm (the local runtime), where instanceof fails.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** "1,200": a count as formatCount writes it, for a count whose noun is said elsewhere. */
export function formatNumber(count: number): string {
  return count.toLocaleString('en-US');
}

/** "1 account", "2 accounts", "1,200 accounts": a count with its noun, singular or plural. */
export function formatCount(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatNumber(count)} ${count === 1 ? noun : plural}`;
}
