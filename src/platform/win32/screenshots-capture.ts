/**
 * `ScreenshotsWindowCapture`: a window's pixels by HWND through `node-screenshots` (Windows
 * Graphics Capture / GDI under the hood), turned into gray and prepared like on Linux. The
 * module is loaded lazily; tests pass a fake module to check the mapping.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import type { WindowInfo } from '../../engine/ports/windows.js';
import { grayFromRgba, type GrayImage } from '../page-text/gray-image.js';
import { prepareForOcr } from '../page-text/prepare.js';
import type { WindowImageSource } from '../page-text/serial-reader.js';
import { loadScreenshots, type Screenshots } from './content-native-modules.js';

/** Tuning of the Windows capture. */
export interface ScreenshotsCaptureOptions {
  /** Windows OCR is fast and works best on full-size text: no shrinking by default. */
  readonly scale?: number;
  /** Chrome/Edge tab strip + toolbar at 100 % scaling. */
  readonly toolbarPx?: number;
  /** Injected module (tests); defaults to the real, lazily loaded one. */
  readonly load?: () => Promise<Screenshots>;
}

/** The node-screenshots window object, as far as we use it. */
type ScreenshotsWindow = ReturnType<Screenshots['Window']['all']>[number];

/** Window capture on Windows with node-screenshots. */
export class ScreenshotsWindowCapture implements WindowImageSource {
  private readonly load: () => Promise<Screenshots>;

  constructor(private readonly options: ScreenshotsCaptureOptions = {}) {
    this.load = options.load ?? loadScreenshots;
  }

  async capture(window: WindowInfo, signal: AbortSignal): Promise<GrayImage> {
    const target = await this.find(window.id);
    if (target === undefined) throw new PlatformError('window-gone', `window ${window.id} is gone`);
    if (safe(() => target.isMinimized(), false)) throw new PlatformError('capture-failed', `window ${window.id} is minimised`);
    if (signal.aborted) throw new PlatformError('aborted', 'window capture was aborted', { cause: signal.reason });
    let rgba: Buffer;
    let width: number;
    let height: number;
    try {
      const image = await target.captureImage();
      width = image.width;
      height = image.height;
      rgba = await image.toRaw();
    } catch (cause) {
      // The window may have closed between the lookup and the capture.
      if ((await this.find(window.id)) === undefined) throw new PlatformError('window-gone', `window ${window.id} closed during capture`, { cause });
      throw new PlatformError('capture-failed', `could not capture window ${window.id}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
    if (signal.aborted) throw new PlatformError('aborted', 'window capture was aborted', { cause: signal.reason });
    if (width < 1 || height < 1 || rgba.length < width * height * 4) throw new PlatformError('capture-failed', `window ${window.id} gave an empty image (${width}x${height})`);
    const gray = grayFromRgba(width, height, rgba);
    return prepareForOcr(gray, window, { scale: this.options.scale ?? 1, toolbarPx: this.options.toolbarPx ?? 80 });
  }

  async isWindowOpen(windowId: string): Promise<boolean> {
    return (await this.find(windowId)) !== undefined;
  }

  private async find(windowId: string): Promise<ScreenshotsWindow | undefined> {
    const api = await this.load();
    let all: ScreenshotsWindow[];
    try {
      all = api.Window.all();
    } catch (cause) {
      throw new PlatformError('capture-failed', 'could not list windows for capture', { cause });
    }
    return all.find((candidate) => safe(() => String(candidate.id()), '') === windowId);
  }
}

/** node-screenshots getters throw when the window vanished in between: treat as unknown. */
function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
