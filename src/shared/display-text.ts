/**
 * Text that came from a scam page (titles, page text, phone numbers) is hostile. Before it is
 * shown anywhere it goes through here: bounded, control characters and bidirectional overrides
 * removed (a right-to-left override can make "moc.tfosorcim" read as "microsoft.com"), and
 * whitespace collapsed. The result is still rendered with `textContent` only, never as HTML.
 */

/** Longest page title we ever display. */
export const MAX_TITLE_CHARS = 300;

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width joiners/spaces,
// BOM, line/paragraph separators and interlinear annotation characters.
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_DIRECTIONAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** True when the text carried characters we removed (worth telling the reader: it was tampered). */
export function hasHiddenCharacters(text: string): boolean {
  INVISIBLE_OR_DIRECTIONAL.lastIndex = 0;
  return INVISIBLE_OR_DIRECTIONAL.test(text);
}

/**
 * Makes hostile text safe to show as plain text: strips invisible and direction-changing
 * characters, turns tabs/newlines into spaces, collapses runs of spaces and cuts it to `max`
 * characters (by code point, so a surrogate pair is never split) with an ellipsis.
 */
export function toDisplayText(text: string, max: number = MAX_TITLE_CHARS): string {
  // Bound the work before the regexes: a page can set a megabyte title.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const cleaned = head
    .replace(INVISIBLE_OR_DIRECTIONAL, '')
    .replace(/[\t\n\r]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  const points = Array.from(cleaned);
  if (points.length <= max && head.length === text.length) return cleaned;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}
