/**
 * Plain constants of the IPC contract, free of zod so the renderer bundle can use them without
 * pulling in the validators (those run in main and the preload).
 */

/** Screens the renderer can show (also the URL hash: `index.html#wizard`). */
export const SCREENS = ['home', 'alert', 'remote', 'scan', 'wizard', 'history', 'settings'] as const;

/** Global shortcuts the user can pick from (Electron accelerator syntax). A short list, not free text. */
export const HOTKEY_CHOICES = ['Ctrl+Alt+S', 'Ctrl+Alt+F12', 'Ctrl+Shift+F12', 'Alt+Shift+F4'] as const;

/** True when `value` names a screen. */
export function isScreen(value: string): value is (typeof SCREENS)[number] {
  return (SCREENS as readonly string[]).includes(value);
}

/** Every request channel name (the validators are in ipc.ts; the lists must match, type-checked there). */
export const REQUEST_CHANNEL_NAMES = [
  'scarestop:status',
  'scarestop:settings-get',
  'scarestop:settings-set',
  'scarestop:allow-list-remove',
  'scarestop:pause',
  'scarestop:resume',
  'scarestop:alert-current',
  'scarestop:alert-close',
  'scarestop:alert-allow',
  'scarestop:alert-dismiss',
  'scarestop:close-now',
  'scarestop:scan-run',
  'scarestop:scan-last',
  'scarestop:wizard-get',
  'scarestop:wizard-start',
  'scarestop:wizard-answer',
  'scarestop:wizard-run',
  'scarestop:wizard-confirm',
  'scarestop:history-list',
  'scarestop:family-list',
  'scarestop:family-add',
  'scarestop:family-remove',
  'scarestop:family-test',
  'scarestop:history-export',
  'scarestop:remote-current',
  'scarestop:remote-end',
  'scarestop:remote-known',
  'scarestop:remote-dismiss',
  'scarestop:on-the-phone',
] as const;

/** Every event channel name. */
export const EVENT_CHANNEL_NAMES = ['scarestop:status-changed', 'scarestop:alert-changed', 'scarestop:navigate', 'scarestop:settings-changed', 'scarestop:remote-changed'] as const;

/** True when `name` is a request channel of the contract. */
export function isRequestChannel(name: unknown): name is (typeof REQUEST_CHANNEL_NAMES)[number] {
  return typeof name === 'string' && (REQUEST_CHANNEL_NAMES as readonly string[]).includes(name);
}

/** True when `name` is an event channel of the contract. */
export function isEventChannel(name: unknown): name is (typeof EVENT_CHANNEL_NAMES)[number] {
  return typeof name === 'string' && (EVENT_CHANNEL_NAMES as readonly string[]).includes(name);
}
