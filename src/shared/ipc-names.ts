/**
 * Plain constants of the IPC contract, free of zod so the renderer bundle can use them without
 * pulling in the validators (those run in main and the preload).
 */

/** Screens the renderer can show (also the URL hash: `index.html#wizard`). */
export const SCREENS = ['home', 'alert', 'scan', 'wizard', 'history', 'settings'] as const;

/** Global shortcuts the user can pick from (Electron accelerator syntax). A short list, not free text. */
export const HOTKEY_CHOICES = ['Ctrl+Alt+S', 'Ctrl+Alt+F12', 'Ctrl+Shift+F12', 'Alt+Shift+F4'] as const;

/** True when `value` names a screen. */
export function isScreen(value: string): value is (typeof SCREENS)[number] {
  return (SCREENS as readonly string[]).includes(value);
}
