/**
 * A scripted window source and a recording WindowActions for the renderer tests. Everything
 * between them — detector, watcher, alert desk, escalation — is the real engine; only the OS
 * is replaced (the real X11/Win32 closers are tested in tests/e2e and tests/wine).
 */
import type { ActionOutcome, ForegroundWatcher, PlatformError, ProcessIdentity, WindowActions, WindowInfo } from '../../../src/engine/ports.js';

/** Puts windows in front on command. */
export class ScriptedForeground implements ForegroundWatcher {
  private listener: ((window: WindowInfo | null) => void) | undefined;
  private current: WindowInfo | null = null;
  readonly open = new Map<string, WindowInfo>();

  watch(onWindow: (window: WindowInfo | null) => void, _onError: (error: PlatformError) => void): () => void {
    this.listener = onWindow;
    return () => {
      this.listener = undefined;
    };
  }

  foreground(): Promise<WindowInfo | null> {
    return Promise.resolve(this.current);
  }

  listWindows(): Promise<WindowInfo[]> {
    return Promise.resolve([...this.open.values()]);
  }

  /** A browser window comes to the front (what a foreground event would report). */
  show(window: WindowInfo): void {
    this.open.set(window.id, window);
    this.current = window;
    this.listener?.(window);
  }

  /** The window is gone (closed). */
  remove(id: string): void {
    this.open.delete(id);
    if (this.current?.id === id) {
      this.current = null;
      this.listener?.(null);
    }
  }
}

/** One recorded call. */
export interface ActionCall {
  readonly action: keyof WindowActions;
  readonly target: string;
}

/** Records every call; a polite close closes the window (a page without a beforeunload trap). */
export class RecordingWindowActions implements WindowActions {
  readonly calls: ActionCall[] = [];

  constructor(private readonly windows: ScriptedForeground) {}

  private note(action: keyof WindowActions, target: string | number): void {
    this.calls.push({ action, target: String(target) });
  }

  exitFullScreen(windowId: string): Promise<ActionOutcome> {
    this.note('exitFullScreen', windowId);
    const window = this.windows.open.get(windowId);
    if (window !== undefined) this.windows.open.set(windowId, { ...window, fullscreen: false, ...(window.bounds !== undefined ? { bounds: { ...window.bounds, width: window.bounds.width - 200 } } : {}) });
    return Promise.resolve({ status: 'done' });
  }

  closeWindow(windowId: string): Promise<ActionOutcome> {
    this.note('closeWindow', windowId);
    this.windows.remove(windowId);
    return Promise.resolve({ status: 'done' });
  }

  confirmLeavePage(windowId: string): Promise<ActionOutcome> {
    this.note('confirmLeavePage', windowId);
    return Promise.resolve({ status: 'not-needed' });
  }

  isWindowOpen(windowId: string): Promise<boolean> {
    return Promise.resolve(this.windows.open.has(windowId));
  }

  identifyProcess(_pid: number): Promise<ProcessIdentity | undefined> {
    return Promise.resolve(undefined); // the fake browser exits with its last window
  }

  terminateProcessTree(root: ProcessIdentity): Promise<ActionOutcome> {
    this.note('terminateProcessTree', root.pid);
    return Promise.resolve({ status: 'done' });
  }

  isProcessAlive(_pid: number): Promise<boolean> {
    return Promise.resolve(false);
  }

  preventSessionRestore(browser: { readonly family: string }): Promise<ActionOutcome> {
    this.note('preventSessionRestore', browser.family);
    return Promise.resolve({ status: 'done' });
  }
}
