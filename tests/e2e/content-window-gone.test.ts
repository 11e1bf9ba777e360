/**
 * "Stop when the window goes away", for real: the browser is killed while its page is being
 * read; the read ends with `window-gone` well before OCR would have finished, and no Tesseract
 * process is left behind.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { createLinuxPageTextReader } from '../../src/platform/linux/linux-page-text-reader.js';
import { CONTENT_PAGES, openPage, waitForFullScreen } from './content-pages/harness.js';
import { useContentStage } from './support/stages.js';

/** Our own child processes named `name` (never anyone else's). */
function childrenNamed(name: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (comm === name && Number(fields[1]) === process.pid && fields[0] !== 'Z') found.push(Number(entry));
    } catch {
      continue; // the process ended while we looked
    }
  }
  return found;
}

describe('content check stops when the window goes away (Linux, Xvfb, Chromium)', () => {
  const stage = useContentStage();

  it('aborts OCR with window-gone when the browser dies mid-read', { timeout: 90_000 }, async () => {
    const opened = await openPage(stage.display, stage.server.url(CONTENT_PAGES.defenderJa.file));
    try {
      await opened.clickToFullScreen();
      const id = await waitForFullScreen(stage.display);
      const reader = createLinuxPageTextReader({ env: stage.display.env, reader: { livenessPollMs: 100 } });
      const started = Date.now();
      const reading = reader.read({ id, title: 'Untitled', fullscreen: true });
      // Wait until Tesseract runs, then end the browser under it.
      const deadline = Date.now() + 20_000;
      while (childrenNamed('tesseract').length === 0 && Date.now() < deadline) await delay(20);
      expect(childrenNamed('tesseract').length).toBe(1);
      opened.chromium.process.kill('SIGKILL');
      const killedAt = Date.now();
      await expect(reading).rejects.toMatchObject({ name: 'PlatformError', code: 'window-gone' });
      console.log(`[content-window-gone] read started ${killedAt - started} ms before the kill, ended ${Date.now() - killedAt} ms after it`);
      // Wait for Tesseract to end (a deadline, not a fixed sleep): the read ended it with the window.
      const goneBy = Date.now() + 5_000;
      while (childrenNamed('tesseract').length > 0 && Date.now() < goneBy) await delay(20);
      expect(childrenNamed('tesseract')).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
