/**
 * `ForegroundWatcher` for Windows: GetForegroundWindow + GetWindowTextW (two cheap user32 calls
 * per check; the full description is built only on a change), checked when a WinEvent hook
 * (foreground or title change, see win-event-hook.ts) says something changed, plus a slow
 * safety poll. When the hook cannot start (or its thread ends) it polls every 150 ms instead.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import type { ForegroundWatcher, Unsubscribe, WindowInfo } from '../../engine/ports/windows.js';
import { startWinEventHook, type WinEventHook } from './win-event-hook.js';
import { callWin32, win32 } from './win32-api.js';
import { WindowDescriber } from './window-info.js';

/** Tuning; defaults suit a tray app (≈7 polls a second, a few µs each). */
export interface Win32ForegroundOptions {
  /** Poll interval without the WinEvent hook. */
  readonly pollMs?: number;
  /**
   * Use the WinEvent hook (default false: poll only). The app and the CLI turn it on
   * (platform/index.ts); Wine 8 does not raise the foreground and title events, so the
   * adapter's own Wine tests keep the poll unless they test the hook.
   */
  readonly events?: boolean;
  /** Safety poll while the hook runs (a missed event is caught this late at worst). */
  readonly hookedPollMs?: number;
  /** Told which way changes are being noticed (tests and the benchmark). */
  readonly onMode?: (mode: 'events' | 'poll') => void;
  /** First retry delay after an error; doubles up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
}

function asPlatformError(error: unknown): PlatformError {
  return error instanceof PlatformError ? error : new PlatformError('api-failed', error instanceof Error ? error.message : String(error), { cause: error });
}

interface WindowApi {
  readonly describer: WindowDescriber;
  foreground(): bigint;
  title(hwnd: bigint): string;
  all(): bigint[];
  visible(hwnd: bigint): boolean;
}

let api: Promise<WindowApi> | undefined;

/** The user32/kernel32 calls the watcher uses, bound once (a failed bind is retried next time). */
function describer(): Promise<WindowApi> {
  api ??= bindWindowApi();
  api.catch(() => {
    api = undefined;
  });
  return api;
}

async function bindWindowApi(): Promise<WindowApi> {
  const [user32, kernel32] = await Promise.all([win32('user32'), win32('kernel32')]);
  return {
    describer: new WindowDescriber(user32, kernel32),
    foreground: () => user32.foreground(),
    title: (hwnd) => user32.windowText(hwnd),
    all: () => user32.enumWindows(),
    visible: (hwnd) => user32.isVisible(hwnd),
  };
}

/** Polling foreground watcher over user32 (see file comment). */
export class Win32Foreground implements ForegroundWatcher {
  private readonly pollMs: number;
  private readonly events: boolean;
  private readonly hookedPollMs: number;
  private readonly onMode: ((mode: 'events' | 'poll') => void) | undefined;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(options: Win32ForegroundOptions = {}) {
    this.pollMs = options.pollMs ?? 150;
    this.events = options.events ?? false;
    this.hookedPollMs = options.hookedPollMs ?? 1000;
    this.onMode = options.onMode;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  async foreground(): Promise<WindowInfo | null> {
    const api = await describer();
    return callWin32('GetForegroundWindow', () => api.describer.describe(api.foreground()));
  }

  /** Visible top-level windows that have a title (untitled ones are tool and helper windows). */
  async listWindows(): Promise<WindowInfo[]> {
    const api = await describer();
    return callWin32('EnumWindows', () => {
      const windows: WindowInfo[] = [];
      // EnumWindows lists top first; the port wants bottom to top.
      for (const hwnd of api.all().reverse()) {
        if (!api.visible(hwnd)) continue;
        const info = api.describer.describe(hwnd);
        if (info !== null && info.title !== '') windows.push(info);
      }
      return windows;
    });
  }

  watch(onWindow: (window: WindowInfo | null) => void, onError: (error: PlatformError) => void): Unsubscribe {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let last: { hwnd: bigint; title: string } | undefined;
    let backoff = this.backoffMs;
    let hook: WinEventHook | undefined;

    const schedule = (ms: number): void => {
      if (timer !== undefined) clearTimeout(timer);
      if (!stopped) timer = setTimeout(() => void tick(), ms);
    };
    const tick = async (): Promise<void> => {
      try {
        const api = await describer();
        if (stopped) return;
        const hwnd = api.foreground();
        const title = hwnd === 0n ? '' : api.title(hwnd);
        if (last === undefined || last.hwnd !== hwnd || last.title !== title) {
          last = { hwnd, title };
          onWindow(hwnd === 0n ? null : api.describer.describe(hwnd));
        }
        backoff = this.backoffMs;
        schedule(hook !== undefined ? this.hookedPollMs : this.pollMs);
      } catch (error) {
        if (stopped) return;
        onError(asPlatformError(error));
        last = undefined; // after recovery, report the current window again
        schedule(backoff);
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
      }
    };
    schedule(0);
    if (this.events) {
      const lost = (): void => {
        hook = undefined;
        this.onMode?.('poll');
        schedule(0);
      };
      startWinEventHook(() => schedule(0), lost).then(
        (started) => {
          if (stopped) return started.stop();
          hook = started;
          this.onMode?.('events');
        },
        // No hook (koffi missing, refused, no worker threads): the poll goes on as it is.
        () => this.onMode?.('poll'),
      );
    } else {
      this.onMode?.('poll');
    }
    return () => {
      stopped = true;
      hook?.stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  }
}
