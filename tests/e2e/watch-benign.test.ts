/**
 * What the watcher must leave alone, with close mode "auto" and the real X11 adapter: a
 * full-screen page with a bland title is reported as suspicious but stays open; a full-screen
 * video, a news article about support scams and a long document are never closed.
 *
 * "Nothing happened" is only checked after a barrier, never after a sleep: a known scam page is
 * brought to the front and the watcher must detect and close it (see `closeControlScam`).
 */
import { describe, expect, it } from 'vitest';
import { createWatcher, systemClock, type Watcher } from '../../src/engine/watch/index.js';
import type { WatchEvent } from '../../src/shared/watch-events.js';
import { isProcessGone, launchChromium } from './support/chromium.js';
import { useWatchStage } from './support/stages.js';
import { stopBrowser, clickPage, EventLog, eventually, openPage, waitFullScreen, windowsOf, withFirstList } from './support/watch-harness.js';

const stage = useWatchStage();

/** Two browsers start per test (the page, then the control scam); each was seen taking > 20 s on a loaded 2-core machine. */
const TEST_MS = 150_000;

/**
 * Ordering barrier: opens a plain scam page (scam title, no traps) in a browser of its own, so it
 * comes to the front after the page under test, and waits until the watcher has detected and
 * closed it. The watcher judges foreground windows one by one in the order they come forward
 * (a detection is emitted while the window is judged), so by then it has judged the page under
 * test and, had it been a scam, detected it and started closing it. It is also the positive
 * control: in this very set-up the watcher does close a scam. Returns the control browser's pid.
 */
async function closeControlScam(log: EventLog): Promise<number> {
  // Not openPage: the watcher may close the window before a poll for its title would see it.
  const control = await launchChromium({ env: stage.display.env, url: stage.server.url('popup.html'), extraArgs: ['--window-size=1200,800'] });
  try {
    const detected = await log.waitFor('detected', (e) => e.window.pid === control.pid, 60_000);
    expect(detected.next).toBe('close');
    await log.waitFor('action-taken', (e) => e.window.pid === control.pid, 60_000);
    return control.pid;
  } finally {
    await stopBrowser(control);
  }
}

/** The events about anything but the control scam's browser. */
function aboutOthers<T extends WatchEvent>(events: T[], controlPid: number): T[] {
  return events.filter((e) => !('window' in e) || e.window.pid !== controlPid);
}

/**
 * Opens a page (clicking it when `click`), watches it in auto mode until the watcher has judged
 * it and closed the control scam after it, returns the log.
 */
async function watchPage(page: string, titlePart: string, click: boolean): Promise<{ log: EventLog; windowId: string; stillOpen: boolean; browserAlive: boolean; controlPid: number }> {
  const { browser, window } = await openPage(stage.display, stage.server.url(page), titlePart);
  const log = new EventLog();
  let watcher: Watcher | undefined;
  try {
    if (click) {
      await clickPage(browser);
      await waitFullScreen(stage.display, window.id);
    }
    // The page is in front when watching starts: the watcher's first report (and so its first judgement) is this page.
    await eventually(async () => ((await stage.platform.windows.foreground())?.id === window.id ? true : undefined), 'the page in front');
    watcher = createWatcher({ windows: stage.platform.windows, actions: stage.platform.actions, clock: systemClock }, { closeMode: 'auto' });
    watcher.subscribe(log.push);
    watcher.start();
    await log.waitFor('status', (e) => e.state === 'watching');
    const controlPid = await closeControlScam(log);
    const stillOpen = (await windowsOf(stage.display, browser.pid)).some((w) => w.id === window.id);
    return { log, windowId: window.id, stillOpen, browserAlive: !isProcessGone(browser.pid), controlPid };
  } finally {
    watcher?.stop();
    await stopBrowser(browser);
  }
}

describe('pages the watcher must leave open', () => {
  it('reports a full-screen "Security Center" page as suspicious and leaves it alone', async () => {
    const { log, windowId, stillOpen, browserAlive, controlPid } = await watchPage('bland-fullscreen.html', 'Security Center', true);
    const suspicious = await log.waitFor('suspicious');
    expect(suspicious.window.windowId).toBe(windowId);
    expect(suspicious.window.fullscreen).toBe(true);
    expect(suspicious.verdict.verdict).toBe('suspicious');
    expect(suspicious.contentCheck).toBe(false); // no page reader given here
    expect(aboutOthers(log.ofType('detected'), controlPid)).toEqual([]);
    expect(aboutOthers(log.ofType('action-taken'), controlPid)).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, TEST_MS);

  it('never closes a full-screen family video', async () => {
    const { log, stillOpen, browserAlive, controlPid } = await watchPage('video-fullscreen.html', 'holiday', true);
    expect(aboutOthers(log.ofType('detected'), controlPid)).toEqual([]);
    expect(aboutOthers(log.ofType('action-taken'), controlPid)).toEqual([]);
    expect(aboutOthers(log.ofType('action-failed'), controlPid)).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, TEST_MS);

  it('never closes a news article about tech support scams', async () => {
    const { log, stillOpen, browserAlive, controlPid } = await watchPage('news-support-scams.html', 'tech support scams', false);
    expect(aboutOthers(log.ofType('detected'), controlPid)).toEqual([]);
    expect(aboutOthers(log.ofType('suspicious'), controlPid)).toEqual([]);
    expect(aboutOthers(log.ofType('action-taken'), controlPid)).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, TEST_MS);

  it('never closes a long document', async () => {
    const { log, stillOpen, browserAlive, controlPid } = await watchPage('long-document.html', 'Garden club', false);
    expect(aboutOthers(log.ofType('detected'), controlPid)).toEqual([]);
    expect(aboutOthers(log.ofType('action-taken'), controlPid)).toEqual([]);
    expect(stillOpen && browserAlive).toBe(true);
  }, TEST_MS);

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
      // All 6 popups shown (each judged as it came forward), then the barrier after them.
      await eventually(async () => ((await windowsOf(stage.display, browser.pid)).length >= 7 ? true : undefined), 'the page and its 6 popups', 60_000);
      const controlPid = await closeControlScam(log);
      expect((await windowsOf(stage.display, browser.pid)).length).toBe(7); // the page and its 6 popups
      expect(aboutOthers(log.ofType('detected'), controlPid)).toEqual([]);
      expect(aboutOthers(log.ofType('action-taken'), controlPid)).toEqual([]);
    } finally {
      watcher.stop();
      await stopBrowser(browser);
    }
  }, TEST_MS);
});
