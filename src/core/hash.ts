/**
 * FNV-1a, 32 bits, in base 36 (at most 7 characters): a short, stable fingerprint of a text.
 * Not for security; collisions between the few values compared at once are negligible.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
