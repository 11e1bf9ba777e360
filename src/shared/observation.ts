import type { Rect } from './geometry.js';

/**
 * What the platform saw of one window. Everything in it except `bounds`/`screen`/`pid` is
 * controlled by whatever page is showing: treat `title` and `text` as hostile input.
 */
export interface WindowObservation {
  /** Window title as the OS reports it (browser suffix included). */
  readonly title: string;
  /** Executable file name or full path of the owning process, e.g. `chrome.exe`. */
  readonly process?: string;
  readonly pid?: number;
  /** Platform window id: X11 window id (`0x3a00004`) or HWND as decimal string. */
  readonly windowId?: string;
  /** Outer bounds of the window. */
  readonly bounds?: Rect;
  /** Bounds of the monitor the window is on. */
  readonly screen?: Rect;
  /** Visible page text when known (content check / OCR). */
  readonly text?: string;
  /** When it was observed, ms since epoch. */
  readonly at?: number;
  /** How the window behaved, as the watcher saw it (evidence beside title and text). */
  readonly behaviour?: WindowBehaviour;
}

/** Window behaviour that scam pages show and honest pages rarely do. */
export interface WindowBehaviour {
  /** The window is one of a burst of new browser windows. */
  readonly popupBurst?: boolean;
  /** A polite close was refused (a "Leave site?" trap, or the window stayed). */
  readonly refusedClose?: boolean;
  /** Distinct titles the window showed in the last ten seconds (a title that flips every second). */
  readonly recentTitles?: number;
}
