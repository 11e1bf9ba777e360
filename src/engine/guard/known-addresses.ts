/**
 * The window port as the watcher sees it inside the guard: each window carries the page address
 * the aftercare has read for it (when it has), so the allow list's site entries and the
 * detector's address evidence apply to it. The platform's own `url`, when it has one, wins.
 */
import type { ForegroundWatcher, WindowInfo } from '../ports/windows.js';

/** Decorates `windows` with the addresses `addressOf` knows. */
export function withKnownAddresses(windows: ForegroundWatcher, addressOf: (windowId: string) => string | undefined): ForegroundWatcher {
  const withAddress = (window: WindowInfo): WindowInfo => {
    if (window.url !== undefined) return window;
    const url = addressOf(window.id);
    return url === undefined ? window : { ...window, url };
  };
  return {
    watch: (onWindow, onError) => windows.watch((window) => onWindow(window === null ? null : withAddress(window)), onError),
    foreground: async () => {
      const window = await windows.foreground();
      return window === null ? null : withAddress(window);
    },
    listWindows: async () => (await windows.listWindows()).map(withAddress),
  };
}
