import { beforeEach, describe, expect, it } from 'vitest';
import { createWatcher, type Watcher, type WatcherOptions, type WatcherDeps } from '../../../src/engine/watch/index.js';
import { PlatformError } from '../../../src/engine/ports/errors.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { browserWindow, FakeClock, FakeDesktop, FakeReader, flush, SCAM_TITLE } from './fakes.js';
import { testClassify } from './test-classify.js';

let clock: FakeClock;
let desktop: FakeDesktop;
let events: WatchEvent[];

function start(options: WatcherOptions = {}, deps: Partial<WatcherDeps> = {}): Watcher {
  const watcher = createWatcher({ windows: desktop, actions: desktop, clock, classify: testClassify, ...deps }, options);
  watcher.subscribe((event) => events.push(event));
  watcher.start();
  return watcher;
}
const ofType = <T extends WatchEvent['type']>(type: T): Extract<WatchEvent, { type: T }>[] => events.filter((e): e is Extract<WatchEvent, { type: T }> => e.type === type);

beforeEach(() => {
  clock = new FakeClock();
  desktop = new FakeDesktop();
  events = [];
});

describe('watcher: detection', () => {
  it('reports a scam title at once, with the window and the time it took', async () => {
    start({ closeMode: 'never' });
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await flush();
    const [detected] = ofType('detected');
    expect(detected).toMatchObject({ stage: 'title', next: 'report-only', ms: 0, window: { windowId: '0x1', pid: 4242, title: SCAM_TITLE } });
    expect(detected?.verdict.verdict).toBe('scam');
    expect(desktop.calls).toEqual([]);
  });

  it('never judges or acts on a program that is not a browser', async () => {
    start({ closeMode: 'auto' });
    desktop.show(browserWindow('0x2', SCAM_TITLE, { processPath: '/usr/bin/libreoffice', processName: 'soffice.bin' }));
    desktop.show(browserWindow('0x3', SCAM_TITLE, { processPath: undefined, processName: undefined, pid: undefined }));
    await clock.advance(10_000);
    expect(ofType('detected')).toEqual([]);
    expect(desktop.calls).toEqual([]);
  });

  it('reports a flickering title once, not once per flicker', async () => {
    start({ closeMode: 'never' });
    for (let i = 0; i < 20; i += 1) {
      desktop.show(browserWindow('0x1', i % 2 === 0 ? SCAM_TITLE : 'Loading - Chromium'));
      await clock.advance(150);
    }
    expect(ofType('detected')).toHaveLength(1);
  });

  it('rate-limits repeated alerts for the same window and alerts again after the pause', async () => {
    start({ closeMode: 'never', alertRepeatMs: 60_000 });
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await clock.advance(30_000);
    desktop.show(browserWindow('0x1', `${SCAM_TITLE} (2)`));
    expect(ofType('detected')).toHaveLength(1);
    await clock.advance(31_000);
    desktop.show(browserWindow('0x1', `${SCAM_TITLE} (3)`));
    expect(ofType('detected')).toHaveLength(2);
    desktop.show(browserWindow('0x9', SCAM_TITLE)); // another window is its own alert
    expect(ofType('detected')).toHaveLength(3);
  });

  it('treats a reused window id in a new browser process as a new window (X11 reuses ids)', async () => {
    start({ closeMode: 'never', alertRepeatMs: 60_000 });
    desktop.show(browserWindow('0x400002', SCAM_TITLE, { pid: 100 }));
    desktop.remove('0x400002');
    desktop.showNothing();
    await clock.advance(1_000);
    desktop.show(browserWindow('0x400002', SCAM_TITLE, { pid: 200 }));
    expect(ofType('detected').map((e) => e.window.pid)).toEqual([100, 200]);
  });

  it('leaves a title on the allow list alone', async () => {
    const watcher = start({ closeMode: 'auto', allowList: [{ kind: 'title', value: 'Virus lab - internal dashboard' }] });
    desktop.show(browserWindow('0x1', 'Virus lab - internal dashboard - Chromium'));
    await clock.advance(10_000);
    expect(ofType('detected').map((e) => e.next)).toEqual(['allow-listed']);
    expect(desktop.calls).toEqual([]);
    // A new list replaces the old one at once, without rebuilding the watcher.
    watcher.setAllowList([{ kind: 'title', value: 'antivirus lab - infected files report' }]);
    desktop.show(browserWindow('0x2', 'Antivirus lab - infected files report - Chromium'));
    await clock.advance(10_000);
    expect(ofType('detected').map((e) => e.next)).toEqual(['allow-listed', 'allow-listed']);
    expect(desktop.calls).toEqual([]);
    desktop.show(browserWindow('0x3', 'Virus lab - internal dashboard - Chromium'));
    await clock.advance(10_000);
    expect(ofType('detected').map((e) => e.next)).toEqual(['allow-listed', 'allow-listed', 'close']);
  });

  it('reports a full-screen browser page with a bland title as suspicious, once per title, and never closes it', async () => {
    start({ closeMode: 'auto' });
    const bland = browserWindow('0x1', 'Security Center - Chromium', { fullscreen: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 } });
    desktop.show(bland);
    desktop.show(bland);
    await clock.advance(10_000);
    const suspicious = ofType('suspicious');
    expect(suspicious).toHaveLength(1);
    expect(suspicious[0]).toMatchObject({ cause: 'fullscreen', contentCheck: false, window: { fullscreen: true } });
    expect(suspicious[0]?.verdict.reasons.map((r) => r.signal)).toContain('fullscreen');
    expect(ofType('detected')).toEqual([]);
    expect(desktop.calls).toEqual([]);
  });

  it('sees a popup burst (many new browser windows at once) as suspicious', async () => {
    start({ closeMode: 'auto', burst: { count: 4, withinMs: 5_000 } });
    desktop.show(browserWindow('0x100', 'My mail - Chromium'));
    await clock.advance(1_000);
    for (let i = 1; i <= 4; i += 1) {
      desktop.show(browserWindow(`0x${i}`, 'Untitled - Chromium'));
      await clock.advance(200);
    }
    const suspicious = ofType('suspicious');
    expect(suspicious.length).toBeGreaterThan(0);
    expect(suspicious.every((e) => e.cause === 'popup-burst')).toBe(true);
    expect(suspicious.map((e) => e.window.windowId)).not.toContain('0x100');
    expect(desktop.calls).toEqual([]);
  });

  it('judges the window in front as part of a burst even when the list that reveals it ends after its own report (busy machine)', async () => {
    start({ closeMode: 'auto', burst: { count: 4, withinMs: 5_000 } });
    desktop.show(browserWindow('0x100', 'My mail - Chromium'));
    await clock.advance(1_000);
    desktop.holdLists = true;
    desktop.show(browserWindow('0x1', 'Untitled - Chromium')); // list A is taken now, answers late
    desktop.show(browserWindow('0x2', 'Untitled - Chromium'));
    desktop.show(browserWindow('0x3', 'Untitled - Chromium'));
    desktop.showNothing(); // X reports no active window while the next popup maps
    desktop.open(browserWindow('0x4', 'Untitled - Chromium'));
    desktop.releaseList(); // A: two new windows, no burst yet; list B starts with all four
    await flush();
    desktop.show(browserWindow('0x4', 'Untitled - Chromium')); // in front before B answers
    desktop.releaseList(); // B: the burst, 0x4 in it
    await flush();
    desktop.releaseList();
    await flush();
    const suspicious = ofType('suspicious');
    expect(suspicious.map((e) => [e.window.windowId, e.cause])).toContainEqual(['0x4', 'popup-burst']);
    expect(desktop.calls).toEqual([]);
  });
});

describe('watcher: close modes', () => {
  it('auto: escalates and reports the window gone', async () => {
    start({ closeMode: 'auto' });
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await clock.advance(10_000);
    const [taken] = ofType('action-taken');
    expect(taken).toMatchObject({ outcome: 'closed', closedAllBrowserWindows: false, window: { windowId: '0x1' } });
    expect(desktop.calls).toEqual(['closeWindow 0x1']);
  });

  it('auto: closes the other windows of the same popup burst too', async () => {
    start({ closeMode: 'auto', burst: { count: 3, withinMs: 5_000 } });
    desktop.show(browserWindow('0x100', 'My mail - Chromium', { pid: 7 }));
    await clock.advance(1_000);
    desktop.alivePids.add(7);
    for (let i = 1; i <= 3; i += 1) {
      desktop.show(browserWindow(`0x${i}`, 'Untitled - Chromium'));
      await clock.advance(100);
    }
    desktop.show(browserWindow('0x4', SCAM_TITLE));
    await clock.advance(10_000);
    expect(ofType('action-taken').length).toBeGreaterThan(0);
    expect(desktop.windows.map((w) => w.id)).toEqual(['0x100']); // only the person's own window is left
  });

  it('ask: closes only when the person says yes', async () => {
    const answers = [false, true];
    const asked: string[] = [];
    start({ closeMode: 'ask', alertRepeatMs: 1_000 }, { confirmClose: async ({ window }) => (asked.push(window.id), answers.shift() ?? false) });
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await clock.advance(500);
    expect(asked).toEqual(['0x1']);
    expect(desktop.calls).toEqual([]);
    await clock.advance(1_000);
    desktop.show(browserWindow('0x1', `${SCAM_TITLE}!`));
    await clock.advance(10_000);
    expect(asked).toEqual(['0x1', '0x1']);
    expect(desktop.calls).toEqual(['closeWindow 0x1']);
    expect(ofType('detected').map((e) => e.next)).toEqual(['ask', 'ask']);
  });

  it('never: only reports; setCloseMode switches to auto', async () => {
    const watcher = start({ closeMode: 'never', alertRepeatMs: 1_000 });
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await clock.advance(5_000);
    expect(desktop.calls).toEqual([]);
    watcher.setCloseMode('auto');
    desktop.show(browserWindow('0x1', `${SCAM_TITLE}!`));
    await clock.advance(10_000);
    expect(ofType('action-taken')).toHaveLength(1);
  });

  it('reports a window that cannot be closed as action-failed, in plain words', async () => {
    desktop.closeBehaviour.set('0x1', 'refuses');
    desktop.terminateWorks = false;
    start({ closeMode: 'auto' });
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await clock.advance(30_000);
    const [failed] = ofType('action-failed');
    expect(failed?.message).toMatch(/could not be closed/);
    expect(failed?.steps.find((s) => s.step === 'terminate')?.status).toBe('failed');
  });
});

describe('watcher: losing the window source', () => {
  it('reports an error and retries with growing backoff when watching cannot start, then recovers', async () => {
    desktop.watchThrows = [new PlatformError('native-module-missing', 'koffi is missing'), new PlatformError('display-unavailable', 'no display')];
    start({ closeMode: 'never', retryMinMs: 1_000, retryMaxMs: 8_000 });
    expect(ofType('error')).toMatchObject([{ code: 'native-module-missing', retryInMs: 1_000 }]);
    await clock.advance(1_000);
    expect(ofType('error')).toMatchObject([{ code: 'native-module-missing' }, { code: 'display-unavailable', retryInMs: 2_000 }]);
    expect(desktop.subscribers()).toBe(0);
    await clock.advance(2_000);
    expect(desktop.subscribers()).toBe(1);
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    expect(ofType('status').map((e) => e.state)).toEqual(['retrying', 'retrying', 'watching']);
    expect(ofType('detected')).toHaveLength(1);
  });

  it('passes errors of a running source on as events and keeps going', async () => {
    start({ closeMode: 'never' });
    desktop.show(browserWindow('0x1', 'Mail - Chromium'));
    desktop.fail(new PlatformError('display-unavailable', 'X connection broken'));
    expect(ofType('error')).toMatchObject([{ code: 'display-unavailable' }]);
    desktop.show(browserWindow('0x2', SCAM_TITLE));
    expect(ofType('detected')).toHaveLength(1);
    expect(ofType('status').map((e) => e.state)).toEqual(['watching', 'retrying', 'watching']);
  });

  it('a listener that throws does not stop the others', async () => {
    const watcher = start({ closeMode: 'never' });
    watcher.subscribe(() => {
      throw new Error('broken tray');
    });
    const second: WatchEvent[] = [];
    watcher.subscribe((e) => second.push(e));
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    expect(second.some((e) => e.type === 'detected')).toBe(true);
  });

  it('stop() unsubscribes, cancels retries and emits stopped', async () => {
    desktop.watchThrows = [new PlatformError('display-unavailable', 'no display')];
    const watcher = start({ closeMode: 'never' });
    expect(clock.pending()).toBe(1);
    watcher.stop();
    expect(clock.pending()).toBe(0);
    expect(ofType('status').at(-1)?.state).toBe('stopped');
  });
});

describe('watcher: second stage (page text)', () => {
  const bland = (id: string, title = 'Security Center - Chromium') => browserWindow(id, title, { fullscreen: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 } });

  it('reads a suspicious window and turns page text into a scam verdict (and closes in auto mode)', async () => {
    const reader = new FakeReader();
    start({ closeMode: 'auto' }, { pageText: reader });
    desktop.show(bland('0x1'));
    await flush();
    expect(ofType('suspicious')[0]?.contentCheck).toBe(true);
    expect(reader.reads).toHaveLength(1);
    reader.reads[0]?.resolve({ text: 'Access to this PC has been blocked. Your computer is infected. Call +1-888-555-0147', captureMs: 40, ocrMs: 300 });
    await clock.advance(10_000);
    const [detected] = ofType('detected');
    expect(detected).toMatchObject({ stage: 'content', next: 'close', window: { windowId: '0x1' } });
    expect(detected?.ms).toBe(340);
    expect(ofType('action-taken')).toHaveLength(1);
  });

  it('reports a harmless read as content-checked and leaves the window', async () => {
    const reader = new FakeReader();
    start({ closeMode: 'auto' }, { pageText: reader });
    desktop.show(bland('0x1', 'Slides - Chromium'));
    await flush();
    reader.reads[0]?.resolve({ text: 'Quarterly garden club slides', captureMs: 1, ocrMs: 2 });
    await clock.advance(5_000);
    expect(ofType('content-checked')).toMatchObject([{ textChars: 28, verdict: { verdict: 'clean' } }]);
    expect(desktop.calls).toEqual([]);
  });

  it('reads one window at a time and never re-reads the same window and title', async () => {
    const reader = new FakeReader();
    start({ closeMode: 'never' }, { pageText: reader });
    desktop.show(bland('0x1'));
    desktop.show(bland('0x2'));
    desktop.show(bland('0x1'));
    await flush();
    expect(reader.reads.map((r) => r.window.id)).toEqual(['0x1']);
    reader.reads[0]?.resolve({ text: 'nothing', captureMs: 1, ocrMs: 1 });
    await flush();
    expect(reader.reads.map((r) => r.window.id)).toEqual(['0x1', '0x2']);
    reader.reads[1]?.resolve({ text: 'nothing', captureMs: 1, ocrMs: 1 });
    await flush();
    desktop.show(bland('0x1'));
    await flush();
    expect(reader.reads).toHaveLength(2);
  });

  it('aborts the read when the window goes away', async () => {
    const reader = new FakeReader();
    start({ closeMode: 'never' }, { pageText: reader });
    desktop.show(browserWindow('0x100', 'Mail - Chromium'));
    desktop.show(bland('0x1'));
    await flush();
    expect(reader.reads[0]?.signal?.aborted).toBe(false);
    desktop.remove('0x1');
    desktop.show(browserWindow('0x100', 'Mail - Chromium'));
    await flush();
    expect(reader.reads[0]?.signal?.aborted).toBe(true);
    reader.reads[0]?.resolve({ text: 'infected', captureMs: 1, ocrMs: 1 });
    await flush();
    expect(ofType('detected')).toEqual([]);
  });

  it('looks again while the page stays full screen in front, and closes it once the late warning is read', async () => {
    const reader = new FakeReader();
    start({ closeMode: 'auto' }, { pageText: reader });
    desktop.show(bland('0x1'));
    await flush();
    reader.reads[0]?.resolve({ text: 'Scanning your computer... 12%', captureMs: 40, ocrMs: 300 });
    await clock.advance(999);
    expect(reader.reads).toHaveLength(1);
    expect(ofType('content-checked')).toHaveLength(1);
    await clock.advance(1); // the first second look
    expect(reader.reads).toHaveLength(2);
    reader.reads[1]?.resolve({ text: 'Windows Defender: your computer is infected. Call Microsoft Support +1-888-555-0147', captureMs: 40, ocrMs: 300 });
    await clock.advance(10_000);
    expect(ofType('detected')).toMatchObject([{ stage: 'content', next: 'close' }]);
    expect(ofType('action-taken')).toHaveLength(1);
    expect(reader.reads).toHaveLength(2); // judged: no more looks
  });

  it('stops looking when another window comes to the front', async () => {
    const reader = new FakeReader();
    start({ closeMode: 'never' }, { pageText: reader });
    desktop.show(bland('0x1'));
    await flush();
    reader.reads[0]?.resolve({ text: 'Please wait', captureMs: 1, ocrMs: 1 });
    await flush();
    desktop.show(browserWindow('0x100', 'Mail - Chromium'));
    await clock.advance(60_000);
    expect(reader.reads).toHaveLength(1);
  });

  it('reports a failing reader as an error event', async () => {
    const reader = new FakeReader();
    start({ closeMode: 'never' }, { pageText: reader });
    desktop.show(bland('0x1'));
    await flush();
    reader.reads[0]?.reject(new PlatformError('ocr-missing', 'tesseract is not installed'));
    await flush();
    expect(ofType('error')).toMatchObject([{ code: 'ocr-missing' }]);
  });
});
