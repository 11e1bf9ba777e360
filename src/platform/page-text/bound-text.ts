/**
 * OCR output is hostile text (it is whatever the scam page drew): keep it small and plain before
 * it goes anywhere. Lines stay (the detector reads line by line); control characters, runs of
 * blanks and empty lines go; the whole is cut at `maxChars` on a character boundary.
 */

/** Default upper bound of text handed to the detector (a full scam screen is ~1,500 chars). */
export const MAX_PAGE_TEXT_CHARS = 4_000;

// Every C0/C1 control except newline and tab, plus bidi overrides and zero-width characters
// that a page could use to hide or reorder text when it is shown to the user.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Normalises OCR output to at most `maxChars` characters of plain lines. */
export function boundPageText(raw: string, maxChars: number = MAX_PAGE_TEXT_CHARS): string {
  const lines: string[] = [];
  let length = 0;
  // Bound the input first so a huge OCR result never costs more than a few passes over maxChars.
  const source = raw.length > maxChars * 4 ? raw.slice(0, maxChars * 4) : raw;
  for (const rawLine of source.replace(UNSAFE, '').split(/\r?\n/)) {
    const line = rawLine.replace(/[\t \u3000]+/g, ' ').trim();
    if (line === '') continue;
    const room = maxChars - length - (lines.length > 0 ? 1 : 0);
    if (room <= 0) break;
    const chars = Array.from(line);
    lines.push(chars.length > room ? chars.slice(0, room).join('').trimEnd() : line);
    length += Math.min(chars.length, room) + (lines.length > 1 ? 1 : 0);
  }
  return lines.join('\n');
}
