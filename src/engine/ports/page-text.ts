import type { WindowInfo } from './windows.js';

/** Text read from a window's pixels (on the device; nothing leaves the PC). */
export interface PageTextReading {
  /** Recognised text, bounded in size (hostile input: never render it as HTML). */
  readonly text: string;
  readonly captureMs: number;
  readonly ocrMs: number;
  /** True when the text came from the per-window+title cache (no capture, no OCR ran). */
  readonly cached?: boolean;
  /** OCR languages used, e.g. `jpn+eng` (Tesseract) or `ja` (Windows OCR). */
  readonly languages?: string;
  /** Size of the image that was read, after cropping and scaling. */
  readonly imageSize?: { readonly width: number; readonly height: number };
  /** Thumbnail of the very image that was read (to tell later whether the page drew anything new). */
  readonly thumbnail?: PageThumbnail;
}

/**
 * A tiny grayscale picture of a window (about 64x36 cells, each the mean gray of its area): cheap
 * to take and to compare, so the content check can tell whether a page drew something new before
 * it spends a second of OCR on it.
 */
export interface PageThumbnail {
  readonly width: number;
  readonly height: number;
  /** `width * height` bytes, row-major. */
  readonly pixels: Uint8Array;
}

/** How a read is done. */
export interface PageTextReadOptions {
  /** Capture and recognise again even when a reading of this window and title is cached. */
  readonly fresh?: boolean;
}

/**
 * Second-stage content check: capture a window's image and read its text.
 * Called only for windows that are already suspicious, never more than one at a time.
 *
 * Rejects with a `PlatformError` (never anything else) whose `code` is one of:
 * `window-gone` (closed or unmapped before or while reading), `aborted` (`signal` fired),
 * `ocr-timeout`, `capture-failed`, `ocr-failed`, `native-module-missing` (Windows modules absent),
 * `tool-missing` (Linux: `xwd` or `tesseract` not installed).
 */
export interface PageTextReader {
  read(window: WindowInfo, signal?: AbortSignal, options?: PageTextReadOptions): Promise<PageTextReading>;
  /**
   * A thumbnail of the window's picture right now, without OCR. Optional: without it the content
   * check reads again on its schedule only. Rejects like `read`.
   */
  glance?(window: WindowInfo, signal?: AbortSignal): Promise<PageThumbnail>;
}

/** Stable `PlatformError.code` values a `PageTextReader` rejects with. */
export type PageTextErrorCode =
  | 'window-gone'
  | 'aborted'
  | 'ocr-timeout'
  | 'capture-failed'
  | 'ocr-failed'
  | 'native-module-missing'
  | 'tool-missing';
