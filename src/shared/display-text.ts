/**
 * Text that came from a scam page (titles, page text, phone numbers) is hostile. Before it is
 * shown anywhere it goes through the shared cleaner (hostile-text.ts): invisible and
 * direction-changing characters removed before any cut (a right-to-left override can make
 * "moc.tfosorcim" read as "microsoft.com"), white space collapsed, length bounded. The result is
 * still rendered with `textContent` only, never as HTML.
 */
import { cleanHostileText, TITLE_LIMIT } from './hostile-text.js';

export { hasHiddenCharacters } from './hostile-text.js';

/** Longest page title we ever display: the one title limit of every layer. */
export const MAX_TITLE_CHARS = TITLE_LIMIT;

/** Hostile text made safe to show as one plain line of at most `max` characters (an ellipsis marks a cut). */
export function toDisplayText(text: string, max: number = MAX_TITLE_CHARS): string {
  return cleanHostileText(text, { limit: max, ellipsis: true });
}
