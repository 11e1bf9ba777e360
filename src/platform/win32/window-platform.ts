/**
 * The Windows window adapter as one `WindowPlatform`: the foreground watcher (poll, or WinEvent
 * hook with `foreground.events`) and the Win32 window actions. Native modules load on first use,
 * so creating it never throws.
 */
import type { WindowPlatform } from '../../engine/ports/windows.js';
import { Win32Foreground, type Win32ForegroundOptions } from './win32-foreground.js';
import { Win32WindowActions, type Win32WindowActionsOptions } from './win32-window-actions.js';

/** Builds the Windows window adapter. */
export function createWin32WindowPlatform(options: { foreground?: Win32ForegroundOptions; actions?: Win32WindowActionsOptions } = {}): WindowPlatform {
  return {
    windows: new Win32Foreground(options.foreground),
    actions: new Win32WindowActions(options.actions),
    // Watch subscriptions are released by their own Unsubscribe; koffi keeps DLLs loaded for
    // the life of the process, which is what a tray app wants.
    dispose() {},
  };
}
