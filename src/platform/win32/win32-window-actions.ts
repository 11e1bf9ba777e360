/**
 * `WindowActions` for Windows over user32/kernel32: Esc held (then F11) to leave full screen, WM_CLOSE,
 * Enter on a "Leave site?" prompt, and ending a browser's process tree (polite WM_CLOSE to its
 * windows first, then TerminateProcess children first). It only ever ends a tree whose root is
 * a known browser executable: ScareStop never kills a non-browser process.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { browserFamilyOf } from '../../engine/browsers.js';
import { PlatformError } from '../../engine/ports/errors.js';
import type { ActionOutcome, BrowserFamily, WindowActions } from '../../engine/ports/windows.js';
import { userDataDirFromCommandLine } from './browser-profiles.js';
import { processTreeOrder, type TreeProcess } from './process-tree.js';
import { preventWin32SessionRestore } from './session-restore.js';
import { VK } from './user32.js';
import { callWin32, win32 } from './win32-api.js';
import { baseNameOf, coversScreen, hwndOf } from './window-info.js';

/** Timings; defaults follow Chromium (keyboard lock needs Esc held ~1.5 s). */
export interface Win32WindowActionsOptions {
  readonly escHoldMs?: number;
  /** How long a polite close may take before it counts as refused. */
  readonly closeWaitMs?: number;
  /** How long the browser gets to exit after WM_CLOSE to all its windows, before termination. */
  readonly politeExitMs?: number;
  /** How long to wait for terminated processes to disappear. */
  readonly terminateWaitMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

const KEY_REPEAT_MS = 50;

function failed(detail: string, cause?: unknown): ActionOutcome {
  const error = cause instanceof PlatformError ? cause : cause === undefined ? undefined : new PlatformError('api-failed', detail, { cause });
  return error === undefined ? { status: 'failed', detail } : { status: 'failed', detail, error };
}

async function until(check: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await delay(everyMs);
  }
}

/** Window and process actions through the Win32 API (see file comment). */
export class Win32WindowActions implements WindowActions {
  private readonly escHoldMs: number;
  private readonly closeWaitMs: number;
  private readonly politeExitMs: number;
  private readonly terminateWaitMs: number;
  private readonly env: NodeJS.ProcessEnv;
  /** `--user-data-dir` of browsers we ended, by pid: read before the process is gone. */
  private readonly userDataDirs = new Map<number, string>();

  constructor(options: Win32WindowActionsOptions = {}) {
    this.escHoldMs = options.escHoldMs ?? 2000;
    this.closeWaitMs = options.closeWaitMs ?? 1000;
    this.politeExitMs = options.politeExitMs ?? 1000;
    this.terminateWaitMs = options.terminateWaitMs ?? 3000;
    this.env = options.env ?? process.env;
  }

  async exitFullScreen(windowId: string): Promise<ActionOutcome> {
    return this.guard('exit full screen', async () => {
      const user32 = await win32('user32');
      const hwnd = hwndOf(windowId);
      if (hwnd === undefined || !user32.isWindow(hwnd)) return { status: 'not-needed', detail: 'window is already gone' };
      const isFull = (): boolean => coversScreen(user32.windowRect(hwnd), user32.monitorRect(hwnd));
      if (!isFull()) return { status: 'not-needed', detail: 'window is not full screen' };
      if (!(await this.bringToFront(hwnd))) return failed('could not bring the window to the front to send Esc');
      // Held Esc (repeated key-downs, like a keyboard's auto-repeat) also ends keyboard.lock().
      const holdUntil = Date.now() + this.escHoldMs;
      do {
        user32.sendKey(VK.escape, false);
        await delay(KEY_REPEAT_MS);
      } while (Date.now() < holdUntil && isFull());
      user32.sendKey(VK.escape, true);
      if (await until(() => !user32.isWindow(hwnd) || !isFull(), 1000)) return { status: 'done', detail: 'left full screen after Esc' };
      // Browser full screen entered with F11 ignores Esc; F11 toggles it off. Sent only when the
      // window is still full screen a second after Esc, so it does not switch full screen back on.
      if (user32.foreground() === hwnd && isFull()) {
        user32.sendKey(VK.f11, false);
        user32.sendKey(VK.f11, true);
        if (await until(() => !user32.isWindow(hwnd) || !isFull(), 500)) return { status: 'done', detail: 'left full screen after F11' };
      }
      return failed(`still full screen after holding Esc for ${this.escHoldMs} ms and pressing F11`);
    });
  }

  async closeWindow(windowId: string): Promise<ActionOutcome> {
    return this.guard('close window', async () => {
      const user32 = await win32('user32');
      const hwnd = hwndOf(windowId);
      if (hwnd === undefined || !user32.isWindow(hwnd)) return { status: 'not-needed', detail: 'window is already gone' };
      if (!user32.postClose(hwnd)) return failed('PostMessageW(WM_CLOSE) was refused');
      if (await until(() => !user32.isWindow(hwnd), this.closeWaitMs)) return { status: 'done', detail: 'closed by WM_CLOSE' };
      return failed(`window still open ${this.closeWaitMs} ms after WM_CLOSE (the page may be asking "Leave site?")`);
    });
  }

  async confirmLeavePage(windowId: string): Promise<ActionOutcome> {
    return this.guard('confirm leave page', async () => {
      const user32 = await win32('user32');
      const hwnd = hwndOf(windowId);
      if (hwnd === undefined || !user32.isWindow(hwnd)) return { status: 'not-needed', detail: 'window is already gone' };
      if (!(await this.bringToFront(hwnd))) return failed('could not bring the window to the front to press Enter');
      // Chromium's "Leave site?" dialog has "Leave" as its default button.
      user32.sendKey(VK.enter, false);
      user32.sendKey(VK.enter, true);
      if (await until(() => !user32.isWindow(hwnd), this.closeWaitMs)) return { status: 'done', detail: 'window closed after Enter' };
      return failed(`window still open ${this.closeWaitMs} ms after pressing Enter`);
    });
  }

  async isWindowOpen(windowId: string): Promise<boolean> {
    const user32 = await win32('user32');
    const hwnd = hwndOf(windowId);
    return hwnd !== undefined && callWin32('IsWindow', () => user32.isWindow(hwnd));
  }

  async isProcessAlive(pid: number): Promise<boolean> {
    const kernel32 = await win32('kernel32');
    return callWin32('process liveness', () => kernel32.isAlive(pid) ?? kernel32.processSnapshot().some((p) => p.pid === pid));
  }

  async terminateProcessTree(pid: number): Promise<ActionOutcome> {
    return this.guard('terminate process tree', async () => {
      const [user32, kernel32] = await Promise.all([win32('user32'), win32('kernel32')]);
      const snapshot = kernel32.processSnapshot();
      const root = snapshot.find((p) => p.pid === pid);
      if (root === undefined) return { status: 'not-needed', detail: `process ${pid} is not running` };
      if (browserFamilyOf(root.exeFile) === undefined) return failed(`refusing to end ${baseNameOf(root.exeFile)} (pid ${pid}): not a known browser`);

      // Remember a custom profile folder now: after the end, the command line is gone.
      const userDataDir = userDataDirFromCommandLine(kernel32.commandLine(pid) ?? '');
      if (userDataDir !== undefined) {
        if (this.userDataDirs.size >= 32) this.userDataDirs.clear();
        this.userDataDirs.set(pid, userDataDir);
      }

      // Polite: WM_CLOSE to every window of the browser, so it can exit normally.
      // (Visible windows only: hidden message windows are the browser's plumbing.)
      for (const hwnd of user32.enumWindows()) if (user32.isVisible(hwnd) && user32.windowPid(hwnd) === pid) user32.postClose(hwnd);
      if (await until(() => kernel32.isAlive(pid) !== true, this.politeExitMs, 25)) {
        if (!snapshotHas(kernel32.processSnapshot(), pid)) return { status: 'done', detail: 'browser exited after WM_CLOSE to its windows' };
      }

      const tree: TreeProcess[] = snapshot.map((p) => ({ pid: p.pid, ppid: p.ppid, name: p.exeFile, startedAt: kernel32.startTime(p.pid) }));
      const { order, spared } = processTreeOrder(tree, pid, (p) => belongsToBrowser(p.name));
      const refused = order.filter((member) => !kernel32.terminate(member, 1) && kernel32.isAlive(member) === true);
      const gone = await until(() => order.every((member) => kernel32.isAlive(member) !== true), this.terminateWaitMs, 25);
      if (!gone) return failed(`process tree of ${pid} still running after TerminateProcess${refused.length > 0 ? ` (refused: ${refused.join(', ')})` : ''}`);
      const kept = spared.length > 0 ? `; left running (not part of the browser): ${spared.map((p) => p.name ?? p.pid).join(', ')}` : '';
      return { status: 'done', detail: `ended ${order.length} process(es) of ${baseNameOf(root.exeFile)}, children first; every tab of this browser is closed${kept}` };
    });
  }

  async preventSessionRestore(browser: { readonly family: BrowserFamily; readonly pid?: number; readonly processPath?: string }): Promise<ActionOutcome> {
    const custom = browser.pid === undefined ? undefined : this.userDataDirs.get(browser.pid);
    return preventWin32SessionRestore(browser.family, this.env, custom === undefined ? [] : [custom]);
  }

  private async bringToFront(hwnd: bigint): Promise<boolean> {
    const user32 = await win32('user32');
    if (user32.foreground() === hwnd) return true;
    user32.setForeground(hwnd);
    return until(() => user32.foreground() === hwnd, 300);
  }

  /** Every action returns an outcome; a native failure becomes `failed` with the PlatformError. */
  private async guard(what: string, run: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
    try {
      return await run();
    } catch (cause) {
      return failed(`${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
    }
  }
}

/**
 * Browser helper executables that run as children of a browser (besides the browser's own
 * executable, e.g. chrome.exe renderers): crash reporters, updaters' helpers, PWA launchers.
 */
const BROWSER_HELPERS = new Set(['crashpad_handler.exe', 'crashreporter.exe', 'identity_helper.exe', 'msedgewebview2.exe', 'msedge_pwa_launcher.exe', 'plugin-container.exe', 'pingsender.exe', 'notification_helper.exe', 'elevation_service.exe']);

/** A descendant of a browser is ended with it only when it is a browser or browser helper process. */
function belongsToBrowser(name: string | undefined): boolean {
  if (name === undefined) return false;
  return browserFamilyOf(name) !== undefined || BROWSER_HELPERS.has(name.toLowerCase());
}

function snapshotHas(snapshot: ReadonlyArray<{ readonly pid: number }>, pid: number): boolean {
  return snapshot.some((p) => p.pid === pid);
}
