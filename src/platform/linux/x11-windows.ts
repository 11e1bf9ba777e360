/**
 * One-shot reads of X11 windows: a window's title, pid, state and bounds (`xprop`, `xwininfo`),
 * the managed window list (`_NET_CLIENT_LIST_STACKING`), the screen, and the owning process
 * (`/proc/PID/exe`).
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import type { Rect } from '../../shared/geometry.js';
import type { WindowInfo } from '../../engine/ports/windows.js';
import { runX11 } from './x11-exec.js';
import { applyWindowProp, parseWindowIds, parseXpropLine, parseXwininfo, titleOf, type WindowProps } from './x11-parse.js';

/** Properties read for every window (also the `-spy` list). */
export const WINDOW_PROPS = ['_NET_WM_NAME', 'WM_NAME', '_NET_WM_PID', '_NET_WM_STATE'] as const;

/** Executable path and name of a process, when /proc lets us read them. */
export function processOf(pid: number | undefined): { readonly processPath?: string; readonly processName?: string } {
  if (pid === undefined) return {};
  try {
    // Chromium's main process re-execs itself as /usr/lib/chromium/chromium: exe is the truth.
    const path = readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '');
    return { processPath: path, processName: basename(path) };
  } catch {
    try {
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      return name === '' ? {} : { processName: name };
    } catch {
      return {}; // process gone or not ours to read: the window is still reported
    }
  }
}

/** The root window's size: the screen (one monitor, or the whole virtual desktop). */
export async function rootGeometry(env?: NodeJS.ProcessEnv): Promise<Rect | undefined> {
  return parseXwininfo(await runX11('xwininfo', ['-root'], { ...(env !== undefined ? { env } : {}) }));
}

/** Reads a window's bounds; undefined when it is gone. */
export async function windowBounds(id: string, env?: NodeJS.ProcessEnv): Promise<Rect | undefined> {
  try {
    return parseXwininfo(await runX11('xwininfo', ['-id', id], { ...(env !== undefined ? { env } : {}) }));
  } catch {
    return undefined; // BadWindow: it closed between the event and this read
  }
}

/** Builds a WindowInfo from parsed properties. */
export function toWindowInfo(id: string, props: WindowProps, bounds: Rect | undefined, screen: Rect | undefined): WindowInfo {
  return {
    id,
    title: titleOf(props),
    ...(props.pid !== undefined ? { pid: props.pid } : {}),
    ...processOf(props.pid),
    ...(bounds !== undefined ? { bounds } : {}),
    ...(screen !== undefined ? { screen } : {}),
    ...(props.fullscreen !== undefined ? { fullscreen: props.fullscreen } : {}),
  };
}

/** Reads one window; null when it no longer exists. */
export async function describeWindow(id: string, screen: Rect | undefined, env?: NodeJS.ProcessEnv): Promise<WindowInfo | null> {
  const opts = env !== undefined ? { env } : {};
  let text: string;
  try {
    text = await runX11('xprop', ['-id', id, ...WINDOW_PROPS], opts);
  } catch {
    return null; // BadWindow
  }
  const props: WindowProps = {};
  for (const line of text.split('\n')) {
    const parsed = parseXpropLine(line);
    if (parsed !== undefined) applyWindowProp(props, parsed);
  }
  return toWindowInfo(id, props, await windowBounds(id, env), screen);
}

/** Ids of managed top-level windows, bottom to top. */
export async function clientIds(env?: NodeJS.ProcessEnv): Promise<string[]> {
  const text = await runX11('xprop', ['-root', '_NET_CLIENT_LIST_STACKING'], { ...(env !== undefined ? { env } : {}) });
  const line = parseXpropLine(text.split('\n')[0] ?? '');
  return line?.value === undefined ? [] : parseWindowIds(line.value);
}

/** The active window id, or null. */
export async function activeWindowId(env?: NodeJS.ProcessEnv): Promise<string | null> {
  const text = await runX11('xprop', ['-root', '_NET_ACTIVE_WINDOW'], { ...(env !== undefined ? { env } : {}) });
  const line = parseXpropLine(text.split('\n')[0] ?? '');
  return (line?.value === undefined ? [] : parseWindowIds(line.value))[0] ?? null;
}

/** Every managed window (a few at a time, so a flood of popups does not fork a flood). */
export async function listWindows(screen: Rect | undefined, env?: NodeJS.ProcessEnv): Promise<WindowInfo[]> {
  const ids = await clientIds(env);
  const out: (WindowInfo | null)[] = new Array<WindowInfo | null>(ids.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next;
      next += 1;
      const id = ids[index];
      if (id !== undefined) out[index] = await describeWindow(id, screen, env);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return out.filter((w): w is WindowInfo => w !== null);
}
