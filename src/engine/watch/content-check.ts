/**
 * Second stage: read the text of a suspicious window (capture + OCR behind the PageTextReader
 * port), never more than one read at a time, cached per window and title, aborted when the
 * window goes away.
 *
 * Then, while the window stays full screen in front and nobody has judged it, look again: kits
 * draw their warning late (a fake scan, a popup after ~5 s). Looks follow a backing-off schedule
 * (picture-change.ts); between the early ones a cheap thumbnail catches a new drawing at once.
 * OCR runs again only when the picture changed since the last reading.
 */
import type { Clock, TimerHandle } from '../ports/clock.js';
import { PlatformError } from '../ports/errors.js';
import type { PageTextReader, PageTextReading, PageThumbnail } from '../ports/page-text.js';
import type { WindowInfo } from '../ports/windows.js';
import { bigChangeSinceReading, changedSinceReading, DEFAULT_LOOK_AGAIN, glancesBetweenLooks, holdsStill, scheduledLookAt, type LookAgainTiming } from './picture-change.js';

/** Page text is hostile and OCR can be long: keep at most this many characters. */
export const MAX_PAGE_TEXT_CHARS = 20_000;
const CACHE_SIZE = 64;

/** Result of one read, handed to the watcher. */
export type ContentReadResult =
  | { readonly ok: true; readonly window: WindowInfo; readonly reading: PageTextReading; readonly cached: boolean }
  | { readonly ok: false; readonly window: WindowInfo; readonly error: unknown };

/** Looking again needs time and the watcher's view of the screen; without them: one read per page. */
export interface ContentCheckOptions {
  readonly clock?: Clock;
  /** True while `window` is still the full-screen window in front (the watcher knows). */
  readonly stillInFront?: (window: WindowInfo) => boolean;
  readonly lookAgain?: LookAgainTiming;
}

/**
 * Failures that say nothing about the page (a busy machine, a frame caught mid-resize): the next
 * scheduled look tries again. Anything else (window gone, OCR missing) ends the looking.
 */
const TRANSIENT_READ_ERRORS = new Set(['ocr-timeout', 'capture-failed']);
const isTransient = (error: unknown): boolean => error instanceof PlatformError && TRANSIENT_READ_ERRORS.has(error.code);

const keyOf = (window: WindowInfo): string => `${window.id}\u0000${window.pid ?? ''}\u0000${window.title}`;

interface Request {
  readonly window: WindowInfo;
  /** A second look: skip the caches. */
  readonly fresh: boolean;
}

/** A window being looked at again after its first reading. */
interface Follow {
  /** The window as last requested (its title may have changed since: same page). */
  window: WindowInfo;
  readonly firstReadingAt: number;
  readonly controller: AbortController;
  /** Index of the next scheduled look. */
  nextLook: number;
  /** Thumbnail of the image behind the last reading. */
  lastRead: PageThumbnail | undefined;
  /** When the page's picture was last seen (a capture for OCR or a glance). */
  lastSeenAt: number;
  timer: TimerHandle | undefined;
}

/** A single-flight queue over a PageTextReader. */
export class ContentCheckQueue {
  private running: { readonly request: Request; readonly controller: AbortController } | undefined;
  /** Latest request per window id, waiting for the reader. */
  private readonly pending = new Map<string, Request>();
  private readonly cache = new Map<string, PageTextReading>();
  private readonly follows = new Map<string, Follow>();
  private readonly timing: LookAgainTiming;
  private stopped = false;

  constructor(
    private readonly reader: PageTextReader,
    private readonly onResult: (result: ContentReadResult) => void,
    private readonly options: ContentCheckOptions = {},
  ) {
    this.timing = options.lookAgain ?? DEFAULT_LOOK_AGAIN;
  }

  /** Asks for the text of `window`; a cached reading is delivered at once. */
  request(window: WindowInfo): void {
    if (this.stopped) return;
    const follow = this.follows.get(window.id);
    // A new title is still the same page (kits churn titles to dodge title checks): keep the
    // schedule. A new process behind the same window id is a new page.
    if (follow !== undefined && follow.window.pid !== window.pid) this.stopLooking(window.id);
    else if (follow !== undefined) follow.window = window;
    const cached = this.cache.get(keyOf(window));
    if (cached !== undefined) {
      this.keepLooking(window, cached, false);
      this.onResult({ ok: true, window, reading: cached, cached: true });
      return;
    }
    if (this.running !== undefined && keyOf(this.running.request.window) === keyOf(window)) return;
    this.pending.set(window.id, { window, fresh: false });
    this.pump();
  }

  /** The window closed: drop its request, abort its read, stop looking at it. */
  windowGone(windowId: string): void {
    this.pending.delete(windowId);
    this.stopFollow(windowId);
    if (this.running?.request.window.id === windowId) this.running.controller.abort();
  }

  /** The window was judged (scam, allowed): no more looks, but a first read in flight finishes. */
  stopLooking(windowId: string): void {
    if (this.pending.get(windowId)?.fresh === true) this.pending.delete(windowId);
    this.stopFollow(windowId);
  }

  /** The ids of windows being read, waiting, or looked at again. */
  activeWindowIds(): string[] {
    const ids = new Set([...(this.running !== undefined ? [this.running.request.window.id] : []), ...this.pending.keys(), ...this.follows.keys()]);
    return [...ids];
  }

  /** Aborts everything; later requests are ignored. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
    for (const id of [...this.follows.keys()]) this.stopFollow(id);
    this.running?.controller.abort();
  }

  private pump(): void {
    if (this.running !== undefined || this.stopped) return;
    const next = this.pending.entries().next();
    if (next.done === true) return;
    const [id, request] = next.value;
    this.pending.delete(id);
    const controller = new AbortController();
    this.running = { request, controller };
    const { window } = request;
    void this.reader
      .read(window, controller.signal, request.fresh ? { fresh: true } : undefined)
      .then(
        (reading) => {
          if (controller.signal.aborted) return;
          const bounded: PageTextReading = reading.text.length > MAX_PAGE_TEXT_CHARS ? { ...reading, text: reading.text.slice(0, MAX_PAGE_TEXT_CHARS) } : reading;
          this.remember(keyOf(window), bounded);
          this.keepLooking(window, bounded, request.fresh);
          this.onResult({ ok: true, window, reading: bounded, cached: false });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (isTransient(error)) this.keepLooking(window, undefined, request.fresh);
          else this.stopFollow(window.id);
          this.onResult({ ok: false, window, error });
        },
      )
      .finally(() => {
        this.running = undefined;
        this.pump();
      });
  }

  /**
   * Starts or goes on following `window`, before its reading reaches the watcher (which may stop
   * it at once). Without a reading (a transient failure) nothing new was seen.
   */
  private keepLooking(window: WindowInfo, reading: PageTextReading | undefined, again: boolean): void {
    const clock = this.options.clock;
    if (clock === undefined || this.stopped) return;
    let follow = this.follows.get(window.id);
    if (again && follow === undefined) return; // stopped while the second look ran
    // The image was captured before OCR began: a slow OCR pass means the page had time to change.
    const seenAt = clock.now() - Math.max(0, reading?.ocrMs ?? 0);
    if (follow === undefined) {
      follow = { window, firstReadingAt: clock.now(), controller: new AbortController(), nextLook: 0, lastRead: reading?.thumbnail, lastSeenAt: seenAt, timer: undefined };
      this.follows.set(window.id, follow);
    } else {
      if (reading?.thumbnail !== undefined) follow.lastRead = reading.thumbnail;
      follow.lastSeenAt = seenAt;
    }
    this.scheduleNext(follow, clock);
  }

  private scheduleNext(follow: Follow, clock: Clock): void {
    if (follow.timer !== undefined) clock.clearTimeout(follow.timer);
    const now = clock.now();
    const since = now - follow.firstReadingAt;
    let at = follow.firstReadingAt + scheduledLookAt(follow.nextLook, this.timing);
    if (this.reader.glance !== undefined && glancesBetweenLooks(since, this.timing)) at = Math.min(at, follow.lastSeenAt + this.timing.glanceEveryMs);
    follow.timer = clock.setTimeout(() => this.look(follow, clock), Math.max(0, at - now));
  }

  /** One look: glance (when the reader can), then read again if the picture changed. */
  private look(follow: Follow, clock: Clock): void {
    follow.timer = undefined;
    const { window } = follow;
    if (this.stopped || this.follows.get(window.id) !== follow) return;
    if (this.options.stillInFront?.(window) !== true) {
      this.stopFollow(window.id);
      return;
    }
    if (this.running?.request.window.id === window.id || this.pending.has(window.id)) {
      this.scheduleNext(follow, clock); // still reading it
      return;
    }
    const since = clock.now() - follow.firstReadingAt;
    const due = since >= scheduledLookAt(follow.nextLook, this.timing);
    while (since >= scheduledLookAt(follow.nextLook, this.timing)) follow.nextLook += 1;
    const glance = this.reader.glance?.bind(this.reader);
    if (glance === undefined) {
      if (due) this.readAgain(follow);
      else this.scheduleNext(follow, clock);
      return;
    }
    glance(window, follow.controller.signal).then(
      (now) => {
        if (this.follows.get(window.id) !== follow) return;
        follow.lastSeenAt = clock.now();
        if (due && changedSinceReading(follow.lastRead, now)) this.readAgain(follow);
        else if (!due && bigChangeSinceReading(follow.lastRead, now)) this.confirmStill(follow, now, glance, clock);
        else this.scheduleNext(follow, clock);
      },
      () => {
        // A failed glance says the window is gone or cannot be captured: no more looks.
        if (this.follows.get(window.id) === follow) this.stopFollow(window.id);
      },
    );
  }

  /** A big change: read once the new picture holds still for a moment (not mid-animation). */
  private confirmStill(follow: Follow, first: PageThumbnail, glance: NonNullable<PageTextReader['glance']>, clock: Clock): void {
    follow.timer = clock.setTimeout(() => {
      follow.timer = undefined;
      if (this.follows.get(follow.window.id) !== follow) return;
      glance(follow.window, follow.controller.signal).then(
        (second) => {
          if (this.follows.get(follow.window.id) !== follow) return;
          if (holdsStill(first, second)) this.readAgain(follow);
          else this.scheduleNext(follow, clock);
        },
        () => {
          if (this.follows.get(follow.window.id) === follow) this.stopFollow(follow.window.id);
        },
      );
    }, this.timing.settleMs);
  }

  private readAgain(follow: Follow): void {
    this.pending.set(follow.window.id, { window: follow.window, fresh: true });
    this.pump();
  }

  private stopFollow(windowId: string): void {
    const follow = this.follows.get(windowId);
    if (follow === undefined) return;
    this.follows.delete(windowId);
    if (follow.timer !== undefined) this.options.clock?.clearTimeout(follow.timer);
    follow.controller.abort();
  }

  private remember(key: string, reading: PageTextReading): void {
    this.cache.delete(key);
    this.cache.set(key, reading);
    while (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next();
      if (oldest.done === true) break;
      this.cache.delete(oldest.value);
    }
  }
}
