/**
 * The content check's pipeline for real: our bland-titled test pages in Debian's Chromium, full
 * screen after a click, captured with xwd, read with Tesseract, classified with title + text.
 * (tests/e2e/content-watch.test.ts drives the same pages through the watcher.)
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/engine/detect/index.js';
import { createLinuxPageTextReader } from '../../src/platform/linux/linux-page-text-reader.js';
import { CONTENT_PAGES, openPage, waitForFullScreen, type ContentPageName } from './content-pages/harness.js';
import { useContentStage } from './support/stages.js';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };

/** What OCR must read on each page (loose: OCR may split or drop a few characters). */
const MUST_READ: Record<ContentPageName, RegExp[]> = {
  defenderEn: [/Access to this PC has been blocked/i, /Windows Defender/i, /\+1-844-555-0147/, /Toll Free/i],
  defenderJa: [/このPCへのアクセス/, /ブロックされ/, /050-5846-1234/, /Windows/],
  blockedMicrosoft: [/ACCESS TO THIS PC HAS BEEN BLOCKED/i, /1-888-555-0192/, /Windows Defender/i],
  slides: [/Community Garden/i, /watering rota/i],
  newsScams: [/fake virus warning/i, /tech-support scams/i],
};

describe('content check pipeline: capture → OCR → classify (Linux, Xvfb, Chromium)', () => {
  const stage = useContentStage();

  for (const name of Object.keys(CONTENT_PAGES) as ContentPageName[]) {
    const spec = CONTENT_PAGES[name];
    it(`${spec.file} (title ${JSON.stringify(spec.title)}) in full screen → ${spec.expect}`, { timeout: 90_000 }, async () => {
      const opened = await openPage(stage.display, stage.server.url(spec.file));
      try {
        await opened.clickToFullScreen();
        const id = await waitForFullScreen(stage.display);
        const reader = createLinuxPageTextReader({ env: stage.display.env });
        const title = `${spec.title === '' ? `127.0.0.1:${new URL(stage.server.origin).port}/${spec.file}` : spec.title} - Chromium`;
        const reading = await reader.read({ id, title, fullscreen: true, bounds: SCREEN, screen: SCREEN });
        // The text is what the lead tunes the detector with: print it.
        console.log(`[content-pipeline] ${spec.file}: capture ${reading.captureMs.toFixed(0)} ms, OCR ${reading.ocrMs.toFixed(0)} ms, ${reading.text.length} chars\n${reading.text}`);
        for (const pattern of MUST_READ[name]) expect(reading.text).toMatch(pattern);
        const verdict = classify({ title, text: reading.text, process: 'chromium', pid: opened.chromium.pid, windowId: id, bounds: SCREEN, screen: SCREEN });
        console.log(`[content-pipeline] ${spec.file}: verdict ${verdict.verdict} ${verdict.score.toFixed(2)} ${JSON.stringify(verdict.reasons)}`);
        if (spec.expect === 'scam') {
          expect(verdict.verdict).toBe('scam');
          expect(verdict.reasons.length).toBeGreaterThan(0);
        } else {
          expect(verdict.verdict).not.toBe('scam');
        }
      } finally {
        await opened.close();
      }
    });
  }
});
