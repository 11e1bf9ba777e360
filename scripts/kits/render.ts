/**
 * `npm run kits:render [-- <id-part>...]`: opens every cached kit and honest page in Debian's
 * Chromium (Playwright, headless, never a downloaded browser) with the network cut off except our
 * own server on 127.0.0.1, and saves what a person would see: the title, the visible text
 * (document.body.innerText after the page settled and after one click, when most kits arm
 * themselves, in every frame), the text of any alert it raised, and a screenshot. Output: <cache>/renders.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';
import { CACHE_DIR, OFFLINE_FLAGS, RENDERS_FILE, kitTargets, publicLibraryStandIn, loadManifest, serveCache, type CacheServer, type PageTarget, type RenderedPage } from './kit-files.js';
import { honestTargets } from './honest/honest-html.js';

const CHROMIUM = process.env['SCARESTOP_CHROMIUM'] ?? '/usr/bin/chromium';
/** Kits draw their warning after a scan animation or a timer: let them run a while. */
const SETTLE_MS = 4_000;
const AFTER_CLICK_MS = 2_500;
const TEXT_LIMIT = 20_000;

async function renderOne(browser: Browser, server: CacheServer, target: PageTarget, shotsDir: string): Promise<RenderedPage> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: target.language === 'ja' ? 'ja-JP' : 'en-US' });
  // Belt and braces beside the offline flags: only our server answers.
  // A library from a public CDN comes from its local stand-in (kit-files.ts), as the web would serve it.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const standIn = publicLibraryStandIn(url);
    if (standIn !== undefined) await route.fulfill({ body: readFileSync(standIn), contentType: 'application/javascript' });
    else await (url.startsWith(server.origin) ? route.continue() : route.abort('internetdisconnected'));
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    if (dialogs.length < 20) dialogs.push(dialog.message().slice(0, 2_000));
    dialog.dismiss().catch(() => undefined); // the page may already be gone
  });
  const screenshot = join(shotsDir, `${target.id}.png`);
  let error: string | undefined;
  try {
    await page.goto(server.url(target.path), { waitUntil: 'load', timeout: 20_000 }).catch((e: unknown) => {
      error = `load: ${String(e).split('\n')[0]}`;
    });
    await delay(SETTLE_MS);
    await page.mouse.click(960, 540).catch(() => undefined);
    await delay(AFTER_CLICK_MS);
    const title = await page.title();
    // Kits put their warning in an iframe too: every frame's visible text, the top one first.
    const texts = await Promise.all(page.frames().map((frame) => frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
    const text = texts.filter((t) => t.trim() !== '').join('\n');
    await page.screenshot({ path: screenshot, timeout: 10_000 }).catch((e: unknown) => {
      error = `screenshot: ${String(e).split('\n')[0]}`;
    });
    return { ...target, title, text: text.slice(0, TEXT_LIMIT), dialogs, screenshot, ...(error !== undefined ? { error } : {}) };
  } catch (e) {
    return { ...target, title: '', text: '', dialogs, screenshot, error: String(e).split('\n')[0] };
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const targets = [...kitTargets(loadManifest()), ...honestTargets()].filter((t) => filters.length === 0 || filters.some((f) => t.id.includes(f)));
  const shotsDir = join(CACHE_DIR, 'shots');
  mkdirSync(shotsDir, { recursive: true });
  const server = await serveCache();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--autoplay-policy=no-user-gesture-required', ...OFFLINE_FLAGS],
  });
  const results: RenderedPage[] = [];
  try {
    for (const target of targets) {
      const result = await renderOne(browser, server, target, shotsDir);
      results.push(result);
      console.log(`${target.id.padEnd(34)} ${JSON.stringify(result.title).slice(0, 60).padEnd(60)} ${String(result.text.length).padStart(6)} chars${result.dialogs.length > 0 ? ` +${result.dialogs.length} alert` : ''}${result.error !== undefined ? `  ! ${result.error}` : ''}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // A partial run (filters) updates only its own pages.
  let merged = results;
  if (filters.length > 0) {
    try {
      const { readRenders } = await import('./kit-files.js');
      const fresh = new Map(results.map((r) => [r.id, r]));
      merged = readRenders().map((r) => fresh.get(r.id) ?? r);
      for (const r of results) if (!merged.some((m) => m.id === r.id)) merged.push(r);
    } catch {
      merged = results;
    }
  }
  writeFileSync(RENDERS_FILE, JSON.stringify(merged, null, 1));
  console.log(`\n${results.length} pages rendered into ${RENDERS_FILE}`);
}

await main();
