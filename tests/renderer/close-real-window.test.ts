/**
 * The app's close action over the real services AND the real X11 adapter: Debian's Chromium on
 * a private Xvfb display shows a full-screen page with a bland title and no text (the detector
 * says "clean"); the person presses "Close the scary screen" in the built renderer, and the
 * page is gone, recorded as the person's decision. A non-browser window in front is left alone
 * with a plain message.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/engine/detect/index.js';
import { isProcessGone } from '../e2e/support/chromium.js';
import { useWatchStage } from '../e2e/support/stages.js';
import { clickPage, eventually, openPage, stopBrowser, waitFullScreen, windowsOf } from '../e2e/support/watch-harness.js';
import { startHarness, type Harness } from './support/harness.js';
import { realRecovery } from './support/recovery.js';

const stage = useWatchStage();

describe('the app\'s close action on real windows', { timeout: 180_000 }, () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ recovery: realRecovery(), platform: stage.platform });
    await harness.open('home');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('closes a full-screen page whose verdict is "clean"', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('clean-fullscreen.html'), 'Welcome');
    try {
      await clickPage(browser);
      await waitFullScreen(stage.display, window.id);
      expect(classify({ title: window.title, process: 'chromium' }).verdict).toBe('clean');
      await harness.page.locator('#home-close').click();
      await harness.page.locator('#home-result', { hasText: 'The scary screen is closed.' }).waitFor({ timeout: 60_000 });
      expect(await windowsOf(stage.display, browser.pid)).toEqual([]);
      await eventually(() => (isProcessGone(browser.pid) ? true : undefined), 'the browser to end');
      const texts = harness.services.history().flatMap((incident) => incident.timeline.map((entry) => entry.text));
      expect(texts.some((text) => text.startsWith('Action: You closed the page — done'))).toBe(true);
    } finally {
      await stopBrowser(browser);
    }
  });

  it('leaves a window of another program alone and says so', async () => {
    const xmessage = spawn('xmessage', ['-name', 'notbrowser', 'Your PC is infected with Trojan! Call +1-888-555-0147'], { env: stage.display.env, stdio: 'ignore' });
    try {
      await eventually(async () => {
        const front = await stage.platform.windows.foreground().catch(() => null);
        return front !== null && !front.title.includes('Chromium') ? true : undefined;
      }, 'the xmessage window in front');
      await harness.page.locator('#home-close').click();
      await harness.page.locator('#home-result', { hasText: 'not a web browser' }).waitFor({ timeout: 30_000 });
      expect(isProcessGone(xmessage.pid ?? -1)).toBe(false);
    } finally {
      xmessage.kill('SIGTERM');
    }
  });
});
