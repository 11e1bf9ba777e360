/**
 * Fakes for watcher tests: a manual clock (no real sleeps), a scripted foreground source and
 * window actions that behave like a browser (close, refuse, prompt, stay alive windowless).
 */
import type { Clock, TimerHandle } from '../../../src/engine/ports/clock.js';
import type { PlatformError } from '../../../src/engine/ports/errors.js';
import type { PageTextReader, PageTextReading } from '../../../src/engine/ports/page-text.js';
import type { ProcessIdentity } from '../../../src/engine/ports/processes.js';
import type { ActionOutcome, BrowserFamily, ForegroundWatcher, TerminateOutcome, WindowActions, WindowInfo } from '../../../src/engine/ports/windows.js';
import { sameProcess } from '../../../src/engine/watch/browser-tree.js';

/** Lets pending promise callbacks run (one macrotask turn; not a sleep). */
export const flush = async (turns = 3): Promise<void> => {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** A clock that moves only when told. */
export class FakeClock implements Clock {
  private current = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { due: number; fn: () => void }>();

  now(): number {
    return this.current;
  }
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { due: this.current + Math.max(0, ms), fn });
    return id as unknown as TimerHandle;
  }
  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as unknown as number);
  }
  pending(): number {
    return this.timers.size;
  }
  /** Moves time forward by `ms`, firing due timers in order and letting promises settle. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await flush();
    for (;;) {
      let next: [number, { due: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].due <= target && (next === undefined || entry[1].due < next[1].due)) next = entry;
      if (next === undefined) break;
      this.timers.delete(next[0]);
      this.current = Math.max(this.current, next[1].due);
      next[1].fn();
      await flush();
    }
    this.current = target;
    await flush();
  }
}

/** A browser window for tests. */
export function browserWindow(id: string, title: string, extra: Partial<WindowInfo> = {}): WindowInfo {
  return { id, title, pid: 4242, processPath: '/usr/lib/chromium/chromium', processName: 'chromium', bounds: { x: 10, y: 10, width: 800, height: 600 }, screen: { x: 0, y: 0, width: 1920, height: 1080 }, ...extra };
}

export const SCAM_TITLE = 'Windows Defender Security Warning - Your PC is infected with Trojan! Call +1-888-555-0147 - Chromium';

/** Scripted desktop: windows, foreground, and how each window reacts to being closed. */
export class FakeDesktop implements ForegroundWatcher, WindowActions {
  windows: WindowInfo[] = [];
  alivePids = new Set<number>([4242]);
  /** Executable of a live pid (default: Chromium) and its start time (default 1): change both to reuse a pid. */
  images = new Map<number, string>();
  startTimes = new Map<number, number>();
  /** Windows that do not take the keyboard focus (something else keeps it). */
  unfocusable = new Set<string>();
  /** How a window answers a polite close. */
  closeBehaviour = new Map<string, 'closes' | 'prompt' | 'refuses'>();
  /** Browser exits by itself when its last window closes. */
  exitWhenLastWindowCloses = true;
  terminateWorks = true;
  calls: string[] = [];
  watchThrows: PlatformError[] = [];
  private listeners: ((window: WindowInfo | null) => void)[] = [];
  private errorListeners: ((error: PlatformError) => void)[] = [];
  private prompting = new Set<string>();

  // ForegroundWatcher
  watch(onWindow: (window: WindowInfo | null) => void, onError: (error: PlatformError) => void): () => void {
    const failure = this.watchThrows.shift();
    if (failure !== undefined) throw failure;
    this.listeners.push(onWindow);
    this.errorListeners.push(onError);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== onWindow);
      this.errorListeners = this.errorListeners.filter((l) => l !== onError);
    };
  }
  async foreground(): Promise<WindowInfo | null> {
    return this.windows.at(-1) ?? null;
  }
  async listWindows(): Promise<WindowInfo[]> {
    const snapshot = [...this.windows];
    if (this.holdLists) await new Promise<void>((release) => this.heldLists.push(release));
    return snapshot;
  }
  /** Lists taken while `holdLists` is set answer only on `releaseList()` (a slow X server). */
  holdLists = false;
  private readonly heldLists: (() => void)[] = [];
  /** Lets the oldest held list answer (with the windows present when it was taken). */
  releaseList(): void {
    this.heldLists.shift()?.();
  }
  subscribers(): number {
    return this.listeners.length;
  }

  /** Puts a window in front (adding it if new) and tells the watcher. */
  show(window: WindowInfo): void {
    this.windows = [...this.windows.filter((w) => w.id !== window.id), window];
    for (const listener of this.listeners) listener(window);
  }
  showNothing(): void {
    for (const listener of this.listeners) listener(null);
  }
  fail(error: PlatformError): void {
    for (const listener of this.errorListeners) listener(error);
  }
  /** A new window that is not in front (yet). */
  open(window: WindowInfo): void {
    this.windows = [...this.windows, window];
  }
  remove(id: string): void {
    this.windows = this.windows.filter((w) => w.id !== id);
  }

  // WindowActions
  async exitFullScreen(windowId: string): Promise<ActionOutcome> {
    this.calls.push(`exitFullScreen ${windowId}`);
    this.windows = this.windows.map((w) => (w.id === windowId ? { ...w, fullscreen: false, bounds: { x: 10, y: 10, width: 800, height: 600 } } : w));
    return { status: 'done' };
  }
  async closeWindow(windowId: string): Promise<ActionOutcome> {
    this.calls.push(`closeWindow ${windowId}`);
    const behaviour = this.closeBehaviour.get(windowId) ?? 'closes';
    if (behaviour === 'closes') this.closeNow(windowId);
    if (behaviour === 'prompt') this.prompting.add(windowId);
    return { status: 'done' };
  }
  async confirmLeavePage(windowId: string): Promise<ActionOutcome> {
    // Like the adapters: a key only for a window that exists and has the focus.
    if (!this.windows.some((w) => w.id === windowId)) return { status: 'skipped', detail: 'window gone' };
    if (this.unfocusable.has(windowId)) return { status: 'skipped', detail: 'no focus' };
    this.calls.push(`confirmLeavePage ${windowId}`);
    if (this.prompting.has(windowId)) this.closeNow(windowId);
    return { status: 'done' };
  }
  async isWindowOpen(windowId: string): Promise<boolean> {
    return this.windows.some((w) => w.id === windowId);
  }
  async identifyProcess(pid: number): Promise<ProcessIdentity | undefined> {
    if (!this.alivePids.has(pid)) return undefined;
    return { pid, startTime: this.startTimes.get(pid) ?? 1, image: this.images.get(pid) ?? '/usr/lib/chromium/chromium' };
  }
  async terminateProcessTree(root: ProcessIdentity, family: BrowserFamily): Promise<TerminateOutcome> {
    this.calls.push(`terminateProcessTree ${root.pid} ${family}`);
    if (!this.terminateWorks) return { status: 'failed', detail: 'no permission' };
    const now = await this.identifyProcess(root.pid);
    if (now === undefined) return { status: 'not-needed' };
    if (!sameProcess(root, now)) return { status: 'failed', detail: 'refused: pid changed owner', spared: [{ pid: root.pid, image: now.image, reason: 'identity-changed' }] };
    this.alivePids.delete(root.pid);
    this.windows = this.windows.filter((w) => w.pid !== root.pid);
    return { status: 'done' };
  }
  async isProcessAlive(pid: number): Promise<boolean> {
    return this.alivePids.has(pid);
  }
  async preventSessionRestore(browser: { readonly family: BrowserFamily; readonly pid?: number }): Promise<ActionOutcome> {
    this.calls.push(`preventSessionRestore ${browser.family} ${browser.pid ?? ''}`);
    return { status: 'done', detail: 'marked clean' };
  }

  private closeNow(windowId: string): void {
    const window = this.windows.find((w) => w.id === windowId);
    this.windows = this.windows.filter((w) => w.id !== windowId);
    this.prompting.delete(windowId);
    const pid = window?.pid;
    if (pid !== undefined && this.exitWhenLastWindowCloses && !this.windows.some((w) => w.pid === pid)) this.alivePids.delete(pid);
  }
}

/** A page reader whose reads the test resolves by hand. */
export class FakeReader implements PageTextReader {
  readonly reads: { window: WindowInfo; signal: AbortSignal | undefined; resolve: (r: PageTextReading) => void; reject: (e: unknown) => void }[] = [];
  read(window: WindowInfo, signal?: AbortSignal): Promise<PageTextReading> {
    return new Promise((resolve, reject) => this.reads.push({ window, signal, resolve, reject }));
  }
}
