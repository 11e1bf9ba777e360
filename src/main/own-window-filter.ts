/**
 * "Close the scary screen" pressed in ScareStop's own window makes that window the foreground
 * one; the scary page is the window that was in front just before. This wrapper remembers the
 * last foreground window of any other process and answers `foreground()` with it while one of
 * our own windows is in front. Everything else passes through unchanged.
 */
import type { ForegroundWatcher, WindowInfo } from '../engine/ports.js';

/** Wraps `windows`; `ownPid` is the Electron main process (it owns every BrowserWindow). */
export function skipOwnWindows(windows: ForegroundWatcher, ownPid: number): ForegroundWatcher {
  let lastOther: WindowInfo | null = null;
  const remember = (window: WindowInfo | null): void => {
    if (window !== null && window.pid !== ownPid) lastOther = window;
  };
  return {
    watch(onWindow, onError) {
      return windows.watch((window) => {
        remember(window);
        onWindow(window);
      }, onError);
    },
    async foreground() {
      const now = await windows.foreground();
      if (now === null || now.pid !== ownPid) {
        remember(now);
        return now;
      }
      const previous = lastOther;
      if (previous === null) return now;
      // Only if it still exists (with its current title): never act on a stale memory.
      const open = (await windows.listWindows()).find((window) => window.id === previous.id);
      return open ?? now;
    },
    listWindows: () => windows.listWindows(),
  };
}
