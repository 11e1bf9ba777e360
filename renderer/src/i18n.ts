/**
 * Japanese and English. The language comes from settings (which main initialises from the OS
 * locale) and can be switched at any time; `t` fills `{name}` placeholders with plain text.
 */
import type { Language } from '../../src/shared/ipc.js';
import { en, type MessageKey } from './messages-en.js';
import { ja } from './messages-ja.js';

const tables: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, ja };

let current: Language = 'en';

/** Picks a language from a BCP 47 tag (navigator.language): Japanese for ja*, else English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale !== undefined && /^ja\b/i.test(locale) ? 'ja' : 'en';
}

/** True when `key` is a known text key. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
}

export function language(): Language {
  return current;
}

/** The text for `key` in the current language, with `{name}` replaced by `params.name`. */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return tables[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A date and time in the current language, e.g. "22 Nov 2026, 14:30" / "2026/11/22 14:30". */
export function formatTime(value: string | number): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Only the time of day. */
export function formatClock(value: number): string {
  return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { timeStyle: 'short' }).format(new Date(value));
}
