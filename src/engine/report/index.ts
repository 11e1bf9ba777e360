/** The incident report (HTML) and the redaction helpers it shares with the store. */
export { renderReport, type ReportInput } from './render.js';
export { esc } from './html.js';
export { redactSecrets, boundText, safeText, MAX_TEXT } from './redact.js';
