/**
 * The watcher's behaviour evidence (issue 13 item 2): a title that changes every second and a
 * refused close (the browser's "Leave site?" prompt read on the page) reach the detector as
 * `behaviour`, beside popup bursts; and read text is judged with the title the page shows now.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createWatcher, type WatcherDeps } from '../../../src/engine/watch/index.js';
import { BehaviourTrail, showsLeavePrompt, TITLE_WINDOW_MS } from '../../../src/engine/watch/window-behaviour.js';
import type { WindowObservation } from '../../../src/shared/observation.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { browserWindow, FakeClock, FakeDesktop, FakeReader, flush } from './fakes.js';
import { testClassify } from './test-classify.js';

describe('showsLeavePrompt: the browsers\' own beforeunload wording', () => {
  it.each([
    'Leave site?\nChanges you made may not be saved.\nLeave  Cancel',
    'Leave page? Leave  Stay',
    'This page is asking you to confirm that you want to leave — information you’ve entered may not be saved.',
    'このサイトを離れますか？ 行った変更が保存されない可能性があります。',
    'Website verlassen? Die vorgenommenen Änderungen werden möglicherweise nicht gespeichert.',
    'Quitter le site ? Les modifications que vous avez apportées ne seront peut-être pas enregistrées.',
    'Site verlaten?',
    '¿Salir del sitio web?',
    'Lämna webbplatsen?',
  ])('sees %j', (text) => {
    expect(showsLeavePrompt(text)).toBe(true);
  });

  it.each(['Leave a comment', 'Please leave this site open while the update runs', 'Quitter', 'サイトを見る', ''])('does not see %j', (text) => {
    expect(showsLeavePrompt(text)).toBe(false);
  });
});

describe('BehaviourTrail', () => {
  it('counts distinct titles of the last ten seconds, the same title once', () => {
    const trail = new BehaviourTrail();
    for (let i = 0; i < 6; i += 1) trail.sawTitle(i % 2 === 0 ? 'Loading' : `Warning ${i}`, 1_000 * i);
    expect(trail.behaviourAt(5_000)).toEqual({ recentTitles: 4 });
    trail.sawTitle('Warning 1', 6_000); // seen again: now the newest
    expect(trail.behaviourAt(5_000 + TITLE_WINDOW_MS)).toEqual({ recentTitles: 2 });
    expect(trail.behaviourAt(6_001 + TITLE_WINDOW_MS)).toEqual({});
  });

  it('keeps a refused close as evidence once seen', () => {
    const trail = new BehaviourTrail();
    trail.sawText('Your computer is blocked');
    expect(trail.behaviourAt(0)).toEqual({});
    trail.sawText('Leave site? Changes you made may not be saved.');
    trail.sawText('Your computer is blocked');
    expect(trail.behaviourAt(0)).toEqual({ refusedClose: true });
  });
});

describe('watcher: behaviour reaches the detector', () => {
  let clock: FakeClock;
  let desktop: FakeDesktop;
  let seen: WindowObservation[];
  let events: WatchEvent[];
  const full = (id: string, title: string) => browserWindow(id, title, { fullscreen: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 } });

  function start(deps: Partial<WatcherDeps> = {}): void {
    const classify = (observation: WindowObservation) => {
      seen.push(observation);
      return testClassify(observation);
    };
    const watcher = createWatcher({ windows: desktop, actions: desktop, clock, classify, ...deps }, { closeMode: 'never' });
    watcher.subscribe((event) => events.push(event));
    watcher.start();
  }

  beforeEach(() => {
    clock = new FakeClock();
    desktop = new FakeDesktop();
    seen = [];
    events = [];
  });

  it('a title that changes every second is title churn; one steady title is not', async () => {
    start();
    desktop.show(browserWindow('0x1', 'Mail - Chromium'));
    await clock.advance(1_000);
    expect(seen.at(-1)?.behaviour).toBeUndefined();
    for (let i = 0; i < 5; i += 1) {
      desktop.show(browserWindow('0x1', `(${i}) Alert - Chromium`));
      await clock.advance(1_000);
    }
    expect(seen.at(-1)?.behaviour?.recentTitles).toBe(6);
    await clock.advance(TITLE_WINDOW_MS + 1_000);
    desktop.show(browserWindow('0x1', 'Mail - Chromium'));
    await flush();
    expect(seen.at(-1)?.behaviour).toBeUndefined();
  });

  it('a "Leave site?" prompt read on the page counts as a refused close, then and afterwards', async () => {
    const reader = new FakeReader();
    start({ pageText: reader });
    desktop.show(full('0x1', 'Security Center - Chromium'));
    await flush();
    reader.reads[0]?.resolve({ text: 'Leave site?\nChanges you made may not be saved.', captureMs: 1, ocrMs: 2 });
    await flush();
    expect(seen.at(-1)).toMatchObject({ text: expect.stringContaining('Leave site?'), behaviour: { refusedClose: true } });
    desktop.show(full('0x1', 'Security Center (1) - Chromium'));
    await flush();
    expect(seen.at(-1)).toMatchObject({ title: 'Security Center (1) - Chromium', behaviour: { refusedClose: true } });
  });

  it('judges read text with the title the page shows now, not the one it had when the read began', async () => {
    const reader = new FakeReader();
    start({ pageText: reader });
    desktop.show(full('0x1', 'Untitled - Chromium'));
    await flush();
    expect(reader.reads).toHaveLength(1);
    desktop.show(full('0x1', 'Harbourside Bank: beware of fake warnings - Chromium'));
    await flush();
    reader.reads[0]?.resolve({ text: 'We will never ask you to install remote access software.', captureMs: 1, ocrMs: 2 });
    await flush();
    const content = seen.filter((observation) => observation.text !== undefined);
    expect(content.map((observation) => observation.title)).toEqual(['Harbourside Bank: beware of fake warnings - Chromium']);
    expect(events.find((event) => event.type === 'content-checked')).toMatchObject({ window: { title: 'Harbourside Bank: beware of fake warnings - Chromium' } });
  });
});
