/**
 * `X11WindowActions`: what the closer does on X11 (measured in ../shared/NOTES.md):
 * leave full screen through the window manager (then Escape), polite close with
 * `_NET_CLOSE_WINDOW` (`wmctrl -ic`), confirm "Leave site?" with Return, end the browser with
 * SIGTERM then SIGKILL (end-browser-tree.ts: only processes of the judged browser, each
 * re-identified before every signal). A key is typed only after checking that the window it is
 * for still exists and has the focus; otherwise the step is `skipped` and nothing is typed.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { sameProcess } from '../../engine/watch/browser-tree.js';
import { PlatformError } from '../../engine/ports/errors.js';
import type { ProcessIdentity } from '../../engine/ports/processes.js';
import type { ActionOutcome, BrowserFamily, TerminateOutcome, WindowActions } from '../../engine/ports/windows.js';
import { DEFAULT_END_TREE_TIMING, endBrowserTree, type EndTreeTiming } from './end-browser-tree.js';
import { procProcessTable, type ProcessTable } from './proc-processes.js';
import { runX11 } from './x11-exec.js';
import { normaliseWindowId, parseProcStat } from './x11-parse.js';
import { preventSessionRestoreLinux } from './x11-session-restore.js';
import { activeWindowId, clientIds, describeWindow } from './x11-windows.js';

/** Options for {@link X11WindowActions}; tests pass a process table with faults in it. */
export interface X11ActionsOptions {
  readonly processes?: ProcessTable;
  readonly endTree?: EndTreeTiming;
}

/** Whether a key may be typed for a window now. */
type KeyTarget = 'focused' | 'gone' | 'not-focused';

function failed(detail: string, error?: unknown): ActionOutcome {
  return { status: 'failed', detail, ...(error instanceof PlatformError ? { error } : {}) };
}

/** No key was typed: the window is gone, or something else has the focus. */
function skipped(target: Exclude<KeyTarget, 'focused'>): ActionOutcome {
  return { status: 'skipped', detail: target === 'gone' ? 'window gone' : 'the window did not get the keyboard focus; no key was typed' };
}

/** State letter of a process, undefined when gone. */
function procState(pid: number): string | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.state;
  } catch {
    return undefined;
  }
}

/** Alive = exists and is not a zombie (orphans linger as zombies for a while). */
export function isPidAlive(pid: number): boolean {
  const state = procState(pid);
  return state !== undefined && state !== 'Z' && state !== 'X';
}

function commandLineOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
  } catch {
    return undefined;
  }
}

/** Window actions for X11 with wmctrl and xdotool. */
export class X11WindowActions implements WindowActions {
  /** Command lines of browsers we ended, for preventSessionRestore (the process is gone then). */
  private readonly endedCommandLines = new Map<number, string[]>();

  private readonly processes: ProcessTable;
  private readonly endTreeTiming: EndTreeTiming;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    options: X11ActionsOptions = {},
  ) {
    this.processes = options.processes ?? procProcessTable();
    this.endTreeTiming = options.endTree ?? DEFAULT_END_TREE_TIMING;
  }

  private run(tool: string, args: readonly string[]): Promise<string> {
    return runX11(tool, args, { env: this.env });
  }

  private async isFullScreen(windowId: string): Promise<boolean | undefined> {
    const info = await describeWindow(windowId, undefined, this.env);
    return info === null ? undefined : info.fullscreen === true;
  }

  async exitFullScreen(windowId: string): Promise<ActionOutcome> {
    const before = await this.isFullScreen(windowId);
    if (before === undefined) return { status: 'skipped', detail: 'window gone' };
    if (!before) return { status: 'not-needed' };
    try {
      await this.run('wmctrl', ['-ir', windowId, '-b', 'remove,fullscreen']);
      if (await this.waitNotFullScreen(windowId, 600)) return { status: 'done', detail: 'asked the window manager' };
      // Element full screen listens to Escape (a page holding keyboard.lock() needs it held).
      const target = await this.focusFor(windowId);
      if (target !== 'focused') return skipped(target);
      await this.run('xdotool', ['key', '--clearmodifiers', 'Escape']);
      if (await this.waitNotFullScreen(windowId, 400)) return { status: 'done', detail: 'pressed Escape' };
      const again = await this.focusFor(windowId);
      if (again !== 'focused') return skipped(again);
      await this.run('xdotool', ['keydown', 'Escape']);
      await delay(2_200);
      await this.run('xdotool', ['keyup', 'Escape']);
      if (await this.waitNotFullScreen(windowId, 400)) return { status: 'done', detail: 'held Escape' };
      return failed('the window stayed full screen');
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error), error);
    }
  }

  private async waitNotFullScreen(windowId: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.isFullScreen(windowId)) !== true) return true;
      if (Date.now() > deadline) return false;
      await delay(50);
    }
  }

  async closeWindow(windowId: string): Promise<ActionOutcome> {
    try {
      await this.run('wmctrl', ['-ic', windowId]);
      return { status: 'done', detail: 'sent _NET_CLOSE_WINDOW' };
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error), error);
    }
  }

  async confirmLeavePage(windowId: string): Promise<ActionOutcome> {
    try {
      // The prompt is drawn inside the browser window and has the focus there: Return = Leave.
      const target = await this.focusFor(windowId);
      if (target !== 'focused') return skipped(target);
      await this.run('xdotool', ['key', '--clearmodifiers', 'Return']);
      return { status: 'done', detail: 'pressed Return on the prompt' };
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error), error);
    }
  }

  async isWindowOpen(windowId: string): Promise<boolean> {
    return (await clientIds(this.env)).includes(windowId);
  }

  /**
   * Brings the window to the front and checks, just before a key is typed, that it still
   * exists, is the active window and holds the keyboard focus. (A few milliseconds remain
   * between this check and the key: X11 has no "type only into window W" for real key events.)
   */
  private async focusFor(windowId: string): Promise<KeyTarget> {
    if (!(await this.isWindowOpen(windowId).catch(() => false))) return 'gone';
    // Activation fails for a window that was destroyed just now: the checks below tell which.
    await this.run('xdotool', ['windowactivate', '--sync', windowId]).catch(() => '');
    if (!(await this.isWindowOpen(windowId).catch(() => false))) return 'gone';
    const active = await activeWindowId(this.env).catch(() => null);
    const focus = await this.run('xdotool', ['getwindowfocus']).then(
      (text) => normaliseWindowId(`0x${Number.parseInt(text.trim(), 10).toString(16)}`),
      () => undefined,
    );
    return active === windowId && focus === windowId ? 'focused' : 'not-focused';
  }

  async identifyProcess(pid: number): Promise<ProcessIdentity | undefined> {
    return this.processes.identify(pid);
  }

  async terminateProcessTree(root: ProcessIdentity, family: BrowserFamily): Promise<TerminateOutcome> {
    try {
      if (sameProcess(root, this.processes.identify(root.pid))) {
        const commandLine = commandLineOf(root.pid);
        if (commandLine !== undefined) this.endedCommandLines.set(root.pid, commandLine);
      }
      return await endBrowserTree(root, family, this.processes, this.endTreeTiming);
    } catch (error) {
      return failed(`could not end process ${root.pid}: ${String(error)}`, new PlatformError('command-failed', 'kill failed', { cause: error }));
    }
  }

  async isProcessAlive(pid: number): Promise<boolean> {
    return isPidAlive(pid);
  }

  async preventSessionRestore(browser: { readonly family: BrowserFamily; readonly pid?: number; readonly processPath?: string }): Promise<ActionOutcome> {
    const commandLine = browser.pid !== undefined ? (this.endedCommandLines.get(browser.pid) ?? commandLineOf(browser.pid)) : undefined;
    if (browser.pid !== undefined && isPidAlive(browser.pid)) return failed('the browser is still running; it would overwrite its profile on exit');
    return preventSessionRestoreLinux(browser.family, commandLine, this.env);
  }
}
