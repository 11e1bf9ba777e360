/**
 * OCR output is hostile text (it is whatever the scam page drew): keep it small and plain before
 * it goes anywhere, with the shared cleaner (src/shared/hostile-text.ts). Lines stay (the
 * detector reads line by line); invisible and control characters, runs of blanks and empty
 * lines go; the whole is cut at `maxChars` on a character boundary.
 */
import { cleanPageText } from '../../shared/hostile-text.js';

/** Default upper bound of text handed to the detector (a full scam screen is ~1,500 chars). */
export const MAX_PAGE_TEXT_CHARS = 4_000;

/** Normalises OCR output to at most `maxChars` characters of plain lines. */
export function boundPageText(raw: string, maxChars: number = MAX_PAGE_TEXT_CHARS): string {
  return cleanPageText(raw, maxChars);
}
