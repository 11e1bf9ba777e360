/**
 * What the watcher must leave alone, with close mode "auto" and the real X11 adapter: a
 * full-screen page with a bland title is reported as suspicious but stays open; a full-screen
 * video, a news article about support scams and a long document are never closed.
 */
import { describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { createWatcher, systemClock, type Watcher } from '../../src/engine/watch/index.js';
import { isProcessGone } from './support/chromium.js';
import { useWatchStage } from './support/stages.js';
import { stopBrowser, clickPage, EventLog, openPage, waitFullScreen, windowsOf, withFirstList } from './support/watch-harness.js';

const stage = useWatchStage();

/** Opens a page (clicking it when `click`), watches it in auto mode for a while, returns the log. */
async function watchPage(page: string, titlePart: string, click: boolean): Promise<{ log: EventLog; windowId: string; stillOpen: boolean; browserAlive: boolean }> {
  const { browser, window } = await openPage(stage.display, stage.server.url(page), titlePart);
  const log = new EventLog();
  let watcher: Watcher | undefined;
  try {
    if (click) {
      await clickPage(browser);
      await waitFullScreen(stage.display, window.id);
    }
    watcher = createWatcher({ windows: stage.platform.windows, actions: stage.platform.actions, clock: systemClock }, { closeMode: 'auto' });
    watcher.subscribe(log.push);
    watcher.start();
    await log.waitFor('status', (e) => e.state === 'watching');
    // Long enough for a detection (they come in well under a second) and a whole escalation.
    await delay(4_000);
    const stillOpen = (await windowsOf(stage.display, browser.pid)).some((w) => w.id === window.id);
    return { log, windowId: window.id, stillOpen, browserAlive: !isProcessGone(browser.pid) };
  } finally {
    watcher?.stop();
    await stopBrowser(browser);
  }
}

describe('pages the watcher must leave open', () => {
  it('reports a full-screen "Security Center" page as suspicious and leaves it alone', async () => {
    const { log, windowId, stillOpen, browserAlive } = await watchPage('bland-fullscreen.html', 'Security Center', true);
    const suspicious = await log.waitFor('suspicious');
    expect(suspicious.window.windowId).toBe(windowId);
    expect(suspicious.window.fullscreen).toBe(true);
    expect(suspicious.verdict.verdict).toBe('suspicious');
    expect(suspicious.contentCheck).toBe(false); // no page reader given here
    expect(log.ofType('detected')).toEqual([]);
    expect(log.ofType('action-taken')).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, 90_000);

  it('never closes a full-screen family video', async () => {
    const { log, stillOpen, browserAlive } = await watchPage('video-fullscreen.html', 'holiday', true);
    expect(log.ofType('detected')).toEqual([]);
    expect(log.ofType('action-taken')).toEqual([]);
    expect(log.ofType('action-failed')).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, 90_000);

  it('never closes a news article about tech support scams', async () => {
    const { log, stillOpen, browserAlive } = await watchPage('news-support-scams.html', 'tech support scams', false);
    expect(log.ofType('detected')).toEqual([]);
    expect(log.ofType('suspicious')).toEqual([]);
    expect(log.ofType('action-taken')).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, 90_000);

  it('never closes a long document', async () => {
    const { log, stillOpen, browserAlive } = await watchPage('long-document.html', 'Garden club', false);
    expect(log.ofType('detected')).toEqual([]);
    expect(log.ofType('action-taken')).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, 90_000);

  it('reports a burst of bland popups as suspicious and closes none of them', async () => {
    const { browser } = await openPage(stage.display, stage.server.url('popup-storm-bland.html'), 'Please wait', ['--disable-popup-blocking']);
    const log = new EventLog();
    const { windows, firstList } = withFirstList(stage.platform.windows);
    // The page opens its 6 popups in one loop, but on a loaded 2-core machine Chromium was seen
    // taking 11 s to show them all; the default rule's 5 s window is a timing (unit-tested with a
    // fake clock): here the plumbing is tested, real windows through the X11 adapter.
    const burst = { count: 4, withinMs: 60_000 };
    const watcher = createWatcher({ windows, actions: stage.platform.actions, clock: systemClock }, { closeMode: 'auto', burst });
    watcher.subscribe(log.push);
    try {
      watcher.start();
      await log.waitFor('status', (e) => e.state === 'watching');
      await firstList; // popups opened before the watcher's first list would count as old
      await clickPage(browser);
      const suspicious = await log.waitFor('suspicious', (e) => e.cause === 'popup-burst');
      expect(suspicious.window.pid).toBe(browser.pid);
      await delay(3_000);
      expect((await windowsOf(stage.display, browser.pid)).length).toBe(7); // the page and its 6 popups
      expect(log.ofType('detected')).toEqual([]);
      expect(log.ofType('action-taken')).toEqual([]);
    } finally {
      watcher.stop();
      await stopBrowser(browser);
    }
  }, 90_000);
});
