/**
 * Keeps secrets and oversized hostile text out of the record and the report. Applied when events
 * are stored and again when the report is written (defence in depth).
 */
import { toDisplayText } from '../../shared/display-text.js';

/** Longest text kept for one field (titles, details). */
export const MAX_TEXT = 500;

const SECRET_ASSIGNMENT = /\b([\w.-]*(?:pwd|passw(?:or)?d|pass|secret|token|hash|salt|api[_-]?key|private[_-]?key)[\w.-]*)\s*[=:]\s*\S+/giu;
const HEX_TOKEN = /\b[A-Fa-f0-9]{32,}\b/gu;
const BASE64_TOKEN = /[A-Za-z0-9+/]{40,}={0,2}/gu;

// A long base64 run is a key or token, but a long path (`/home/user/Downloads/...`) is not:
// with slashes in it, only redact when it ends in padding or is digit-heavy like random data.
function looksRandom(token: string): boolean {
  if (!token.includes('/')) return /\d/u.test(token) || token.endsWith('=');
  const digits = token.replace(/\D/gu, '').length;
  return token.endsWith('=') || digits / token.length >= 0.2;
}

/** Replaces `name=value` pairs with secret-looking names and long hash-like tokens by `[hidden]`. */
export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_ASSIGNMENT, '$1=[hidden]')
    .replace(HEX_TOKEN, '[hidden]')
    .replace(BASE64_TOKEN, (token) => (looksRandom(token) ? '[hidden]' : token));
}

/** Removes control and direction characters, collapses whitespace and cuts to `max` characters. */
export function boundText(text: string, max: number = MAX_TEXT): string {
  return toDisplayText(text, max);
}

/** Both: bounded, then redacted. */
export function safeText(text: string, max: number = MAX_TEXT): string {
  return redactSecrets(boundText(text, max));
}
