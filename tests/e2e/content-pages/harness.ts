/**
 * Shared by the content-check e2e tests and benchmark: serves the test pages from 127.0.0.1,
 * opens one in Debian's Chromium on a test display, and makes it full screen the way a kit does
 * (a real click → requestFullscreen, through CDP so the browser sees a user gesture).
 */
import { createServer, type Server } from 'node:http';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { launchChromium, type RunningChromium } from '../support/chromium.js';
import type { TestDisplay } from '../support/display.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

/** The pages, with what a correct content check says about them. */
export const CONTENT_PAGES = {
  defenderEn: { file: 'defender-en.html', expect: 'scam', title: 'Security Center' },
  defenderJa: { file: 'defender-ja.html', expect: 'scam', title: '' },
  blockedMicrosoft: { file: 'blocked-microsoft.html', expect: 'scam', title: 'Microsoft' },
  slides: { file: 'slides.html', expect: 'not-scam', title: 'Presentation' },
  newsScams: { file: 'news-scams.html', expect: 'not-scam', title: 'News' },
} as const;

export type ContentPageName = keyof typeof CONTENT_PAGES;

export interface PageServer {
  readonly origin: string;
  url(file: string): string;
  close(): Promise<void>;
}

/** Serves tests/e2e/content-pages on 127.0.0.1 (html and js only). */
export async function servePages(): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0]?.replace(/^\/+/, '') ?? '';
    if (!/^[a-z0-9-]+\.(html|js)$/.test(name)) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(here, name)).then(
      (body) => response.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('page server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (file) => `${origin}/${file}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A page open in Chromium, attached over CDP. */
export interface OpenPage {
  readonly chromium: RunningChromium;
  readonly browser: Browser;
  readonly page: Page;
  /** Clicks like a person; the page's handler goes full screen. Resolves at the click. */
  clickToFullScreen(): Promise<number>;
  close(): Promise<void>;
}

/** Opens `url` in a fresh Chromium on `display` (windowed), waits for the page to load. */
export async function openPage(display: TestDisplay, url: string, extraArgs: string[] = []): Promise<OpenPage> {
  const chromium = await launchChromium({ env: display.env, url, extraArgs: ['--window-position=0,0', '--window-size=1280,900', ...extraArgs] });
  let browser: Browser | undefined;
  try {
    browser = await playwright.connectOverCDP(await cdpUrlOf(chromium), { noDefaults: true });
    const page = await waitForPage(browser, url);
    await page.waitForLoadState('load');
    await activateBrowserWindow(display, chromium.pid);
    const attached = browser;
    return {
      chromium,
      browser: attached,
      page,
      async clickToFullScreen() {
        const at = Date.now();
        await page.mouse.click(400, 400);
        // A busy machine may drop the first gesture while the page settles: ask again.
        const settled = await page.waitForFunction(() => document.fullscreenElement !== null, undefined, { timeout: 3_000 }).then(
          () => true,
          () => false,
        );
        if (!settled) {
          await page.mouse.click(420, 420);
          await page.waitForFunction(() => document.fullscreenElement !== null, undefined, { timeout: 10_000 });
        }
        return at;
      },
      async close() {
        await attached.close().catch(() => undefined);
        await stopChromium(chromium);
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await stopChromium(chromium);
    throw error;
  }
}

/** Chromium writes DevToolsActivePort in two steps: wait until it holds a real port. */
async function cdpUrlOf(chromium: RunningChromium): Promise<string> {
  if (/:\d+$/.test(chromium.cdpUrl)) return chromium.cdpUrl;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const port = (await readFile(join(chromium.profileDir, 'DevToolsActivePort'), 'utf8').catch(() => '')).split('\n')[0] ?? '';
    if (/^\d+$/.test(port)) return `http://127.0.0.1:${port}`;
    if (Date.now() > deadline) throw new Error('chromium DevTools port did not appear');
    await delay(50);
  }
}

async function waitForPage(browser: Browser, url: string): Promise<Page> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = browser.contexts().flatMap((context) => context.pages()).find((p) => p.url() === url);
    if (page !== undefined) return page;
    if (Date.now() > deadline) throw new Error(`page ${url} did not appear`);
    await delay(100);
  }
}

/** Kills Chromium; its helpers may still be writing the profile, so the removal is retried. */
export async function stopChromium(chromium: RunningChromium): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await chromium.stop();
      return;
    } catch {
      await delay(200);
    }
  }
  await rm(chromium.profileDir, { recursive: true, force: true });
}

/**
 * Makes the browser's window the active one, as it is for a person looking at it. openbox does
 * not always focus a new window on a busy machine (then _NET_ACTIVE_WINDOW stays empty and no
 * foreground watcher can see the page).
 */
async function activateBrowserWindow(display: TestDisplay, pid: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { stdout } = await run('xdotool', ['search', '--onlyvisible', '--pid', String(pid)], { env: display.env }).catch(() => ({ stdout: '' }));
    const id = stdout.trim().split('\n').filter(Boolean).at(-1);
    if (id !== undefined) {
      await run('xdotool', ['windowactivate', id], { env: display.env }).catch(() => undefined);
      const active = await run('xdotool', ['getactivewindow'], { env: display.env }).then((r) => r.stdout.trim(), () => '');
      if (active === id) return;
    }
    if (Date.now() > deadline) throw new Error(`the browser window (pid ${pid}) did not become active`);
    await delay(100);
  }
}

/** The X11 id of the active window (`0x...`), via xdotool. */
export async function activeWindowId(display: TestDisplay): Promise<string> {
  const { stdout } = await run('xdotool', ['getactivewindow'], { env: display.env });
  return `0x${Number.parseInt(stdout.trim(), 10).toString(16)}`;
}

/** Waits until the active window covers the whole display (real full screen). */
export async function waitForFullScreen(display: TestDisplay, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await activeWindowId(display).catch(() => undefined);
    if (id !== undefined) {
      const { stdout } = await run('xwininfo', ['-id', id], { env: display.env }).catch(() => ({ stdout: '' }));
      const width = /Width:\s+(\d+)/.exec(stdout)?.[1];
      const height = /Height:\s+(\d+)/.exec(stdout)?.[1];
      if (Number(width) >= display.width && Number(height) >= display.height) return id;
    }
    if (Date.now() > deadline) throw new Error('the page did not go full screen');
    await delay(100);
  }
}
