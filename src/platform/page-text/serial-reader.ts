/**
 * The OS-neutral half of every PageTextReader: one capture+OCR at a time (OCR takes a core for
 * about a second), a small cache per window id + title (the watcher may ask again for the same
 * page), callers that ask for the same window while it is being read share that read, and a
 * read stops as soon as its window goes away or its caller aborts.
 *
 * The OS half is two small pieces: a `WindowImageSource` (X11 `xwd`, Windows `node-screenshots`)
 * and a `TextRecognizer` (Tesseract, Windows.Media.Ocr).
 */
import { PlatformError } from '../../engine/ports/errors.js';
import type { PageTextReader, PageTextReading, PageTextReadOptions, PageThumbnail } from '../../engine/ports/page-text.js';
import type { WindowInfo } from '../../engine/ports/windows.js';
import { boundPageText, MAX_PAGE_TEXT_CHARS } from './bound-text.js';
import { isUniform, thumbnail, type GrayImage } from './gray-image.js';

/** Captures one window's pixels (already cropped/scaled as the source sees fit). */
export interface WindowImageSource {
  capture(window: WindowInfo, signal: AbortSignal): Promise<GrayImage>;
  /** Cheap liveness probe, polled while OCR runs so a closed window stops the read. */
  isWindowOpen?(windowId: string): Promise<boolean>;
}

/** Reads text from an image. Rejects with PlatformError. */
export interface TextRecognizer {
  /** e.g. `jpn+eng`. */
  readonly languages: string;
  recognize(image: GrayImage, signal: AbortSignal): Promise<string>;
}

/** Tuning of the core; every field has a measured default. */
export interface SerialReaderOptions {
  readonly maxTextChars?: number;
  /** How long a cached reading stays valid (a kit may swap its content without a new title). */
  readonly cacheTtlMs?: number;
  readonly cacheEntries?: number;
  /** A blank frame (window just mapped or resized) is captured again this many times. */
  readonly blankRetries?: number;
  readonly blankRetryDelayMs?: number;
  /** Liveness poll interval while OCR runs. */
  readonly livenessPollMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface CacheEntry {
  readonly at: number;
  readonly reading: PageTextReading;
}

/** Builds a PageTextReader from an image source and a recognizer. */
export function createSerialPageTextReader(source: WindowImageSource, recognizer: TextRecognizer, options: SerialReaderOptions = {}): PageTextReader {
  const maxChars = options.maxTextChars ?? MAX_PAGE_TEXT_CHARS;
  const ttl = options.cacheTtlMs ?? 30_000;
  const entries = options.cacheEntries ?? 16;
  const blankRetries = options.blankRetries ?? 2;
  const blankDelay = options.blankRetryDelayMs ?? 150;
  const livenessPollMs = options.livenessPollMs ?? 400;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  const cache = new Map<string, CacheEntry>();
  const inFlight = new Map<string, Promise<PageTextReading>>();
  // The tail of the queue: each read starts after the previous one settled.
  let tail: Promise<unknown> = Promise.resolve();

  async function readNow(window: WindowInfo, signal: AbortSignal): Promise<PageTextReading> {
    throwIfAborted(signal);
    const started = now();
    let image = await source.capture(window, signal);
    for (let retry = 0; retry < blankRetries && isUniform(image); retry += 1) {
      await sleep(blankDelay, signal);
      image = await source.capture(window, signal);
    }
    const captureMs = now() - started;
    const picture: PageThumbnail = thumbnail(image);
    if (isUniform(image)) return { text: '', captureMs, ocrMs: 0, languages: recognizer.languages, imageSize: sizeOf(image), thumbnail: picture };
    const ocrStarted = now();
    const raw = await recognizeWhileOpen(window.id, image, signal);
    return { text: boundPageText(raw, maxChars), captureMs, ocrMs: now() - ocrStarted, languages: recognizer.languages, imageSize: sizeOf(image), thumbnail: picture };
  }

  /** Runs OCR, aborting it when the caller aborts or the window disappears. */
  async function recognizeWhileOpen(windowId: string, image: GrayImage, signal: AbortSignal): Promise<string> {
    const probe = source.isWindowOpen?.bind(source);
    if (probe === undefined) return recognizer.recognize(image, signal);
    const local = new AbortController();
    const forward = (): void => local.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    let gone = false;
    const timer = setInterval(() => {
      probe(windowId).then(
        (open) => {
          if (!open && !local.signal.aborted) {
            gone = true;
            local.abort(new PlatformError('window-gone', `window ${windowId} went away during OCR`));
          }
        },
        // A failing probe says nothing about the window: OCR goes on and its own timeout bounds it.
        () => undefined,
      );
    }, livenessPollMs);
    try {
      return await recognizer.recognize(image, local.signal);
    } catch (error) {
      if (gone) throw new PlatformError('window-gone', `window ${windowId} went away during OCR`, { cause: error });
      throw error;
    } finally {
      clearInterval(timer);
      signal.removeEventListener('abort', forward);
    }
  }

  return {
    read(window: WindowInfo, signal: AbortSignal = new AbortController().signal, options: PageTextReadOptions = {}): Promise<PageTextReading> {
      const key = `${window.id}\u0000${window.title}`;
      const hit = cache.get(key);
      if (options.fresh !== true && hit !== undefined && now() - hit.at <= ttl) return Promise.resolve({ ...hit.reading, cached: true });
      const pending = inFlight.get(key);
      if (pending !== undefined) return pending;
      const run = tail.then(() => readNow(window, signal));
      tail = run.catch(() => undefined);
      const shared = run.then(
        (reading) => {
          cache.delete(key);
          cache.set(key, { at: now(), reading });
          while (cache.size > entries) {
            const oldest = cache.keys().next();
            if (oldest.done === true) break;
            cache.delete(oldest.value);
          }
          return reading;
        },
        (error: unknown) => {
          throw asPlatformError(error);
        },
      );
      inFlight.set(key, shared);
      const clear = (): void => {
        inFlight.delete(key);
      };
      shared.then(clear, clear);
      return shared;
    },

    /** A capture shrunk to a thumbnail, no OCR: outside the OCR queue (it takes no core for long). */
    async glance(window: WindowInfo, signal: AbortSignal = new AbortController().signal): Promise<PageThumbnail> {
      try {
        throwIfAborted(signal);
        return thumbnail(await source.capture(window, signal));
      } catch (error) {
        throw asPlatformError(error);
      }
    },
  };
}

function sizeOf(image: GrayImage): { width: number; height: number } {
  return { width: image.width, height: image.height };
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new PlatformError('aborted', 'page text read was aborted', { cause: signal.reason });
}

/** Everything that leaves the reader is a PlatformError (the port's contract). */
export function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new PlatformError('aborted', 'page text read was aborted', { cause: error });
  return new PlatformError('ocr-failed', `page text read failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new PlatformError('aborted', 'page text read was aborted', { cause: signal.reason }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new PlatformError('aborted', 'page text read was aborted', { cause: signal.reason }));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
