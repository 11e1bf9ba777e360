/**
 * Cheap preparation of a captured window before OCR, the same on every OS: skip the browser's
 * own tab strip and toolbar when the window is not full screen (the page's title is already
 * known, and the address bar is noise), then shrink by a measured factor.
 */
import type { WindowInfo } from '../../engine/ports/windows.js';
import { crop, downscale, type GrayImage } from './gray-image.js';

/** Full screen as far as we can tell: the WM says so, or the window covers its monitor. */
export function looksFullScreen(window: WindowInfo): boolean {
  if (window.fullscreen === true) return true;
  const { bounds, screen } = window;
  if (bounds === undefined || screen === undefined) return false;
  return bounds.x <= screen.x && bounds.y <= screen.y && bounds.width >= screen.width && bounds.height >= screen.height;
}

/** Crops the toolbar (windowed browsers only) and shrinks. */
export function prepareForOcr(image: GrayImage, window: WindowInfo, options: { readonly scale: number; readonly toolbarPx: number }): GrayImage {
  const skip = looksFullScreen(window) ? 0 : Math.min(options.toolbarPx, Math.floor(image.height / 5));
  const body = skip > 0 ? crop(image, { x: 0, y: skip, width: image.width, height: image.height - skip }) : image;
  return downscale(body, options.scale);
}

