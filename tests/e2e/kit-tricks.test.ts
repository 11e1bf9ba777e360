/**
 * Tricks learned from real tech-support scam kits (scripts/kits/manifest.json), each reproduced
 * by a page of our own (tests/e2e/pages), run as a person meets them: Chromium on a private Xvfb
 * stage.display, one click, `scarestop watch --close=auto --json` watching. Every trick hides the
 * threat from the title (and some from the page's text nodes too): only reading the screen
 * (xwd + Tesseract), again when the page changes, catches it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessGone, type RunningChromium } from './support/chromium.js';
import { startJsonWatch } from './support/scarestop-cli.js';
import { useStaticStage } from './support/stages.js';
import { cdpUrlOf, clickPage, eventually, openPage, stopBrowser } from './support/watch-harness.js';

const stage = useStaticStage();
const home = mkdtempSync(join(tmpdir(), 'scarestop-e2e-kit-tricks-'));

afterAll(() => rmSync(home, { recursive: true, force: true }));

const startWatch = () => startJsonWatch(['--close=auto', '--json'], { ...stage.display.env, SCARESTOP_HOME: home });

/** What a DOM reader (an extension, a crawler) gets from the page. */
async function domText(browser: RunningChromium): Promise<string> {
  const cdp = await playwright.connectOverCDP(await cdpUrlOf(browser), { noDefaults: true });
  try {
    return (await cdp.contexts()[0]?.pages()[0]?.evaluate(() => `${document.title}\n${document.body.innerText}`)) ?? '';
  } finally {
    await cdp.close();
  }
}

interface Trick {
  readonly page: string;
  /** Title shown when the page opens. */
  readonly title: string;
  readonly what: string;
  /** The page's own text never names the threat (image or canvas): the screen must be read. */
  readonly noDomText?: boolean;
}

const TRICKS: readonly Trick[] = [
  { page: 'image-warning.html', title: 'Security Center', what: 'the warning is one picture (with full screen, keyboard lock and an alarm)', noDomText: true },
  { page: 'canvas-warning.html', title: 'Security Center', what: 'the warning is painted on a canvas', noDomText: true },
  { page: 'fake-scan.html', title: 'Windows Security', what: 'a fake scan counts files for 3 s, then lists threats and a number' },
  { page: 'apple-disguise.html', title: 'Apple', what: 'it wears an Apple/macOS disguise under a one-word title' },
  { page: 'cloaked-landing.html', title: 'Sunny Paws Pet Care', what: 'a decoy pet-care page turns into the scare on the first click, title unchanged' },
  { page: 'title-churn.html', title: 'Security Center', what: 'the title changes every 700 ms' },
];

describe('kit tricks under scarestop watch --close=auto', () => {
  for (const trick of TRICKS) {
    it(`closes a page where ${trick.what}`, async () => {
      const { browser, window } = await openPage(stage.display, stage.server.url(trick.page), trick.title);
      const cli = startWatch();
      try {
        await eventually(() => cli.lines.find((l) => l['event'] === 'status'), 'the watcher to start', 30_000);
        if (trick.noDomText === true) expect(await domText(browser)).not.toMatch(/defender|microsoft|virus|infected|888/i);
        await clickPage(browser);
        const taken = await eventually(() => cli.lines.find((l) => l['event'] === 'action-taken'), 'the page to be closed', 90_000);
        const detected = cli.lines.find((l) => l['event'] === 'detected');
        // The title never says "scam": the verdict comes from reading the screen.
        expect(detected).toMatchObject({ verdict: 'scam', stage: 'content', windowId: window.id, next: 'close' });
        expect(taken).toMatchObject({ windowId: window.id, pid: browser.pid });
        await eventually(() => (isProcessGone(browser.pid) ? true : undefined), 'the browser to end');
      } finally {
        cli.child.kill('SIGKILL');
        await stopBrowser(browser);
      }
    }, 150_000);
  }
});
