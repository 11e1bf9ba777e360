/**
 * `ForegroundWatcher` for Windows by polling GetForegroundWindow + GetWindowTextW (two cheap
 * user32 calls per tick; the full description is built only on a change). Plain Node has no
 * message loop for SetWinEventHook(EVENT_SYSTEM_FOREGROUND); the Electron main thread can add
 * that hook later and keep this as the fallback.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import type { ForegroundWatcher, Unsubscribe, WindowInfo } from '../../engine/ports/windows.js';
import { callWin32, win32 } from './win32-api.js';
import { WindowDescriber } from './window-info.js';

/** Tuning; defaults suit a tray app (≈7 polls a second, a few µs each). */
export interface Win32ForegroundOptions {
  readonly pollMs?: number;
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
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(options: Win32ForegroundOptions = {}) {
    this.pollMs = options.pollMs ?? 150;
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

    const schedule = (ms: number): void => {
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
        schedule(this.pollMs);
      } catch (error) {
        if (stopped) return;
        onError(asPlatformError(error));
        last = undefined; // after recovery, report the current window again
        schedule(backoff);
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
      }
    };
    schedule(0);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }
}
