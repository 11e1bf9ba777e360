/** Stored settings ↔ the settings view. */
import type { Settings as StoredSettings } from '../engine/ports.js';
import { onThePhoneUntil } from '../engine/remote/live/scam-context.js';
import type { Language, Settings, SettingsPatch } from '../shared/ipc.js';

/** Japanese for a `ja*` OS locale, else English. */
export function languageOfLocale(locale: string): Language {
  return /^ja\b/i.test(locale) ? 'ja' : 'en';
}

/** The settings as the UI shows them (`auto` language resolved from the OS locale; `now` for "on the phone"). */
export function settingsView(stored: StoredSettings, locale: string, now: number): Settings {
  return {
    mode: stored.closeMode,
    language: stored.language === 'auto' ? languageOfLocale(locale) : stored.language,
    startAtLogin: stored.startAtLogin,
    hotkey: stored.hotkey,
    allowList: [...stored.allowList],
    remoteAlwaysAsk: stored.remoteAlwaysAsk,
    onThePhoneUntil: onThePhoneUntil(stored.remoteOnThePhoneAt, now) ?? null,
  };
}

/** The store's patch for a settings change from the UI. */
export function storedPatch(patch: SettingsPatch): Partial<StoredSettings> {
  return {
    ...(patch.mode !== undefined ? { closeMode: patch.mode } : {}),
    ...(patch.language !== undefined ? { language: patch.language } : {}),
    ...(patch.startAtLogin !== undefined ? { startAtLogin: patch.startAtLogin } : {}),
    ...(patch.hotkey !== undefined ? { hotkey: patch.hotkey } : {}),
    ...(patch.remoteAlwaysAsk !== undefined ? { remoteAlwaysAsk: patch.remoteAlwaysAsk } : {}),
  };
}
