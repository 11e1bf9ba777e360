/**
 * Shared steps of the watcher's end-to-end tests: open one of our scam/benign pages in Debian's
 * Chromium on the test display, click it like a person (Playwright over CDP, then detach), and
 * wait for watcher events.
 */
import { chromium as playwright } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { ForegroundWatcher, WindowInfo } from '../../../src/engine/ports/windows.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { describeWindow, listWindows } from '../../../src/platform/linux/x11-windows.js';
import { isProcessGone, launchChromium, type RunningChromium } from './chromium.js';
import { descendantsOf, parseProcStat } from '../../../src/platform/linux/x11-parse.js';
import type { TestDisplay } from './display.js';

/**
 * Ends a test browser and removes its profile. A browser still running is ended with SIGTERM
 * first and its whole process tree awaited (a bare SIGKILL of the main process leaves helpers
 * writing into the profile while it is being deleted).
 */
export async function stopBrowser(browser: RunningChromium): Promise<void> {
  if (!isProcessGone(browser.pid)) {
    const tree = descendantsOf(browser.pid, processPairs());
    process.kill(browser.pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while ((!isProcessGone(browser.pid) || tree.some((pid) => !isProcessGone(pid))) && Date.now() < deadline) await delay(50);
  }
  for (let attempt = 0; ; attempt += 1) {
    try {
      await browser.stop();
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await delay(300);
    }
  }
}

function processPairs(): [number, number][] {
  const pairs: [number, number][] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat !== undefined) pairs.push([Number(name), stat.ppid]);
    } catch {
      // ended while listing
    }
  }
  return pairs;
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

/** The browser's top-level windows right now. */
export async function windowsOf(display: TestDisplay, pid: number): Promise<WindowInfo[]> {
  return (await listWindows(undefined, display.env)).filter((w) => w.pid === pid);
}

export interface OpenPage {
  readonly browser: RunningChromium;
  /** The page's window once its title is shown. */
  readonly window: WindowInfo;
}

/** Launches Chromium on `url` and waits for its window to show a title containing `titlePart`. */
export async function openPage(display: TestDisplay, url: string, titlePart: string, extraArgs: string[] = []): Promise<OpenPage> {
  const browser = await launchChromium({ env: display.env, url, extraArgs: ['--window-size=1200,800', ...extraArgs] });
  try {
    // Starting Chromium is legitimately slow on a loaded 2-core machine (seen > 20 s).
    const window = await eventually(async () => (await windowsOf(display, browser.pid)).find((w) => w.title.includes(titlePart)), `a window titled "${titlePart}"`, 60_000);
    return { browser, window };
  } catch (error) {
    await stopBrowser(browser);
    throw error;
  }
}

/**
 * The DevTools URL. Chromium creates DevToolsActivePort before it writes the port into it, so
 * launchChromium can read an empty port (`http://127.0.0.1:`): read the file again then.
 */
export async function cdpUrlOf(browser: RunningChromium): Promise<string> {
  if (/:\d+$/.test(browser.cdpUrl)) return browser.cdpUrl;
  const port = await eventually(() => {
    try {
      const first = readFileSync(join(browser.profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0] ?? '';
      return /^\d+$/.test(first) ? first : undefined;
    } catch {
      return undefined; // not written yet
    }
  }, 'the DevTools port');
  return `http://127.0.0.1:${port}`;
}

/** Clicks the page like a person (a real user gesture arms the kit), then detaches at once. */
export async function clickPage(browser: RunningChromium): Promise<void> {
  const cdp = await playwright.connectOverCDP(await cdpUrlOf(browser), { noDefaults: true });
  try {
    const page = cdp.contexts()[0]?.pages()[0];
    if (page === undefined) throw new Error('no page to click');
    // On a busy machine a click sent while the window is still being mapped/focused can be
    // lost; a person would click again, and so do we (only while the page is not armed yet).
    for (let attempt = 1; ; attempt += 1) {
      await page.mouse.click(300, 300);
      try {
        await page.waitForFunction(() => document.body.getAttribute('data-armed') === 'yes', undefined, { timeout: 5_000 });
        break;
      } catch (error) {
        // A watcher already running may close the page the moment the click armed it.
        if (/closed|destroyed|detached|disconnected/i.test(String(error))) break;
        if (attempt >= 3) throw error;
      }
    }
  } finally {
    await cdp.close(); // only disconnects: the browser keeps running as the person's browser
  }
}

/**
 * The platform's windows for a watcher, plus the moment its first window list is taken: the
 * watcher counts windows open before that list as old, so popups opened earlier (a busy machine
 * can take seconds for it) are never a burst.
 */
export function withFirstList(windows: ForegroundWatcher): { readonly windows: ForegroundWatcher; readonly firstList: Promise<void> } {
  let listed!: () => void;
  const firstList = new Promise<void>((resolve) => (listed = resolve));
  return {
    firstList,
    windows: {
      watch: (onWindow, onError) => windows.watch(onWindow, onError),
      foreground: () => windows.foreground(),
      async listWindows() {
        const list = await windows.listWindows();
        listed();
        return list;
      },
    },
  };
}

/** Waits until the window is (not) full screen. */
export async function waitFullScreen(display: TestDisplay, windowId: string, wanted = true): Promise<void> {
  await eventually(async () => ((await describeWindow(windowId, undefined, display.env))?.fullscreen === wanted ? true : undefined), `full screen = ${wanted}`);
}

/** Collects watcher events and waits for one matching `match`. */
export class EventLog {
  readonly events: WatchEvent[] = [];
  readonly push = (event: WatchEvent): void => {
    this.events.push(event);
  };

  async waitFor<T extends WatchEvent['type']>(type: T, match: (event: Extract<WatchEvent, { type: T }>) => boolean = () => true, timeoutMs = 30_000): Promise<Extract<WatchEvent, { type: T }>> {
    return eventually(() => this.events.find((e): e is Extract<WatchEvent, { type: T }> => e.type === type && match(e as Extract<WatchEvent, { type: T }>)), `a "${type}" event`, timeoutMs);
  }

  ofType<T extends WatchEvent['type']>(type: T): Extract<WatchEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<WatchEvent, { type: T }> => e.type === type);
  }
}
