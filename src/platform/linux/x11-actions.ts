/**
 * `X11WindowActions`: what the closer does on X11 (measured in ../shared/NOTES.md):
 * leave full screen through the window manager (then Escape), polite close with
 * `_NET_CLOSE_WINDOW` (`wmctrl -ic`), confirm "Leave site?" with Return, end the browser with
 * SIGTERM then SIGKILL of its whole tree. Only processes whose executable is a known browser
 * are ever signalled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { browserFamilyOf } from '../../engine/browsers.js';
import { PlatformError } from '../../engine/ports/errors.js';
import type { ActionOutcome, BrowserFamily, WindowActions } from '../../engine/ports/windows.js';
import { runX11 } from './x11-exec.js';
import { descendantsOf, parseProcStat } from './x11-parse.js';
import { preventSessionRestoreLinux } from './x11-session-restore.js';
import { clientIds, describeWindow, processOf } from './x11-windows.js';

function failed(detail: string, error?: unknown): ActionOutcome {
  return { status: 'failed', detail, ...(error instanceof PlatformError ? { error } : {}) };
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

function processPairs(): [number, number][] {
  const pairs: [number, number][] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat !== undefined) pairs.push([Number(name), stat.ppid]);
    } catch {
      // the process ended while we listed: it is not part of any tree any more
    }
  }
  return pairs;
}

function commandLineOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((arg) => arg !== '');
  } catch {
    return undefined;
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await delay(50);
  }
  return true;
}

/** Window actions for X11 with wmctrl and xdotool. */
export class X11WindowActions implements WindowActions {
  /** Command lines of browsers we ended, for preventSessionRestore (the process is gone then). */
  private readonly endedCommandLines = new Map<number, string[]>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  private run(tool: string, args: readonly string[]): Promise<string> {
    return runX11(tool, args, { env: this.env });
  }

  private async isFullScreen(windowId: string): Promise<boolean | undefined> {
    const info = await describeWindow(windowId, undefined, this.env);
    return info === null ? undefined : info.fullscreen === true;
  }

  async exitFullScreen(windowId: string): Promise<ActionOutcome> {
    const before = await this.isFullScreen(windowId);
    if (before === undefined) return { status: 'not-needed', detail: 'the window is gone' };
    if (!before) return { status: 'not-needed' };
    try {
      await this.run('wmctrl', ['-ir', windowId, '-b', 'remove,fullscreen']);
      if (await this.waitNotFullScreen(windowId, 600)) return { status: 'done', detail: 'asked the window manager' };
      // Element full screen listens to Escape (a page holding keyboard.lock() needs it held).
      await this.run('xdotool', ['windowactivate', '--sync', windowId]).catch(() => '');
      await this.run('xdotool', ['key', '--clearmodifiers', 'Escape']);
      if (await this.waitNotFullScreen(windowId, 400)) return { status: 'done', detail: 'pressed Escape' };
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
      await this.run('xdotool', ['windowactivate', '--sync', windowId]).catch(() => '');
      await this.run('xdotool', ['key', '--clearmodifiers', 'Return']);
      return { status: 'done', detail: 'pressed Return on the prompt' };
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error), error);
    }
  }

  async isWindowOpen(windowId: string): Promise<boolean> {
    return (await clientIds(this.env)).includes(windowId);
  }

  async terminateProcessTree(pid: number): Promise<ActionOutcome> {
    const { processPath, processName } = processOf(pid);
    if (!isPidAlive(pid)) return { status: 'not-needed', detail: 'the process is already gone' };
    if (browserFamilyOf(processPath ?? processName) === undefined) {
      return failed(`refused: process ${pid} (${processPath ?? processName ?? 'unknown'}) is not a web browser`);
    }
    const commandLine = commandLineOf(pid);
    if (commandLine !== undefined) this.endedCommandLines.set(pid, commandLine);
    const tree = descendantsOf(pid, processPairs());
    try {
      // The browser's main process ends its renderers itself on SIGTERM (~10 ms here).
      process.kill(pid, 'SIGTERM');
      if (await waitUntil(() => !isPidAlive(pid) && tree.every((child) => !isPidAlive(child)), 3_000)) return { status: 'done', detail: 'ended with SIGTERM' };
      for (const target of [pid, ...tree]) if (isPidAlive(target)) process.kill(target, 'SIGKILL');
      if (await waitUntil(() => !isPidAlive(pid), 3_000)) return { status: 'done', detail: 'ended with SIGKILL' };
      return failed('the browser did not end');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return { status: 'done', detail: 'ended' };
      return failed(`could not end process ${pid}: ${String(error)}`, new PlatformError('command-failed', 'kill failed', { cause: error }));
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
