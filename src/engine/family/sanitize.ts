/**
 * Text from scam pages is hostile: bound it, drop control and bidi-override characters, and keep
 * it on one line before it goes into a mail or a push message (always sent as plain text).
 */
import { toDisplayText } from '../../shared/display-text.js';

/** One clean line of at most `max` characters (an ellipsis marks a cut). */
export function cleanLine(text: string, max: number): string {
  return toDisplayText(text, max);
}

/** A phone number as shown, reduced to the characters a number can have. */
export function cleanPhone(text: string): string {
  return cleanLine(text.replace(/[^0-9+\-() .]/g, ''), 32);
}
