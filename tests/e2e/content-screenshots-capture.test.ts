/**
 * The Windows capture code (ScreenshotsWindowCapture over node-screenshots) run for real: the
 * package also ships a Linux X11 binary, so the same lookup-by-id, RGBA→gray and prepare steps
 * are exercised here on a full-screen Chromium page, then read with Tesseract. (Windows.Media.Ocr
 * itself cannot run on Linux; its mapping is unit-tested with a fake module.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSerialPageTextReader } from '../../src/platform/page-text/serial-reader.js';
import { TesseractRecognizer } from '../../src/platform/linux/tesseract-ocr.js';
import { ScreenshotsWindowCapture } from '../../src/platform/win32/screenshots-capture.js';
import { startDisplay, type TestDisplay } from './support/display.js';
import { CONTENT_PAGES, openPage, servePages, waitForFullScreen, type OpenPage, type PageServer } from './content-pages/harness.js';

describe('ScreenshotsWindowCapture for real (node-screenshots on X11)', () => {
  let display: TestDisplay;
  let server: PageServer;
  let opened: OpenPage;
  let decimalId: string;
  const savedDisplay = process.env['DISPLAY'];

  beforeAll(async () => {
    display = await startDisplay();
    // node-screenshots connects to the X server named by this process's DISPLAY.
    process.env['DISPLAY'] = display.display;
    server = await servePages();
    opened = await openPage(display, server.url(CONTENT_PAGES.defenderEn.file));
    await opened.clickToFullScreen();
    decimalId = String(Number.parseInt(await waitForFullScreen(display), 16));
  });
  afterAll(async () => {
    if (savedDisplay === undefined) delete process.env['DISPLAY'];
    else process.env['DISPLAY'] = savedDisplay;
    await opened?.close();
    await server?.close();
    await display?.stop();
  });

  it('captures the window by id and the text reads like the xwd path', { timeout: 90_000 }, async () => {
    const capture = new ScreenshotsWindowCapture({ scale: 1.5 });
    expect(await capture.isWindowOpen(decimalId)).toBe(true);
    const image = await capture.capture({ id: decimalId, title: 'Security Center - Chromium', fullscreen: true }, new AbortController().signal);
    expect([image.width, image.height]).toEqual([1280, 720]);
    const reader = createSerialPageTextReader(capture, new TesseractRecognizer({ env: display.env }));
    const reading = await reader.read({ id: decimalId, title: 'Security Center - Chromium', fullscreen: true });
    console.log(`[content-screenshots] capture ${reading.captureMs.toFixed(0)} ms, OCR ${reading.ocrMs.toFixed(0)} ms\n${reading.text}`);
    expect(reading.text).toMatch(/Access to this PC has been blocked/i);
    expect(reading.text).toMatch(/\+1-844-555-0147/);
  });

  it('says window-gone for a window that does not exist', { timeout: 30_000 }, async () => {
    const capture = new ScreenshotsWindowCapture();
    await expect(capture.capture({ id: '123456789', title: '' }, new AbortController().signal)).rejects.toMatchObject({ code: 'window-gone' });
  });
});
