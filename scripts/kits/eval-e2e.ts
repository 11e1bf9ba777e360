/**
 * End to end, as a person would meet each page: `scarestop watch --close=auto --json` running on
 * a private Xvfb display, Debian's Chromium opening the page full screen (cut off from the
 * network except our 127.0.0.1 server), one click on the page like a person's, then: was the
 * page closed, and how?
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium as playwright, type Browser as PlaywrightBrowser, type Page } from 'playwright-core';
import { launchChromium, isProcessGone } from '../../tests/e2e/support/chromium.js';
import { startDisplay, type TestDisplay } from '../../tests/e2e/support/display.js';
import { cdpUrlOf, stopBrowser } from '../../tests/e2e/support/watch-harness.js';
import { OFFLINE_FLAGS, publicLibraryStandIn, type CacheServer, type PageTarget } from './kit-files.js';

const BIN = fileURLToPath(new URL('../../bin/scarestop.mjs', import.meta.url));
/** A kit may wait, scan, then draw: give the watcher this long to close it. */
const KIT_WAIT_MS = 45_000;
/** An honest page stays open this long under the watcher (its re-reads run at ~1, 3, 6, 12 s). */
const HONEST_WAIT_MS = 25_000;

/** What happened to one page under the watcher. */
export interface E2eResult {
  readonly id: string;
  readonly kind: PageTarget['kind'];
  readonly closed: boolean;
  /** Stage of the first `detected` line: title or content. */
  readonly stage?: string;
  /** Milliseconds from opening the page to the `action-taken` line. */
  readonly closedAfterMs?: number;
  /** Window titles the watcher reported, and its verdicts, for the misses list. */
  readonly trail: readonly string[];
  /** Codes of the watcher's error lines (an OCR pass that timed out on a busy machine, say). */
  readonly errors: readonly string[];
}

/**
 * Opens the page in the running browser as the web would serve it: a library the kit loads from
 * a public CDN comes from its local stand-in (kit-files.ts), everything else as before. Dialogs
 * are left open, as a person meets them (Playwright would dismiss them without a listener).
 * The connection stays open while the page runs (the stand-in needs it).
 */
async function openWithStandIns(cdpUrl: string, url: string): Promise<{ readonly page: Page | undefined; readonly cdp: PlaywrightBrowser }> {
  const cdp = await playwright.connectOverCDP(cdpUrl, { noDefaults: true });
  const context = cdp.contexts()[0];
  const page = context?.pages()[0];
  if (context === undefined || page === undefined) return { page: undefined, cdp };
  page.on('dialog', () => undefined);
  await context.route(
    (address) => publicLibraryStandIn(address.href) !== undefined,
    async (route) => {
      const file = publicLibraryStandIn(route.request().url());
      await (file === undefined ? route.continue() : route.fulfill({ body: readFileSync(file), contentType: 'application/javascript' }));
    },
  );
  await page.goto(url, { waitUntil: 'commit', timeout: 15_000 }).catch(() => undefined);
  return { page, cdp };
}

async function runPage(display: TestDisplay, server: CacheServer, target: PageTarget): Promise<E2eResult> {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-kit-eval-'));
  const cli = spawn(process.execPath, [BIN, 'watch', '--close=auto', '--json'], { env: { ...display.env, SCARESTOP_HOME: home }, stdio: ['ignore', 'pipe', 'ignore'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: cli.stdout }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // not a JSON line: ignore
    }
  });
  const watching = Date.now() + 15_000;
  while (!lines.some((l) => l['event'] === 'status') && Date.now() < watching) await delay(50);
  const openedAt = Date.now();
  // --test-type hides the "unsupported command-line flag" bar that --no-sandbox brings (it covered the page's top).
  const browser = await launchChromium({ env: display.env, url: 'about:blank', extraArgs: ['--start-fullscreen', '--window-size=1920,1080', '--test-type', ...OFFLINE_FLAGS] });
  let opened: Awaited<ReturnType<typeof openWithStandIns>> | undefined;
  try {
    opened = await openWithStandIns(await cdpUrlOf(browser), server.url(target.path)).catch(() => undefined);
    await delay(2_500); // the page loads and shows its first screen
    if (!isProcessGone(browser.pid)) await opened?.page?.mouse.click(960, 540).catch(() => undefined);
    const until = openedAt + (target.kind === 'kit' ? KIT_WAIT_MS : HONEST_WAIT_MS);
    while (Date.now() < until && !lines.some((l) => l['event'] === 'action-taken')) await delay(100);
    const taken = lines.find((l) => l['event'] === 'action-taken');
    const detected = lines.find((l) => l['event'] === 'detected');
    const why = (l: Record<string, unknown>): string =>
      l['event'] === 'detected' && Array.isArray(l['reasons'])
        ? ` [${(l['reasons'] as { signal?: unknown; weight?: unknown; detail?: unknown }[]).map((r) => `${String(r.signal)} ${String(r.weight ?? '')} ${String(r.detail ?? '').slice(0, 60)}`).join('; ')}]`
        : '';
    const trail = lines
      .filter((l) => l['event'] === 'detected' || l['event'] === 'suspicious' || l['event'] === 'content-checked' || l['event'] === 'error')
      .map((l) =>
        l['event'] === 'error'
          ? `error ${String(l['code'])}: ${String(l['message']).slice(0, 120)}`
          : `${String(l['event'])}${l['stage'] !== undefined ? `/${String(l['stage'])}` : ''}: ${String(l['verdict'])} ${JSON.stringify(l['title'])}${l['textChars'] !== undefined ? ` (${String(l['textChars'])} chars read)` : ''}${why(l)}`,
      );
    const errors = lines.filter((l) => l['event'] === 'error').map((l) => String(l['code']));
    return {
      id: target.id,
      kind: target.kind,
      closed: taken !== undefined,
      ...(detected !== undefined ? { stage: String(detected['stage']) } : {}),
      ...(taken !== undefined && typeof taken['at'] === 'number' ? { closedAfterMs: taken['at'] - openedAt } : {}),
      trail: trail.slice(0, 12),
      errors,
    };
  } finally {
    await opened?.cdp.close().catch(() => undefined); // only disconnects
    cli.kill('SIGINT');
    await Promise.race([new Promise((resolve) => cli.once('exit', resolve)), delay(5_000)]);
    if (cli.exitCode === null) cli.kill('SIGKILL');
    await stopBrowser(browser).catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  }
}

/** Runs every target under the watcher, one at a time, printing a line per page. */
export async function runEndToEnd(server: CacheServer, targets: readonly PageTarget[]): Promise<E2eResult[]> {
  const display = await startDisplay();
  const results: E2eResult[] = [];
  try {
    for (const target of targets) {
      const result = await runPage(display, server, target);
      results.push(result);
      const outcome = result.closed ? `closed (${result.stage ?? '?'}, ${Math.round((result.closedAfterMs ?? 0) / 100) / 10} s)` : 'left open';
      console.log(`  e2e ${target.id.padEnd(34)} ${outcome}`);
    }
  } finally {
    await display.stop();
  }
  return results;
}
