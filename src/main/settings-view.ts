/** Stored settings ↔ the settings view, and the allow list in the watcher's terms. */
import type { Settings as StoredSettings } from '../engine/ports.js';
import type { AllowEntry } from '../engine/watch/index.js';
import { normaliseTitle } from '../engine/watch/index.js';
import type { Language, Settings, SettingsPatch } from '../shared/ipc.js';

/** Japanese for a `ja*` OS locale, else English. */
export function languageOfLocale(locale: string): Language {
  return /^ja\b/i.test(locale) ? 'ja' : 'en';
}

/** The settings as the UI shows them (`auto` language resolved from the OS locale). */
export function settingsView(stored: StoredSettings, locale: string): Settings {
  return {
    mode: stored.closeMode,
    language: stored.language === 'auto' ? languageOfLocale(locale) : stored.language,
    startAtLogin: stored.startAtLogin,
    hotkey: stored.hotkey,
    allowList: [...stored.allowList],
  };
}

/** The store's patch for a settings change from the UI. */
export function storedPatch(patch: SettingsPatch): Partial<StoredSettings> {
  return {
    ...(patch.mode !== undefined ? { closeMode: patch.mode } : {}),
    ...(patch.language !== undefined ? { language: patch.language } : {}),
    ...(patch.startAtLogin !== undefined ? { startAtLogin: patch.startAtLogin } : {}),
    ...(patch.hotkey !== undefined ? { hotkey: patch.hotkey } : {}),
  };
}

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** Stored allow-list strings as watcher entries: a bare host name, or a page title. */
export function allowEntries(list: readonly string[]): AllowEntry[] {
  return list.map((value) => (HOST.test(value.trim()) ? { kind: 'host', value: value.trim() } : { kind: 'title', value }));
}

/** The stored form of a title the person allowed (normalised, fits the store's 200 characters). */
export function allowValueForTitle(title: string): string {
  return normaliseTitle(title).slice(0, 200);
}
