/**
 * The global "close the scary screen" shortcut. Default Ctrl+Alt+S (S for Stop); if another
 * program holds it, the next choice is tried, and the home screen shows the one in use.
 * Windows' RegisterHotKey (behind Electron's globalShortcut) fires while a full-screen browser
 * has focus; a page's keyboard.lock() cannot swallow it, because the hotkey is taken by the
 * system before the browser sees the key (Ctrl+Alt+Del stays the last resort).
 */
import type { GlobalShortcut } from 'electron';
import { HOTKEY_CHOICES } from '../shared/ipc.js';

/** Registers the preferred shortcut or the first free fallback; returns the one in use, or null. */
export function registerCloseHotkey(shortcuts: Pick<GlobalShortcut, 'register' | 'unregister'>, preferred: string, onPress: () => void, previous: string | null = null): string | null {
  if (previous !== null) shortcuts.unregister(previous);
  const candidates = [preferred, ...HOTKEY_CHOICES.filter((choice) => choice !== preferred)];
  for (const accelerator of candidates) {
    try {
      if (shortcuts.register(accelerator, onPress)) return accelerator;
    } catch (error) {
      // An accelerator Electron cannot parse: try the next one.
      console.warn(`shortcut ${accelerator} refused`, error);
    }
  }
  return null;
}
