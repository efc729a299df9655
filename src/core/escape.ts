/**
 * Sheet text is untrusted: an account named `<script>...` must reach an email or a dialog as
 * text. (Writing it back into a sheet as text is src/core/sheet-input.ts's job.)
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[A-Za-z]{2,}$/;

/** A plausible single email address (what MailApp would accept as a recipient). */
export function isEmailAddress(text: unknown): text is string {
  return typeof text === 'string' && EMAIL.test(text.trim());
}
