/**
 * Second stage: read the text of a suspicious window (capture + OCR behind the PageTextReader
 * port), never more than one read at a time, cached per window and title, aborted when the
 * window goes away.
 */
import type { PageTextReader, PageTextReading } from '../ports/page-text.js';
import type { WindowInfo } from '../ports/windows.js';

/** Page text is hostile and OCR can be long: keep at most this many characters. */
export const MAX_PAGE_TEXT_CHARS = 20_000;
const CACHE_SIZE = 64;

/** Result of one read, handed to the watcher. */
export type ContentReadResult =
  | { readonly ok: true; readonly window: WindowInfo; readonly reading: PageTextReading; readonly cached: boolean }
  | { readonly ok: false; readonly window: WindowInfo; readonly error: unknown };

const keyOf = (window: WindowInfo): string => `${window.id}\u0000${window.pid ?? ''}\u0000${window.title}`;

/** A single-flight queue over a PageTextReader. */
export class ContentCheckQueue {
  private running: { readonly window: WindowInfo; readonly controller: AbortController } | undefined;
  /** Latest request per window id, waiting for the reader. */
  private readonly pending = new Map<string, WindowInfo>();
  private readonly cache = new Map<string, PageTextReading>();
  private stopped = false;

  constructor(
    private readonly reader: PageTextReader,
    private readonly onResult: (result: ContentReadResult) => void,
  ) {}

  /** Asks for the text of `window`; a cached reading is delivered at once. */
  request(window: WindowInfo): void {
    if (this.stopped) return;
    const cached = this.cache.get(keyOf(window));
    if (cached !== undefined) {
      this.onResult({ ok: true, window, reading: cached, cached: true });
      return;
    }
    if (this.running !== undefined && keyOf(this.running.window) === keyOf(window)) return;
    this.pending.set(window.id, window);
    this.pump();
  }

  /** The window closed: drop its request and abort its read. */
  windowGone(windowId: string): void {
    this.pending.delete(windowId);
    if (this.running?.window.id === windowId) this.running.controller.abort();
  }

  /** The ids of windows being read or waiting. */
  activeWindowIds(): string[] {
    return [...(this.running !== undefined ? [this.running.window.id] : []), ...this.pending.keys()];
  }

  /** Aborts everything; later requests are ignored. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
    this.running?.controller.abort();
  }

  private pump(): void {
    if (this.running !== undefined || this.stopped) return;
    const next = this.pending.entries().next();
    if (next.done === true) return;
    const [id, window] = next.value;
    this.pending.delete(id);
    const controller = new AbortController();
    this.running = { window, controller };
    void this.reader
      .read(window, controller.signal)
      .then(
        (reading) => {
          if (controller.signal.aborted) return;
          const bounded: PageTextReading = reading.text.length > MAX_PAGE_TEXT_CHARS ? { ...reading, text: reading.text.slice(0, MAX_PAGE_TEXT_CHARS) } : reading;
          this.remember(keyOf(window), bounded);
          this.onResult({ ok: true, window, reading: bounded, cached: false });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) this.onResult({ ok: false, window, error });
        },
      )
      .finally(() => {
        this.running = undefined;
        this.pump();
      });
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
