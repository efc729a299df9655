/** Small text helpers shared by the book parser and the model reader. */

/**
 * The comparable form of a header or a word: lower case, accents dropped, and only letters
 * and digits kept, so "DAU / MAU", "dau_mau" and "Dau-Mau" are the same.
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** "a, b or c" for messages. */
export function listInWords(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
