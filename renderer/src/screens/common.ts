/** Pieces several screens share. */
import { h } from '../dom.js';
import { isMessageKey, t } from '../i18n.js';
import type { MessageKey } from '../messages-en.js';

/** The screen's main heading; focus goes here when the screen opens. */
export function screenHeading(text: string): HTMLHeadingElement {
  return h('h1', { id: 'screen-title', attrs: { tabindex: '-1' } }, text);
}

/** A screen section labelled by its heading. */
export function screenSection(name: string, ...children: (Node | null | false)[]): HTMLElement {
  return h('section', { class: `screen screen-${name}`, attrs: { 'aria-labelledby': 'screen-title' } }, ...children);
}

/** A paragraph that screen readers read when it changes. */
export function statusLine(id: string, text = ''): HTMLParagraphElement {
  return h('p', { id, class: 'status-line', attrs: { role: 'status' } }, text);
}

/** The error text for a failed call (never the raw error: it may quote hostile text). */
export function errorText(): string {
  return t('common.error');
}

/** A message key built from a dynamic part (e.g. `risk.` + a risk level), checked at runtime. */
export function dynamicKey(prefix: string, part: string, fallback: MessageKey): MessageKey {
  const key = `${prefix}.${part}`;
  return isMessageKey(key) ? key : fallback;
}
