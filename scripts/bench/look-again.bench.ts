/**
 * Looking again (issue 13), measured:
 *  1. the cheap part: a 64x36 thumbnail of a prepared 1280x720 frame and the picture difference
 *     (pure code, microseconds);
 *  2. a glance on a real window: xwd capture + thumbnail, on a private Xvfb with Chromium;
 *  3. end to end: our delayed-popup page (a harmless "scan", the warning popup 5 s after the
 *     click) under the real watcher (X11 adapter + xwd + Tesseract): how long after the popup was
 *     drawn the look that caught it began, how long that capture + OCR took, and drawn → detected
 *     (target: about 2 s). Prints numbers; never fails on time.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { chromium as playwright } from 'playwright-core';
import { createWatcher, systemClock } from '../../src/engine/watch/index.js';
import { pictureDifference } from '../../src/engine/watch/picture-change.js';
import { createWindowPlatform } from '../../src/platform/index.js';
import { createLinuxPageTextReader } from '../../src/platform/linux/linux-page-text-reader.js';
import { thumbnail } from '../../src/platform/page-text/gray-image.js';
import type { WatchEvent } from '../../src/shared/watch-events.js';
import { startDisplay } from '../../tests/e2e/support/display.js';
import { serveStatic } from '../../tests/e2e/support/serve.js';
import { cdpUrlOf, clickPage, openPage, stopBrowser } from '../../tests/e2e/support/watch-harness.js';

const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function pureCost(): void {
  const frame = { width: 1280, height: 720, pixels: Uint8Array.from({ length: 1280 * 720 }, (_, i) => (i * 7) % 251) };
  const times: number[] = [];
  let last = thumbnail(frame);
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    const next = thumbnail(frame);
    pictureDifference(last, next);
    times.push(performance.now() - started);
    last = next;
  }
  console.log(`thumbnail + difference of a 1280x720 frame: median ${(median(times) * 1000).toFixed(0)} µs (n=${times.length})`);
}

async function drawnAt(cdpUrl: string): Promise<number> {
  const cdp = await playwright.connectOverCDP(cdpUrl, { noDefaults: true });
  try {
    await cdp.contexts()[0]?.pages()[0]?.waitForFunction(() => document.body.getAttribute('data-drawn') === 'yes', undefined, { timeout: 30_000, polling: 'raf' });
    return Date.now();
  } finally {
    await cdp.close();
  }
}

async function endToEnd(): Promise<void> {
  const display = await startDisplay();
  const server = await serveStatic();
  const platform = await createWindowPlatform({ env: display.env });
  const reader = createLinuxPageTextReader({ env: display.env });
  const glances: number[] = [];
  const began: number[] = [];
  const reads: number[] = [];
  const detected: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const events: WatchEvent[] = [];
      const watcher = createWatcher({ windows: platform.windows, actions: platform.actions, clock: systemClock, pageText: reader }, { closeMode: 'never' });
      watcher.subscribe((event) => events.push(event));
      watcher.start();
      const { browser, window } = await openPage(display, server.url('delayed-popup.html'), 'Security Center');
      try {
        await clickPage(browser);
        for (let i = 0; i < 5; i += 1) {
          const started = performance.now();
          await reader.glance?.(window);
          glances.push(performance.now() - started);
        }
        const drawn = await drawnAt(await cdpUrlOf(browser));
        const deadline = Date.now() + 60_000;
        let hit: Extract<WatchEvent, { type: 'detected' }> | undefined;
        while (hit === undefined && Date.now() < deadline) {
          hit = events.find((e): e is Extract<WatchEvent, { type: 'detected' }> => e.type === 'detected');
          await delay(50);
        }
        if (hit !== undefined) {
          began.push(hit.at - hit.ms - drawn);
          reads.push(hit.ms);
          detected.push(hit.at - drawn);
        } else console.log(`run ${run + 1}: not detected within 60 s`);
      } finally {
        watcher.stop();
        await stopBrowser(browser);
      }
    }
  } finally {
    platform.dispose();
    await server.close();
    await display.stop();
  }
  console.log(`glance (xwd capture + thumbnail) of a full-screen window: median ${median(glances).toFixed(0)} ms (n=${glances.length})`);
  console.log(`delayed popup: the look that caught it began ${median(began).toFixed(0)} ms after drawing (median, runs: ${began.join(', ')})`);
  console.log(`delayed popup: that capture + OCR took ${median(reads).toFixed(0)} ms (median, runs: ${reads.join(', ')})`);
  console.log(`delayed popup: drawn → detected ${median(detected).toFixed(0)} ms (median, runs: ${detected.join(', ')}; target about 2 s)`);
}

export default async function main(): Promise<void> {
  pureCost();
  await endToEnd();
}
