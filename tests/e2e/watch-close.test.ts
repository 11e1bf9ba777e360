/**
 * The real watcher (engine + X11 adapter) against our scam kit pages in Debian's Chromium under
 * Xvfb + openbox, close mode "auto": each page is detected and gone, and the browser is not
 * left running without windows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWatcher, systemClock, type Watcher } from '../../src/engine/watch/index.js';
import { isProcessGone } from './support/chromium.js';
import { useWatchStage } from './support/stages.js';
import { stopBrowser, clickPage, EventLog, eventually, openPage, waitFullScreen, windowsOf } from './support/watch-harness.js';

const SCAM = 'Your PC is infected with Trojan';

const stage = useWatchStage();

function startWatcher(log: EventLog): Watcher {
  const watcher = createWatcher({ windows: stage.platform.windows, actions: stage.platform.actions, clock: systemClock }, { closeMode: 'auto' });
  watcher.subscribe(log.push);
  watcher.subscribe((event) => {
    if (event.type === 'action-taken' || event.type === 'action-failed') console.log(JSON.stringify({ type: event.type, title: event.window.title.slice(0, 40), steps: event.steps }));
  });
  watcher.start();
  return watcher;
}

async function expectBrowserGone(pid: number): Promise<void> {
  await eventually(() => (isProcessGone(pid) ? true : undefined), `browser ${pid} to end`, 20_000);
}

describe('watch --close=auto on real scam kits', () => {
  it('closes a full-screen Defender page holding keyboard.lock() and playing an alarm', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('defender-fullscreen.html'), SCAM);
    const log = new EventLog();
    let watcher: Watcher | undefined;
    try {
      await clickPage(browser);
      await waitFullScreen(stage.display, window.id);
      watcher = startWatcher(log);
      const detected = await log.waitFor('detected');
      expect(detected.verdict.verdict).toBe('scam');
      expect(detected.window.pid).toBe(browser.pid);
      expect(detected.window.fullscreen).toBe(true);
      expect(detected.next).toBe('close');
      const taken = await log.waitFor('action-taken');
      expect(taken.window.windowId).toBe(window.id);
      expect(taken.steps.map((s) => s.step)).toEqual(['exit-fullscreen', 'polite-close', 'confirm-leave', 'terminate', 'prevent-restore']);
      expect(await windowsOf(stage.display, browser.pid)).toEqual([]);
      await expectBrowserGone(browser.pid);
      expect(log.ofType('action-failed')).toEqual([]);
    } finally {
      watcher?.stop();
      await stopBrowser(browser);
    }
  }, 90_000);

  it('gets past a beforeunload "Leave site?" trap with history spam', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('beforeunload-trap.html'), SCAM);
    const log = new EventLog();
    let watcher: Watcher | undefined;
    try {
      await clickPage(browser);
      watcher = startWatcher(log);
      const taken = await log.waitFor('action-taken');
      expect(taken.window.windowId).toBe(window.id);
      const polite = taken.steps.find((s) => s.step === 'polite-close');
      expect(polite?.status).toBe('failed'); // the trap held the window open
      const escalated = taken.steps.filter((s) => (s.step === 'confirm-leave' || s.step === 'terminate') && s.status === 'done');
      expect(escalated.length).toBeGreaterThan(0);
      if (taken.outcome === 'terminated') expect(taken.closedAllBrowserWindows).toBe(true);
      await expectBrowserGone(browser.pid);
    } finally {
      watcher?.stop();
      await stopBrowser(browser);
    }
  }, 90_000);

  it('notices a title that turns scary after the click (watcher already running) and closes it', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('late-title.html'), 'Loading');
    const log = new EventLog();
    const watcher = startWatcher(log);
    try {
      await log.waitFor('status', (e) => e.state === 'watching');
      expect(log.ofType('detected')).toEqual([]);
      await clickPage(browser);
      const detected = await log.waitFor('detected');
      expect(detected.window.windowId).toBe(window.id);
      expect(detected.window.title).toContain(SCAM);
      await log.waitFor('action-taken');
      await expectBrowserGone(browser.pid);
    } finally {
      watcher.stop();
      await stopBrowser(browser);
    }
  }, 90_000);

  it('closes a page stuck in an alert() loop', async () => {
    const { browser } = await openPage(stage.display, stage.server.url('alert-loop.html'), 'Loading');
    const log = new EventLog();
    let watcher: Watcher | undefined;
    try {
      await clickPage(browser);
      watcher = startWatcher(log);
      await log.waitFor('detected');
      await log.waitFor('action-taken');
      await expectBrowserGone(browser.pid);
    } finally {
      watcher?.stop();
      await stopBrowser(browser);
    }
  }, 90_000);

  it('closes a storm of stacked popups and does not leave the browser running windowless', async () => {
    const { browser } = await openPage(stage.display, stage.server.url('popup-storm.html'), 'Loading', ['--disable-popup-blocking']);
    const log = new EventLog();
    const watcher = startWatcher(log);
    try {
      await log.waitFor('status', (e) => e.state === 'watching');
      await clickPage(browser);
      // Each popup carries a scam title: the watcher closes them as they stack up.
      await log.waitFor('action-taken');
      await eventually(async () => ((await windowsOf(stage.display, browser.pid)).length === 0 ? true : undefined), 'every popup to be gone', 60_000);
      await expectBrowserGone(browser.pid);
      const detectedWindows = new Set(log.ofType('detected').map((e) => e.window.windowId));
      expect(detectedWindows.size).toBeGreaterThan(1); // the opener and popups, not one window
      expect(log.ofType('action-failed')).toEqual([]);
    } finally {
      watcher.stop();
      await stopBrowser(browser);
    }
  }, 120_000);
});

describe('escalation to ending the browser', () => {
  it('ends the whole browser tree when "Leave site?" cannot be confirmed, and stops it restoring the page', async () => {
    const { browser } = await openPage(stage.display, stage.server.url('beforeunload-trap.html'), SCAM);
    const log = new EventLog();
    // The same X11 actions, except that the "Leave site?" prompt is never confirmed: a stand-in
    // for a page that resists every polite way out.
    const stubborn = Object.assign(Object.create(stage.platform.actions) as typeof stage.platform.actions, {
      confirmLeavePage: async () => ({ status: 'failed' as const, detail: 'test: prompt left alone' }),
    });
    const watcher = createWatcher({ windows: stage.platform.windows, actions: stubborn, clock: systemClock }, { closeMode: 'auto' });
    watcher.subscribe(log.push);
    try {
      await clickPage(browser);
      watcher.start();
      const taken = await log.waitFor('action-taken');
      expect(taken.outcome).toBe('terminated');
      expect(taken.closedAllBrowserWindows).toBe(true);
      expect(taken.message).toMatch(/all its tabs/);
      expect(taken.steps.find((s) => s.step === 'terminate')?.status).toBe('done');
      expect(taken.steps.find((s) => s.step === 'prevent-restore')?.status).toBe('done');
      await expectBrowserGone(browser.pid);
      const prefs = JSON.parse(readFileSync(join(browser.profileDir, 'Default', 'Preferences'), 'utf8')) as { profile?: { exit_type?: string; exited_cleanly?: boolean } };
      expect(prefs.profile?.exit_type).toBe('Normal');
      expect(prefs.profile?.exited_cleanly).toBe(true);
    } finally {
      watcher.stop();
      await stopBrowser(browser);
    }
  }, 90_000);
});
