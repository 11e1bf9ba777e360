/** The incident report (HTML) and the redaction helpers it shares with the store. */
export { renderReport, type ReportInput, type MachineFacts } from './render.js';
export { formatTime } from './report-time.js';
export { esc } from './html.js';
export { redactSecrets, boundText, safeText, MAX_TEXT } from './redact.js';
