/**
 * `scarestop inspect` for real: the CLI from sources reads the full-screen Japanese test page in
 * front (and the same window by --window ID) and prints the text and the verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startDisplay, type TestDisplay } from './support/display.js';
import { CONTENT_PAGES, openPage, servePages, waitForFullScreen, type OpenPage, type PageServer } from './content-pages/harness.js';

const run = promisify(execFile);

describe('scarestop inspect (Linux, Xvfb, Chromium)', () => {
  let display: TestDisplay;
  let server: PageServer;
  let opened: OpenPage;
  let windowId: string;

  beforeAll(async () => {
    display = await startDisplay();
    server = await servePages();
    opened = await openPage(display, server.url(CONTENT_PAGES.defenderJa.file));
    await opened.clickToFullScreen();
    windowId = await waitForFullScreen(display);
  });
  afterAll(async () => {
    await opened?.close();
    await server?.close();
    await display?.stop();
  });

  it('reads the window in front and prints its text and verdict as JSON', { timeout: 90_000 }, async () => {
    const { stdout } = await run('node', ['bin/scarestop.mjs', 'inspect', '--json'], { env: display.env, timeout: 80_000 });
    const answer = JSON.parse(stdout) as { windowId: string; text: string; verdict: string; reasons: Array<{ signal: string }>; captureMs: number; ocrMs: number; languages: string };
    console.log(`[content-inspect] ${answer.windowId}: ${answer.verdict}, capture ${answer.captureMs} ms, OCR ${answer.ocrMs} ms\n${answer.text}`);
    expect(answer.windowId).toBe(windowId);
    expect(answer.languages).toBe('jpn+eng');
    expect(answer.text).toMatch(/このPCへのアクセス/);
    expect(answer.text).toMatch(/050-5846-1234/);
    expect(answer.verdict).toBe('scam');
    expect(answer.reasons.length).toBeGreaterThan(0);
  });

  it('reads a window by --window ID and prints plain lines, page text quoted', { timeout: 90_000 }, async () => {
    const { stdout } = await run('node', ['bin/scarestop.mjs', 'inspect', '--window', windowId, '--lang', 'jpn+eng'], { env: display.env, timeout: 80_000 });
    expect(stdout).toContain(`Window ${windowId}`);
    expect(stdout).toMatch(/^ {2}\| .*ブロックされ/m);
    expect(stdout).toMatch(/^Verdict: scam/m);
  });

  it('says so when the window does not exist, with exit status 1', { timeout: 60_000 }, async () => {
    const failed = await run('node', ['bin/scarestop.mjs', 'inspect', '--window', '0x7ffffff0'], { env: display.env, timeout: 50_000 }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/window-gone|capture-failed/);
  });
});
