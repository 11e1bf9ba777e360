/**
 * Keeps secrets and oversized hostile text out of the record and the report. Applied when events
 * are stored and again when the report is written (defence in depth).
 */

/** Longest text kept for one field (titles, details). */
export const MAX_TEXT = 500;

const SECRET_ASSIGNMENT = /\b([\w.-]*(?:pwd|pass(?:word|wd)?|secret|token|hash|salt|key)[\w.-]*)\s*[=:]\s*\S+/giu;
// Long runs of hex or base64 look like hashes, keys or tokens: never worth showing.
const LONG_TOKEN = /\b(?:[A-Fa-f0-9]{32,}|[A-Za-z0-9+/]{40,}={0,2})\b/gu;

/** Replaces `name=value` pairs with secret-looking names and long hash-like tokens by `[hidden]`. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_ASSIGNMENT, '$1=[hidden]').replace(LONG_TOKEN, '[hidden]');
}

/** Removes control characters, collapses whitespace and cuts to `max` characters. */
export function boundText(text: string, max: number = MAX_TEXT): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, ' ').replace(/\s+/gu, ' ').trim();
  return cleaned.length <= max ? cleaned : `${cleaned.slice(0, max - 1)}…`;
}

/** Both: bounded, then redacted. */
export function safeText(text: string, max: number = MAX_TEXT): string {
  return redactSecrets(boundText(text, max));
}
