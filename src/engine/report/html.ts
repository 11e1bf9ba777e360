/** Tiny HTML building helpers for the report: everything that is text goes through {@link esc}. */
import { safeText } from './redact.js';

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

/** Bounded, redacted, escaped: for any text that came from outside (pages, files, tools). */
export function text(value: string, max?: number): string {
  return esc(safeText(value, max));
}

/** Markup produced by these helpers (already escaped). */
export interface Html {
  readonly html: string;
}

/** Wraps trusted markup. */
export const raw = (html: string): Html => ({ html });

/** An element with escaped text or nested markup. */
export function el(tag: string, content: string | Html | readonly Html[], className?: string): Html {
  const inner = typeof content === 'string' ? text(content, 2000) : Array.isArray(content) ? (content as readonly Html[]).map((part) => part.html).join('') : (content as Html).html;
  return raw(`<${tag}${className === undefined ? '' : ` class="${esc(className)}"`}>${inner}</${tag}>`);
}

/** A table from a header row and text cells. */
export function table(head: readonly string[], rows: readonly (readonly (string | Html)[])[]): Html {
  const th = head.map((cell) => `<th scope="col">${esc(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${typeof cell === 'string' ? text(cell, 1000) : cell.html}</td>`).join('')}</tr>`).join('');
  return raw(`<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`);
}
