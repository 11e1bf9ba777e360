import type { WindowInfo } from './windows.js';

/** Text read from a window's pixels (on the device; nothing leaves the PC). */
export interface PageTextReading {
  readonly text: string;
  readonly captureMs: number;
  readonly ocrMs: number;
}

/**
 * Second-stage content check: capture a window's image and read its text.
 * Called only for windows that are already suspicious, never more than one at a time.
 */
export interface PageTextReader {
  read(window: WindowInfo, signal?: AbortSignal): Promise<PageTextReading>;
}
