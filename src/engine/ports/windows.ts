import type { Rect } from '../../shared/geometry.js';
import type { PlatformError } from './errors.js';
import type { ProcessIdentity, SparedProcess } from './processes.js';

/** A top-level window as the platform sees it. */
export interface WindowInfo {
  /** X11 window id (`0x3a00004`) or HWND as decimal string. */
  readonly id: string;
  readonly title: string;
  readonly pid?: number;
  /** Full executable path of the owning process, when readable. */
  readonly processPath?: string;
  /** Executable file name, e.g. `chrome.exe`, `chromium`. */
  readonly processName?: string;
  readonly bounds?: Rect;
  /** Bounds of the monitor the window is on. */
  readonly screen?: Rect;
  /** The window manager says it is full screen (`_NET_WM_STATE_FULLSCREEN`), when known. */
  readonly fullscreen?: boolean;
  /** The page's address, when the browser told it (hostile text; see engine/watch/page-aftercare). */
  readonly url?: string;
}

/** Stop listening. */
export type Unsubscribe = () => void;

/** Foreground window changes and title changes of the foreground window. */
export interface ForegroundWatcher {
  /**
   * Calls `onWindow` whenever the foreground window or its title changes (null = none), and
   * once soon after subscribing with the current foreground window.
   * Errors never throw out of here: they go to `onError` (e.g. code `display-unavailable`,
   * `native-module-missing`), and the source retries on its own with backoff.
   * Implementations should be event driven (X11 `xprop -spy`, SetWinEventHook) and fall back to
   * polling only where no events exist.
   */
  watch(onWindow: (window: WindowInfo | null) => void, onError: (error: PlatformError) => void): Unsubscribe;
  /** The foreground window right now. */
  foreground(): Promise<WindowInfo | null>;
  /** All visible top-level windows (for stacked popup bursts), bottom to top when known. */
  listWindows(): Promise<WindowInfo[]>;
}

/** Outcome of one step of closing a window. */
export type ActionOutcome =
  | { readonly status: 'done'; readonly detail?: string }
  | { readonly status: 'not-needed'; readonly detail?: string }
  /** Nothing was done because what the step was for is gone (`window gone`) or could not be checked (no focus). */
  | { readonly status: 'skipped'; readonly detail: string }
  | { readonly status: 'failed'; readonly detail: string; readonly error?: PlatformError };

/** Outcome of ending a browser's process tree, naming every process left running on purpose. */
export type TerminateOutcome = ActionOutcome & { readonly spared?: readonly SparedProcess[] };

/** Which browser family a process belongs to, for session-restore prevention. */
export type BrowserFamily = 'chromium' | 'chrome' | 'edge' | 'brave' | 'opera' | 'vivaldi' | 'firefox' | 'other';

/**
 * Things the closer can do to a window or its process. Each method returns an outcome instead
 * of throwing; the watcher verifies every step itself (isWindowOpen, isProcessAlive,
 * listWindows) before escalating.
 */
export interface WindowActions {
  /** Leave full screen / kiosk-like state (Escape, F11, or asking the window manager). */
  exitFullScreen(windowId: string): Promise<ActionOutcome>;
  /** Polite close (WM_CLOSE / _NET_CLOSE_WINDOW), like clicking the X. */
  closeWindow(windowId: string): Promise<ActionOutcome>;
  /**
   * Confirm a "Leave site?" prompt drawn for this window. Keys go only to this window, after
   * checking it still exists and has the focus; otherwise `skipped` (`window gone`) and no key.
   */
  confirmLeavePage(windowId: string): Promise<ActionOutcome>;
  isWindowOpen(windowId: string): Promise<boolean>;
  /** Who runs as `pid` right now; undefined when it is gone (or a zombie) or cannot be read. */
  identifyProcess(pid: number): Promise<ProcessIdentity | undefined>;
  /**
   * End the judged browser's process tree (polite first, then forced); `done` only once its
   * processes are gone. Only members that are processes of `family` are signalled, each
   * re-identified (start time + image) right before every signal; descendants that are not part
   * of the browser and pids that changed owner are left running and listed in `spared`.
   * Adapters may remember what they need for `preventSessionRestore` (e.g. the profile folder
   * from the command line) here, because the process is gone afterwards.
   */
  terminateProcessTree(root: ProcessIdentity, family: BrowserFamily): Promise<TerminateOutcome>;
  isProcessAlive(pid: number): Promise<boolean>;
  /**
   * Make the browser not reopen the page on its next start: Chromium-family `Preferences`
   * (`profile.exit_type` = `Normal`, `exited_cleanly` = true) in every profile of the user data
   * folder, Firefox `user.js` (`browser.sessionstore.resume_from_crash` = false). Call it only
   * after the process is gone (a running browser rewrites its Preferences on exit).
   */
  preventSessionRestore(browser: { readonly family: BrowserFamily; readonly pid?: number; readonly processPath?: string }): Promise<ActionOutcome>;
}

/**
 * One OS's window adapter, as built by `createWindowPlatform()` in `src/platform/index.ts`.
 * Linux: `createX11WindowPlatform()` in `src/platform/linux/x11-window-platform.ts`.
 * Windows: `createWin32WindowPlatform()` in `src/platform/win32/window-platform.ts`.
 */
export interface WindowPlatform {
  readonly windows: ForegroundWatcher;
  readonly actions: WindowActions;
  /** Releases helper processes, hooks and native handles. Safe to call more than once. */
  dispose(): void;
}
