/**
 * What the watcher can learn about, and do to, the page behind a browser window besides closing
 * it: silence its sound and read its address. Implementations live in src/platform (Linux:
 * PulseAudio/PipeWire via `pactl`, Chromium/Firefox history; Windows: Core Audio through koffi,
 * the same history files). No method throws for an OS failure: it returns an outcome.
 */

/** The browser a judged window belongs to: the process that owns the window. */
export interface BrowserProcessRef {
  /** The pid owning the window (X11 `_NET_WM_PID`, Win32 GetWindowThreadProcessId). */
  readonly pid: number;
  /** Executable path or name of that process, when known. */
  readonly processPath?: string;
}

/** One audio stream ScareStop muted, so exactly that one can be unmuted again. */
export interface MutedStream {
  /** The sound server's id of the stream (PulseAudio sink-input index, Core Audio session id). */
  readonly streamId: string;
  /** The process that plays it (a member of the browser's process tree). */
  readonly pid: number;
}

/**
 * Outcome of a mute or unmute. `streams` lists what was changed by this call; `browser-gone`
 * means the browser process has ended, so there is nothing left to keep silent.
 */
export type AudioOutcome =
  | { readonly status: 'done'; readonly streams: readonly MutedStream[] }
  | { readonly status: 'not-needed'; readonly detail: string }
  | { readonly status: 'browser-gone'; readonly detail: string }
  | { readonly status: 'failed'; readonly detail: string };

/** Per-application mute of a browser's own audio streams; never the system volume. */
export interface BrowserAudio {
  /** Mutes every stream played by the browser's process tree that is not muted yet. */
  mute(browser: BrowserProcessRef): Promise<AudioOutcome>;
  /** Unmutes exactly these streams (those still there), e.g. when the person says the page is fine. */
  unmute(streams: readonly MutedStream[]): Promise<AudioOutcome>;
  /**
   * Optional: calls `listener` as soon as any program opens a new audio stream, so a judged page
   * that starts (another) sound is silenced at once rather than at the next timed re-check.
   * Returns the function that stops listening. Without it the caller re-checks on a timer.
   */
  watchNewStreams?(listener: () => void): () => void;
  /**
   * Optional: keep ready what makes a mute quick, for as long as the guard runs (Linux: the
   * sound server's announcements and the list of playing streams they keep current, so a mute
   * is one request instead of two). Returns the function that stops it.
   */
  keepReady?(): () => void;
}

/** Where a page address was read from. */
export type PageAddressSource = 'chromium-history' | 'firefox-history' | 'ui-automation';

/** A page address as the browser recorded it: hostile text, bounded, never opened. */
export interface PageAddress {
  readonly url: string;
  /** The page title the browser stored beside it (used to match the window). */
  readonly title: string;
  /** When the browser says the page was visited (ms since epoch). */
  readonly visitedAt: number;
  readonly source: PageAddressSource;
}

/** The window whose address is wanted. */
export interface PageAddressQuery extends BrowserProcessRef {
  readonly title: string;
  /** Only visits at or after this time (ms since epoch) count (minus a small clock allowance). */
  readonly since: number;
}

/** Reads the address of the page a browser window shows. */
export interface PageAddressReader {
  /** The matching address, or null when the browser has not recorded it (yet). */
  read(query: PageAddressQuery): Promise<PageAddress | null>;
}
