/**
 * Text from scam pages is hostile: bound it, drop control and bidi-override characters, and keep
 * it on one line before it goes into a mail or a push message (always sent as plain text).
 */

// C0/C1 controls, zero-width and bidirectional formatting characters.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** One clean line of at most `max` characters (an ellipsis marks a cut). */
export function cleanLine(text: string, max: number): string {
  const line = text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

/** A phone number as shown, reduced to the characters a number can have. */
export function cleanPhone(text: string): string {
  return cleanLine(text.replace(/[^0-9+\-() .]/g, ''), 32);
}
