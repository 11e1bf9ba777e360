/**
 * Turns an HWND into the port's `WindowInfo` (title, owner pid and image path, bounds, monitor
 * bounds, full-screen flag). The image path is read afresh every time: pids are reused, and a
 * stale cache could make a non-browser look like a browser.
 */
import type { Rect } from '../../shared/geometry.js';
import type { WindowInfo } from '../../engine/ports/windows.js';
import type { Kernel32 } from './kernel32.js';
import type { User32 } from './user32.js';

/** True when the window covers its whole monitor (how Windows full screen / kiosk looks). */
export function coversScreen(bounds: Rect | undefined, screen: Rect | undefined): boolean {
  if (bounds === undefined || screen === undefined || screen.width <= 0 || screen.height <= 0) return false;
  return bounds.x <= screen.x && bounds.y <= screen.y && bounds.x + bounds.width >= screen.x + screen.width && bounds.y + bounds.height >= screen.y + screen.height;
}

/** HWND → port window id (decimal string). */
export function windowIdOf(hwnd: bigint): string {
  return hwnd.toString(10);
}

/** Port window id → HWND, or undefined when it is not a decimal handle. */
export function hwndOf(windowId: string): bigint | undefined {
  return /^[0-9]{1,20}$/.test(windowId) ? BigInt(windowId) : undefined;
}

/** The file name of a Windows path. */
export function baseNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Describes windows. */
export class WindowDescriber {
  constructor(
    private readonly user32: User32,
    private readonly kernel32: Kernel32,
  ) {}

  /** The window's details, or null when it is gone. */
  describe(hwnd: bigint): WindowInfo | null {
    if (hwnd === 0n || !this.user32.isWindow(hwnd)) return null;
    const pid = this.user32.windowPid(hwnd);
    const processPath = pid > 0 ? this.kernel32.imagePath(pid) : undefined;
    const bounds = this.user32.windowRect(hwnd);
    const screen = this.user32.monitorRect(hwnd);
    return {
      id: windowIdOf(hwnd),
      title: this.user32.windowText(hwnd),
      ...(pid > 0 ? { pid } : {}),
      ...(processPath !== undefined ? { processPath, processName: baseNameOf(processPath) } : {}),
      ...(bounds !== undefined ? { bounds } : {}),
      ...(screen !== undefined ? { screen } : {}),
      fullscreen: coversScreen(bounds, screen),
    };
  }
}
