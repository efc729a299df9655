/**
 * Sheet text is untrusted: an account named `<script>...` must reach an email or a dialog as
 * text, and a name such as `=IMPORTXML(...)` written back into a sheet must stay text.
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

/**
 * A value as it should be written into a cell: strings that Sheets would read as a formula
 * (starting with =, +, - or @) get a leading apostrophe, which Sheets keeps as text and hides.
 */
export function asSheetText<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[A-Za-z]{2,}$/;

/** A plausible single email address (what MailApp would accept as a recipient). */
export function isEmailAddress(text: unknown): text is string {
  return typeof text === 'string' && EMAIL.test(text.trim());
}
