/** Converting what the platform saw into what the detector and the events speak. */
import type { Rect } from '../../shared/geometry.js';
import { cleanTitle, TITLE_LIMIT } from '../../shared/hostile-text.js';
import type { WindowObservation } from '../../shared/observation.js';
import type { WatchedWindow } from '../../shared/watch-events.js';
import { browserFamilyOf } from '../browsers.js';
import type { BrowserFamily, WindowInfo } from '../ports/windows.js';

/** Titles come from pages: the one title limit of every layer. */
export const MAX_TITLE_CHARS = TITLE_LIMIT;

/**
 * Bounds a hostile title with the shared cleaner: invisible, control and bidi characters out
 * before the cut (600 zero-width spaces must not push the title out), length capped.
 */
export function boundTitle(title: string): string {
  return cleanTitle(title, { ellipsis: true });
}

/** True when `inner` covers `outer` (a few pixels of slack for borders). */
export function coversScreen(inner: Rect, outer: Rect, slack = 2): boolean {
  return (
    inner.x <= outer.x + slack &&
    inner.y <= outer.y + slack &&
    inner.x + inner.width >= outer.x + outer.width - slack &&
    inner.y + inner.height >= outer.y + outer.height - slack
  );
}

/** Full screen by the window manager's word, or by covering its whole monitor. */
export function isFullScreen(window: WindowInfo): boolean {
  if (window.fullscreen === true) return true;
  if (window.bounds === undefined || window.screen === undefined) return false;
  return coversScreen(window.bounds, window.screen);
}

/** The browser a window belongs to, or undefined for every other program. */
export function browserOf(window: WindowInfo): BrowserFamily | undefined {
  return browserFamilyOf(window.processPath) ?? browserFamilyOf(window.processName);
}

/** The event-facing view of a window. */
export function toWatchedWindow(window: WindowInfo): WatchedWindow {
  const process = window.processPath ?? window.processName;
  return {
    windowId: window.id,
    title: boundTitle(window.title),
    fullscreen: isFullScreen(window),
    ...(window.pid !== undefined ? { pid: window.pid } : {}),
    ...(process !== undefined ? { process } : {}),
    ...(window.bounds !== undefined ? { bounds: window.bounds } : {}),
    ...(window.screen !== undefined ? { screen: window.screen } : {}),
  };
}

/** The detector's input for a window (page text added by the content check). */
export function toObservation(window: WindowInfo, at: number, text?: string): WindowObservation {
  const process = window.processPath ?? window.processName;
  return {
    title: boundTitle(window.title),
    windowId: window.id,
    at,
    ...(process !== undefined ? { process } : {}),
    ...(window.pid !== undefined ? { pid: window.pid } : {}),
    ...(window.bounds !== undefined ? { bounds: window.bounds } : {}),
    ...(window.screen !== undefined ? { screen: window.screen } : {}),
    ...(text !== undefined ? { text } : {}),
  };
}
