/**
 * `WindowActions` for Windows over user32/kernel32: Esc held (then F11) to leave full screen, WM_CLOSE,
 * Enter on a "Leave site?" prompt, and ending a browser's process tree (polite WM_CLOSE to its
 * windows first, then TerminateProcess children first). Only the judged browser and processes
 * of the same browser family in its tree are ended, each re-identified (image + creation time,
 * through the handle that terminates it) right before; a key goes only to a window that still
 * exists and is in front.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { describeSpared, planBrowserTreeEnd, sameProcess } from '../../engine/watch/browser-tree.js';
import { PlatformError } from '../../engine/ports/errors.js';
import type { ProcessIdentity, ProcessRow, SparedProcess } from '../../engine/ports/processes.js';
import type { ActionOutcome, BrowserFamily, TerminateOutcome, WindowActions } from '../../engine/ports/windows.js';
import { userDataDirFromCommandLine } from './browser-profiles.js';
import type { Kernel32 } from './kernel32.js';
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

const WINDOW_GONE: ActionOutcome = { status: 'skipped', detail: 'window gone' };
const NOT_IN_FRONT: ActionOutcome = { status: 'skipped', detail: 'the window did not come to the front; no key was pressed' };

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
      if (hwnd === undefined || !user32.isWindow(hwnd)) return WINDOW_GONE;
      const isFull = (): boolean => coversScreen(user32.windowRect(hwnd), user32.monitorRect(hwnd));
      if (!isFull()) return { status: 'not-needed', detail: 'window is not full screen' };
      if (!(await this.bringToFront(hwnd))) return user32.isWindow(hwnd) ? NOT_IN_FRONT : WINDOW_GONE;
      // Held Esc (repeated key-downs, like a keyboard's auto-repeat) also ends keyboard.lock().
      // Every repeat checks first that the window is still there and in front.
      const holdUntil = Date.now() + this.escHoldMs;
      let lost = false;
      do {
        lost = !user32.isWindow(hwnd) || user32.foreground() !== hwnd;
        if (lost) break;
        user32.sendKey(VK.escape, false);
        await delay(KEY_REPEAT_MS);
      } while (Date.now() < holdUntil && isFull());
      user32.sendKey(VK.escape, true); // a key-up is always sent so no Esc stays held down
      if (lost && !user32.isWindow(hwnd)) return WINDOW_GONE;
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
      if (hwnd === undefined || !user32.isWindow(hwnd)) return WINDOW_GONE;
      if (!(await this.bringToFront(hwnd))) return user32.isWindow(hwnd) ? NOT_IN_FRONT : WINDOW_GONE;
      // Checked again right before the key: the window may have closed while coming to the front.
      if (!user32.isWindow(hwnd)) return WINDOW_GONE;
      if (user32.foreground() !== hwnd) return NOT_IN_FRONT;
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

  async identifyProcess(pid: number): Promise<ProcessIdentity | undefined> {
    const kernel32 = await win32('kernel32');
    const now = callWin32('process identity', () => kernel32.identity(pid));
    return now === undefined ? undefined : { pid, ...now };
  }

  async terminateProcessTree(root: ProcessIdentity, family: BrowserFamily): Promise<TerminateOutcome> {
    return this.guard('terminate process tree', async () => {
      const [user32, kernel32] = await Promise.all([win32('user32'), win32('kernel32')]);
      const current = (member: ProcessIdentity): boolean => sameProcess(member, identityOf(kernel32, member.pid));
      const now = identityOf(kernel32, root.pid);
      if (now === undefined) return { status: 'not-needed', detail: `process ${root.pid} is not running` };
      if (!sameProcess(root, now)) return { status: 'failed', detail: `refused: process ${root.pid} is now ${baseNameOf(now.image)}, not the browser`, spared: [{ pid: root.pid, image: now.image, reason: 'identity-changed' }] };

      // Remember a custom profile folder now: after the end, the command line is gone.
      const userDataDir = userDataDirFromCommandLine(kernel32.commandLine(root.pid) ?? '');
      if (userDataDir !== undefined) {
        if (this.userDataDirs.size >= 32) this.userDataDirs.clear();
        this.userDataDirs.set(root.pid, userDataDir);
      }

      // Polite: WM_CLOSE to every window of the browser, so it can exit normally.
      // (Visible windows only: hidden message windows are the browser's plumbing.)
      const plan = planBrowserTreeEnd(snapshotRows(kernel32), root, family);
      if (plan.refused !== undefined) return { status: 'failed', detail: `refused: ${plan.refused}`, spared: plan.spared };
      if (current(root)) for (const hwnd of user32.enumWindows()) if (user32.isVisible(hwnd) && user32.windowPid(hwnd) === root.pid) user32.postClose(hwnd);
      const spared: SparedProcess[] = [...plan.spared];
      const kept = (): string => (spared.length > 0 ? `; left running (not part of the browser): ${describeSpared(spared)}` : '');
      const withSpared = (outcome: TerminateOutcome): TerminateOutcome => (spared.length > 0 ? { ...outcome, spared } : outcome);
      if (await until(() => plan.end.every((member) => !current(member)), this.politeExitMs, 25)) {
        return withSpared({ status: 'done', detail: `browser exited after WM_CLOSE to its windows${kept()}` });
      }

      // Children first, the browser last; each one checked through the handle that ends it.
      const refused: number[] = [];
      for (const member of plan.end) {
        const ended = kernel32.terminateIfSame(member, 1);
        if (ended.result === 'changed') spared.push({ pid: member.pid, image: ended.now.image, reason: 'identity-changed' });
        if (ended.result === 'refused') refused.push(member.pid);
      }
      const gone = await until(() => plan.end.every((member) => !current(member)), this.terminateWaitMs, 25);
      if (!gone) return withSpared({ status: 'failed', detail: `process tree of ${root.pid} still running after TerminateProcess${refused.length > 0 ? ` (refused: ${refused.join(', ')})` : ''}${kept()}` });
      return withSpared({ status: 'done', detail: `ended ${plan.end.length} process(es) of ${baseNameOf(root.image)}, children first; every tab of this browser is closed${kept()}` });
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

function identityOf(kernel32: Kernel32, pid: number): ProcessIdentity | undefined {
  const now = kernel32.identity(pid);
  return now === undefined ? undefined : { pid, ...now };
}

/** The Toolhelp snapshot with each process's full image and creation time (unreadable ones are left out: never ended). */
function snapshotRows(kernel32: Kernel32): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const process of kernel32.processSnapshot()) {
    const now = kernel32.identity(process.pid);
    if (now !== undefined) rows.push({ pid: process.pid, ppid: process.ppid, ...now });
  }
  return rows;
}
