/**
 * `X11WindowCapture`: a window's pixels by X11 id, through `xwd -silent -id WIN` (x11-apps), decoded
 * in TypeScript (xwd-image.ts). Only the window's own area is read (no other window's pixels),
 * then cheaply prepared for OCR: the browser's toolbar strip is skipped when the window is not
 * full screen, and the image is shrunk by a measured factor that keeps 16 px text legible.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import { assertNever } from '../../shared/result.js';
import type { WindowInfo } from '../../engine/ports/windows.js';
import type { GrayImage } from '../page-text/gray-image.js';
import { prepareForOcr } from '../page-text/prepare.js';
import type { WindowImageSource } from '../page-text/serial-reader.js';
import { boundedSpawn, type SpawnOutcome } from './bounded-spawn.js';
import { decodeXwd, XwdFormatError } from './xwd-image.js';

/** Tuning; defaults measured on 1920x1080 pages (see scripts/bench/content.bench.ts). */
export interface X11CaptureOptions {
  /** Environment with DISPLAY (tests pass their Xvfb's). */
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** Shrink factor before OCR (1 = none). 1.5 keeps Japanese 22 px text readable; 2 loses kana. */
  readonly scale?: number;
  /** Height of the browser's tab strip + toolbar skipped on windows that are not full screen. */
  readonly toolbarPx?: number;
  /** Captures tried while the window is being re-framed (see `captureSettled`). */
  readonly attempts?: number;
  readonly retryDelayMs?: number;
}

/** Largest dump accepted: 8K x 8K at 32 bits plus header. */
const MAX_DUMP_BYTES = 8192 * 8192 * 4 + 65_536;

/** X11 window ids as the adapters write them: `0x3a00004` or decimal. Anything else is refused. */
export function isX11WindowId(id: string): boolean {
  return /^(0x[0-9a-f]{1,8}|[0-9]{1,10})$/i.test(id);
}

/** Window capture over X11 with `xwd`. */
export class X11WindowCapture implements WindowImageSource {
  private readonly timeoutMs: number;
  private readonly scale: number;
  private readonly toolbarPx: number;

  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: X11CaptureOptions = {}) {
    this.attempts = options.attempts ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 150;
    this.timeoutMs = options.timeoutMs ?? 3_000;
    this.scale = options.scale ?? 1.5;
    this.toolbarPx = options.toolbarPx ?? 85;
  }

  /** The window's pixels, prepared for OCR. */
  async capture(window: WindowInfo, signal: AbortSignal): Promise<GrayImage> {
    return prepareForOcr(await this.captureSettled(window.id, signal), window, { scale: this.scale, toolbarPx: this.toolbarPx });
  }

  /**
   * Going full screen, the window manager re-frames the window and resizes it; an `xwd` in that
   * moment fails with BadWindow or BadMatch although the window is there. Measured: 3 of 20
   * full-screen transitions. So a failed capture of a window that still exists is tried again.
   */
  private async captureSettled(windowId: string, signal: AbortSignal): Promise<GrayImage> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.captureRaw(windowId, signal);
      } catch (error) {
        const transient = error instanceof PlatformError && (error.code === 'window-gone' || error.code === 'capture-failed');
        if (!transient || attempt >= this.attempts) throw error;
        const open = await this.isWindowOpen(windowId).catch(() => true);
        if (!open) throw error;
        await abortableDelay(this.retryDelayMs, signal);
      }
    }
  }

  /** The window's pixels at full size, in gray. */
  async captureRaw(windowId: string, signal: AbortSignal): Promise<GrayImage> {
    if (!isX11WindowId(windowId)) throw new PlatformError('capture-failed', `not an X11 window id: ${JSON.stringify(windowId.slice(0, 40))}`);
    const outcome = await boundedSpawn('xwd', ['-silent', '-id', windowId], {
      env: this.options.env,
      timeoutMs: this.timeoutMs,
      maxStdoutBytes: MAX_DUMP_BYTES,
      signal,
    });
    const dump = xwdResult(windowId, outcome);
    try {
      return decodeXwd(dump);
    } catch (error) {
      if (error instanceof XwdFormatError) throw new PlatformError('capture-failed', `could not decode the window image: ${error.message}`, { cause: error });
      throw error;
    }
  }

  /** `xwininfo -id` answers "BadWindow" for a window that is gone (~5 ms). */
  async isWindowOpen(windowId: string): Promise<boolean> {
    if (!isX11WindowId(windowId)) return false;
    const outcome = await boundedSpawn('xwininfo', ['-id', windowId], { env: this.options.env, timeoutMs: 2_000, maxStdoutBytes: 64_000 });
    if (outcome.kind === 'exited') return outcome.code === 0;
    throw new PlatformError('command-failed', `xwininfo could not check window ${windowId}: ${outcome.kind}`);
  }
}

/** Maps the tool's outcome to the dump or a typed error. */
export function xwdResult(windowId: string, outcome: SpawnOutcome): Buffer {
  switch (outcome.kind) {
    case 'exited': {
      if (outcome.code === 0 && outcome.stdout.length > 0) return outcome.stdout;
      const stderr = outcome.stderr.trim().slice(-300);
      if (/BadWindow|No such window/i.test(stderr)) throw new PlatformError('window-gone', `window ${windowId} is gone`);
      if (/BadMatch/i.test(stderr)) throw new PlatformError('capture-failed', `window ${windowId} is not viewable (minimised or hidden)`);
      if (/unable to open display|Can't open display/i.test(stderr)) throw new PlatformError('display-unavailable', `xwd could not open the display: ${stderr}`);
      throw new PlatformError('capture-failed', `xwd exited with ${outcome.code}: ${stderr}`);
    }
    case 'not-found':
      throw new PlatformError('tool-missing', 'xwd is not installed (Debian package x11-apps)', { cause: outcome.error });
    case 'failed-to-start':
      throw new PlatformError('capture-failed', `xwd could not start: ${outcome.error.message}`, { cause: outcome.error });
    case 'timed-out':
      throw new PlatformError('capture-failed', `xwd took longer than its time limit for window ${windowId}`);
    case 'aborted':
      throw new PlatformError('aborted', 'window capture was aborted', { cause: outcome.reason });
    case 'killed':
      throw new PlatformError('capture-failed', `xwd was killed by ${outcome.signal}`);
    case 'too-much-output':
      throw new PlatformError('capture-failed', `window image larger than ${outcome.limit} bytes`);
    default:
      return assertNever(outcome, 'spawn outcome');
  }
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new PlatformError('aborted', 'window capture was aborted', { cause: signal.reason }));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
