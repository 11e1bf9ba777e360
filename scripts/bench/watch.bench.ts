/**
 * Watcher benchmark on a private Xvfb + openbox with Debian's Chromium and the real X11 adapter:
 *  - detection latency: a page's title turns scary → `detected` event (time from the moment the
 *    page set document.title, in the page, to the event), and a scam window brought to the
 *    front → `detected` (from just before `wmctrl -ia`); median and p95 over N trials each;
 *  - idle cost over SCARESTOP_BENCH_IDLE_S seconds (default 60) with a normal page open: CPU of
 *    this process plus its xprop helpers (from /proc), as % of one core, and RSS.
 * Env: SCARESTOP_BENCH_TRIALS (default 30), SCARESTOP_BENCH_IDLE_S (default 60).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium as playwright } from 'playwright-core';
import { createWatcher, systemClock } from '../../src/engine/watch/index.js';
import { createX11WindowPlatform } from '../../src/platform/linux/x11-window-platform.js';
import type { WatchEvent } from '../../src/shared/watch-events.js';
import { startDisplay } from '../../tests/e2e/support/display.js';
import { serveStatic } from '../../tests/e2e/support/serve.js';
import { cdpUrlOf, openPage, stopBrowser, windowsOf } from '../../tests/e2e/support/watch-harness.js';

const TRIALS = Number(process.env['SCARESTOP_BENCH_TRIALS'] ?? 30);
const IDLE_S = Number(process.env['SCARESTOP_BENCH_IDLE_S'] ?? 60);
const SCAM = 'Windows Defender Security Warning - Your PC is infected with Trojan! Call +1-888-555-0147';
const TICKS = 100; // USER_HZ on Linux

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const summary = (values: readonly number[]): string => `median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

/** CPU ticks and RSS (kB) of this process's xprop helpers. */
function helperUsage(): { ticks: number; rssKb: number; count: number } {
  let ticks = 0;
  let rssKb = 0;
  let count = 0;
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || !stat.includes('(xprop)')) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1] ?? 0);
      count += 1;
    } catch {
      // a helper ended while we looked
    }
  }
  return { ticks, rssKb, count };
}

async function waitForEvent(events: WatchEvent[], from: number, match: (e: WatchEvent) => boolean, timeoutMs = 5_000): Promise<WatchEvent | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = events.slice(from).find(match);
    if (found !== undefined || Date.now() > deadline) return found;
    await delay(2);
  }
}

export default async function bench(): Promise<void> {
  const display = await startDisplay();
  const server = await serveStatic();
  const platform = await createX11WindowPlatform({ env: display.env });
  const events: WatchEvent[] = [];
  const watcher = createWatcher({ windows: platform.windows, actions: platform.actions, clock: systemClock }, { closeMode: 'never', alertRepeatMs: 0 });
  watcher.subscribe((e) => events.push(e));
  const { browser } = await openPage(display, server.url('long-document.html'), 'Garden club', ['--disable-popup-blocking']);
  try {
    watcher.start();
    const cdp = await playwright.connectOverCDP(await cdpUrlOf(browser), { noDefaults: true });
    const page = cdp.contexts()[0]?.pages()[0];
    if (page === undefined) throw new Error('no page');

    // 1. Title changes of the foreground window.
    const titleLatency: number[] = [];
    const internal: number[] = [];
    for (let i = 0; i < TRIALS; i += 1) {
      await page.evaluate(() => (document.title = 'Garden club annual report 2026'));
      await delay(150);
      const from = events.length;
      const setAt = await page.evaluate((title) => {
        document.title = title;
        return Date.now();
      }, `${SCAM} #${i}`);
      const event = await waitForEvent(events, from, (e) => e.type === 'detected' && e.window.title.includes(`#${i}`));
      if (event !== undefined) titleLatency.push(event.at - setAt);
      if (event?.type === 'detected') internal.push(event.ms);
    }
    console.log(`title change → detected: ${summary(titleLatency)}`);
    console.log(`  of which inside the watcher (X event received → detected): ${summary(internal)}`);

    // 2. A scam window brought to the front (two windows of the browser, activated in turn).
    await page.evaluate((title) => (document.title = title), SCAM);
    await page.evaluate((url) => void window.open(url, 'other', 'width=700,height=500'), server.url('news-support-scams.html'));
    await delay(1_500);
    const windows = await windowsOf(display, browser.pid);
    const scamWindow = windows.find((w) => w.title.includes('infected'));
    const otherWindow = windows.find((w) => !w.title.includes('infected'));
    const focusLatency: number[] = [];
    if (scamWindow !== undefined && otherWindow !== undefined) {
      for (let i = 0; i < TRIALS; i += 1) {
        execFileSync('wmctrl', ['-ia', otherWindow.id], { env: display.env });
        await delay(150);
        const from = events.length;
        const start = Date.now();
        execFileSync('wmctrl', ['-ia', scamWindow.id], { env: display.env });
        const event = await waitForEvent(events, from, (e) => e.type === 'detected' && e.window.windowId === scamWindow.id);
        if (event !== undefined) focusLatency.push(event.at - start);
      }
      console.log(`window to front → detected: ${summary(focusLatency)}`);
    } else {
      console.log(`window to front → detected: skipped (found ${windows.length} browser windows, need 2)`);
    }
    if (otherWindow !== undefined) execFileSync('wmctrl', ['-ic', otherWindow.id], { env: display.env });
    await page.evaluate(() => (document.title = 'Garden club annual report 2026'));
    await cdp.close();

    // 3. Idle: a normal page in front, nothing happening.
    await delay(1_000);
    const cpu0 = process.cpuUsage();
    const helpers0 = helperUsage();
    const t0 = Date.now();
    let peakRss = 0;
    const deadline = t0 + IDLE_S * 1_000;
    while (Date.now() < deadline) {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await delay(Math.min(1_000, Math.max(0, deadline - Date.now())));
    }
    const cpu = process.cpuUsage(cpu0);
    const helpers1 = helperUsage();
    const wallMs = Date.now() - t0;
    const ownMs = (cpu.user + cpu.system) / 1_000;
    const helperMs = (Math.max(0, helpers1.ticks - helpers0.ticks) * 1_000) / TICKS;
    console.log(`idle ${Math.round(wallMs / 1000)} s: CPU ${((100 * (ownMs + helperMs)) / wallMs).toFixed(3)}% of a core (node ${ownMs.toFixed(0)} ms, ${helpers1.count} xprop helpers ${helperMs.toFixed(0)} ms)`);
    console.log(`idle RSS: node process peak ${(peakRss / 1048576).toFixed(1)} MB (includes the bench harness), xprop helpers ${(helpers1.rssKb / 1024).toFixed(1)} MB`);
    const errors = events.filter((e) => e.type === 'error');
    if (errors.length > 0) console.log(`errors during the bench: ${errors.length}`);
  } finally {
    watcher.stop();
    platform.dispose();
    await stopBrowser(browser);
    await server.close();
    await display.stop();
  }
}
